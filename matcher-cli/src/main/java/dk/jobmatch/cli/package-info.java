/**
 * The {@code jobmatch} command line: JSON Lines in, JSON Lines out (docs/cli.md).
 *
 * <p><b>Parts.</b> {@link dk.jobmatch.cli.Main} builds the picocli command tree ({@code match},
 * {@code suggest}, {@code batch}, {@code validate}) and maps every outcome to an {@link
 * dk.jobmatch.cli.ExitCode}. {@link dk.jobmatch.cli.EngineCommand} holds what the indexing
 * commands share: loading reference data ({@link dk.jobmatch.cli.ReferenceDataLoader}), reading
 * orders, checking and streaming citizens into the engine. Their shared options are picocli
 * mixins, one per group ({@link dk.jobmatch.cli.SourceOptions}, {@link dk.jobmatch.cli.IndexOption},
 * {@link dk.jobmatch.cli.ReferenceDataOptions}, {@link dk.jobmatch.cli.OutOption}, {@link
 * dk.jobmatch.cli.RunOptions}, {@link dk.jobmatch.cli.NarrationOptions}): a command lists and accepts
 * exactly the groups it declares. {@link
 * dk.jobmatch.cli.RecordFile} is one pass over one input file: lines from {@link
 * dk.jobmatch.cli.io.JsonLinesReader}, records from {@link dk.jobmatch.cli.json}, problems to
 * {@link dk.jobmatch.cli.io.Stderr}, progress to {@link dk.jobmatch.cli.io.Progress}.
 *
 * <p><b>How a {@code match} run flows.</b> Options and files are checked first, so a typo fails in
 * milliseconds, not after an hour of indexing (exit 2). The output is opened early (a temporary
 * file next to {@code --out}, moved into place at the end). Reference data is loaded and the
 * engine built. Job orders are read into memory (thousands); with {@code --strict} any bad order
 * stops the run. With {@code --strict} the citizens file is then read once without indexing, and
 * any bad line stops the run with nothing indexed or written (exit 3). Citizens are streamed into
 * the engine in batches — one line in memory at a time, so a 2 GB file costs no more heap than the
 * index itself — and the engine is refreshed. Orders are ranked on a few threads and their lines
 * written strictly in input order. Bad lines were reported as {@code FILE:LINE: field: reason} as
 * they were met; the run ends with a summary per file and exit 3 if any line was rejected.
 *
 * <p><b>Why so strict.</b> Files come from case-management exports that can be cut off, saved in
 * the wrong encoding or edited by hand. Silently repairing or skipping would lose a citizen from
 * every shortlist without anyone noticing; so unknown fields, duplicate keys, invalid UTF-8 and
 * incomplete lines are all errors that name the line, and nothing personal beyond the record id is
 * ever printed.
 *
 * <p>The package is an application, not a library: its public types are public for the {@code
 * batch} command and for tests, not as a stable API ({@code @lucene.internal} in spirit).
 */
package dk.jobmatch.cli;
