package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code match --esco ../shared/data/esco-v1.1.1} on 20,000 generated citizens whose skills and
 * experience are ESCO URIs: every order gets K results, ranked in order. Skipped when the shared
 * data is absent. (Wall time and peak memory of the same run as a jar are in the README.)
 */
class EscoScaleTest {
  static final Path ESCO = Path.of("../shared/data/esco-v1.1.1");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 20_261_101L;

  @TempDir Path dir;

  @Test
  void everyOrderGetsKResultsInOrder() throws Exception {
    assumeTrue(Files.isRegularFile(ESCO.resolve("occupationSkillRelations.csv")),
        "ESCO v1.1.1 export not found at " + ESCO.toAbsolutePath() + "; skipping the ESCO scale test");
    int citizens = 20_000;
    int orders = 60;
    int k = 10;
    Path cf = dir.resolve("citizens.jsonl");
    Path of = dir.resolve("orders.jsonl");
    EscoPopulation.load(ESCO, SEED, 400).write(cf, of, citizens, orders, SEED);

    CliRun r = CliRun.of("match", "--citizens", cf.toString(), "--orders", of.toString(), "--esco", ESCO.toString(),
        "--top", String.valueOf(k), "--as-of", "2026-11-01", "--quiet");
    assertEquals(ExitCode.OK, r.exitCode(), () -> "seed " + SEED + ": exit " + r.exitCode() + "\n" + r.err());
    assertEquals("", r.err());

    List<String> orderIds = Files.readAllLines(of).stream().map(l -> l.substring(7, 15)).toList();
    List<List<JsonNode>> byOrder = new ArrayList<>();
    String current = null;
    for (String line : r.outLines()) {
      JsonNode n = JSON.readTree(line);
      String order = n.get("order").asText();
      if (!order.equals(current)) {
        byOrder.add(new ArrayList<>());
        current = order;
      }
      byOrder.get(byOrder.size() - 1).add(n);
    }
    assertEquals(orderIds, byOrder.stream().map(l -> l.get(0).get("order").asText()).toList(),
        "seed " + SEED + ": every order, once, in input order");
    int derived = 0;
    int withMatchedSkills = 0;
    for (List<JsonNode> lines : byOrder) {
      String order = lines.get(0).get("order").asText();
      assertTrue(lines.size() >= k, "seed " + SEED + ": " + order + " has " + lines.size() + " results");
      double previous = Double.POSITIVE_INFINITY;
      for (int i = 0; i < lines.size(); i++) {
        JsonNode n = lines.get(i);
        assertEquals(i + 1, n.get("rank").asInt(), order);
        if (i < k) {
          double score = n.get("score").asDouble();
          assertTrue(score > 0 && score <= previous, order + " rank " + (i + 1) + ": score " + score + " after " + previous);
          previous = score;
        } else {
          assertTrue(n.get("flags").toString().contains("FORTRINSADGANG"), order + ": only fortrinsadgang beyond K");
        }
        if (n.get("flags").toString().contains("DERIVED_REQUIREMENTS")) {
          derived++;
        }
        if (n.get("matchedSkills").size() > 0) {
          withMatchedSkills++;
        }
        assertTrue(n.get("citizen").asText().matches("c-\\d{7}"));
      }
    }
    // the ESCO taxonomy was really used: occupation-only orders got their skills from ESCO, and
    // candidates are credited with ESCO skill URIs
    assertTrue(derived >= k * (orders / 3), "derived-requirement results: " + derived);
    assertTrue(withMatchedSkills >= byOrder.size() * k * 9 / 10, "results with matched skills: " + withMatchedSkills);
  }
}
