package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code index} with {@code --esco}, {@code --shortage} and {@code --policy}; then
 * {@code apply}, {@code match}, {@code explain}, {@code tune}, {@code compare-policies} and
 * {@code events} with {@code --index} alone give what they give with every file named again; a
 * differing file is refused, naming it.
 */
class IndexAloneTest {
  private static final Path ESCO = Path.of("matcher-core", "src", "test", "resources", "taxonomy", "esco-mini");
  private static final String DAY = "2026-11-01";

  @TempDir Path dir;

  private static void ok(CliRun r) {
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
  }

  @Test
  void everyCommandWorksWithTheIndexAlone() throws Exception {
    Random rnd = new Random(20);
    List<Citizen> cs = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      cs.add(TestData.citizen(rnd, String.format("c-%03d", i)));
    }
    List<JobOrder> os = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      os.add(TestData.order(rnd, String.format("jo-%02d", i)));
    }
    Path citizens = CliRun.write(dir, "c.jsonl", TestData.lines(cs).toArray(String[]::new));
    Path orders = CliRun.write(dir, "o.jsonl", TestData.lines(os).toArray(String[]::new));
    Path shortage = CliRun.write(dir, "shortage.csv", "occupation,rarArea,category,validFrom,validTo",
        "isco:2221,HOVEDSTADEN,MANGEL,2026-01-01,2027-12-31");
    Path policy = Path.of("docs", "policy-example.json");
    String label = EngineCommand.readPolicy("--policy", policy).label();
    Path idx = dir.resolve("idx");
    String[] ref = {"--esco", ESCO.toString(), "--shortage", shortage.toString(), "--policy", policy.toString()};

    ok(CliRun.of(cat(new String[] {"index", "--citizens", citizens.toString(), "--orders", orders.toString(), "--index",
        idx.toString(), "--as-of", DAY}, ref)));
    Path changes = CliRun.write(dir, "ch.jsonl", "{\"op\":\"delete\",\"citizen\":\"c-001\"}",
        "{\"op\":\"upsert\",\"citizen\":" + TestData.json(TestData.citizen(rnd, "c-500")) + "}");
    CliRun apply = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", DAY);
    ok(apply);
    assertTrue(apply.outLines().stream().allMatch(l -> l.contains("\"policy\":\"" + label + "\"")), apply.describe());
    CliRun events = CliRun.of("events", "--index", idx.toString());
    ok(events);
    assertEquals(apply.out(), events.out());

    // match and explain: the same with --index alone as with every file named again.
    for (String[] cmd : new String[][] {{"match", "--top", "3"}, {"explain", "--citizen", "c-002", "--order", "jo-01"}}) {
      CliRun alone = CliRun.of(cat(cmd, new String[] {"--index", idx.toString(), "--as-of", DAY}));
      CliRun named = CliRun.of(cat(cat(cmd, new String[] {"--index", idx.toString(), "--as-of", DAY}), ref));
      ok(alone);
      ok(named);
      assertFalse(alone.out().isEmpty());
      assertEquals(named.out(), alone.out(), cmd[0]);
      assertTrue(alone.out().contains("\"policy\":\"" + label + "\""), alone.describe());
    }
    // tune and compare-policies read the index's citizens and orders (no "Is a directory").
    List<String> outcomes = new ArrayList<>();
    ReferenceScorer scorer = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(),
        LocalDate.parse(DAY));
    List<Citizen> now = new ArrayList<>(cs.subList(2, cs.size()));
    for (JobOrder o : os) {
      List<Match> ranked = scorer.rank(now, o, 3);
      for (int r = 0; r < ranked.size(); r++) {
        outcomes.add("{\"order\":\"" + o.id() + "\",\"citizen\":\"" + ranked.get(r).citizenId() + "\",\"outcome\":\""
            + (r == 0 ? "HIRED" : r == 1 ? "INTERVIEWED" : "REJECTED") + "\"}");
      }
    }
    Path outcomeFile = CliRun.write(dir, "outcomes.jsonl", outcomes.toArray(String[]::new));
    CliRun tune = CliRun.of("tune", "--index", idx.toString(), "--outcomes", outcomeFile.toString(), "--out",
        dir.resolve("tuned.json").toString(), "--as-of", DAY, "--fit", "none", "--seed", "3", "--quiet");
    ok(tune);
    assertTrue(Files.exists(dir.resolve("tuned.json")));
    CliRun compare = CliRun.of("compare-policies", "--index", idx.toString(), "--policy-b", dir.resolve("tuned.json").toString(),
        "--as-of", DAY, "--quiet");
    ok(compare);
    assertTrue(compare.out().contains("\"policyA\""), compare.describe());

    // A file that differs from the index's is refused, naming it.
    Path other = CliRun.write(dir, "other.csv", "occupation,rarArea,category,validFrom,validTo",
        "isco:4321,HOVEDSTADEN,MANGEL,2026-01-01,2027-12-31");
    CliRun refused = CliRun.of("match", "--index", idx.toString(), "--shortage", other.toString());
    assertEquals(ExitCode.USAGE, refused.exitCode(), refused.describe());
    assertTrue(refused.err().contains("--shortage (shortage list): the content differs"), refused.describe());
    CliRun otherPolicy = CliRun.of("match", "--index", idx.toString(), "--policy", dir.resolve("tuned.json").toString());
    assertEquals(ExitCode.USAGE, otherPolicy.exitCode(), otherPolicy.describe());
    assertTrue(otherPolicy.err().contains("--policy: the index was built with policy " + label), otherPolicy.describe());
  }

  private static String[] cat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
