package dk.jobmatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --citizens} and {@code --orders}: the input files of the commands that read them
 * ({@code match}, {@code suggest}, {@code batch}, {@code explain}, {@code tune}, {@code
 * compare-policies}, {@code index}). Included with picocli's {@code @Mixin}; a command without it
 * neither lists nor accepts these options.
 *
 * <p>Listed first in a command's help (see {@link EngineCommand#HELP_ORDER}). Not thread-safe:
 * filled in by picocli, then read by one command run.
 */
final class SourceOptions {
  /** {@code --citizens}: the citizens file, or null. */
  @Option(names = "--citizens", paramLabel = "FILE", order = EngineCommand.HELP_ORDER,
      description = "Citizens, one JSON object per line (UTF-8). Required unless --index is given.")
  Path citizens;

  /** {@code --orders}: the job orders file, or null. */
  @Option(names = "--orders", paramLabel = "FILE", order = EngineCommand.HELP_ORDER + 1,
      description = "Job orders, one JSON object per line (UTF-8). Required unless --index is given;"
          + " with --index, default: the orders held in the index, in the order they were first added.")
  Path orders;
}
