package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closed means closed on the command line: every order's deadline is 2026-12-31. With {@code
 * --as-of 2027-01-05} {@code match} and {@code batch} shortlist no one and say how many orders
 * are closed, the batch report counts them, and {@code explain} answers {@code "eligible":false}
 * with {@code "reason":"ORDER_CLOSED"} and the two dates; with {@code --as-of 2026-12-31} (the
 * deadline day) the orders are open.
 */
class ClosedOrderCliTest {
  static final String DEADLINE = "2026-12-31";
  static final String AFTER = "2027-01-05";

  @TempDir Path dir;

  private Path citizens() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      lines.add(ExplainCommandTest.citizen("c-" + i).toString());
    }
    return CliRun.write(dir, "citizens.jsonl", lines.toArray(String[]::new));
  }

  private Path orders() {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      ObjectNode o = ExplainCommandTest.order();
      o.put("id", "o-" + i);
      o.put("deadline", DEADLINE);
      lines.add(o.toString());
    }
    return CliRun.write(dir, "orders.jsonl", lines.toArray(String[]::new));
  }

  @Test
  void matchGivesNothingAfterTheDeadlineAndEverythingOnIt() {
    Path c = citizens();
    Path o = orders();
    CliRun after = CliRun.of("match", "--citizens", c.toString(), "--orders", o.toString(), "--as-of", AFTER);
    assertEquals(ExitCode.OK, after.exitCode(), after.describe());
    assertEquals(List.of(), after.outLines(), after.describe());
    assertEquals(List.of(o + ": 2 job orders closed on 2027-01-05 (deadline before it): no shortlist"),
        after.errLines().stream().filter(l -> l.contains("closed")).toList(), after.describe());

    CliRun on = CliRun.of("match", "--citizens", c.toString(), "--orders", o.toString(), "--as-of", DEADLINE);
    assertEquals(ExitCode.OK, on.exitCode(), on.describe());
    assertEquals(8, on.outLines().size(), on.describe());
    assertFalse(on.err().contains("closed"), on.describe());
  }

  @Test
  void batchAllocatesNothingAndItsReportCountsTheClosedOrders() throws Exception {
    Path report = dir.resolve("report.json");
    CliRun after = CliRun.of("batch", "--citizens", citizens().toString(), "--orders", orders().toString(), "--as-of", AFTER,
        "--report", report.toString());
    assertEquals(ExitCode.OK, after.exitCode(), after.describe());
    assertEquals(List.of(), after.outLines(), after.describe());
    assertTrue(after.err().contains("2 job orders closed on 2027-01-05"), after.describe());
    // docs/batch.md quotes the message: FILE, N and DATE stand for the values.
    java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("`(FILE: N job orders closed on DATE[^`]*)`")
        .matcher(Files.readString(Path.of("docs", "batch.md")).replace("\n", " "));
    assertTrue(quoted.find(), "docs/batch.md no longer quotes the closed-orders message");
    String expected = quoted.group(1).replace("FILE", orders().toString()).replace("DATE", AFTER).replace(" N ", " 2 ");
    assertTrue(after.errLines().contains(expected), "docs/batch.md quotes '" + quoted.group(1) + "'; " + after.describe());
    JsonNode summary = new ObjectMapper().readTree(Files.readString(report)).get("summary");
    assertEquals(2, summary.get("ordersClosed").asInt());
    assertEquals(0, summary.get("placesFilled").asInt());

    CliRun on = CliRun.of("batch", "--citizens", citizens().toString(), "--orders", orders().toString(), "--as-of", DEADLINE,
        "--report", report.toString());
    assertEquals(ExitCode.OK, on.exitCode(), on.describe());
    assertFalse(on.outLines().isEmpty(), on.describe());
    assertEquals(0, new ObjectMapper().readTree(Files.readString(report)).get("summary").get("ordersClosed").asInt());
  }

  @Test
  void explainSaysOrderClosedWithTheDatesCompared() throws Exception {
    CliRun after = CliRun.of("explain", "--citizens", citizens().toString(), "--orders", orders().toString(),
        "--as-of", AFTER, "--citizen", "c-1", "--order", "o-1");
    assertEquals(ExitCode.OK, after.exitCode(), after.describe());
    JsonNode line = new ObjectMapper().readTree(after.outLines().get(0));
    assertFalse(line.get("eligible").asBoolean());
    assertEquals("ORDER_CLOSED", line.get("reason").asText());
    assertEquals(DEADLINE, line.get("deadline").asText());
    assertEquals(AFTER, line.get("asOf").asText());
    assertFalse(line.has("rank"), after.describe());
    for (JsonNode g : line.get("gates")) {
      assertTrue(g.get("passed").asBoolean(), "every gate passes; only the deadline closes the pair: " + g);
    }

    CliRun on = CliRun.of("explain", "--citizens", citizens().toString(), "--orders", orders().toString(),
        "--as-of", DEADLINE, "--citizen", "c-1", "--order", "o-1");
    JsonNode open = new ObjectMapper().readTree(on.outLines().get(0));
    assertTrue(open.get("eligible").asBoolean(), on.describe());
    assertFalse(open.has("reason"));
    assertEquals(2, open.get("rank").asInt(), "c-0 and c-1 tie; c-0 comes first by id");
  }
}
