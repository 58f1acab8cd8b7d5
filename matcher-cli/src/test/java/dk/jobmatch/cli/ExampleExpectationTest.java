package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Why the snapshot files {@code example/expected-match.jsonl} and {@code expected-suggest.jsonl}
 * say what they say: every component and score worked out from {@code example/citizens.jsonl},
 * {@code example/orders.jsonl} and docs/scoring.md (default policy, no taxonomy, as of 2026-11-01),
 * independently of the engine. {@link EndToEndTest} checks that the CLI prints the files; this test
 * checks that the files are right.
 *
 * <p>The derivation (weights: skills 0.30, occupation 0.20, goal 0.20, education 0.10, distance
 * 0.10, inclusion 0.05, shortage 0.05):
 *
 * <ul>
 *   <li><b>skills, jo-1.</b> No taxonomy: a skill's specificity is its rarity
 *       {@code ρ = 0.5 + 0.75 · ln(5/(n+1)) / ln 5} among the N = 4 citizens. personlig-pleje is
 *       held by 3 (ρ = 0.6040), medicinhåndtering by 2 (ρ = 0.7380), dokumentation by 1
 *       (ρ = 0.9270). Weights ω: essential 2ρ, optional ρ: 1.2080, 1.4761, 0.9270 (Σ 3.6111). c-001
 *       holds all three, used at most 2 years ago (fresh): 1. c-002 holds personlig-pleje:
 *       1.2080 / 3.6111 = 0.3345. c-003 holds the two essential ones: 2.6841 / 3.6111 = 0.7433.
 *       c-004 none: 0.
 *   <li><b>occupation and goal, jo-1 (DISCO 532210).</b> c-001's experience is DISCO 532210 itself
 *       (6 years, last 2025): 1 · 1 · 1. Its goal ISCO 5322 is the unit group, less specific:
 *       {@code sameUnitGroupCredit} 0.9, first priority: 0.9. c-002: experience and goal ISCO 5322:
 *       0.9 each (2 years = full amount, last 2026). c-003 has neither: 0; c-004's 9333 shares no
 *       digit with 5322: 0.
 *   <li><b>education, jo-1 (level 3).</b> c-001 and c-003 have level 3: 1. c-002 and c-004 have 2,
 *       one short: {@code upskillingCredit} 0.5 and {@code UPSKILLING_CANDIDATE}.
 *   <li><b>distance.</b> {@code 2^(−km/15)} with the great-circle distance to the employer:
 *       c-001 0.670 km → 0.9695; c-002 1.831 km → 0.9189; c-003 4.174 km → 0.8246; c-004 1.676 km →
 *       0.9255 (jo-1) and 3.394 km → 0.8548 (jo-2).
 *   <li><b>inclusion.</b> c-003 is fleksjob-approved and jo-1 accepts fleksjob: 1 ({@code FLEKSJOB_FIT}).
 *   <li><b>jo-1 scores.</b> c-001: 0.3 + 0.2 + 0.18 + 0.1 + 0.09695 = 0.8770; c-002: 0.10035 + 0.18 +
 *       0.18 + 0.05 + 0.09189 = 0.6022; c-003: 0.22299 + 0.1 + 0.08246 + 0.05 = 0.4554; c-004:
 *       0.05 + 0.09255 = 0.1425. With {@code --top 2}: c-001, c-002; c-003 holds fortrinsadgang and
 *       the employer is public, so c-003 follows as place 3; c-004 does not.
 *   <li><b>jo-2.</b> Only c-004 holds the FORKLIFT certificate (the gate); everything else is
 *       exact (both skills, ISCO 9333 experience 4.5 years last 2024, the same goal, no education
 *       required): 0.8 + 0.08548 = 0.8855.
 *   <li><b>suggest.</b> The same pairs seen from each citizen: c-001, c-002 and c-003 pass only
 *       jo-1's gates; c-004 gets jo-2 (0.8855) before jo-1 (0.1425).
 * </ul>
 */
class ExampleExpectationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double[] W = {0.30, 0.20, 0.20, 0.10, 0.10, 0.05, 0.05};
  private static final String[] NAMES = {"skills", "occupation", "goal", "education", "distance", "inclusion", "shortage"};

  /** The components worked out above, per "order/citizen", in the order of {@link #NAMES}. */
  static Map<String, double[]> expectedComponents() {
    double pp = rho(3);
    double mh = rho(2);
    double dok = rho(1);
    double total = 2 * pp + 2 * mh + dok;
    Map<String, double[]> e = new LinkedHashMap<>();
    double[] jo1 = {55.6600, 12.4000};
    double[] jo2 = {55.6800, 12.3700};
    e.put("jo-1/c-001", new double[] {1, 1, 0.9, 1, distance(55.6660, 12.3990, jo1), 0, 0});
    e.put("jo-1/c-002", new double[] {2 * pp / total, 0.9, 0.9, 0.5, distance(55.6720, 12.4200, jo1), 0, 0});
    e.put("jo-1/c-003", new double[] {(2 * pp + 2 * mh) / total, 0, 0, 1, distance(55.6900, 12.3600, jo1), 1, 0});
    e.put("jo-1/c-004", new double[] {0, 0, 0, 0.5, distance(55.6500, 12.3800, jo1), 0, 0});
    e.put("jo-2/c-004", new double[] {1, 1, 1, 1, distance(55.6500, 12.3800, jo2), 0, 0});
    return e;
  }

  @Test
  void theMatchSnapshotIsTheWorkedOutRanking() throws IOException {
    List<JsonNode> lines = read("expected-match.jsonl");
    assertEquals(List.of("jo-1/1/c-001", "jo-1/2/c-002", "jo-1/3/c-003", "jo-2/1/c-004"), lines.stream()
        .map(n -> n.get("order").asText() + "/" + n.get("rank").asInt() + "/" + n.get("citizen").asText()).toList());
    for (JsonNode n : lines) {
      checkLine(n);
    }
  }

  @Test
  void theSuggestSnapshotIsTheWorkedOutRanking() throws IOException {
    List<JsonNode> lines = read("expected-suggest.jsonl");
    assertEquals(List.of("c-001/1/jo-1", "c-002/1/jo-1", "c-003/1/jo-1", "c-004/1/jo-2", "c-004/2/jo-1"), lines.stream()
        .map(n -> n.get("citizen").asText() + "/" + n.get("rank").asInt() + "/" + n.get("order").asText()).toList());
    for (JsonNode n : lines) {
      checkLine(n);
    }
  }

  @Test
  void theHandWorkedNumbersAreTheOnesInTheDerivation() {
    // The figures quoted in the class comment, so the comment cannot drift from the computation.
    assertEquals(0.6040, round(rho(3)));
    assertEquals(0.7380, round(rho(2)));
    assertEquals(0.9270, round(rho(1)));
    assertEquals(0.8770, round(score(expectedComponents().get("jo-1/c-001"))));
    assertEquals(0.1425, round(score(expectedComponents().get("jo-1/c-004"))));
    assertEquals(0.8855, round(score(expectedComponents().get("jo-2/c-004"))));
  }

  private static void checkLine(JsonNode n) {
    String key = n.get("order").asText() + "/" + n.get("citizen").asText();
    double[] c = expectedComponents().get(key);
    for (int i = 0; i < NAMES.length; i++) {
      assertEquals(round(c[i]), n.get("components").get(NAMES[i]).asDouble(), key + " " + NAMES[i]);
    }
    assertEquals(round(score(c)), n.get("score").asDouble(), key + " score");
  }

  private static double score(double[] c) {
    double s = 0;
    for (int i = 0; i < W.length; i++) {
      s += W[i] * c[i];
    }
    return s;
  }

  /** Rarity among the four example citizens of a skill held by {@code n}: docs/scoring.md, skills. */
  private static double rho(int n) {
    return 0.5 + 0.75 * Math.log(5.0 / (n + 1)) / Math.log(5);
  }

  /** {@code 2^(−km/15)}, the kilometres along the great circle (chord of unit vectors, radius 6371.0088). */
  private static double distance(double lat, double lon, double[] to) {
    double[] u = unit(lat, lon);
    double[] v = unit(to[0], to[1]);
    double chord = Math.sqrt(Math.pow(u[0] - v[0], 2) + Math.pow(u[1] - v[1], 2) + Math.pow(u[2] - v[2], 2));
    double km = 6371.0088 * 2 * Math.asin(chord / 2);
    return Math.pow(0.5, km / 15);
  }

  private static double[] unit(double latDeg, double lonDeg) {
    double lat = Math.toRadians(latDeg);
    double lon = Math.toRadians(lonDeg);
    return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  private static List<JsonNode> read(String name) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : EndToEndTest.resource(name)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }
}
