package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobmatch tune}: outcomes in, a report out, a policy file that the other commands read. */
class TuneCommandTest {
  private static final ScoringPolicy TRUTH = ScoringPolicy.builder().name("truth").version("1")
      .weight(Component.SKILLS, 0.15).weight(Component.OCCUPATION, 0.10).weight(Component.GOAL, 0.45)
      .weight(Component.EDUCATION, 0.05).weight(Component.DISTANCE, 0.15).weight(Component.INCLUSION, 0.05)
      .weight(Component.SHORTAGE, 0.05).build();

  @TempDir
  Path dir;
  private Path citizens;
  private Path orders;
  private Path outcomes;

  /** Outcomes from the true policy: per order the best is hired, the next two interviewed, two rejected. */
  @BeforeEach
  void data() throws IOException {
    Random rnd = new Random(3);
    List<Citizen> cs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      cs.add(TestData.citizen(rnd, String.format("c-%03d", i)));
    }
    List<JobOrder> os = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      os.add(TestData.order(rnd, String.format("jo-%02d", i)));
    }
    ReferenceScorer truth = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), TRUTH, LocalDate.of(2026, 11, 1));
    List<String> lines = new ArrayList<>();
    for (JobOrder o : os) {
      List<Match> ranked = truth.rank(cs, o, 5);
      for (int r = 0; r < ranked.size(); r++) {
        String outcome = r == 0 ? "HIRED" : r < 3 ? "INTERVIEWED" : "REJECTED";
        lines.add("{\"order\":\"" + o.id() + "\",\"citizen\":\"" + ranked.get(r).citizenId() + "\",\"outcome\":\"" + outcome + "\"}");
      }
    }
    citizens = CliRun.write(dir, "c.jsonl", TestData.lines(cs).toArray(String[]::new));
    orders = CliRun.write(dir, "o.jsonl", TestData.lines(os).toArray(String[]::new));
    outcomes = CliRun.write(dir, "outcomes.jsonl", lines.toArray(String[]::new));
  }

  @Test
  void tunesReportsAndWritesAPolicyTheOtherCommandsRead() throws IOException {
    Path policy = dir.resolve("tuned.json");
    CliRun r = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", policy.toString(), "--as-of", "2026-11-01", "--seed", "5", "--fit", "none",
        "--name", "glostrup", "--policy-version", "2026-11");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertTrue(r.out().contains("Tuned glostrup@2026-11 from " + ScoringPolicy.defaults().label()), r.describe());
    assertTrue(r.out().contains("\nnDCG@10 "), r.describe());
    assertTrue(r.out().contains("\nrecall@100 "), r.describe());
    assertTrue(r.out().contains("\nmedian rank "), r.describe());
    // 40 orders, 12 held back: too few to tell
    assertTrue(r.out().contains("Too little data: at least 100 orders with a hire are needed to tell; you have 40."),
        r.describe());
    assertTrue(r.out().contains("(not learned: the same for every candidate of an order)"), r.describe());
    assertTrue(r.err().contains("tune: fitting weights"), "progress on stderr: " + r.describe());
    String text = Files.readString(policy);
    ScoringPolicy tuned = PolicyFile.read(policy);
    assertEquals(text, PolicyFile.toJson(tuned), "written in the canonical form, reads back identically");
    assertEquals("glostrup@2026-11", tuned.label());
    assertTrue(tuned.weight(Component.GOAL) > ScoringPolicy.defaults().weight(Component.GOAL), text);

    // the same run gives the same policy
    Path again = dir.resolve("again.json");
    CliRun r2 = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", again.toString(), "--as-of", "2026-11-01", "--seed", "5", "--fit", "none",
        "--name", "glostrup", "--policy-version", "2026-11", "--quiet");
    assertEquals(ExitCode.OK, r2.exitCode(), r2.describe());
    assertEquals(text, Files.readString(again));
    assertEquals("", r2.err());

    CliRun m = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--policy",
        policy.toString(), "--as-of", "2026-11-01", "--top", "3");
    assertEquals(ExitCode.OK, m.exitCode(), m.describe());
    assertTrue(m.outLines().stream().allMatch(l -> l.endsWith(",\"policy\":\"glostrup@2026-11\"}")));
  }

  @Test
  void fitsAConstantWhenAsked() throws IOException {
    Path policy = dir.resolve("tuned.json");
    CliRun r = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", policy.toString(), "--as-of", "2026-11-01", "--fit", "distanceHalfLifeKm", "--quiet");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertTrue(r.out().contains("Constants: 1 fitted, "), r.describe());
    assertEquals(ScoringPolicy.defaults().label() + "-tuned", PolicyFile.read(policy).label());
  }

  @Test
  void choosesTheRegularisationByCrossValidation() throws IOException {
    Path policy = dir.resolve("tuned.json");
    CliRun r = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", policy.toString(), "--as-of", "2026-11-01", "--fit", "none", "--regularisation", "auto",
        "--quiet");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertTrue(r.out().contains("Regularisation chosen by cross-validation on the training orders (mean held-out objective): 0: "),
        r.describe());
    assertEquals(1, r.out().split("\\(chosen\\)", -1).length - 1, r.describe());
    CliRun bad = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", policy.toString(), "--regularisation", "lots");
    assertEquals(ExitCode.USAGE, bad.exitCode(), bad.describe());
    assertTrue(bad.err().contains("--regularisation: must be a number between 0 and 100, or 'auto'"), bad.describe());
  }

  @Test
  void writesTheJsonReportAndTheVerdictInDanish() throws IOException {
    Path policy = dir.resolve("tuned.json");
    Path report = dir.resolve("report.json");
    CliRun r = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", policy.toString(), "--as-of", "2026-11-01", "--fit", "none", "--lang", "da",
        "--report", report.toString(), "--quiet");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    String da = "For lidt data: der skal mindst 100 ordrer med en ansættelse til for at afgøre det; du har 40.";
    assertTrue(r.out().contains(da), r.describe());
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
    assertEquals("TOO_LITTLE_DATA", json.get("verdict").get("kind").asText());
    assertEquals(da, json.get("verdict").get("text").asText());
    assertEquals(6, json.get("heldBack").size());
    assertEquals("recall@100", json.get("heldBack").get(3).get("metric").asText());
    // the keep-order rule's report: on by default, watching the start policy's top 100
    assertEquals(100, json.get("keptOrder").get("depth").asInt());
    assertEquals(1.0, json.get("keptOrder").get("weight").asDouble());
    assertTrue(json.get("keptOrder").get("silentPairsPerOrder").asDouble() > 0, report.toString());
    double moved = json.get("keptOrder").get("reorderedHeldBack").asDouble();
    assertTrue(moved >= 0 && moved <= 1, "a share: " + moved);
    CliRun badMu = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", policy.toString(), "--keep-order", "-1");
    assertEquals(ExitCode.USAGE, badMu.exitCode(), badMu.describe());
    assertTrue(badMu.err().contains("--keep-order: keepOrder"), badMu.describe());
    CliRun badLang = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", policy.toString(), "--lang", "sv");
    assertEquals(ExitCode.USAGE, badLang.exitCode(), badLang.describe());
    assertTrue(badLang.err().contains("--lang: must be en or da"), badLang.describe());
  }

  @Test
  void readsTheRankOfAnOutcomeLine() throws IOException {
    List<String> lines = new ArrayList<>();
    int i = 0;
    for (String l : Files.readAllLines(outcomes)) {
      lines.add(l.replace("}", ",\"rank\":" + (i++ % 5 + 1) + "}"));
    }
    lines.add("{\"order\":\"jo-01\",\"citizen\":\"c-002\",\"outcome\":\"REJECTED\",\"rank\":0}");
    Path ranked = CliRun.write(dir, "ranked.jsonl", lines.toArray(String[]::new));
    CliRun r = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        ranked.toString(), "--out", dir.resolve("p.json").toString(), "--as-of", "2026-11-01", "--fit", "none",
        "--propensity", "1", "--quiet");
    assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
    assertTrue(r.err().contains(ranked + ":" + lines.size() + ": rank: must be between 1 and 1000000"), r.describe());
    assertTrue(java.util.regex.Pattern.compile("; (\\d+) of \\1 outcomes carry the rank they were proposed at, weighted by "
        + "1/propensity with propensity rank\\^-1 \\(stated\\)").matcher(r.out()).find(), r.describe());
  }

  @Test
  void badOutcomeLinesAreReportedAndSkipped() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(outcomes));
    lines.add("{\"order\":\"jo-01\",\"citizen\":\"c-001\",\"outcome\":\"PROMOTED\"}");
    lines.add("{\"order\":\"jo-01\",\"citizen\":\"c-001\",\"result\":\"HIRED\"}");
    Path bad = CliRun.write(dir, "bad.jsonl", lines.toArray(String[]::new));
    CliRun r = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        bad.toString(), "--out", dir.resolve("p.json").toString(), "--as-of", "2026-11-01", "--fit", "none", "--quiet");
    assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
    assertTrue(r.err().contains(bad + ":" + (lines.size() - 1) + ": outcome:"), r.describe());
    assertTrue(r.err().contains(bad + ":" + lines.size() + ": result:"), r.describe());
    assertTrue(Files.exists(dir.resolve("p.json")));
  }

  @Test
  void usageErrors() {
    CliRun unknownKey = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", dir.resolve("p.json").toString(), "--fit", "halfLife");
    assertEquals(ExitCode.USAGE, unknownKey.exitCode(), unknownKey.describe());
    assertTrue(unknownKey.err().contains("--fit: 'halfLife' is not a policy constant"), unknownKey.describe());
    CliRun integral = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", dir.resolve("p.json").toString(), "--fit", "staleAfterYears");
    assertEquals(ExitCode.USAGE, integral.exitCode(), integral.describe());
    assertTrue(integral.err().contains("staleAfterYears holds whole numbers"), integral.describe());
    CliRun overOutcomes = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString(), "--out", outcomes.toString());
    assertEquals(ExitCode.USAGE, overOutcomes.exitCode(), overOutcomes.describe());
    assertTrue(overOutcomes.err().contains("--out: is the same file as --outcomes"), overOutcomes.describe());
    CliRun noOut = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        outcomes.toString());
    assertEquals(ExitCode.USAGE, noOut.exitCode(), noOut.describe());
    CliRun few = CliRun.of("tune", "--citizens", citizens.toString(), "--orders", orders.toString(), "--outcomes",
        CliRun.write(dir, "few.jsonl", "{\"order\":\"jo-01\",\"citizen\":\"c-001\",\"outcome\":\"HIRED\"}").toString(),
        "--out", dir.resolve("p.json").toString(), "--quiet");
    assertEquals(ExitCode.USAGE, few.exitCode(), few.describe());
    assertTrue(few.err().contains("tuning needs at least 4"), few.describe());
    assertTrue(!Files.exists(dir.resolve("p.json")));
  }
}
