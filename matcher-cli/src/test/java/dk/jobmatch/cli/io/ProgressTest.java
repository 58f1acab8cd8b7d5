package dk.jobmatch.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void notATerminalPrintsOneLinePerTenthOfTheBytes() {
    Progress p = new Progress(new Stderr(err, false), Progress.Mode.PERCENT, "indexing c.jsonl", 1000, () -> now);
    for (int line = 1; line <= 100; line++) {
      now += 10_000_000L; // 10 ms per line: 100 lines/s
      p.update(line, line * 10L, line >= 50 ? 1 : 0);
    }
    p.finish(100, 1000, 1);
    List<String> lines = text().lines().toList();
    assertEquals(10, lines.size());
    assertEquals("indexing c.jsonl: 10% (10 lines, 100 lines/s, 0 errors)", lines.get(0));
    assertEquals("indexing c.jsonl: 50% (50 lines, 100 lines/s, 1 error)", lines.get(4));
    assertEquals("indexing c.jsonl: 100% (100 lines, 100 lines/s, 1 error)", lines.get(9));
  }

  @Test
  void aJumpOverSeveralTenthsPrintsOneLine() {
    Progress p = new Progress(new Stderr(err, false), Progress.Mode.PERCENT, "x", 1000, () -> now);
    p.update(1, 50, 0);
    p.update(2, 950, 1);
    p.update(3, 1000, 1);
    p.finish(3, 1000, 1);
    assertEquals(List.of("x: 90% (2 lines, 0 lines/s, 1 error)", "x: 100% (3 lines, 0 lines/s, 1 error)"), text().lines().toList());
  }

  @Test
  void finishPrintsHundredPercentOnceWhenTheSizeWasUnderestimated() {
    Progress p = new Progress(new Stderr(err, false), Progress.Mode.PERCENT, "x", 0, () -> now);
    p.update(1, 10, 0);
    now = 1_000_000_000L;
    p.finish(2, 20, 0);
    assertEquals(List.of("x: 100% (2 lines, 2 lines/s, 0 errors)"), text().lines().toList());
  }

  @Test
  void terminalRedrawsInPlaceAndMessagesClearTheStatusLine() {
    Stderr stderr = new Stderr(err, true);
    Progress p = new Progress(stderr, Progress.Mode.TERMINAL, "indexing c.jsonl", 0, () -> now);
    now = 1_000_000_000L;
    p.update(256, 100, 0);
    stderr.println("c.jsonl:7: id: is required");
    now = 2_000_000_000L;
    p.finish(512, 200, 1);
    String first = "indexing c.jsonl: 256 lines, 256 lines/s, 0 errors";
    assertEquals("\r" + first
        + "\r" + " ".repeat(first.length()) + "\r" + "c.jsonl:7: id: is required" + System.lineSeparator()
        + "\rindexing c.jsonl: 512 lines, 256 lines/s, 1 error" + System.lineSeparator(), text());
  }

  @Test
  void countsOtherUnitsThanLines() {
    Progress p = new Progress(new Stderr(err, false), Progress.Mode.PERCENT, "ranking 20 job orders", "orders", 20, () -> now);
    for (int i = 1; i <= 20; i++) {
      now += 50_000_000L;
      p.update(i, i, 0);
    }
    p.finish(20, 20, 0);
    List<String> lines = text().lines().toList();
    assertEquals(10, lines.size());
    assertEquals("ranking 20 job orders: 10% (2 orders, 20 orders/s, 0 errors)", lines.get(0));
  }

  @Test
  void offPrintsNothing() {
    Progress p = Progress.off();
    p.update(1, 1, 0);
    p.finish(1, 1, 0);
    assertEquals("", text());
  }
}
