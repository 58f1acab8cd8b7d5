package dk.jobmatch.taxonomy;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams the records of an RFC 4180 file (quoted fields, doubled quotes, line breaks inside
 * quotes) with a header line, on top of Jackson's CSV parser. Adds what every loader here needs:
 * a UTF-8 byte-order mark is skipped, invalid UTF-8 is an error, columns are found by header
 * name (so files with extra columns, such as the labelled relation files of the official ESCO
 * download, read the same), every record must have as many fields as the header, blank lines are
 * skipped, and every error is a {@link DataFileException} naming the source and the line where
 * the record starts.
 *
 * <p>Not thread-safe; one instance reads one file once.
 */
final class CsvRecords implements Closeable {
  private static final CsvFactory FACTORY = new CsvFactory();

  private final String source;
  private final CsvParser parser;
  private final String[] header;
  private final Map<String, Integer> columns = new HashMap<>();
  private String[] fields = new String[16];
  private int count;
  private long line;
  private boolean started;

  private CsvRecords(Reader reader, String source, char separator, boolean comments) throws IOException {
    this.source = source;
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
    if (comments) {
      schema = schema.withComments();
    }
    this.parser = FACTORY.createParser(reader);
    parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    parser.setSchema(schema);
    if (!next(false)) {
      close();
      throw new DataFileException(source, 1, "the file is empty; a header line is required");
    }
    header = Arrays.copyOf(fields, count);
    for (int i = 0; i < header.length; i++) {
      String name = header[i].trim();
      if (columns.putIfAbsent(name, i) != null) {
        close();
        throw new DataFileException(source, line, "header: column '" + name + "' appears twice");
      }
    }
  }

  /**
   * Opens a UTF-8 file (with or without byte-order mark).
   *
   * @throws IOException if the file cannot be opened or its header cannot be read
   */
  static CsvRecords open(Path file, char separator, boolean comments) throws IOException {
    return open(Files.newInputStream(file), file.toString(), separator, comments);
  }

  /**
   * Opens a UTF-8 file that must end with a line break: a file cut off in the middle of a line
   * (an interrupted download or copy) fails instead of loading a truncated last record.
   *
   * @throws DataFileException naming the file and its last line if it does not end with a line break
   * @throws IOException if the file cannot be opened or its header cannot be read
   */
  static CsvRecords openComplete(Path file, char separator, boolean comments) throws IOException {
    try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size > 0) {
        java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
        ch.position(size - 1);
        ch.read(last);
        if (last.get(0) != '\n' && last.get(0) != '\r') {
          long lines = 1;
          try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
              if (b == '\n') {
                lines++;
              }
            }
          }
          throw new DataFileException(file.toString(), lines,
              "the file does not end with a line break: it was probably cut off (an interrupted download or copy);"
                  + " get the file again");
        }
      }
    }
    return open(file, separator, comments);
  }

  /** Opens a UTF-8 stream; {@code source} names it in error messages. Closes the stream on close. */
  static CsvRecords open(InputStream in, String source, char separator, boolean comments) throws IOException {
    Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    try {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      return new CsvRecords(reader, source, separator, comments);
    } catch (CharacterCodingException e) {
      reader.close();
      throw new DataFileException(source, 1, "is not valid UTF-8", e);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The header's column names, trimmed. */
  String[] header() {
    return header.clone();
  }

  /**
   * The index of a required column.
   *
   * @throws DataFileException naming the column and the columns present
   */
  int column(String name) throws DataFileException {
    Integer i = columns.get(name);
    if (i == null) {
      throw new DataFileException(source, 1, "header: required column '" + name + "' is missing (columns: "
          + String.join(",", header) + ")");
    }
    return i;
  }

  /** The index of an optional column, or -1. */
  int optionalColumn(String name) {
    return columns.getOrDefault(name, -1);
  }

  /**
   * Advances to the next non-blank record.
   *
   * @return false at the end of the file
   * @throws DataFileException on malformed CSV, invalid UTF-8 or a wrong number of fields
   */
  boolean next() throws IOException {
    while (next(true)) {
      if (count == 1 && fields[0].isBlank()) {
        continue;
      }
      if (count != header.length) {
        throw error("has " + count + " fields but the header has " + header.length);
      }
      return true;
    }
    return false;
  }

  private boolean next(boolean skipOuter) throws IOException {
    count = 0;
    long start = -1;
    try {
      JsonToken t = parser.nextToken();
      if (!started) {
        // WRAP_AS_ARRAY wraps the whole file in one outer array around the per-record arrays.
        started = true;
        if (t == JsonToken.START_ARRAY) {
          t = parser.nextToken();
        }
      }
      if (t == null || t == JsonToken.END_ARRAY) {
        return false;
      }
      if (t != JsonToken.START_ARRAY) {
        throw new DataFileException(source, parser.currentLocation().getLineNr(), "unexpected CSV token " + t);
      }
      t = parser.nextToken();
      while (t == JsonToken.VALUE_STRING) {
        if (start < 0) {
          start = parser.currentTokenLocation().getLineNr();
        }
        if (count == fields.length) {
          fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = parser.getText();
        t = parser.nextToken();
      }
      if (t != JsonToken.END_ARRAY) {
        throw new DataFileException(source, Math.max(start, 1), "unexpected CSV token " + t);
      }
      line = start;
      return true;
    } catch (StreamReadException e) {
      long at = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      long reported = start > 0 ? start : Math.max(at, 1);
      String msg = e.getOriginalMessage();
      throw new DataFileException(source, reported, "malformed CSV: " + msg
          + (at > 0 ? " (detected at line " + at + ", column " + e.getLocation().getColumnNr() + ")" : ""), e);
    } catch (CharacterCodingException e) {
      long at = parser.currentLocation().getLineNr();
      throw new DataFileException(source, start > 0 ? start : at, "is not valid UTF-8", e);
    }
  }

  /** Field {@code i} of the current record, as read (not trimmed). */
  String get(int i) {
    return fields[i];
  }

  /** Field {@code i} trimmed, or {@code null} when the column is absent ({@code i < 0}) or blank. */
  String trimmedOrNull(int i) {
    if (i < 0) {
      return null;
    }
    String s = fields[i].strip();
    return s.isEmpty() ? null : s;
  }

  /** The 1-based line where the current record starts. */
  long line() {
    return line;
  }

  /** The source name used in messages. */
  String source() {
    return source;
  }

  /** An error about the current record. */
  DataFileException error(String detail) {
    return new DataFileException(source, line, detail);
  }

  /** An error about one field of the current record: {@code field: 'value' rule}. */
  DataFileException error(String field, String value, String rule) {
    String v = dk.jobmatch.internal.Checks.printable(value.length() > 120 ? value.substring(0, 117) + "..." : value);
    return new DataFileException(source, line, field + ": '" + v + "' " + rule);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
