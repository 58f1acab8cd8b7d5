package dk.jobmatch.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

  private static List<JsonLinesReader.Line> readAll(byte[] bytes, int max) throws IOException {
    try (JsonLinesReader r = new JsonLinesReader(new ByteArrayInputStream(bytes), max)) {
      List<JsonLinesReader.Line> out = new ArrayList<>();
      for (JsonLinesReader.Line l; (l = r.next()) != null; ) {
        out.add(l);
      }
      assertEquals(bytes.length, r.bytesConsumed(), "every byte is consumed");
      return out;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void splitsOnNewlineDropsCarriageReturnAndKeepsUtf8() throws IOException {
    List<JsonLinesReader.Line> lines = readAll(utf8("{\"a\":1}\r\n\n{\"b\":\"Søborg æøå\"}\n"), 100);
    assertEquals(3, lines.size());
    assertEquals("{\"a\":1}", lines.get(0).text());
    assertEquals(1, lines.get(0).number());
    assertTrue(lines.get(1).isBlank());
    assertEquals("{\"b\":\"Søborg æøå\"}", lines.get(2).text());
    assertEquals(3, lines.get(2).number());
    assertFalse(lines.get(2).endsWithoutNewline());
  }

  @Test
  void emptyStreamHasNoLines() throws IOException {
    assertEquals(List.of(), readAll(new byte[0], 100));
  }

  @Test
  void lastLineWithoutNewlineIsMarked() throws IOException {
    List<JsonLinesReader.Line> lines = readAll(utf8("{}\n{\"id\":"), 100);
    assertEquals(2, lines.size());
    assertFalse(lines.get(0).endsWithoutNewline());
    assertTrue(lines.get(1).endsWithoutNewline());
    assertEquals("{\"id\":", lines.get(1).text());
  }

  @Test
  void byteOrderMarkAcceptedAtStartOnly() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(bom);
    b.writeBytes(utf8("{\"a\":1}\n"));
    b.writeBytes(bom);
    b.writeBytes(utf8("{\"a\":2}\n"));
    List<JsonLinesReader.Line> lines = readAll(b.toByteArray(), 100);
    assertEquals("{\"a\":1}", lines.get(0).text());
    assertNull(lines.get(1).text());
    assertEquals("byte order mark (U+FEFF) in the middle of the file; only the first line may start with one "
        + "(were files concatenated?)", lines.get(1).problem());
  }

  @Test
  void invalidUtf8IsReportedWithByteAndColumnAndReadingGoesOn() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(utf8("{\"a\":\"ok\"}\n{\"city\":\"K"));
    b.write(0xF8); // never valid in UTF-8
    b.writeBytes(utf8("ge\"}\n{\"a\":\"next\"}\n"));
    List<JsonLinesReader.Line> lines = readAll(b.toByteArray(), 100);
    assertEquals(3, lines.size());
    assertEquals("invalid UTF-8: byte 0xF8 at byte 11 of the line cannot start or continue a character "
        + "(the file must be UTF-8; was it saved as Latin-1 or Windows-1252?)", lines.get(1).problem());
    assertEquals("{\"a\":\"next\"}", lines.get(2).text());
  }

  @Test
  void latin1EncodedLetterIsInvalid() throws IOException {
    byte[] latin1 = "{\"c\":\"Køge\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    JsonLinesReader.Line line = readAll(latin1, 100).get(0);
    assertTrue(line.problem().startsWith("invalid UTF-8: byte 0xF8 at byte 8 of the line"), line.problem());
  }

  @Test
  void tooLongLineIsSkippedWithoutBufferingAndNextLineIsRead() throws IOException {
    String longLine = "{\"x\":\"" + "a".repeat(500) + "\"}";
    List<JsonLinesReader.Line> lines = readAll(utf8("{}\n" + longLine + "\n{\"y\":1}\n"), 100);
    assertEquals(3, lines.size());
    assertEquals("line too long: 508 bytes, the limit is 100 bytes; skipped (is this really one JSON object per line?)",
        lines.get(1).problem());
    assertEquals("{\"y\":1}", lines.get(2).text());
    assertEquals(3, lines.get(2).number());
  }

  @Test
  void tenMegabyteLineWithDefaultLimitStreamsThrough() throws IOException {
    long size = 10L * 1024 * 1024;
    InputStream in = new InputStream() {
      // {"x":"aaaa…"}\n{"id":"after"}\n generated on the fly: the test itself holds no 10 MB array
      private final byte[] tail = utf8("\"}\n{\"id\":\"after\"}\n");
      private long pos;

      @Override
      public int read() {
        long total = size + tail.length;
        if (pos >= total) {
          return -1;
        }
        long p = pos++;
        if (p < 6) {
          return "{\"x\":\"".charAt((int) p);
        }
        return p < size ? 'a' : tail[(int) (p - size)];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
          int c = read();
          if (c < 0) {
            return n == 0 ? -1 : n;
          }
          b[off + n++] = (byte) c;
        }
        return n;
      }
    };
    try (JsonLinesReader r = new JsonLinesReader(in, JsonLinesReader.DEFAULT_MAX_LINE_BYTES)) {
      JsonLinesReader.Line big = r.next();
      assertEquals("line too long: 10,485,762 bytes, the limit is 1,048,576 bytes; skipped "
          + "(is this really one JSON object per line?)", big.problem());
      assertEquals("{\"id\":\"after\"}", r.next().text());
      assertNull(r.next());
    }
  }

  @Test
  void linesCrossingBufferBoundariesAreIntact() throws IOException {
    StringBuilder sb = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String l = "{\"i\":" + i + ",\"pad\":\"" + "æ".repeat(i % 97) + "\"}";
      expected.add(l);
      sb.append(l).append('\n');
    }
    String huge = "{\"big\":\"" + "x".repeat(200_000) + "\"}";
    expected.add(huge);
    sb.append(huge).append('\n');
    List<JsonLinesReader.Line> lines = readAll(utf8(sb.toString()), JsonLinesReader.DEFAULT_MAX_LINE_BYTES);
    assertEquals(expected, lines.stream().map(JsonLinesReader.Line::text).toList());
  }
}
