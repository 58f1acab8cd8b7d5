package dk.jobmatch.cli;

import dk.jobmatch.cli.io.Stderr;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a command needs from its surroundings: where results go, where messages go, whether
 * standard error is a terminal, a clock for progress rates, and how reference data is loaded.
 * Passing these in (rather than using {@code System.out}) lets tests run the whole CLI in-process.
 * Immutable; the streams are shared by the commands of one run.
 *
 * @param out results (JSON Lines, help, version); written as UTF-8 bytes
 * @param err diagnostics and progress
 * @param nanoClock a monotonic clock in nanoseconds
 * @param referenceData the loaders behind {@code --esco}, {@code --disco} and {@code --shortage}
 */
public record CliContext(PrintStream out, Stderr err, LongSupplier nanoClock, ReferenceDataLoader referenceData) {
  /** Checks that nothing is null. */
  public CliContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(referenceData, "referenceData");
  }
}
