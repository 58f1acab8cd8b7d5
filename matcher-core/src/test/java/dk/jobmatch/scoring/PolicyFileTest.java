package dk.jobmatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  @Test
  void defaultsRoundTrip() {
    ScoringPolicy p = ScoringPolicy.defaults();
    assertEquals(p, PolicyFile.parse(PolicyFile.toJson(p)));
  }

  @Test
  void writtenFileIsPlainAndOrdered() {
    String json = PolicyFile.toJson(ScoringPolicy.defaults());
    String[] lines = json.split("\n");
    assertEquals("{", lines[0]);
    assertEquals("  \"name\" : \"jobmatch-default\",", lines[1]);
    assertEquals("  \"version\" : \"" + ScoringPolicy.DEFAULT_VERSION + "\",", lines[2]);
    assertEquals("  \"weights\" : {", lines[3]);
    ScoringPolicy d = ScoringPolicy.defaults();
    assertEquals("    \"skills\" : " + PolicyFile.plain(d.weight(Component.SKILLS)) + ",", lines[4]);
    assertEquals("    \"shortage\" : " + PolicyFile.plain(d.weight(Component.SHORTAGE)), lines[10]);
    assertEquals("  },", lines[11]);
    assertEquals("  \"relaxedGates\" : [ ],", lines[12]);
    PolicyConstant[] cs = PolicyConstant.values();
    for (int i = 0; i < cs.length; i++) {
      String expected = "  \"" + cs[i].key() + "\" : " + PolicyFile.plain(cs[i].defaultValue()) + (i < cs.length - 1 ? "," : "");
      assertEquals(expected, lines[13 + i]);
    }
    assertEquals("}", lines[13 + cs.length]);
    assertEquals(14 + cs.length, lines.length);
    assertTrue(json.contains("\"distanceHalfLifeKm\" : 15,") || PolicyConstant.DISTANCE_HALF_LIFE_KM.defaultValue() != 15,
        "whole numbers without a decimal point");
  }

  /** Random valid policies read back identically (a fixed seed, printed; -Djobmatch.seed=N replays or explores). */
  @Test
  void randomPoliciesRoundTrip(@TempDir Path dir) throws IOException {
    long seed = dk.jobmatch.TestSeeds.seed("PolicyFileTest.randomPoliciesRoundTrip", null, 20261207L);
    SplittableRandom r = new SplittableRandom(seed);
    for (int n = 0; n < 200; n++) {
      ScoringPolicy p = randomPolicy(r, n);
      Path f = dir.resolve("p" + n + ".json");
      PolicyFile.write(p, f);
      assertEquals(p, PolicyFile.read(f), "seed " + seed + ", policy " + n);
    }
  }

  static ScoringPolicy randomPolicy(SplittableRandom r, int n) {
    ScoringPolicy.Builder b = ScoringPolicy.builder().name("m" + n).version("v" + r.nextInt(100));
    double[] w = new double[Component.values().length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextDouble();
      sum += w[i];
    }
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      double v = i == w.length - 1 ? 1 - acc : w[i] / sum;
      acc += v;
      b.weight(Component.values()[i], v);
    }
    for (Gate g : Gate.values()) {
      if (r.nextInt(4) == 0) {
        b.relax(g);
      }
    }
    for (PolicyConstant c : PolicyConstant.values()) {
      if (r.nextBoolean()) {
        continue;
      }
      double v = c.defaultValue() * (0.9 + 0.2 * r.nextDouble());
      if (c.integral()) {
        v = Math.rint(v);
      }
      b.set(c, Math.max(c.min(), Math.min(c.max(), v)));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      return randomPolicy(r, n); // a perturbation broke a relation between constants: draw again
    }
  }

  @Test
  void omittedConstantsAndWeightsTakeDefaults() {
    ScoringPolicy p = PolicyFile.parse("{\"name\":\"glostrup\",\"version\":\"2026-11\",\"distanceHalfLifeKm\":10}");
    assertEquals("glostrup@2026-11", p.label());
    assertEquals(10, p.distanceHalfLifeKm());
    assertEquals(ScoringPolicy.defaults().weights(), p.weights());
    assertEquals(ScoringPolicy.defaults().essentialWeight(), p.essentialWeight());
  }

  @Test
  void badFilesNameTheFieldAndTheRule() {
    assertBad("{\"version\":\"1\"}", "name: required");
    assertBad("{\"name\":\"x\"}", "version: required");
    assertBad("{\"name\":\"x\",\"version\":2}", "line 1: version: must be a string");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"distanceHalfLife\":3}", "line 1: distanceHalfLife: unknown field");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"weights\":{\"skills\":1}}",
        "weights.occupation: missing: weights, when given, must name every component");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"weights\":{\"skill\":1}}", "weights.skill: unknown component");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"weights\":{\"skills\":0.5,\"occupation\":0.5,\"goal\":0.5,"
        + "\"education\":0,\"distance\":0,\"inclusion\":0,\"shortage\":0}}", "weights: must sum to 1");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"distanceHalfLifeKm\":\"15\"}", "distanceHalfLifeKm: must be a number");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"distanceHalfLifeKm\":-1}", "distanceHalfLifeKm: must be a finite number between");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"staleAfterYears\":2.5}", "staleAfterYears: must be a whole number");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"sameMajorGroupCredit\":0.9}",
        "sameMajorGroupCredit: must not exceed sameSubMajorGroupCredit");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"relaxedGates\":[\"COMMUTE\",\"TELEPORT\"]}", "relaxedGates[1]: unknown gate");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"relaxedGates\":[\"COMMUTE\",\"COMMUTE\"]}",
        "relaxedGates[1]: a gate may be listed only once");
    assertBad("{\"name\":\"x\",\"version\":\"2\",\"name\":\"y\"}", "a field may appear only once");
    assertBad("{\"name\":\"x y\",\"version\":\"2\"}", "name: must be 1-64 characters");
    assertBad("[1]", "a policy file holds one JSON object");
    assertBad("{\"name\":", "not valid JSON");
    assertBad("{\"name\":\"x\",\"version\":\"2\"} {}", "nothing may follow the policy object");
  }

  @Test
  void relaxedGatesAreRead() {
    ScoringPolicy p = PolicyFile.parse("{\"name\":\"x\",\"version\":\"2\",\"relaxedGates\":[\"COMMUTE\",\"HOURS\"]}");
    assertTrue(p.relaxed(Gate.COMMUTE) && p.relaxed(Gate.HOURS) && !p.relaxed(Gate.LANGUAGES));
    assertEquals(p, PolicyFile.parse(PolicyFile.toJson(p)));
  }

  private static void assertBad(String json, String expectedStart) {
    PolicyFile.PolicyFormatException e = assertThrows(PolicyFile.PolicyFormatException.class, () -> PolicyFile.parse(json));
    assertTrue(e.getMessage().startsWith(expectedStart) || e.getMessage().contains(expectedStart),
        "expected '" + expectedStart + "' in: " + e.getMessage());
  }

  @Test
  void messagesDoNotEchoStringValues() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> PolicyFile.parse("{\"name\":\"x\",\"version\":\"2\",\"relaxedGates\":[\"SECRET-VALUE\"]}"));
    assertTrue(!e.getMessage().contains("SECRET-VALUE"), e.getMessage());
    var named = assertThrows(IllegalArgumentException.class,
        () -> PolicyFile.parse("{\"name\":\"x\",\"version\":\"2\",\"0101901234 \u202e\":1}"));
    assertEquals("line 1: (field): unknown field", named.getMessage());
    var weight = assertThrows(IllegalArgumentException.class,
        () -> PolicyFile.parse("{\"name\":\"x\",\"version\":\"2\",\"weights\":{\"a b\":1}}"));
    assertTrue(weight.getMessage().startsWith("line 1: weights.(field): unknown component"), weight.getMessage());
  }

  /** The example policy in docs/ is a complete, valid file in the written form. */
  @Test
  void examplePolicyFileIsCompleteAndCanonical() throws IOException {
    Path example = Path.of("..", "docs", "policy-example.json");
    String text = Files.readString(example);
    ScoringPolicy p = PolicyFile.parse(text);
    assertEquals(PolicyFile.toJson(p), text,
        "docs/policy-example.json must list every constant in the written form; regenerate it with PolicyFile.write");
  }

  /**
   * The constants table of docs/policy.md is generated from {@link PolicyConstant}: every constant,
   * its default, range and meaning. Run with {@code -Djobmatch.updateDocs=true} to rewrite it.
   */
  @Test
  void everyConstantIsDocumented() throws IOException {
    Path doc = Path.of("..", "docs", "policy.md");
    String text = Files.readString(doc);
    String start = "<!-- constants:start (generated from PolicyConstant by PolicyFileTest) -->\n";
    String end = "<!-- constants:end -->";
    int a = text.indexOf(start);
    int b = text.indexOf(end);
    assertTrue(a >= 0 && b > a, "docs/policy.md must hold the generated constants table between the markers");
    String expected = constantsTable();
    String actual = text.substring(a + start.length(), b);
    if (!expected.equals(actual) && Boolean.getBoolean("jobmatch.updateDocs")) {
      Files.writeString(doc, text.substring(0, a + start.length()) + expected + text.substring(b));
      return;
    }
    assertEquals(expected, actual, "docs/policy.md's constants table is out of date; run this test with -Djobmatch.updateDocs=true");
  }

  /** docs/policy.md's weights table shows the default weights. */
  @Test
  void defaultWeightsAreDocumented() throws IOException {
    String text = Files.readString(Path.of("..", "docs", "policy.md"));
    for (Component c : Component.values()) {
      String row = "| `weights." + c.jsonName() + "` | ";
      int at = text.indexOf(row);
      assertTrue(at >= 0, "docs/policy.md has no row for weights." + c.jsonName());
      String value = text.substring(at + row.length(), text.indexOf(" |", at + row.length()));
      assertEquals(ScoringPolicy.defaults().weight(c), Double.parseDouble(value), 1e-12, "weights." + c.jsonName());
    }
  }

  static String constantsTable() {
    StringBuilder s = new StringBuilder("| Field | Default | Valid range | What it means |\n|---|---|---|---|\n");
    for (PolicyConstant c : PolicyConstant.values()) {
      s.append("| `").append(c.key()).append("` | ").append(PolicyFile.plain(c.defaultValue())).append(" | ")
          .append(PolicyFile.plain(c.min())).append(" – ").append(PolicyFile.plain(c.max()))
          .append(c.integral() ? ", whole number" : "").append(" | ").append(c.description()).append(" |\n");
    }
    return s.toString();
  }
}
