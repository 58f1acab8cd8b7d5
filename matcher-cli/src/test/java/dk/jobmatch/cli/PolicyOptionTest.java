package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.jobmatch.cli.json.MatchLineWriter;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --policy FILE} on every command that scores, and {@code validate --policy}. */
class PolicyOptionTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private static final ScoringPolicy GLOSTRUP = ScoringPolicy.builder().name("glostrup").version("2026-11")
      .weight(Component.SKILLS, 0.25).weight(Component.OCCUPATION, 0.10).weight(Component.GOAL, 0.30)
      .weight(Component.EDUCATION, 0.05).weight(Component.DISTANCE, 0.20).weight(Component.INCLUSION, 0.05)
      .weight(Component.SHORTAGE, 0.05).distanceHalfLifeKm(8).relax(Gate.COMMUTE).build();

  @TempDir
  Path dir;
  private List<Citizen> population;
  private List<JobOrder> orders;
  private Path citizens;
  private Path orderFile;
  private Path policy;

  @BeforeEach
  void data() throws IOException {
    Random rnd = new Random(5);
    population = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      population.add(TestData.citizen(rnd, "c-" + i));
    }
    orders = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      orders.add(TestData.order(rnd, "jo-" + i));
    }
    citizens = CliRun.write(dir, "c.jsonl", TestData.lines(population).toArray(String[]::new));
    orderFile = CliRun.write(dir, "o.jsonl", TestData.lines(orders).toArray(String[]::new));
    policy = dir.resolve("policy.json");
    PolicyFile.write(GLOSTRUP, policy);
  }

  private static List<String> lines(List<Match> matches, MatchLineWriter.Direction d, String label) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MatchLineWriter w = new MatchLineWriter(out, d, label)) {
      int rank = 0;
      for (Match m : matches) {
        w.write(m, ++rank);
      }
    }
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void matchAndSuggestScoreUnderThePolicyFileAndSaySo() throws IOException {
    ReferenceScorer oracle = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), GLOSTRUP, AS_OF);
    List<String> expectedMatch = new ArrayList<>();
    for (JobOrder o : orders) {
      expectedMatch.addAll(lines(oracle.rank(population, o, 5), MatchLineWriter.Direction.ORDER_FIRST, "glostrup@2026-11"));
    }
    List<String> expectedSuggest = new ArrayList<>();
    for (Citizen c : population) {
      expectedSuggest.addAll(lines(oracle.suggest(population, orders, c, 3), MatchLineWriter.Direction.CITIZEN_FIRST,
          "glostrup@2026-11"));
    }
    CliRun m = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orderFile.toString(), "--top", "5",
        "--as-of", "2026-11-01", "--policy", policy.toString());
    assertEquals(ExitCode.OK, m.exitCode(), m.describe());
    assertEquals(expectedMatch, m.outLines());
    CliRun s = CliRun.of("suggest", "--citizens", citizens.toString(), "--orders", orderFile.toString(), "--top", "3",
        "--as-of", "2026-11-01", "--policy", policy.toString());
    assertEquals(ExitCode.OK, s.exitCode(), s.describe());
    assertEquals(expectedSuggest, s.outLines());

    // and the policy matters: the default policy ranks differently
    CliRun d = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orderFile.toString(), "--top", "5",
        "--as-of", "2026-11-01");
    assertTrue(d.outLines().stream().allMatch(l -> l.endsWith(",\"policy\":\"" + ScoringPolicy.defaults().label() + "\"}")));
    assertTrue(!d.outLines().equals(m.outLines().stream().map(l -> l.replace("glostrup@2026-11",
        ScoringPolicy.defaults().label())).toList()), "the policy file changed nothing");
  }

  @Test
  void batchLinesAndReportNameThePolicy() throws IOException {
    Path report = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    CliRun b = CliRun.of("batch", "--citizens", citizens.toString(), "--orders", orderFile.toString(), "--as-of", "2026-11-01",
        "--policy", policy.toString(), "--report", report.toString(), "--report-html", html.toString());
    assertEquals(ExitCode.OK, b.exitCode(), b.describe());
    assertTrue(!b.outLines().isEmpty());
    ObjectMapper json = new ObjectMapper();
    for (String line : b.outLines()) {
      assertEquals("glostrup@2026-11", json.readTree(line).get("policy").asText());
    }
    JsonNode r = json.readTree(report.toFile());
    assertEquals("glostrup@2026-11", r.get("summary").get("policy").asText());
    assertTrue(Files.readString(html).contains("data-field=\"summary.policy\">glostrup@2026-11<"));
  }

  @Test
  void aBadPolicyFileIsAUsageErrorNamingTheField() throws IOException {
    Path bad = CliRun.write(dir, "bad.json", "{\"name\":\"x\",\"version\":\"1\",",
        "\"weights\":{\"skills\":0.5,\"occupation\":0.5}}");
    for (String command : List.of("match", "suggest", "batch")) {
      CliRun r = CliRun.of(command, "--citizens", citizens.toString(), "--orders", orderFile.toString(), "--policy",
          bad.toString());
      assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
      assertEquals(List.of(), r.outLines(), command);
      assertTrue(r.err().contains("error: --policy: " + bad + ": line 2: weights.goal: missing"), r.describe());
    }
    CliRun v = CliRun.of("validate", "--policy", bad.toString());
    assertEquals(ExitCode.USAGE, v.exitCode(), v.describe());
    assertTrue(v.err().contains("weights.goal: missing"), v.describe());

    Path typo = CliRun.write(dir, "typo.json", "{\"name\":\"x\",\"version\":\"1\",\"distanceHalflifeKm\":10}");
    CliRun t = CliRun.of("validate", "--policy", typo.toString());
    assertEquals(ExitCode.USAGE, t.exitCode());
    assertTrue(t.err().contains("line 1: distanceHalflifeKm: unknown field"), t.describe());

    CliRun missing = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orderFile.toString(), "--policy",
        dir.resolve("nope.json").toString());
    assertEquals(ExitCode.USAGE, missing.exitCode());
    assertTrue(missing.err().contains("--policy: file not found"), missing.describe());
  }

  @Test
  void validateAcceptsAGoodPolicy() {
    CliRun v = CliRun.of("validate", "--policy", policy.toString());
    assertEquals(ExitCode.OK, v.exitCode(), v.describe());
    assertEquals(List.of("--policy: " + policy + ": valid policy glostrup@2026-11"), v.outLines());
  }
}
