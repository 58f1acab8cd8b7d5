package dk.jobmatch.taxonomy;

import java.io.IOException;

/**
 * A reference-data file (ESCO export, DISCO-08 list, shortage list, sample taxonomy) is
 * malformed. The message has the form {@code source:line: detail}, so a command-line tool can
 * print it as it is; {@link #source()} and {@link #line()} give the parts.
 *
 * <p>Reference data is public classification data, so messages may quote the offending values.
 */
public final class DataFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file or resource name. */
  private final String source;
  /** The 1-based line, or 0 for the whole file. */
  private final long line;
  /** What is wrong, without the location. */
  private final String detail;

  /**
   * An error in a data file.
   *
   * @param source the file name or path (or resource name)
   * @param line the 1-based line where the bad record starts, or 0 if the problem concerns the
   *     whole file
   * @param detail what is wrong, e.g. {@code relationType: 'maybe' must be essential or optional}
   */
  public DataFileException(String source, long line, String detail) {
    this(source, line, detail, null);
  }

  /**
   * As {@link #DataFileException(String, long, String)}, keeping the low-level cause.
   *
   * @param source the file name or path (or resource name)
   * @param line the 1-based line where the bad record starts, or 0 if the problem concerns the
   *     whole file
   * @param detail what is wrong
   * @param cause the low-level error, or null
   */
  public DataFileException(String source, long line, String detail, Throwable cause) {
    super((line > 0 ? source + ":" + line : source) + ": " + detail, cause);
    this.source = source;
    this.line = line;
    this.detail = detail;
  }

  /**
   * The file or resource name.
   *
   * @return the file or resource name as given
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based line of the bad record, or 0 if it concerns the whole file.
   *
   * @return the line, 0 for the whole file
   */
  public long line() {
    return line;
  }

  /**
   * The problem, without the {@code source:line:} prefix.
   *
   * @return the detail as given
   */
  public String detail() {
    return detail;
  }
}
