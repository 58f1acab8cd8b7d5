package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.jobmatch.cli.json.MatchLineWriter;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI run in-process on small files, output compared line by line. */
class EndToEndTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static List<String> resource(String name) {
    try (InputStream in = EndToEndTest.class.getResourceAsStream("/example/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path example(String name) {
    return CliRun.write(dir, name, resource(name).toArray(String[]::new));
  }

  /** The README's example: four citizens, two orders, top 2. */
  @Test
  void matchReproducesTheReadmeExample() throws IOException {
    CliRun r = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(resource("expected-match.jsonl"), r.outLines());
    assertEquals("", r.err());

    // What the golden lines say, spelled out: the full match first; the SOSU helper one level
    // short is an upskilling candidate missing an essential skill; the fleksjob citizen with
    // fortrinsadgang follows beyond K=2 for the public employer; only the forklift driver passes
    // the FORKLIFT gate of the warehouse order.
    List<JsonNode> lines = new ArrayList<>();
    for (String l : r.outLines()) {
      lines.add(JSON.readTree(l));
    }
    assertEquals(List.of("jo-1/1/c-001", "jo-1/2/c-002", "jo-1/3/c-003", "jo-2/1/c-004"),
        lines.stream().map(n -> n.get("order").asText() + "/" + n.get("rank").asInt() + "/" + n.get("citizen").asText()).toList());
    assertTrue(lines.get(1).get("flags").toString().contains("UPSKILLING_CANDIDATE"));
    assertEquals("[\"medicinhåndtering\",\"dokumentation\"]", lines.get(1).get("missingSkills").toString());
    assertEquals("[\"FLEKSJOB_FIT\",\"FORTRINSADGANG\"]", lines.get(2).get("flags").toString());
  }

  @Test
  void suggestReproducesTheReadmeExample() {
    CliRun r = CliRun.of("suggest", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(resource("expected-suggest.jsonl"), r.outLines());
    assertEquals("", r.err());
  }

  @Test
  void outWritesTheSameLinesToAFileAndNothingToStdout() throws IOException {
    Path out = dir.resolve("results.jsonl");
    CliRun r = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01", "--out", out.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals("", r.out());
    assertEquals(resource("expected-match.jsonl"), Files.readAllLines(out, StandardCharsets.UTF_8));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("citizens.jsonl", "orders.jsonl", "results.jsonl"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left behind");
    }
  }

  @Test
  void defaultTopIsTen() {
    Random rnd = new Random(7);
    List<Citizen> population = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      population.add(TestData.citizen(rnd, String.format("c-%03d", i)));
    }
    JobOrder open = JobOrder.builder("jo-open", "isco:2221").essentialSkill("s00").employmentType(
        dk.jobmatch.model.EmploymentType.INTERNSHIP).build();
    Path citizens = CliRun.write(dir, "c.jsonl", TestData.lines(population).toArray(String[]::new));
    Path orders = CliRun.write(dir, "o.jsonl", TestData.json(open));
    CliRun r = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(10, r.outLines().size(), r.describe());
  }

  /**
   * The oracle: for a seeded random population, the CLI's lines equal the lines built from the
   * exhaustive reference scorer over the same records, for any thread count.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void matchAndSuggestEqualTheReferenceScorer(long seed) throws IOException {
    Random rnd = new Random(seed);
    List<Citizen> population = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      population.add(TestData.citizen(rnd, "c-" + seed + "-" + i));
    }
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      orders.add(TestData.order(rnd, "jo-" + seed + "-" + i));
    }
    Path cf = CliRun.write(dir, "c.jsonl", TestData.lines(population).toArray(String[]::new));
    Path of = CliRun.write(dir, "o.jsonl", TestData.lines(orders).toArray(String[]::new));
    ReferenceScorer oracle = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(), AS_OF);
    int k = 5;

    List<String> expectedMatch = new ArrayList<>();
    for (JobOrder o : orders) {
      expectedMatch.addAll(lines(oracle.rank(population, o, k), MatchLineWriter.Direction.ORDER_FIRST));
    }
    List<String> expectedSuggest = new ArrayList<>();
    for (Citizen c : population) {
      expectedSuggest.addAll(lines(oracle.suggest(population, orders, c, k), MatchLineWriter.Direction.CITIZEN_FIRST));
    }
    assertFalse(expectedMatch.isEmpty());
    for (String threads : List.of("1", "2")) {
      CliRun m = CliRun.of("match", "--citizens", cf.toString(), "--orders", of.toString(), "--top", String.valueOf(k),
          "--as-of", "2026-11-01", "--threads", threads);
      assertEquals(ExitCode.OK, m.exitCode(), "seed " + seed + ": " + m.describe());
      assertEquals(expectedMatch, m.outLines(), "seed " + seed + ", threads " + threads);
      CliRun s = CliRun.of("suggest", "--citizens", cf.toString(), "--orders", of.toString(), "--top", String.valueOf(k),
          "--as-of", "2026-11-01", "--threads", threads);
      assertEquals(ExitCode.OK, s.exitCode(), "seed " + seed + ": " + s.describe());
      assertEquals(expectedSuggest, s.outLines(), "seed " + seed + ", threads " + threads);
    }
  }

  static List<String> lines(List<Match> matches, MatchLineWriter.Direction d) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MatchLineWriter w = new MatchLineWriter(out, d, dk.jobmatch.scoring.ScoringPolicy.defaults().label())) {
      int rank = 0;
      for (Match m : matches) {
        w.write(m, ++rank);
      }
    }
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void writtenRecordsReadBackEqual() throws Exception {
    Random rnd = new Random(11);
    for (int i = 0; i < 500; i++) {
      Citizen c = TestData.citizen(rnd, "c-" + i);
      assertEquals(c, dk.jobmatch.cli.json.CitizenJson.parse(TestData.json(c), false), "seed 11, citizen " + i);
      JobOrder o = TestData.order(rnd, "jo-" + i);
      assertEquals(o, dk.jobmatch.cli.json.JobOrderJson.parse(TestData.json(o), false), "seed 11, order " + i);
    }
  }

  @Test
  void duplicateIdsLaterLineWinsWithAWarningNamingBothLines() {
    Path citizens = CliRun.write(dir, "c.jsonl",
        "{\"id\":\"c-1\",\"skills\":[\"s1\"]}",
        "{\"id\":\"c-2\",\"skills\":[\"s2\"]}",
        "{\"id\":\"c-1\",\"skills\":[\"s2\"]}");
    Path orders = CliRun.write(dir, "o.jsonl",
        "{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"requiredSkills\":[\"s1\"]}",
        "{\"id\":\"jo-2\",\"occupation\":\"isco:2221\",\"requiredSkills\":[\"s2\"]}",
        "{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"requiredSkills\":[\"s3\"]}");
    CliRun r = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(List.of(
        orders + ":3: warning: duplicate id 'jo-1' (also on line 1); line 3 replaces line 1",
        citizens + ":3: warning: duplicate id 'c-1' (also on line 1); line 3 replaces line 1",
        orders + ": 0 of 3 lines rejected, 1 duplicate id (later lines won)",
        citizens + ": 0 of 3 lines rejected, 1 duplicate id (later lines won)"), r.errLines());
    // jo-2 (line 2) comes before the winning jo-1 (line 3); c-1 now holds s2, not s1
    List<String> heads = r.outLines().stream().map(l -> l.substring(0, l.indexOf(",\"score\""))).toList();
    assertEquals(List.of(
        "{\"order\":\"jo-2\",\"rank\":1,\"citizen\":\"c-1\"",
        "{\"order\":\"jo-2\",\"rank\":2,\"citizen\":\"c-2\"",
        "{\"order\":\"jo-1\",\"rank\":1,\"citizen\":\"c-1\"",
        "{\"order\":\"jo-1\",\"rank\":2,\"citizen\":\"c-2\""), heads);
    assertTrue(r.outLines().get(2).contains("\"matchedSkills\":[],\"missingSkills\":[\"s3\"]"), r.describe());

    CliRun s = CliRun.of("suggest", "--citizens", citizens.toString(), "--orders", orders.toString(), "--top", "1",
        "--as-of", "2026-11-01", "--quiet");
    assertEquals(ExitCode.OK, s.exitCode(), s.describe());
    // one list per distinct citizen, at the winning line: c-2 (line 2) before c-1 (line 3)
    assertEquals(List.of("{\"citizen\":\"c-2\",\"rank\":1,\"order\":\"jo-2\"", "{\"citizen\":\"c-1\",\"rank\":1,\"order\":\"jo-2\""),
        s.outLines().stream().map(l -> l.substring(0, l.indexOf(",\"score\""))).toList());
  }

  @Test
  void strictRejectsTheWholeFileIndexesNothingWritesNothing() {
    Path citizens = CliRun.write(dir, "c.jsonl",
        "{\"id\":\"c-1\",\"skills\":[\"s1\"]}",
        "{\"id\":\"c-2\",\"hoursPerWeek\":{\"min\":-3,\"max\":37}}",
        "{\"id\":\"c-3\",\"skils\":[\"s1\"]}");
    Path orders = CliRun.write(dir, "o.jsonl", "{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"requiredSkills\":[\"s1\"]}");
    Path out = dir.resolve("out.jsonl");
    CliRun r = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--strict",
        "--out", out.toString());
    assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
    assertEquals("", r.out());
    assertFalse(Files.exists(out), "no result file under --strict");
    assertEquals(List.of(
        citizens + ":2: hoursPerWeek.min: must be between 0 and 80",
        citizens + ":3: skils: unknown field; did you mean 'skills'?",
        citizens + ": 2 of 3 lines rejected",
        citizens + ": --strict: the file has problems; nothing was indexed or written"), r.errLines());

    CliRun badOrders = CliRun.of("suggest", "--citizens", citizens.toString(), "--orders",
        CliRun.write(dir, "o2.jsonl", "{\"id\":\"jo-1\"}").toString(), "--strict");
    assertEquals(ExitCode.DATA, badOrders.exitCode());
    assertEquals("", badOrders.out());
    assertEquals(List.of(
        dir.resolve("o2.jsonl") + ":1: occupation: is required",
        dir.resolve("o2.jsonl") + ": 1 of 1 line rejected",
        dir.resolve("o2.jsonl") + ": --strict: the file has problems; nothing was indexed or written"), badOrders.errLines());
  }

  @Test
  void largeFilesShowATenPercentProgressLineWhenStderrIsNotATerminal() {
    Random rnd = new Random(5);
    List<String> lines = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; bytes < 1_200_000; i++) {
      String l = TestData.json(TestData.citizen(rnd, "c-" + i));
      lines.add(l);
      bytes += l.length() + 1;
    }
    Path citizens = CliRun.write(dir, "big.jsonl", lines.toArray(String[]::new));
    Path orders = CliRun.write(dir, "o.jsonl", "{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"requiredSkills\":[\"s01\"]}");
    CliRun r = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--top", "1",
        "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    List<String> percents = new ArrayList<>();
    for (String l : r.errLines()) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("indexing " + java.util.regex.Pattern.quote(citizens.toString()) + ": (\\d+)% \\([\\d,]+ lines, [\\d,]+ lines/s, 0 errors\\)")
          .matcher(l);
      assertTrue(m.matches(), l);
      percents.add(m.group(1));
    }
    assertEquals(List.of("10", "20", "30", "40", "50", "60", "70", "80", "90", "100"), percents);
    CliRun quiet = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--top", "1",
        "--as-of", "2026-11-01", "--quiet");
    assertEquals("", quiet.err());
    assertEquals(r.out(), quiet.out());
  }

  @Test
  void verboseReportsEachPhase() {
    CliRun r = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01", "--verbose");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(resource("expected-match.jsonl"), r.outLines());
    List<String> err = r.errLines();
    assertEquals(3, err.size(), r.describe());
    assertTrue(err.get(0).matches("read 2 job orders in \\d+\\.\\d s"), err.get(0));
    assertTrue(err.get(1).matches("indexed 4 citizens \\([\\d,]+/s\\) in \\d+\\.\\d s"), err.get(1));
    assertTrue(err.get(2).matches("ranked 2 job orders, wrote 4 lines in \\d+\\.\\d s"), err.get(2));
  }

  @Test
  void strictWithCleanFilesBehavesLikeNormal() {
    CliRun r = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01", "--strict");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(resource("expected-match.jsonl"), r.outLines());
  }
}
