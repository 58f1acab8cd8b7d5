package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standing shortlists stored with a generation: {@code apply} that loads them writes exactly
 * the events of an {@code apply} that recomputes them; a file that does not fit (corrupt, other
 * tags, other scores, an earlier day) is recomputed, with the same events. Lists stored by the same
 * scoring code are trusted without scoring them afresh; lists of other scoring code (or none
 * recorded) are checked score by score, and recomputed if any score differs.
 */
class StandingListsTest {
  private static final String DAY1 = "2026-11-01";
  private static final String DAY2 = "2026-11-10";

  @TempDir Path dir;

  @AfterEach
  void clearProperty() {
    System.clearProperty(StandingLists.RECOMPUTE_PROPERTY);
    System.clearProperty(StandingLists.VERIFY_PROPERTY);
  }

  /** Random change lines over citizens c-0..c-119 and orders jo-0..jo-11 (ids new and known). */
  private static List<String> changeLines(Random r, int n, String tag) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int op = r.nextInt(10);
      if (op < 4) {
        Citizen x = TestData.citizen(r, "c-" + (op < 2 ? tag + i : Integer.toString(r.nextInt(120))));
        lines.add("{\"op\":\"upsert\",\"citizen\":" + TestData.json(x) + "}");
      } else if (op < 6) {
        lines.add("{\"op\":\"delete\",\"citizen\":\"c-" + r.nextInt(120) + "\"}");
      } else if (op < 8) {
        JobOrder x = TestData.order(r, "jo-" + (op == 6 ? tag + i : Integer.toString(r.nextInt(12))));
        lines.add("{\"op\":\"upsert\",\"order\":" + TestData.json(x) + "}");
      } else {
        lines.add("{\"op\":\"delete\",\"order\":\"jo-" + r.nextInt(12) + "\"}");
      }
    }
    return lines;
  }

  private Path index(long seed, String name) {
    Random r = new Random(seed);
    List<Citizen> citizens = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      citizens.add(TestData.citizen(r, "c-" + i));
    }
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      orders.add(TestData.order(r, "jo-" + i));
    }
    Path idx = dir.resolve(name);
    Path c = CliRun.write(dir, name + "-c.jsonl", TestData.lines(citizens).toArray(String[]::new));
    Path o = CliRun.write(dir, name + "-o.jsonl", TestData.lines(orders).toArray(String[]::new));
    ok(CliRun.of("index", "--citizens", c.toString(), "--orders", o.toString(), "--index", idx.toString(), "--as-of",
        DAY1));
    return idx;
  }

  private static void ok(CliRun r) {
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
  }

  /**
   * Applies the lines; returns the events, whether the lists were loaded and whether their scores
   * were trusted without checking (from -v).
   */
  private record Applied(List<String> events, boolean loaded, boolean trusted) {}

  private Applied apply(Path idx, List<String> lines, String day, boolean recompute) {
    Path changes = CliRun.write(dir, "changes-" + System.nanoTime() + ".jsonl", lines.toArray(String[]::new));
    if (recompute) {
      System.setProperty(StandingLists.RECOMPUTE_PROPERTY, "true");
    }
    try {
      CliRun run = CliRun.of("apply", "-v", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", day);
      ok(run);
      boolean loaded = run.err().contains("loaded the standing lists");
      boolean trusted = run.err().contains("scores trusted (same scoring code)");
      assertTrue(!trusted || loaded, run.err());
      assertTrue(!loaded || trusted || run.err().contains("every score checked"), run.err());
      return new Applied(run.outLines(), loaded, trusted);
    } finally {
      System.clearProperty(StandingLists.RECOMPUTE_PROPERTY);
    }
  }

  private static Path standingFile(Path idx) throws Exception {
    try (Stream<Path> s = Files.walk(idx)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().equals("standing.json")).toList();
      assertEquals(1, files.size(), files.toString());
      return files.get(0);
    }
  }

  @Test
  void loadedListsGiveTheEventsOfRecomputedOnesOverSeveralApplies() {
    for (long seed : new long[] {101, 102, 103}) {
      Path loadedIdx = index(seed, "loaded-" + seed);
      Path recomputedIdx = index(seed, "recomputed-" + seed);
      Random r = new Random(seed * 31);
      for (int step = 0; step < 4; step++) {
        List<String> lines = changeLines(r, step == 0 ? 1 : 1 + r.nextInt(15), "s" + step + "-");
        String day = step < 2 ? DAY1 : DAY2;
        Applied a = apply(loadedIdx, lines, day, false);
        Applied b = apply(recomputedIdx, lines, day, true);
        assertTrue(a.loaded(), "seed " + seed + " step " + step + ": stored lists were not loaded");
        assertTrue(a.trusted(), "seed " + seed + " step " + step + ": the same scoring code was not trusted");
        assertFalse(b.loaded(), "seed " + seed + " step " + step);
        assertEquals(b.events(), a.events(), "seed " + seed + " step " + step);
      }
    }
  }

  @Test
  void listsThatDoNotFitAreRecomputedWithTheSameEvents() throws Exception {
    List<UnaryOperator<String>> spoil = List.of(
        s -> "{not json",
        s -> s.substring(0, s.length() / 2),
        s -> s.replaceFirst("\"policySha256\":\"[0-9a-f]", "\"policySha256\":\"x"),
        s -> s.replaceFirst("\"esco\":(null|\"[^\"]*\")", "\"esco\":\"abc\""),
        s -> s.replaceFirst("\"policy\":\"[^\"]+\"", "\"policy\":\"other@1\""),
        s -> s.replaceFirst("\"format\":1", "\"format\":2"),
        s -> s.replaceFirst("\"generation\":\\d+", "\"generation\":99"),
        s -> s.replaceFirst("\"asOf\":\"2026-11-01\"", "\"asOf\":\"2026-10-31\""),
        s -> s.replaceFirst("\"k\":\\d+", "\"k\":3"),
        // Another scoring code whose scores differ: checked, and recomputed.
        s -> s.replaceFirst("\"scores\":\\[0\\.", "\"scores\":[0.0000001")
            .replaceFirst("\"scoringCode\":\"[0-9a-f]", "\"scoringCode\":\"x"),
        // No scoring code recorded (an older file) and a score that differs: checked, and recomputed.
        s -> s.replaceFirst("\"scores\":\\[0\\.", "\"scores\":[0.0000001")
            .replaceFirst("\"scoringCode\":\"[0-9a-f]+\",", ""),
        s -> s.replaceFirst("\\{\"order\":\"[^\"]+\",[^}]*\\},?", ""));
    long seed = 7;
    for (int i = 0; i < spoil.size(); i++) {
      Path idx = index(seed, "spoilt-" + i);
      Path reference = index(seed, "reference-" + i);
      Path f = standingFile(idx);
      String text = Files.readString(f, StandardCharsets.UTF_8);
      String spoilt = spoil.get(i).apply(text);
      assertFalse(spoilt.equals(text), "spoiler " + i + " changed nothing");
      Files.writeString(f, spoilt, StandardCharsets.UTF_8);
      List<String> lines = changeLines(new Random(seed + i), 5, "x");
      Applied a = apply(idx, lines, DAY2, false);
      Applied b = apply(reference, lines, DAY2, true);
      assertFalse(a.loaded(), "spoiler " + i + ": a spoilt file was trusted");
      assertEquals(b.events(), a.events(), "spoiler " + i);
    }
    // An apply for a day before the lists' day: recomputed for that day.
    Path idx = index(seed, "earlier");
    Path reference = index(seed, "earlier-reference");
    List<String> lines = changeLines(new Random(seed), 5, "y");
    Applied a = apply(idx, lines, "2026-10-20", false);
    Applied b = apply(reference, lines, "2026-10-20", true);
    assertFalse(a.loaded());
    assertEquals(b.events(), a.events());
  }

  @Test
  void listsOfOtherScoringCodeAreCheckedAndKeptWhenEveryScoreIsEqual() throws Exception {
    long seed = 11;
    List<UnaryOperator<String>> otherCode = List.of(
        s -> s.replaceFirst("\"scoringCode\":\"[0-9a-f]", "\"scoringCode\":\"x"),
        s -> s.replaceFirst("\"scoringCode\":\"[0-9a-f]+\",", ""));
    for (int i = 0; i < otherCode.size(); i++) {
      Path idx = index(seed, "other-code-" + i);
      Path reference = index(seed, "other-code-reference-" + i);
      Path f = standingFile(idx);
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertTrue(text.contains("\"scoringCode\":\"" + ScoringCode.digest() + "\""), "no scoring code tag");
      String spoilt = otherCode.get(i).apply(text);
      assertFalse(spoilt.equals(text), "case " + i + " changed nothing");
      Files.writeString(f, spoilt, StandardCharsets.UTF_8);
      List<String> lines = changeLines(new Random(seed + i), 5, "z");
      Applied a = apply(idx, lines, DAY1, false);
      Applied b = apply(reference, lines, DAY1, true);
      assertTrue(a.loaded(), "case " + i + ": equal scores of other code were not kept");
      assertFalse(a.trusted(), "case " + i + ": another scoring code was trusted");
      assertEquals(b.events(), a.events(), "case " + i);
    }
  }

  @Test
  void theVerifyPropertyChecksEveryScoreOfTheSameScoringCode() throws Exception {
    long seed = 13;
    Path idx = index(seed, "verify");
    Path reference = index(seed, "verify-reference");
    Path f = standingFile(idx);
    String text = Files.readString(f, StandardCharsets.UTF_8);
    String spoilt = text.replaceFirst("\"scores\":\\[0\\.", "\"scores\":[0.0000001");
    assertFalse(spoilt.equals(text));
    Files.writeString(f, spoilt, StandardCharsets.UTF_8);
    List<String> lines = changeLines(new Random(seed), 5, "v");
    System.setProperty(StandingLists.VERIFY_PROPERTY, "true");
    Applied a;
    try {
      a = apply(idx, lines, DAY1, false);
    } finally {
      System.clearProperty(StandingLists.VERIFY_PROPERTY);
    }
    Applied b = apply(reference, lines, DAY1, true);
    assertFalse(a.loaded(), "a score that differs was kept under " + StandingLists.VERIFY_PROPERTY);
    assertEquals(b.events(), a.events());
  }

  @Test
  void theScoringCodeDigestIsStableAndNamesNoUnknownCode() {
    String d = ScoringCode.digest();
    assertEquals(d, ScoringCode.digest());
    assertTrue(d.matches("[0-9a-f]{64}"), d);
  }
}
