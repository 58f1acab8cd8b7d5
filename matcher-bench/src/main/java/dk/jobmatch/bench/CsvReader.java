package dk.jobmatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal RFC 4180 reader for the ESCO CSV export: comma-separated, fields optionally quoted,
 * {@code ""} inside quotes, line breaks inside quoted fields (ESCO's {@code altLabels}), an
 * optional UTF-8 byte-order mark. Only what the generator needs; the taxonomy loader in
 * matcher-core is the complete one. The file is read whole (the largest ESCO file is 21 MB),
 * which is several times faster than a character-at-a-time reader.
 *
 * <p>Not thread-safe: one reader per file.
 */
final class CsvReader implements AutoCloseable {
  private final String text;
  private final Path file;
  private final Map<String, Integer> header = new HashMap<>();
  private int pos;
  private long line = 1;

  CsvReader(Path file) throws IOException {
    this.file = file;
    this.text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      pos = 1;
    }
    List<String> names = next();
    if (names == null) {
      throw new IOException(file + ":1: empty file, expected a header line");
    }
    for (int i = 0; i < names.size(); i++) {
      header.put(names.get(i).trim(), i);
    }
  }

  /**
   * The index of a header column.
   *
   * @throws IOException naming the file when the column is missing
   */
  int column(String name) throws IOException {
    Integer i = header.get(name);
    if (i == null) {
      throw new IOException(file + ":1: missing column '" + name + "' (has " + header.keySet() + ")");
    }
    return i;
  }

  /**
   * The next record's fields, or {@code null} at the end of the file.
   *
   * @throws IOException naming the file and line of an unterminated quoted field
   */
  List<String> next() throws IOException {
    int n = text.length();
    if (pos >= n) {
      return null;
    }
    List<String> fields = new ArrayList<>(16);
    StringBuilder field = new StringBuilder(64);
    long start = line;
    while (true) {
      if (pos < n && text.charAt(pos) == '"') {
        pos++;
        while (true) {
          if (pos >= n) {
            throw new IOException(file + ":" + start + ": unterminated quoted field");
          }
          char c = text.charAt(pos++);
          if (c == '"') {
            if (pos < n && text.charAt(pos) == '"') {
              field.append('"');
              pos++;
            } else {
              break;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append(c);
          }
        }
      }
      // Unquoted part (or what follows a closing quote) up to the next comma or line end.
      while (pos < n) {
        char c = text.charAt(pos);
        if (c == ',' || c == '\n') {
          break;
        }
        if (c != '\r') {
          field.append(c);
        }
        pos++;
      }
      fields.add(field.toString());
      field.setLength(0);
      if (pos >= n) {
        return fields;
      }
      char sep = text.charAt(pos++);
      if (sep == '\n') {
        line++;
        return fields;
      }
    }
  }

  @Override
  public void close() {
    // Nothing held open: the text was read whole.
  }
}
