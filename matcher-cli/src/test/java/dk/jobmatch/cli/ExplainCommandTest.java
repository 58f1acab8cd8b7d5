package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.cli.json.ExplainLineWriter;
import dk.jobmatch.narrative.Labels;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jobmatch explain} in-process: for every gate a hand-made pair failing it, with the
 * values compared as the line shows them; an eligible pair's match fields, rank and gap; the
 * lines of a random population equal to the reference scorer's explanations, with rank and gap
 * checked against the reference ranking; unknown ids as bad lines; usage errors.
 */
class ExplainCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  @TempDir Path dir;

  /** A citizen 11.1 km from the workplace of {@link #order()} who passes every gate of it. */
  static ObjectNode citizen(String id) {
    return (ObjectNode) parse("""
        {"id":"%s","jobReady":true,"searchable":true,"location":{"lat":55.0,"lon":12.4},"maxCommuteKm":30,
         "hoursPerWeek":{"min":30,"max":37},"certificates":["DRIVING_B"],"languages":[{"code":"da","level":"C1"}],
         "skills":[{"id":"skill:a"}],"experience":[{"occupation":"isco:5322","years":4,"lastYear":2025}],
         "jobGoals":[{"occupation":"isco:5322","priority":1}],"education":{"level":3}}""".formatted(id));
  }

  static ObjectNode order() {
    return (ObjectNode) parse("""
        {"id":"o-1","occupation":"isco:5322","employer":{"location":{"lat":55.1,"lon":12.4}},"employmentType":"ORDINARY",
         "hoursPerWeek":{"min":30,"max":37},"certificates":["DRIVING_B"],"languages":[{"code":"da","minLevel":"B1"}],
         "startDate":"2027-01-01","requiredSkills":[{"id":"skill:a","essential":true}]}""");
  }

  static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Changes making the pair fail exactly {@code gate}, and the gate's object as the line must show it. */
  record Case(Consumer<ObjectNode> citizen, Consumer<ObjectNode> order, String gateJson) {}

  static Case failing(Gate gate) {
    return switch (gate) {
      case SEARCHABLE -> new Case(c -> c.put("searchable", false), o -> {},
          "{\"gate\":\"SEARCHABLE\",\"passed\":false,\"relaxed\":false,\"searchable\":false}");
      case COMMUTE -> new Case(c -> {}, o -> ((ObjectNode) o.get("employer").get("location")).put("lat", 55.4),
          "{\"gate\":\"COMMUTE\",\"passed\":false,\"relaxed\":false,\"distanceKm\":44.5,\"maxCommuteKm\":30}");
      case HOURS -> new Case(c -> c.set("hoursPerWeek", parse("{\"min\":10,\"max\":15}")),
          o -> o.set("hoursPerWeek", parse("{\"min\":37,\"max\":37}")),
          "{\"gate\":\"HOURS\",\"passed\":false,\"relaxed\":false,\"orderHoursPerWeek\":{\"min\":37,\"max\":37},"
              + "\"citizenHoursPerWeek\":{\"min\":10,\"max\":15}}");
      case FLEKSJOB -> new Case(c -> c.set("fleksjob", parse("{\"approved\":true,\"maxHoursPerWeek\":15}")), o -> {},
          "{\"gate\":\"FLEKSJOB\",\"passed\":false,\"relaxed\":false,\"fleksjobApproved\":true,\"fleksjobMaxHoursPerWeek\":15,"
              + "\"employmentType\":\"ORDINARY\",\"acceptsFleksjob\":false}");
      case CERTIFICATES -> new Case(c -> {}, o -> o.set("certificates", parse("[\"DRIVING_C\",\"DRIVING_B\"]")),
          "{\"gate\":\"CERTIFICATES\",\"passed\":false,\"relaxed\":false,\"requiredCertificates\":[\"DRIVING_B\",\"DRIVING_C\"],"
              + "\"missingCertificates\":[\"DRIVING_C\"]}");
      case LANGUAGES -> new Case(c -> c.set("languages", parse("[{\"code\":\"da\",\"level\":\"B1\"}]")),
          o -> o.set("languages", parse("[{\"code\":\"da\",\"minLevel\":\"C1\"},{\"code\":\"en\",\"minLevel\":\"B2\"}]")),
          "{\"gate\":\"LANGUAGES\",\"passed\":false,\"relaxed\":false,"
              + "\"requiredLanguages\":[{\"code\":\"da\",\"minLevel\":\"C1\"},{\"code\":\"en\",\"minLevel\":\"B2\"}],"
              + "\"unmetLanguages\":[{\"code\":\"da\",\"level\":\"B1\",\"minLevel\":\"C1\"},{\"code\":\"en\",\"level\":null,\"minLevel\":\"B2\"}]}");
      case AVAILABILITY -> new Case(c -> c.put("availableFrom", "2027-02-01"), o -> {},
          "{\"gate\":\"AVAILABILITY\",\"passed\":false,\"relaxed\":false,\"availableFrom\":\"2027-02-01\",\"startDate\":\"2027-01-01\"}");
      case EMPLOYMENT_TYPE -> new Case(c -> c.put("jobReady", false), o -> {},
          "{\"gate\":\"EMPLOYMENT_TYPE\",\"passed\":false,\"relaxed\":false,\"employmentType\":\"ORDINARY\",\"jobReady\":false,"
              + "\"fleksjobApproved\":false,\"acceptsFleksjob\":false}");
    };
  }

  private CliRun explain(List<String> citizens, List<String> orders, String... more) {
    Path cf = CliRun.write(dir, "citizens.jsonl", citizens.toArray(String[]::new));
    Path of = CliRun.write(dir, "orders.jsonl", orders.toArray(String[]::new));
    List<String> args = new ArrayList<>(List.of("explain", "--citizens", cf.toString(), "--orders", of.toString(),
        "--as-of", AS_OF.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @EnumSource(Gate.class)
  void aPairFailingOneGateShowsItWithTheValuesCompared(Gate gate) {
    Case c = failing(gate);
    ObjectNode citizen = citizen("c-1");
    c.citizen().accept(citizen);
    ObjectNode order = order();
    c.order().accept(order);
    CliRun r = explain(List.of(citizen.toString()), List.of(order.toString()), "--citizen", "c-1", "--order", "o-1");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(1, r.outLines().size(), r.describe());
    JsonNode line = parse(r.outLines().get(0));
    assertEquals(List.of("citizen", "order", "eligible", "gates", "policy"),
        fieldNames(line).stream().filter(n -> !n.equals("labels")).toList(), "an ineligible pair has no match fields");
    assertEquals(ScoringPolicy.defaults().label(), line.get("policy").asText());
    assertEquals("c-1", line.get("citizen").asText());
    assertEquals("o-1", line.get("order").asText());
    assertFalse(line.get("eligible").asBoolean());
    JsonNode gates = line.get("gates");
    assertEquals(Gate.values().length, gates.size());
    for (Gate g : Gate.values()) {
      JsonNode check = gates.get(g.ordinal());
      assertEquals(g.name(), check.get("gate").asText(), "gates in enum order");
      assertEquals(g != gate, check.get("passed").asBoolean(), g.name());
      assertFalse(check.get("relaxed").asBoolean());
    }
    assertEquals(c.gateJson(), gates.get(gate.ordinal()).toString());
  }

  @Test
  void anEligiblePairCarriesTheMatchFieldsRankAndGap() {
    // Three citizens ever farther from the workplace; c-c is explained with K = 2.
    List<String> citizens = new ArrayList<>();
    String[] ids = {"c-a", "c-b", "c-c"};
    for (int i = 0; i < ids.length; i++) {
      ObjectNode c = citizen(ids[i]);
      ((ObjectNode) c.get("location")).put("lat", 55.09 - 0.01 * i);
      citizens.add(c.toString());
    }
    CliRun r = explain(citizens, List.of(order().toString()), "--citizen", "c-c", "--order", "o-1", "--top", "2");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    JsonNode line = parse(r.outLines().get(0));
    assertEquals(List.of("citizen", "order", "eligible", "gates", "score", "components", "matchedSkills", "missingSkills",
        "flags", "rank", "gapToTop", "kthScore", "gapToKth", "policy"),
        fieldNames(line).stream().filter(n -> !n.equals("labels")).toList());
    assertEquals(line.get("gapToTop").asDouble(), line.get("gapToKth").asDouble(), "the same value under its right name");
    assertTrue(line.get("eligible").asBoolean());
    assertEquals(3, line.get("rank").asInt());
    assertEquals("[\"skill:a\"]", line.get("matchedSkills").toString());

    CliRun m = explainMatch(citizens);
    JsonNode second = parse(m.outLines().get(1));
    double gap = line.get("gapToTop").asDouble();
    assertEquals(second.get("score").asDouble(), line.get("kthScore").asDouble());
    assertTrue(gap > 0, r.describe());
    assertEquals(second.get("score").asDouble() - line.get("score").asDouble(), gap, 1.0001e-4);
    assertTrue(gap >= second.get("score").asDouble() - line.get("score").asDouble() - 0.5e-4, "rounded up: " + gap);
    assertEquals(parse(m.outLines().get(2)).get("components"), line.get("components"), "the same fields as the match line");

    CliRun first = explain(citizens, List.of(order().toString()), "--citizen", "c-a", "--order", "o-1", "--top", "2");
    JsonNode top = parse(first.outLines().get(0));
    assertEquals(1, top.get("rank").asInt());
    assertEquals(0.0, top.get("gapToTop").asDouble());
    CliRun few = explain(citizens, List.of(order().toString()), "--citizen", "c-c", "--order", "o-1", "--top", "5");
    JsonNode fewer = parse(few.outLines().get(0));
    assertEquals(0.0, fewer.get("gapToTop").asDouble());
    assertTrue(fewer.get("kthScore").isNull(), "fewer than K eligible: no K-th place");
  }

  private CliRun explainMatch(List<String> citizens) {
    Path cf = CliRun.write(dir, "citizens.jsonl", citizens.toArray(String[]::new));
    Path of = CliRun.write(dir, "orders.jsonl", order().toString());
    CliRun m = CliRun.of("match", "--citizens", cf.toString(), "--orders", of.toString(), "--as-of", AS_OF.toString());
    assertEquals(ExitCode.OK, m.exitCode(), m.describe());
    return m;
  }

  @Test
  void pairsAreExplainedInInputOrderAndUnknownIdsAreBadLines() {
    List<String> citizens = List.of(citizen("c-1").toString(), citizen("c-2").put("searchable", false).toString());
    Path pairs = CliRun.write(dir, "pairs.jsonl",
        "{\"citizen\":\"c-2\",\"order\":\"o-1\"}",
        "{\"citizen\":\"c-9\",\"order\":\"o-1\"}",
        "{\"citizen\":\"c-1\",\"order\":\"o-1\"}",
        "{\"citizen\":\"c-1\",\"order\":\"o-9\"}",
        "{\"citizen\":\"c-1\",\"ordre\":\"o-1\"}",
        "",
        "{\"citizen\":\"c-2\",\"order\":\"o-1\"}");
    CliRun r = explain(citizens, List.of(order().toString()), "--pairs", pairs.toString());
    assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
    assertEquals(List.of("c-2 false", "c-1 true", "c-2 false"),
        r.outLines().stream().map(l -> parse(l).get("citizen").asText() + " " + parse(l).get("eligible").asBoolean()).toList());
    String p = pairs.toString();
    String c = dir.resolve("citizens.jsonl").toString();
    String o = dir.resolve("orders.jsonl").toString();
    assertTrue(r.errLines().contains(p + ":5: ordre: unknown field (did you mean 'order'?)")
        || r.errLines().stream().anyMatch(l -> l.startsWith(p + ":5: ordre: unknown field")), r.describe());
    assertTrue(r.errLines().contains(p + ":2: citizen: unknown id 'c-9': no such citizen in " + c), r.describe());
    assertTrue(r.errLines().contains(p + ":4: order: unknown id 'o-9': no such order in " + o), r.describe());
    assertTrue(r.errLines().contains(p + ": 2 of 5 pairs name an unknown citizen or order (not explained)"), r.describe());
  }

  @Test
  void strictWritesNothingWhenAPairNamesAnUnknownId() {
    Path pairs = CliRun.write(dir, "pairs.jsonl", "{\"citizen\":\"c-1\",\"order\":\"o-1\"}", "{\"citizen\":\"c-9\",\"order\":\"o-1\"}");
    CliRun r = explain(List.of(citizen("c-1").toString()), List.of(order().toString()), "--pairs", pairs.toString(), "--strict");
    assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
    assertEquals("", r.out());
    assertTrue(r.errLines().contains(pairs + ": --strict: a pair names an unknown citizen or order; nothing was written"),
        r.describe());
  }

  @Test
  void anUnknownIdOnTheCommandLineIsReportedWithExitThree() {
    CliRun r = explain(List.of(citizen("c-1").toString()), List.of(order().toString()), "--citizen", "c-9", "--order", "o-1");
    assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
    assertEquals("", r.out());
    assertEquals(List.of("--citizen: unknown id 'c-9': no such citizen in " + dir.resolve("citizens.jsonl")), r.errLines());
    CliRun o = explain(List.of(citizen("c-1").toString()), List.of(order().toString()), "--citizen", "c-1", "--order", "o-9");
    assertEquals(ExitCode.DATA, o.exitCode(), o.describe());
    assertEquals(List.of("--order: unknown id 'o-9': no such order in " + dir.resolve("orders.jsonl")), o.errLines());
  }

  @Test
  void usageErrors() {
    List<String> c = List.of(citizen("c-1").toString());
    List<String> o = List.of(order().toString());
    CliRun none = explain(c, o);
    assertEquals(ExitCode.USAGE, none.exitCode(), none.describe());
    assertEquals(List.of("error: give the pair to explain as --citizen ID --order ID, or pairs as --pairs FILE"), none.errLines());
    CliRun half = explain(c, o, "--citizen", "c-1");
    assertEquals(ExitCode.USAGE, half.exitCode());
    assertEquals(List.of("error: --citizen: needs --order ID"), half.errLines());
    Path pairs = CliRun.write(dir, "pairs.jsonl", "{\"citizen\":\"c-1\",\"order\":\"o-1\"}");
    CliRun both = explain(c, o, "--pairs", pairs.toString(), "--citizen", "c-1", "--order", "o-1");
    assertEquals(ExitCode.USAGE, both.exitCode());
    CliRun missing = explain(c, o, "--pairs", dir.resolve("nope.jsonl").toString());
    assertEquals(ExitCode.USAGE, missing.exitCode());
    assertEquals(List.of("error: --pairs: file not found: " + dir.resolve("nope.jsonl")), missing.errLines());
    CliRun badTop = explain(c, o, "--citizen", "c-1", "--order", "o-1", "--top", "0");
    assertEquals(ExitCode.USAGE, badTop.exitCode());
  }

  @Test
  void explainOnAnIndexEqualsExplainOnTheFiles() {
    List<String> citizens = List.of(citizen("c-1").toString(), citizen("c-2").put("searchable", false).toString(),
        citizen("c-3").toString());
    Path pairs = CliRun.write(dir, "pairs.jsonl", "{\"citizen\":\"c-3\",\"order\":\"o-1\"}",
        "{\"citizen\":\"c-2\",\"order\":\"o-1\"}");
    CliRun files = explain(citizens, List.of(order().toString()), "--pairs", pairs.toString(), "--top", "1");
    assertEquals(ExitCode.OK, files.exitCode(), files.describe());
    Path index = dir.resolve("index");
    CliRun built = CliRun.of("index", "--citizens", dir.resolve("citizens.jsonl").toString(), "--orders",
        dir.resolve("orders.jsonl").toString(), "--index", index.toString(), "--as-of", AS_OF.toString());
    assertEquals(ExitCode.OK, built.exitCode(), built.describe());
    CliRun fromIndex = CliRun.of("explain", "--index", index.toString(), "--pairs", pairs.toString(), "--top", "1",
        "--as-of", AS_OF.toString());
    assertEquals(ExitCode.OK, fromIndex.exitCode(), fromIndex.describe());
    assertEquals(files.outLines(), fromIndex.outLines());
    assertEquals(2, parse(fromIndex.outLines().get(0)).get("rank").asInt());
  }

  @Test
  void helpListsTheOptions() {
    CliRun r = CliRun.of("explain", "--help");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("Usage: jobmatch explain"), r.describe());
    for (String option : List.of("--citizens=FILE", "--orders=FILE", "--citizen=ID", "--order=ID", "--pairs=FILE",
        "--top=K", "--esco=DIR", "--disco=FILE", "--shortage=FILE", "--as-of=DATE", "--out=FILE", "--strict")) {
      assertTrue(r.out().contains(option), option + " missing in\n" + r.out());
    }
    assertTrue(CliRun.of("--help").out().matches("(?s).*\\n\\s+explain\\s+Explain \\(citizen, order\\) pairs.*"),
        "listed in jobmatch --help");
  }

  /**
   * The oracle: on a seeded random population, every line equals the line written from the
   * reference scorer's explanation; independently, the rank is the citizen's place in the
   * reference ranking and the gap is the K-th place's score less the citizen's.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {4, 5})
  void linesEqualTheReferenceScorersExplanations(long seed) throws IOException {
    Random rnd = new Random(seed);
    List<Citizen> population = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      population.add(TestData.citizen(rnd, "c-" + i));
    }
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      orders.add(TestData.order(rnd, "jo-" + i).toBuilder().deadline(null).build());
    }
    int k = 5;
    List<String> pairLines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    ReferenceScorer oracle = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(), AS_OF);
    List<PairExplanation> explanations = new ArrayList<>();
    for (JobOrder o : orders) {
      for (int j = 0; j < 20; j++) {
        Citizen c = population.get(rnd.nextInt(population.size()));
        pairLines.add("{\"citizen\":\"" + c.id() + "\",\"order\":\"" + o.id() + "\"}");
        PairExplanation e = oracle.explainPair(population, c, o, k);
        explanations.add(e);
        expected.add(line(e, o));
      }
    }
    Path pairs = CliRun.write(dir, "pairs.jsonl", pairLines.toArray(String[]::new));
    CliRun r = explain(TestData.lines(population), TestData.lines(orders), "--pairs", pairs.toString(), "--top",
        String.valueOf(k), "--threads", "2");
    assertEquals(ExitCode.OK, r.exitCode(), "seed " + seed + ": " + r.describe());
    assertEquals(expected, r.outLines(), "seed " + seed);
    int eligible = 0;
    for (int i = 0; i < explanations.size(); i++) {
      JsonNode line = parse(r.outLines().get(i));
      if (!line.get("eligible").asBoolean()) {
        continue;
      }
      eligible++;
      JobOrder o = orders.get(i / 20);
      List<Match> ranking = oracle.rank(population, o, population.size());
      int rank = line.get("rank").asInt();
      String ctx = "seed " + seed + " line " + (i + 1);
      assertEquals(line.get("citizen").asText(), ranking.get(rank - 1).citizenId(), ctx);
      double kth = ranking.size() >= k ? ranking.get(k - 1).score() : Double.NaN;
      double expectedGap = rank <= k || ranking.size() < k ? 0 : kth - ranking.get(rank - 1).score();
      assertEquals(expectedGap, line.get("gapToTop").asDouble(), 1e-4, ctx);
    }
    assertTrue(eligible > 10, "seed " + seed + ": too few eligible pairs: " + eligible);
  }

  private static String line(PairExplanation e, JobOrder o) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExplainLineWriter w = new ExplainLineWriter(out, ScoringPolicy.defaults().label(),
        Labels.of(Taxonomy.none(), java.util.Locale.forLanguageTag("da")))) {
      w.write(e, o);
    }
    return out.toString(StandardCharsets.UTF_8).stripTrailing();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
