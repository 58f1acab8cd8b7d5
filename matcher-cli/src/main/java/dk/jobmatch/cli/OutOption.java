package dk.jobmatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out}: where a command that writes results writes them ({@code match}, {@code suggest},
 * {@code batch}, {@code explain}, {@code tune}, {@code compare-policies}; not {@code index} and
 * {@code apply}, which write the index). Included with picocli's {@code @Mixin}.
 *
 * <p>Not thread-safe: filled in by picocli, then read by one command run.
 */
final class OutOption {
  /** {@code --out}: the result file, or null for standard output. */
  @Option(names = "--out", paramLabel = "FILE", order = EngineCommand.HELP_ORDER + 7,
      description = "Write results to FILE (replaced only when the run completes) instead of standard output.")
  Path out;
}
