package dk.jobmatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --index}: the persistent index an engine command reads ({@code match}, {@code suggest},
 * {@code batch}, {@code explain}, {@code tune}, {@code compare-policies}) or writes ({@code
 * index}, {@code apply}). Included with picocli's {@code @Mixin}.
 *
 * <p>Not thread-safe: filled in by picocli, then read by one command run.
 */
final class IndexOption {
  /** {@code --index}: the index directory, or null. */
  @Option(names = "--index", paramLabel = "DIR", order = EngineCommand.HELP_ORDER + 2,
      description = "A persistent index built by 'jobmatch index' (and kept current by 'jobmatch apply'), in place of"
          + " --citizens: its last commit is used, also while an apply is writing. The reference data and policy"
          + " must be those it was built with.")
  Path index;
}
