package dk.jobmatch.cli;

import dk.jobmatch.narrative.Narrator;
import dk.jobmatch.taxonomy.Taxonomy;
import picocli.CommandLine.Option;

/**
 * The options of the commands whose results can be read aloud ({@code match}, {@code suggest},
 * {@code explain}): {@code --format json|text} ({@code explain} also {@code html}) and {@code
 * --lang da|en}. Included in a command with picocli's {@code @Mixin}.
 *
 * <p>Not thread-safe: filled in by picocli, then read by one command run.
 */
public final class NarrationOptions {
  /** What a command writes. */
  public enum Format {
    /** JSON Lines, the contract of docs/cli.md (the default). */
    json,
    /** A short block of sentences per result or pair, to read aloud. */
    text,
    /** {@code explain} only: one printable page per pair for the citizen. */
    html
  }

  /** What the narrator speaks. */
  public enum Lang {
    /** Danish (the default). */
    da,
    /** English. */
    en
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json (default): JSON Lines; text: a short block of sentences per result, to read aloud"
          + " (explain also: html, a printable page per pair, with --out).")
  Format format = Format.json;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "da",
      description = "The language of text and html output and of the names in the JSON \"labels\": da (default) or en.")
  Lang lang = Lang.da;

  /** The format asked for. */
  public Format format() {
    return format;
  }

  /**
   * Refuses {@code html} for a command that has no page.
   *
   * @throws CliException ({@link ExitCode#USAGE}) on {@code --format html} when not allowed
   */
  void check(boolean htmlAllowed) {
    if (format == Format.html && !htmlAllowed) {
      throw CliException.usage("--format: html is only for explain; use json or text");
    }
  }

  /** A narrator in the chosen language, naming things by the taxonomy's labels. */
  Narrator narrator(Taxonomy taxonomy) {
    return Narrator.of(taxonomy, lang.name());
  }
}
