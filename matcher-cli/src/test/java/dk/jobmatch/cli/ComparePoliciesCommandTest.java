package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import dk.jobmatch.tuning.PolicyComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobmatch compare-policies}: the library's comparison, as JSON. */
class ComparePoliciesCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesTheComparisonAsJson() throws IOException {
    Random rnd = new Random(9);
    List<Citizen> cs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      cs.add(TestData.citizen(rnd, String.format("c-%03d", i)));
    }
    List<JobOrder> os = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      os.add(TestData.order(rnd, String.format("jo-%02d", i)));
    }
    ScoringPolicy near = ScoringPolicy.builder().name("near").version("1")
        .weight(Component.SKILLS, 0.20).weight(Component.OCCUPATION, 0.15).weight(Component.GOAL, 0.15)
        .weight(Component.EDUCATION, 0.05).weight(Component.DISTANCE, 0.35).weight(Component.INCLUSION, 0.05)
        .weight(Component.SHORTAGE, 0.05).distanceHalfLifeKm(5).build();
    Path b = dir.resolve("near.json");
    PolicyFile.write(near, b);
    Path citizens = CliRun.write(dir, "c.jsonl", TestData.lines(cs).toArray(String[]::new));
    Path orders = CliRun.write(dir, "o.jsonl", TestData.lines(os).toArray(String[]::new));
    CliRun r = CliRun.of("compare-policies", "--citizens", citizens.toString(), "--orders", orders.toString(),
        "--policy-b", b.toString(), "--top", "5", "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    JsonNode json = new ObjectMapper().readTree(r.out());
    PolicyComparison.Result expected = new PolicyComparison(Taxonomy.none(), ShortageLookup.none(), LocalDate.of(2026, 11, 1))
        .compare(cs, os, ScoringPolicy.defaults(), near, 5);
    assertEquals(new ObjectMapper().valueToTree(expected), json);
    assertEquals(ScoringPolicy.defaults().label(), json.get("policyA").asText());
    assertEquals("near@1", json.get("policyB").asText());
    assertEquals(12, json.get("orders").size());
    assertTrue(json.get("overall").get("gained").asInt() > 0, r.out());
    assertEquals(List.of("policyA", "policyB", "k", "overall", "byTargetGroup", "orders"), fieldNames(json));

    CliRun missing = CliRun.of("compare-policies", "--citizens", citizens.toString(), "--orders", orders.toString());
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing.describe());
    CliRun bad = CliRun.of("compare-policies", "--citizens", citizens.toString(), "--orders", orders.toString(),
        "--policy-b", CliRun.write(dir, "bad.json", "{\"name\":\"x\"}").toString());
    assertEquals(ExitCode.USAGE, bad.exitCode(), bad.describe());
    assertTrue(bad.err().contains("--policy-b: "), bad.describe());
    assertTrue(bad.err().contains("version: required"), bad.describe());
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
