package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.internal.DayClock;
import dk.jobmatch.engine.LiveShortlists;
import dk.jobmatch.engine.LiveShortlists.Change;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.engine.ShortlistEvent;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code index}, then {@code apply} of a change file, then {@code match --index}
 * equals {@code match} on the merged files; the events equal the library's; strict mode; refusal
 * of other reference data; readers during a write.
 */
class IndexApplyTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DAY1 = "2026-11-01";
  private static final String DAY2 = "2026-11-10";

  @TempDir Path dir;

  /** The initial files, the change lines and the merged files of one seeded scenario. */
  private record Scenario(List<Citizen> citizens, List<JobOrder> orders, List<String> changeLines, List<Change> changes,
      List<Citizen> mergedCitizens, List<JobOrder> mergedOrders) {}

  private static Scenario scenario(long seed) {
    Random r = new Random(seed);
    List<Citizen> citizens = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      citizens.add(TestData.citizen(r, "c-" + i));
    }
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      orders.add(TestData.order(r, "jo-" + i));
    }
    Map<String, Citizen> c = new LinkedHashMap<>();
    citizens.forEach(x -> c.put(x.id(), x));
    Map<String, JobOrder> o = new LinkedHashMap<>();
    orders.forEach(x -> o.put(x.id(), x));
    List<String> lines = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int op = r.nextInt(10);
      if (op < 4) {
        Citizen x = TestData.citizen(r, "c-" + (op < 2 ? 120 + i : r.nextInt(120)));
        lines.add("{\"op\":\"upsert\",\"citizen\":" + TestData.json(x) + "}");
        changes.add(new Change.UpsertCitizen(x));
        c.put(x.id(), x);
      } else if (op < 6) {
        String id = "c-" + r.nextInt(120);
        lines.add("{\"op\":\"delete\",\"citizen\":\"" + id + "\"}");
        changes.add(new Change.DeleteCitizen(id));
        c.remove(id);
      } else if (op < 8) {
        JobOrder x = TestData.order(r, "jo-" + (op == 6 ? 12 + i : r.nextInt(12)));
        lines.add("{\"op\":\"upsert\",\"order\":" + TestData.json(x) + "}");
        changes.add(new Change.UpsertOrder(x));
        o.put(x.id(), x); // a known id keeps its place
      } else {
        String id = "jo-" + r.nextInt(12);
        lines.add("{\"op\":\"delete\",\"order\":\"" + id + "\"}");
        changes.add(new Change.DeleteOrder(id));
        o.remove(id);
      }
    }
    return new Scenario(citizens, orders, lines, changes, List.copyOf(c.values()), List.copyOf(o.values()));
  }

  private Path write(String name, List<?> records) {
    return CliRun.write(dir, name, TestData.lines(records).toArray(String[]::new));
  }

  private static void ok(CliRun r) {
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
  }

  @Test
  void applyThenMatchEqualsMatchOnTheMergedFilesAndTheEventsSayWhatChanged() throws Exception {
    for (long seed : new long[] {1, 2}) {
      Scenario s = scenario(seed);
      Path idx = dir.resolve("index-" + seed);
      ok(CliRun.of("index", "--citizens", write("c.jsonl", s.citizens()).toString(), "--orders",
          write("o.jsonl", s.orders()).toString(), "--index", idx.toString(), "--as-of", DAY1));
      List<String> lines = new ArrayList<>(s.changeLines());
      lines.add(3, "{\"op\":\"delete\",\"citizen\":\"c-nobody\"}");
      Path changes = CliRun.write(dir, "changes.jsonl", lines.toArray(String[]::new));
      Path events = dir.resolve("events-" + seed + ".jsonl");
      CliRun apply = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--events",
          events.toString(), "--as-of", DAY2);
      ok(apply);
      assertTrue(apply.err().contains(changes + ":4: warning: citizen: no citizen with id 'c-nobody' to delete; line ignored"),
          apply.describe());
      assertEquals("", apply.out());

      Path mc = write("merged-c.jsonl", s.mergedCitizens());
      Path mo = write("merged-o.jsonl", s.mergedOrders());
      // suggest --index lists citizens by id
      List<Citizen> byId = new ArrayList<>(s.mergedCitizens());
      byId.sort(java.util.Comparator.comparing(Citizen::id));
      Path mcById = write("merged-c-by-id.jsonl", byId);
      for (String cmd : List.of("match", "suggest", "batch")) {
        String top = cmd.equals("batch") ? "--per-citizen" : "--top";
        String k = cmd.equals("batch") ? "2" : "4";
        CliRun fromFiles = CliRun.of(cmd, "--citizens", (cmd.equals("suggest") ? mcById : mc).toString(), "--orders",
            mo.toString(), top, k, "--as-of", DAY2);
        CliRun fromIndex = CliRun.of(cmd, "--index", idx.toString(), top, k, "--as-of", DAY2);
        ok(fromFiles);
        ok(fromIndex);
        assertFalse(fromFiles.outLines().isEmpty());
        assertEquals(fromFiles.outLines(), fromIndex.outLines(), "seed " + seed + ": " + cmd);
      }
      // --orders with --index: only those orders.
      CliRun some = CliRun.of("match", "--index", idx.toString(), "--orders", mo.toString(), "--top", "4", "--as-of", DAY2);
      ok(some);
      assertEquals(CliRun.of("match", "--citizens", mc.toString(), "--orders", mo.toString(), "--top", "4", "--as-of", DAY2)
          .outLines(), some.outLines());

      // The events are the library's for the same start and changes, and the change feed holds them.
      assertEquals(expectedEvents(s), Files.readAllLines(events, StandardCharsets.UTF_8), "seed " + seed);
      CliRun feed = CliRun.of("events", "--index", idx.toString(), "--since", "1");
      ok(feed);
      assertEquals(expectedEvents(s), feed.outLines(), "seed " + seed);
      assertEquals(feed.outLines(), CliRun.of("events", "--index", idx.toString()).outLines(), "generation 1 has none");
      assertEquals(List.of(), CliRun.of("events", "--index", idx.toString(), "--since", "2").outLines());
    }
  }

  /** The library's events: standing lists as of DAY1 over the initial records, then the changes as of DAY2. */
  private static List<String> expectedEvents(Scenario s) throws Exception {
    DayClock clock = new DayClock(LocalDate.parse(DAY1));
    List<ShortlistEvent> out = new ArrayList<>();
    try (MatchEngine engine = MatchEngine.builder().clock(clock).build()) {
      engine.upsertAll(s.citizens());
      s.orders().forEach(engine::upsertOrder);
      LiveShortlists live = LiveShortlists.start(engine, out::add);
      clock.set(LocalDate.parse(DAY2));
      live.apply(s.changes());
    }
    assertFalse(out.isEmpty());
    assertTrue(out.stream().anyMatch(e -> e.kind() == ShortlistEvent.Kind.ENTERED));
    assertTrue(out.stream().anyMatch(e -> e.kind() == ShortlistEvent.Kind.LEFT));
    assertTrue(out.stream().anyMatch(e -> e.kind() == ShortlistEvent.Kind.SUGGESTED));
    List<String> lines = new ArrayList<>();
    int seq = 0;
    for (ShortlistEvent e : out) {
      ObjectNode n = JSON.createObjectNode();
      n.put("generation", 2).put("seq", ++seq); // the index is generation 1, the apply makes 2
      n.put("event", e.kind().name());
      if (e.kind() == ShortlistEvent.Kind.SUGGESTED) {
        n.put("citizen", e.citizenId()).put("order", e.orderId()).put("rank", e.rank());
      } else {
        n.put("order", e.orderId()).put("citizen", e.citizenId()).put("rank", e.rank()).put("reason", e.reason().name());
      }
      n.put("policy", dk.jobmatch.scoring.ScoringPolicy.defaults().label());
      lines.add(JSON.writeValueAsString(n));
    }
    return lines;
  }

  @Test
  void eventsGoToStdoutWithoutEventsFile() {
    Scenario s = scenario(3);
    Path idx = dir.resolve("index");
    ok(CliRun.of("index", "--citizens", write("c.jsonl", s.citizens()).toString(), "--orders",
        write("o.jsonl", s.orders()).toString(), "--index", idx.toString(), "--as-of", DAY1));
    // A citizen on some shortlist.
    String first = CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines().get(0);
    String star = first.replaceAll(".*\"citizen\":\"([^\"]+)\".*", "$1");
    Path changes = CliRun.write(dir, "ch.jsonl", "{\"op\":\"delete\",\"citizen\":\"" + star + "\"}");
    CliRun apply = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", DAY1);
    ok(apply);
    List<String> out = apply.outLines();
    String left = "{\"generation\":2,\"seq\":\\d+,\"event\":\"LEFT\",\"order\":\"jo-\\d+\",\"citizen\":\"" + star + "\",\"rank\":\\d+,\"reason\":\"DELETED\",\"policy\":\"jobmatch-default@3\"}";
    String entered = "\\{\"generation\":2,\"seq\":\\d+,\"event\":\"ENTERED\",\"order\":\"jo-\\d+\",\"citizen\":\"c-\\d+\",\"rank\":\\d+,\"reason\":\"PLACE_FREED\",\"policy\":\"jobmatch-default@3\"}";
    assertTrue(out.stream().anyMatch(l -> l.matches("\\" + left)), apply.describe());
    String outranked = "\\{\"generation\":2,\"seq\":\\d+,\"event\":\"LEFT\",\"order\":\"jo-\\d+\",\"citizen\":\"c-\\d+\",\"rank\":\\d+,\"reason\":\"BETTER_CANDIDATES\",\"policy\":\"jobmatch-default@3\"}";
    for (String line : out) {
      // the deleted citizen leaves; others enter in her place (or, as skill rarity moves, trade places)
      assertTrue(line.matches("\\" + left) || line.matches(entered) || line.matches(outranked), line);
    }
  }

  @Test
  void strictAppliesNothingAndWithoutStrictTheGoodLinesAreApplied() {
    Scenario s = scenario(4);
    Path idx = dir.resolve("index");
    ok(CliRun.of("index", "--citizens", write("c.jsonl", s.citizens()).toString(), "--orders",
        write("o.jsonl", s.orders()).toString(), "--index", idx.toString(), "--as-of", DAY1));
    List<String> before = CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines();
    Citizen first = s.citizens().get(0);
    Path changes = CliRun.write(dir, "ch.jsonl",
        "{\"op\":\"delete\",\"citizen\":\"" + first.id() + "\"}",
        "{\"op\":\"upsert\",\"citizen\":{\"id\":\"c-x\",\"hoursPerWeek\":{\"min\":-3,\"max\":37}}}",
        "{\"op\":\"remove\",\"order\":\"jo-1\"}",
        "{\"op\":\"delete\",\"citizen\":\"c-1\",\"order\":\"jo-1\"}",
        "{\"op\":\"upsert\",\"citizen\":{\"id\":\"c-y\"},\"extra\":1}");
    CliRun strict = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--strict", "--as-of", DAY1);
    assertEquals(ExitCode.DATA, strict.exitCode(), strict.describe());
    assertTrue(strict.errLines().contains(changes + ":2: citizen.hoursPerWeek.min: must be between 0 and 80"),
        strict.describe());
    assertTrue(strict.errLines().contains(changes + ":3: op: must be \"upsert\" or \"delete\""), strict.describe());
    assertTrue(strict.errLines().contains(changes + ":4: citizen, order: give one of them per line, not both"), strict.describe());
    assertTrue(strict.err().contains(changes + ":5: extra: unknown field"), strict.describe());
    assertEquals("", strict.out());
    assertEquals(before, CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines());

    CliRun lax = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", DAY1);
    assertEquals(ExitCode.DATA, lax.exitCode(), lax.describe());
    assertTrue(lax.err().contains("4 of 5 lines rejected"), lax.describe());
    List<String> after = CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines();
    assertTrue(before.stream().anyMatch(l -> l.contains("\"citizen\":\"" + first.id() + "\"")), "the test needs c-0 listed");
    assertTrue(after.stream().noneMatch(l -> l.contains("\"citizen\":\"" + first.id() + "\"")), "deleted");
  }

  @Test
  void otherReferenceDataIsRefusedUntilRebuilt() {
    Scenario s = scenario(5);
    Path idx = dir.resolve("index");
    Path cf = write("c.jsonl", s.citizens());
    Path of = write("o.jsonl", s.orders());
    ok(CliRun.of("index", "--citizens", cf.toString(), "--orders", of.toString(), "--index", idx.toString()));
    Path shortage = CliRun.write(dir, "shortage.csv", "occupation,rarArea,category,validFrom,validTo",
        "isco:5322,HOVEDSTADEN,MANGEL,2026-01-01,2027-12-31");
    for (String cmd : List.of("match", "suggest", "batch")) {
      CliRun r = CliRun.of(cmd, "--index", idx.toString(), "--shortage", shortage.toString());
      assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: --index: " + idx + " was built with different reference data or policy: "
          + "--shortage (shortage list): the index was built without it, this run gives it."), r.describe());
      assertEquals("", r.out());
    }
    CliRun upsert = CliRun.of("index", "--citizens", cf.toString(), "--index", idx.toString(), "--shortage", shortage.toString());
    assertEquals(ExitCode.USAGE, upsert.exitCode(), upsert.describe());
    assertTrue(upsert.err().contains("rebuild it with 'jobmatch index --rebuild'"), upsert.describe());
    Path changes = CliRun.write(dir, "ch.jsonl", "{\"op\":\"delete\",\"citizen\":\"c-1\"}");
    CliRun apply = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--shortage",
        shortage.toString());
    assertEquals(ExitCode.USAGE, apply.exitCode(), apply.describe());
    assertTrue(apply.err().contains("nothing was committed; the index is unchanged (generation 1)"), apply.describe());

    ok(CliRun.of("index", "--rebuild", "--citizens", cf.toString(), "--orders", of.toString(), "--index", idx.toString(),
        "--shortage", shortage.toString()));
    CliRun with = CliRun.of("match", "--index", idx.toString(), "--shortage", shortage.toString());
    ok(with);
    // Without --shortage: the index's own (stored when it was built).
    CliRun without = CliRun.of("match", "--index", idx.toString());
    ok(without);
    assertEquals(with.out(), without.out());
  }

  @Test
  void readersSeeTheLastCommitWhileAWriteIsUnderWayAndASecondWriterIsRefused() throws Exception {
    Scenario s = scenario(6);
    Path idx = dir.resolve("index");
    ok(CliRun.of("index", "--citizens", write("c.jsonl", s.citizens()).toString(), "--orders",
        write("o.jsonl", s.orders()).toString(), "--index", idx.toString(), "--as-of", DAY1));
    List<String> committed = CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines();
    assertFalse(committed.isEmpty());
    // A write under way (as an apply holds it between its start and its commit), with changes not committed.
    try (IndexStore.Transaction tx = IndexStore.begin(idx, false, new dk.jobmatch.cli.io.Stderr(System.err, false))) {
      try (MatchEngine engine = MatchEngine.builder().directory(tx.engineDir()).build()) {
        for (Citizen c : s.citizens()) {
          engine.delete(c.id());
        }
      }
      assertEquals(committed, CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines());
      Path changes = CliRun.write(dir, "ch.jsonl", "{\"op\":\"delete\",\"citizen\":\"c-1\"}");
      CliRun second = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString());
      assertEquals(ExitCode.USAGE, second.exitCode(), second.describe());
      assertTrue(second.err().contains("is being written by another 'index' or 'apply'"), second.describe());
    } // closed without a commit: as if interrupted
    assertEquals(committed, CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines());

    // A real apply in the background: every read sees the commit before it or the one after, never a mix.
    Scenario t = scenario(7);
    Path changes = CliRun.write(dir, "big.jsonl", t.changeLines().toArray(String[]::new));
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try {
      Future<CliRun> apply = ex.submit(() -> CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(),
          "--events", dir.resolve("ev.jsonl").toString(), "--as-of", DAY1));
      List<List<String>> seen = new ArrayList<>();
      do {
        seen.add(CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines());
      } while (!apply.isDone());
      ok(apply.get());
      List<String> after = CliRun.of("match", "--index", idx.toString(), "--as-of", DAY1).outLines();
      assertNotEquals(committed, after);
      for (List<String> v : seen) {
        assertTrue(v.equals(committed) || v.equals(after), "a reader saw neither commit");
      }
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void indexingALargeFileShowsProgressAndSaysWhatWasCommitted() {
    Random rnd = new Random(8);
    List<String> lines = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; bytes < 1_200_000; i++) {
      String l = TestData.json(TestData.citizen(rnd, "c-" + i));
      lines.add(l);
      bytes += l.length() + 1;
    }
    Path citizens = CliRun.write(dir, "big.jsonl", lines.toArray(String[]::new));
    Path idx = dir.resolve("index");
    CliRun r = CliRun.of("index", "--citizens", citizens.toString(), "--index", idx.toString());
    ok(r);
    List<String> err = r.errLines();
    List<String> percents = new ArrayList<>();
    for (String l : err.subList(0, err.size() - 1)) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("indexing " + java.util.regex.Pattern.quote(citizens.toString()) + ": (\\d+)% \\([\\d,]+ lines, [\\d,]+ lines/s, 0 errors\\)")
          .matcher(l);
      assertTrue(m.matches(), l);
      percents.add(m.group(1));
    }
    assertEquals(List.of("10", "20", "30", "40", "50", "60", "70", "80", "90", "100"), percents);
    assertEquals(String.format(java.util.Locale.ROOT, "%s: committed generation 1: %,d citizens, 0 job orders", idx, lines.size()),
        err.get(err.size() - 1));
  }

  @Test
  void usage() {
    CliRun none = CliRun.of("index");
    assertEquals(ExitCode.USAGE, none.exitCode());
    assertTrue(none.err().startsWith("error: Missing required options: '--citizens=FILE', '--index=DIR'"), none.describe());
    CliRun both = CliRun.of("match", "--index", dir.toString(), "--citizens", dir.resolve("c.jsonl").toString());
    assertEquals(ExitCode.USAGE, both.exitCode());
    assertEquals(List.of("error: --citizens and --index: give one of them (the index holds the citizens)"), both.errLines());
    CliRun noIndex = CliRun.of("match", "--index", dir.resolve("nothing").toString());
    assertEquals(ExitCode.USAGE, noIndex.exitCode());
    assertEquals(List.of("error: --index: no index at " + dir.resolve("nothing") + " (build one with 'jobmatch index')"),
        noIndex.errLines());
  }
}
