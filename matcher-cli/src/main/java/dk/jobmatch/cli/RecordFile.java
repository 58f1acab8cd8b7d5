package dk.jobmatch.cli;

import dk.jobmatch.cli.io.JsonLinesReader;
import dk.jobmatch.cli.io.Progress;
import dk.jobmatch.cli.io.Stderr;
import dk.jobmatch.cli.json.CitizenJson;
import dk.jobmatch.cli.json.JobOrderJson;
import dk.jobmatch.cli.json.OutcomeJson;
import dk.jobmatch.tuning.OutcomeLabel;
import dk.jobmatch.cli.json.LineProblem;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.collections.api.map.primitive.MutableObjectLongMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectLongHashMap;

/**
 * One JSON Lines input file (citizens or job orders) and the streaming pass that reads it: line by
 * line, each line parsed and validated on its own, bad lines reported as {@code FILE:LINE: field:
 * reason} and skipped, duplicate ids warned about (the later line wins), progress shown. Only one
 * line is in memory at a time; what is kept across lines is one map from id to its last line
 * number, so that duplicates can be named and a second pass can skip superseded lines.
 *
 * <p>Not thread-safe: a pass runs on the calling thread.
 *
 * @param <T> the record type
 */
public final class RecordFile<T> {
  /** Parses one line into a record. */
  public interface Parser<T> {
    /**
     * @param truncatedHint the line is the last and the file has no final newline
     * @throws LineProblem if the line is not a valid record
     */
    T parse(String text, boolean truncatedHint) throws LineProblem;

    /** The record's id, for duplicate detection. */
    String id(T record);
  }

  /** Receives each valid record with its line number. */
  @FunctionalInterface
  public interface Sink<T> {
    /** @throws IOException if passing the record on fails */
    void accept(long line, T record) throws IOException;
  }

  /** Citizens (docs/cli.md). */
  public static final Parser<Citizen> CITIZENS = new Parser<>() {
    @Override public Citizen parse(String text, boolean truncatedHint) throws LineProblem {
      return CitizenJson.parse(text, truncatedHint);
    }
    @Override public String id(Citizen c) {
      return c.id();
    }
  };

  /** Job orders (docs/cli.md). */
  public static final Parser<JobOrder> ORDERS = new Parser<>() {
    @Override public JobOrder parse(String text, boolean truncatedHint) throws LineProblem {
      return JobOrderJson.parse(text, truncatedHint);
    }
    @Override public String id(JobOrder o) {
      return o.id();
    }
  };

  /** Outcomes of the {@code tune} command; the id is the (order, citizen) pair. */
  public static final Parser<OutcomeLabel> OUTCOMES = new Parser<>() {
    @Override public OutcomeLabel parse(String text, boolean truncatedHint) throws LineProblem {
      return OutcomeJson.parse(text, truncatedHint);
    }
    @Override public String id(OutcomeLabel o) {
      return o.order() + " " + o.citizen();
    }
  };

  /**
   * What one pass found.
   *
   * @param lines physical lines read
   * @param records valid records passed on (duplicates included)
   * @param rejected lines rejected
   * @param duplicates valid lines whose id appeared on an earlier valid line
   * @param noRecords the file held no record and no bad line: empty, or blank lines only
   */
  public record Summary(long lines, long records, long rejected, long duplicates, boolean noRecords) {
    /** Whether the run must exit with {@link ExitCode#DATA}. */
    public boolean hasProblems() {
      return rejected > 0 || noRecords;
    }
  }

  private final Path path;
  private final String option;
  private final String noun;
  private final Parser<T> parser;
  private final int maxLineBytes;
  private MutableObjectLongMap<String> lastLineById;

  /**
   * @param path the file
   * @param option the option that named it, for messages ({@code --citizens})
   * @param noun what a record is, plural, for messages ({@code citizens})
   * @param parser how a line becomes a record
   * @param maxLineBytes longer lines are rejected
   */
  public RecordFile(Path path, String option, String noun, Parser<T> parser, int maxLineBytes) {
    this.path = Objects.requireNonNull(path, "path");
    this.option = option;
    this.noun = noun;
    this.parser = parser;
    this.maxLineBytes = maxLineBytes;
  }

  /** The file as the user named it, the {@code FILE} of {@code FILE:LINE:} messages. */
  public String name() {
    return path.toString();
  }

  /** The path. */
  public Path path() {
    return path;
  }

