package dk.jobmatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The reference data and the scoring policy every engine command builds its engine with: {@code
 * --esco}, {@code --disco}, {@code --shortage}, {@code --policy}. Included with picocli's {@code
 * @Mixin}. With {@code --index}, those not given are taken from the index ({@link
 * EngineCommand#useStoredReference()}).
 *
 * <p>Not thread-safe: filled in by picocli, then read by one command run.
 */
final class ReferenceDataOptions {
  /** {@code --esco}: an ESCO export directory, or null. */
  @Option(names = "--esco", paramLabel = "DIR", order = EngineCommand.HELP_ORDER + 3,
      description = "An ESCO CSV export (e.g. ../shared/data/esco-v1.1.1): resolves ESCO URIs, relates skills.")
  Path esco;

  /** {@code --disco}: a DISCO-08 list, or null. */
  @Option(names = "--disco", paramLabel = "FILE", order = EngineCommand.HELP_ORDER + 4,
      description = "A DISCO-08 list (disco.csv of Danmarks Statistik) for 6-digit Danish codes and titles.")
  Path disco;

  /** {@code --shortage}: a shortage CSV, or null. */
  @Option(names = "--shortage", paramLabel = "FILE", order = EngineCommand.HELP_ORDER + 5,
      description = "Shortage occupations, CSV: occupation,rarArea,category,validFrom,validTo.")
  Path shortage;

  /** {@code --policy}: a scoring policy file, or null for the default policy. */
  @Option(names = "--policy", paramLabel = "FILE", order = EngineCommand.HELP_ORDER + 6,
      description = "A scoring policy file (JSON: name, version, weights, constants, relaxedGates); default: the built-in"
          + " policy. Every result line names the policy as \"policy\":\"name@version\".")
  Path policyFile;
}
