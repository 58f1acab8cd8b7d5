package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Round trips of random RFC 4180 content through the CSV reader, checking fields and line numbers. */
class CsvRecordsTest {
  private static final String ALPHABET = "abcæøåÆØÅ 12,;\"\n\r\t-'#";

  private static String field(Random rnd) {
    int len = rnd.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
    }
    // CR LF and lone CR inside quotes are kept as written; normalise to LF to compare simply.
    return sb.toString().replace("\r", "");
  }

  private static String encode(String f, char sep, Random rnd) {
    boolean mustQuote = f.indexOf(sep) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.startsWith(" ")
        || f.endsWith(" ") || f.startsWith("#");
    if (mustQuote || rnd.nextInt(4) == 0) {
      return "\"" + f.replace("\"", "\"\"") + "\"";
    }
    return f;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 4711, 20261122})
  void randomFilesReadBackWithTheirStartLines(long seed) throws IOException {
    Random rnd = new Random(seed);
    char sep = rnd.nextBoolean() ? ',' : ';';
    int columns = 1 + rnd.nextInt(5);
    List<String[]> records = new ArrayList<>();
    List<Long> startLines = new ArrayList<>();
    StringBuilder text = new StringBuilder(rnd.nextBoolean() ? "\uFEFF" : "");
    String eol = rnd.nextBoolean() ? "\n" : "\r\n";
    for (int c = 0; c < columns; c++) {
      text.append(c == 0 ? "" : String.valueOf(sep)).append("col").append(c);
    }
    text.append(eol);
    long line = 2;
    int n = 1 + rnd.nextInt(40);
    for (int r = 0; r < n; r++) {
      String[] rec = new String[columns];
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        rec[c] = field(rnd);
        row.append(c == 0 ? "" : String.valueOf(sep)).append(encode(rec[c], sep, rnd));
      }
      if (columns == 1 && rec[0].isBlank()) {
        rec[0] = "x"; // a lone blank field is a blank line, which the reader skips by design
        row.setLength(0);
        row.append("x");
      }
      records.add(rec);
      startLines.add(line);
      text.append(row).append(eol);
      line += row.chars().filter(ch -> ch == '\n').count() + 1;
    }
    try (CsvRecords in = CsvRecords.open(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
        "random.csv", sep, false)) {
      assertEquals("col0", in.header()[0], "seed " + seed);
      for (int r = 0; r < n; r++) {
        assertTrue(in.next(), "seed " + seed + " record " + r);
        String[] got = new String[columns];
        for (int c = 0; c < columns; c++) {
          got[c] = in.get(c);
        }
        assertArrayEquals(records.get(r), got, "seed " + seed + " record " + r + ": " + Arrays.toString(got));
        assertEquals(startLines.get(r), in.line(), "seed " + seed + " record " + r);
      }
      assertFalse(in.next(), "seed " + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8, 9})
  void aRecordWithAnExtraFieldIsNamedByItsLine(long seed) throws IOException {
    int multiLine = new Random(seed).nextInt(6);
    StringBuilder text = new StringBuilder("a,b\n");
    for (int i = 0; i < multiLine; i++) {
      text.append("\"x\ny\",z\n"); // two physical lines each
    }
    text.append("1,2,3\n");
    long expected = 2 + 2L * multiLine;
    try (CsvRecords in = CsvRecords.open(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
        "extra.csv", ',', false)) {
      for (int i = 0; i < multiLine; i++) {
        assertTrue(in.next());
        assertEquals("x\ny", in.get(0));
      }
      DataFileException e = assertThrows(DataFileException.class, in::next);
      assertEquals(expected, e.line(), "seed " + seed);
      assertEquals("extra.csv:" + expected + ": has 3 fields but the header has 2", e.getMessage());
    }
  }
}
