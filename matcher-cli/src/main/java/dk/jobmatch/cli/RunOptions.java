package dk.jobmatch.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How an engine command runs, the same for all of them: {@code --strict}, {@code --as-of},
 * {@code --threads}, {@code --quiet}, {@code --verbose}. Included with picocli's {@code @Mixin}.
 *
 * <p>Not thread-safe: filled in by picocli, then read by one command run.
 */
final class RunOptions {
  /** {@code --strict}: any bad line stops the run before indexing. */
  @Option(names = "--strict", order = EngineCommand.HELP_ORDER + 8,
      description = "If any line of an input file is bad: report every bad line, index nothing, write nothing, exit 3.")
  boolean strict;

  /** {@code --as-of}: the day to match on, or null for today. */
  @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class, order = EngineCommand.HELP_ORDER + 9,
      description = "The day to match on (YYYY-MM-DD): availability, start dates, shortage validity, stale skills."
          + " Default: today.")
  LocalDate asOf;

  /** {@code --threads}: ranking threads, or null for one per processor. */
  @Option(names = "--threads", paramLabel = "N", order = EngineCommand.HELP_ORDER + 10,
      description = "Threads for ranking (default: the number of processors). Output is the same for any N.")
  Integer threads;

  /** {@code --quiet}: no progress lines. */
  @Option(names = {"-q", "--quiet"}, order = EngineCommand.HELP_ORDER + 11,
      description = "No progress lines on standard error.")
  boolean quiet;

  /** {@code --verbose}: how long each phase took. */
  @Option(names = {"-v", "--verbose"}, order = EngineCommand.HELP_ORDER + 12,
      description = "Report the time each phase took on standard error.")
  boolean verbose;

  /** Parses {@code YYYY-MM-DD} with a message that says so. */
  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date YYYY-MM-DD");
      }
    }
  }
}
