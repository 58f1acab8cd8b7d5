package dk.jobmatch.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.jobmatch.report.BatchReport;

/**
 * The JSON form of a {@link BatchReport}: the records as they are, field names as in the Java
 * record components, indented. Absent values ({@code label}, {@code ratio}) are written as
 * {@code null}; numbers never as NaN.
 *
 * <p>Thread-safe.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** The report as an indented JSON document ending with a newline. */
  public static String write(BatchReport report) {
    try {
      return MAPPER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report cannot be written as JSON", e);
    }
  }
}
