package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders with many terms never fail a run: at the model's limits (200 required skills, here all
 * essential for a public employer; 50 certificates) {@code match} answers them; beyond (5,000
 * required skills) the order is a bad line, reported without its values, and every other order
 * is still answered (exit 3).
 */
class LargeOrderTest {
  @TempDir Path dir;

  @Test
  void largeOrdersAreAnsweredAndTooLargeOnesReportedWhileTheOthersAreAnswered() {
    Path citizens = CliRun.write(dir, "citizens.jsonl",
        "{\"id\":\"c-1\",\"skills\":[\"s1\",\"s2\"],\"certificates\":[\"DRIVING_B\"]}",
        "{\"id\":\"c-2\",\"skills\":[\"s2\",\"s3\"]}");
    StringBuilder skills = new StringBuilder("\"s1\"");
    for (int i = 2; i <= 5000; i++) {
      skills.append(",\"s").append(i).append('"');
    }
    StringBuilder certificates = new StringBuilder("\"DRIVING_B\"");
    for (int i = 1; i < 50; i++) {
      certificates.append(",\"CERT_").append(i).append('"');
    }
    StringBuilder essential = new StringBuilder("{\"id\":\"s1\",\"essential\":true}");
    for (int i = 2; i <= 200; i++) {
      essential.append(",{\"id\":\"s").append(i).append("\",\"essential\":true}");
    }
    Path orders = CliRun.write(dir, "orders.jsonl",
        "{\"id\":\"jo-skills\",\"occupation\":\"isco:5322\",\"employmentType\":\"INTERNSHIP\",\"requiredSkills\":[" + skills + "]}",
        "{\"id\":\"jo-certs\",\"occupation\":\"isco:5322\",\"employmentType\":\"INTERNSHIP\",\"requiredSkills\":[\"s1\"],"
            + "\"certificates\":[" + certificates + "]}",
        "{\"id\":\"jo-public\",\"occupation\":\"isco:5322\",\"employmentType\":\"INTERNSHIP\",\"employer\":{\"public\":true},"
            + "\"requiredSkills\":[" + essential + "]}",
        "{\"id\":\"jo-small\",\"occupation\":\"isco:5322\",\"employmentType\":\"INTERNSHIP\",\"requiredSkills\":[\"s2\"]}");
    CliRun r = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--top", "5");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("orders.jsonl:1: requiredSkills:"), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.stream().noneMatch(l -> l.contains("\"order\":\"jo-skills\"")), r.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("\"order\":\"jo-public\"")), r.toString());
    assertEquals(2, lines.stream().filter(l -> l.contains("\"order\":\"jo-small\"")).count(), r.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("\"order\":\"jo-certs\"")), "no one holds 50 certificates");
  }
}