  /**
   * Fails fast, before any slow work, if the file cannot be read.
   *
   * @throws CliException ({@link ExitCode#USAGE}) naming the option and the file
   */
  public void checkReadable() {
    if (!Files.exists(path)) {
      throw CliException.usage(option + ": file not found: " + name());
    }
    if (Files.isDirectory(path)) {
      throw CliException.usage(option + ": is a directory, not a file: " + name());
    }
    if (!Files.isReadable(path)) {
      throw CliException.usage(option + ": file is not readable (permissions): " + name());
    }
  }

  /**
   * Whether {@code line} is the last valid line of its record's id, i.e. the line that wins.
   * Only after a pass with {@code trackIds}.
   */
  public boolean isWinningLine(String id, long line) {
    return lastLineById.getIfAbsent(id, -1) == line;
  }

  /**
   * Reads the file once.
   *
   * @param err where problems are reported
   * @param report whether to report bad lines, duplicates and an empty file (a later pass over
   *     the same file stays silent)
   * @param trackIds whether to keep the id → last line map (needed for duplicate warnings and
   *     for {@link #isWinningLine}); a later pass may reuse the map of an earlier one
   * @param progress progress to feed
   * @param sink receives each valid record
   * @throws CliException ({@link ExitCode#USAGE}) if the file cannot be read
   * @throws IOException if the sink fails
   */
  public Summary read(Stderr err, boolean report, boolean trackIds, Progress progress, Sink<T> sink) throws IOException {
    if (trackIds) {
      lastLineById = new ObjectLongHashMap<>();
    }
    long lines = 0;
    long records = 0;
    long rejected = 0;
    long duplicates = 0;
    long bytes = 0;
    try (JsonLinesReader reader = new JsonLinesReader(open(), maxLineBytes)) {
      JsonLinesReader.Line line;
      while (true) {
        try {
          line = reader.next();
        } catch (IOException e) {
          throw CliException.usage(option + ": cannot read " + name() + " after line " + lines + ": " + describe(e));
        }
        if (line == null) {
          break;
        }
        lines = line.number();
        bytes = reader.bytesConsumed();
        if (line.problem() != null) {
          rejected++;
          if (report) {
            err.println(name() + ":" + line.number() + ": " + line.problem());
          }
        } else if (!line.isBlank()) {
          T record;
          try {
            record = parser.parse(line.text(), line.endsWithoutNewline());
          } catch (LineProblem p) {
            rejected++;
            if (report) {
              err.println(name() + ":" + line.number() + ": " + p.getMessage());
            }
            progress.update(lines, bytes, rejected);
            continue;
          }
          records++;
          if (trackIds) {
            String id = parser.id(record);
            long previous = lastLineById.getIfAbsent(id, -1);
            if (previous >= 0) {
              duplicates++;
              if (report) {
                err.println(name() + ":" + line.number() + ": warning: duplicate id '" + id + "' (also on line "
                    + previous + "); line " + line.number() + " replaces line " + previous);
              }
            }
            lastLineById.put(id, line.number());
          }
          sink.accept(line.number(), record);
        }
        progress.update(lines, bytes, rejected);
      }
    }
    progress.finish(lines, bytes, rejected);
    boolean noRecords = records == 0 && rejected == 0;
    if (noRecords && report) {
      err.println(name() + ": " + (lines == 0
          ? "the file is empty: no " + noun
          : "no " + noun + ": the file holds only blank lines"));
    }
    return new Summary(lines, records, rejected, duplicates, noRecords);
  }

  /** A one-line account of a pass with problems, or {@code null} if there is nothing to say. */
  public String describe(Summary s) {
    if (s.rejected() == 0 && s.duplicates() == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder(name()).append(": ");
    sb.append(String.format(Locale.ROOT, "%,d of %,d %s rejected", s.rejected(), s.lines(), s.lines() == 1 ? "line" : "lines"));
    if (s.duplicates() > 0) {
      sb.append(String.format(Locale.ROOT, ", %,d duplicate %s (later lines won)", s.duplicates(),
          s.duplicates() == 1 ? "id" : "ids"));
    }
    return sb.toString();
  }

  /** The file's size in bytes, for progress; 0 if unknown. */
  public long size() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  private InputStream open() {
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw CliException.usage(option + ": file not found: " + name());
    } catch (AccessDeniedException e) {
      throw CliException.usage(option + ": file is not readable (permissions): " + name());
    } catch (IOException e) {
      throw CliException.usage(option + ": cannot open " + name() + ": " + describe(e));
    }
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
