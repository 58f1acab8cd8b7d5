package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} on a seeded population: line format, the cap, the report, options. */
class BatchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Path citizens;
  Path orders;
  Path shortage;

  @BeforeEach
  void population() throws IOException {
    Random r = new Random(6);
    citizens = CliRun.write(dir, "citizens.jsonl", TestData.lines(
        IntStream.range(0, 400).mapToObj(i -> TestData.citizen(r, String.format("c-%04d", i))).toList()).toArray(String[]::new));
    orders = CliRun.write(dir, "orders.jsonl", TestData.lines(
        IntStream.range(0, 60).mapToObj(i -> TestData.order(r, String.format("jo-%03d", i))).toList()).toArray(String[]::new));
    try (InputStream in = getClass().getResourceAsStream("/dk/jobmatch/taxonomy/shortage-hovedstaden-example.csv")) {
      shortage = CliRun.writeRaw(dir, "shortage.csv", in.readAllBytes());
    }
  }

  private CliRun batch(String... extra) {
    List<String> args = new ArrayList<>(List.of("batch", "--citizens", citizens.toString(), "--orders", orders.toString(),
        "--as-of", "2026-11-01", "--shortage", shortage.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<JsonNode> parse(List<String> lines) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : lines) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  @Test
  void linesAreMatchLinesOfCandidatesWithinTheCap() throws IOException {
    CliRun b = batch("--per-citizen", "2");
    assertEquals(ExitCode.OK, b.exitCode(), b.describe());
    assertEquals("", b.err());
    // The candidates: match to the batch depth (3 x 10; orders' maxCandidates are at most 20).
    CliRun m = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--as-of",
        "2026-11-01", "--shortage", shortage.toString(), "--top", "60");
    assertEquals(ExitCode.OK, m.exitCode(), m.describe());
    Map<String, String> matchLines = new HashMap<>();
    for (JsonNode n : parse(m.outLines())) {
      ObjectNode o = (ObjectNode) n;
      String key = o.get("order").asText() + "/" + o.get("citizen").asText();
      o.remove("rank");
      matchLines.put(key, o.toString());
    }
    List<JsonNode> lines = parse(b.outLines());
    assertFalse(lines.isEmpty());
    Map<String, Integer> perCitizen = new HashMap<>();
    Map<String, Integer> lastRank = new HashMap<>();
    List<String> orderSequence = new ArrayList<>();
    for (JsonNode n : lines) {
      ObjectNode o = (ObjectNode) n.deepCopy();
      String order = o.get("order").asText();
      String citizen = o.get("citizen").asText();
      assertEquals(List.of("order", "rank", "citizen", "score", "components", "matchedSkills", "missingSkills", "flags", "policy"),
          iterable(o.fieldNames()), "field order");
      int rank = o.get("rank").asInt();
      assertEquals(lastRank.getOrDefault(order, 0) + 1, rank, "ranks 1..n per order");
      lastRank.put(order, rank);
      if (orderSequence.isEmpty() || !orderSequence.get(orderSequence.size() - 1).equals(order)) {
        orderSequence.add(order);
      }
      o.remove("rank");
      assertEquals(matchLines.get(order + "/" + citizen), o.toString(), "not a candidate line: " + order + "/" + citizen);
      if (!o.get("flags").toString().contains("FORTRINSADGANG")) {
        perCitizen.merge(citizen, 1, Integer::sum);
      }
    }
    assertTrue(perCitizen.values().stream().allMatch(x -> x <= 2), perCitizen.toString());
    // Orders in input order (those with a shortlist).
    List<String> sorted = new ArrayList<>(orderSequence);
    sorted.sort(null);
    assertEquals(sorted, orderSequence);
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void reportAgreesWithTheLines() throws IOException {
    Path json = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    CliRun b = batch("--report", json.toString(), "--report-html", html.toString());
    assertEquals(ExitCode.OK, b.exitCode(), b.describe());
    JsonNode report = JSON.readTree(json.toFile());
    List<JsonNode> lines = parse(b.outLines());
    Set<String> covered = new HashSet<>();
    Set<String> citizensProposed = new HashSet<>();
    lines.forEach(n -> {
      covered.add(n.get("order").asText());
      citizensProposed.add(n.get("citizen").asText());
    });
    assertEquals(lines.size(), report.at("/summary/placesFilled").asInt());
    assertEquals(60, report.at("/summary/orders").asInt());
    assertEquals(covered.size(), report.at("/coverage/ordersCoveredAfter").asInt());
    assertEquals(citizensProposed.size(), report.at("/congestion/after/citizensProposed").asInt());
    assertEquals(lines.size(), report.at("/congestion/after/proposals").asInt());
    assertEquals("MIN_COST_FLOW", report.at("/summary/algorithm").asText());
    assertEquals(3, report.at("/summary/perCitizen").asInt());
    // The pool: searchable citizens of the file.
    long searchable = Files.readAllLines(citizens).stream().filter(l -> l.contains("\"searchable\":true")).count();
    assertEquals(searchable, report.at("/summary/citizensInPool").asLong());
    int histogramTotal = 0;
    for (JsonNode bin : report.at("/congestion/after/histogram")) {
      histogramTotal += bin.get("citizens").asInt();
    }
    assertEquals(searchable, histogramTotal);
    assertTrue(report.at("/congestion/before/max").asInt() > 3, "the generated data should congest top-k");
    assertTrue(report.at("/upskilling/shortageOrders").asInt() > 0, "the shortage file should mark some orders");
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    java.util.regex.Matcher gini = java.util.regex.Pattern.compile("data-field=\"congestion\\.after\\.gini\">([^<]*)<").matcher(page);
    assertTrue(gini.find(), "the page shows the Gini after allocation");
    assertEquals(report.at("/congestion/after/gini").asDouble(), Double.parseDouble(gini.group(1)), 1e-12);
  }

  @Test
  void sameOutputForAnyThreadCountAndRun() {
    CliRun one = batch("--threads", "1");
    CliRun two = batch("--threads", "2");
    assertEquals(ExitCode.OK, one.exitCode(), one.describe());
    assertEquals(one.out(), two.out());
    assertEquals(one.out(), batch("--threads", "2").out());
  }

  @Test
  void independentTopKIgnoresTheCapAndGreedyKeepsIt() throws IOException {
    CliRun indep = batch("--algorithm", "INDEPENDENT_TOP_K", "--per-citizen", "1");
    CliRun greedy = batch("--algorithm", "GREEDY", "--per-citizen", "1");
    assertEquals(ExitCode.OK, indep.exitCode(), indep.describe());
    assertEquals(ExitCode.OK, greedy.exitCode(), greedy.describe());
    assertTrue(maxPerCitizen(parse(indep.outLines())) > 1);
    assertTrue(maxPerCitizen(parse(greedy.outLines())) <= 1 + fortrinsadgangLines(parse(greedy.outLines())));
  }

  private static int maxPerCitizen(List<JsonNode> lines) {
    Map<String, Integer> per = new HashMap<>();
    lines.forEach(n -> per.merge(n.get("citizen").asText(), 1, Integer::sum));
    return per.values().stream().max(Integer::compare).orElse(0);
  }

  private static int fortrinsadgangLines(List<JsonNode> lines) {
    return (int) lines.stream().filter(n -> n.get("flags").toString().contains("FORTRINSADGANG")).count();
  }

  @Test
  void badOptionsAreUsageErrorsBeforeAnyWork() {
    CliRun zero = batch("--per-citizen", "0");
    assertEquals(ExitCode.USAGE, zero.exitCode());
    assertEquals(List.of("error: --per-citizen: '0' must be between 1 and 1000"), zero.errLines());
    assertEquals("", zero.out());
    CliRun depth = batch("--depth", "0");
    assertEquals(List.of("error: --depth: '0' must be between 1 and 100"), depth.errLines());
    CliRun spread = batch("--spread-penalty", "-1");
    assertEquals(List.of("error: --spread-penalty: '-1.0' must be between 0 and 10"), spread.errLines());
    Path missing = dir.resolve("no-such-dir").resolve("r.json");
    CliRun report = batch("--report", missing.toString());
    assertEquals(ExitCode.USAGE, report.exitCode());
    assertTrue(report.errLines().get(0).startsWith("error: --report: cannot write " + missing), report.describe());
    assertEquals("", report.out());
    CliRun alg = batch("--algorithm", "MAGIC");
    assertEquals(ExitCode.USAGE, alg.exitCode());
    assertTrue(alg.err().contains("MAGIC"), alg.describe());
  }

  @Test
  void helpListsTheBatchOptions() {
    String help = CliRun.of("batch", "--help").out();
    for (String option : new LinkedHashSet<>(List.of("--citizens=FILE", "--orders=FILE", "--per-citizen=C", "--top=K",
        "--report=FILE", "--report-html=FILE", "--algorithm=A", "--depth=F", "--spread-penalty=X", "--out=FILE"))) {
      assertTrue(help.contains(option), option + " missing in\n" + help);
    }
  }

  @Test
  void outFileAndReportsAreWrittenOnlyOnSuccess() throws IOException {
    Path out = dir.resolve("lines.jsonl");
    Path json = dir.resolve("r.json");
    CliRun ok = batch("--out", out.toString(), "--report", json.toString());
    assertEquals(ExitCode.OK, ok.exitCode(), ok.describe());
    assertEquals("", ok.out());
    assertTrue(Files.size(out) > 0 && Files.size(json) > 0);
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left");
    }
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      // Results and reports name citizens: owner-only, whatever the umask (SECURITY.md).
      assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(json));
      assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(out));
    }
  }
}
