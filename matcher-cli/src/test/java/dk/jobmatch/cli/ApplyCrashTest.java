package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No event is ever lost: {@code apply} runs in a child JVM and is killed with SIGKILL ({@link
 * Process#destroyForcibly()}) before, during and after its commit: at seeded random moments of an
 * uninterrupted run's duration, as soon as the new generation's events file appears (the commit
 * under way), and as soon as {@code CURRENT} names the new generation (committed, the events
 * perhaps not yet printed). After each kill, {@code events --since 1}
 * holds either nothing (not committed) or exactly the uninterrupted run's events, never a part;
 * re-running the same change file then gives the index and the feed of the uninterrupted run
 * (same lines, same order), and running it once more is a no-op.
 *
 * <p>{@code -Djobmatch.crash.seed=N} varies or replays the moments; {@code
 * -Djobmatch.crash.kills=N} runs more.
 */
class ApplyCrashTest {
  private static final String DAY1 = "2026-11-01";
  private static final String DAY2 = "2026-11-10";

  @TempDir Path dir;

  @Test
  void killedAnywhereTheFeedEndsUpExactlyAsAnUninterruptedRun() throws Exception {
    long seed = Long.getLong("jobmatch.crash.seed", 20261207L);
    int kills = Integer.getInteger("jobmatch.crash.kills", 6);
    Random r = new Random(seed);
    List<Citizen> citizens = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      citizens.add(TestData.citizen(r, "c-" + i));
    }
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      orders.add(TestData.order(r, "jo-" + i));
    }
    List<String> changes = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      int op = r.nextInt(10);
      if (op < 5) {
        changes.add("{\"op\":\"upsert\",\"citizen\":" + TestData.json(TestData.citizen(r, "c-" + r.nextInt(230))) + "}");
      } else if (op < 7) {
        changes.add("{\"op\":\"delete\",\"citizen\":\"c-" + r.nextInt(200) + "\"}");
      } else if (op < 9) {
        changes.add("{\"op\":\"upsert\",\"order\":" + TestData.json(TestData.order(r, "jo-" + r.nextInt(20))) + "}");
      } else {
        changes.add("{\"op\":\"delete\",\"order\":\"jo-" + r.nextInt(15) + "\"}");
      }
    }
    Path cf = CliRun.write(dir, "c.jsonl", TestData.lines(citizens).toArray(String[]::new));
    Path of = CliRun.write(dir, "o.jsonl", TestData.lines(orders).toArray(String[]::new));
    Path changeFile = CliRun.write(dir, "changes.jsonl", changes.toArray(String[]::new));
    Path initial = dir.resolve("initial");
    CliRun built = CliRun.of("index", "--citizens", cf.toString(), "--orders", of.toString(), "--index", initial.toString(),
        "--as-of", DAY1);
    assertEquals(ExitCode.OK, built.exitCode(), built.describe());

    // The uninterrupted run, in a child JVM as the killed ones.
    Path ref = copy(initial, dir.resolve("ref"));
    long t0 = System.nanoTime();
    Process p = start(ref, changeFile);
    byte[] refOut = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    long durationMs = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, p.exitValue(), "the uninterrupted apply failed");
    List<String> expected = new String(refOut, StandardCharsets.UTF_8).lines().toList();
    assertTrue(expected.size() > 30, "too few events for the test to mean anything: " + expected.size());
    assertEquals(expected, events(ref, 1), "the feed holds what apply printed");

    SplittableRandom rnd = new SplittableRandom(seed);
    int before = 0;
    int after = 0;
    for (int k = 0; k < kills; k++) {
      // Spread over the run: start-up, applying, committing, writing the events.
      long delay = (long) (durationMs * (0.2 + 0.8 * rnd.nextDouble()));
      String where = "seed " + seed + ", kill " + k + " after " + delay + " of " + durationMs + " ms";
      Path idx = copy(initial, dir.resolve("run-" + k));
      Process child = start(idx, changeFile);
      Thread drain = new Thread(() -> {
        try {
          child.getInputStream().readAllBytes();
        } catch (IOException e) {
          // killed
        }
      });
      drain.start();
      // Three kinds of moment: at a random time; as soon as the new generation's events are
      // written (the commit under way); as soon as CURRENT names the new generation (committed,
      // the events perhaps not yet printed).
      switch (k % 3) {
        case 0 -> Thread.sleep(delay);
        case 1 -> waitFor(child, idx.resolve("gen-00000002").resolve("events").resolve("gen-00000002.jsonl"), null);
        default -> waitFor(child, idx.resolve("CURRENT"), "gen-00000002");
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), where);
      drain.join(10_000);

      List<String> seen = events(idx, 1);
      if (seen.isEmpty()) {
        before++;
      } else {
        assertEquals(expected, seen, "a commit carries all its events or none: " + where);
        after++;
      }
      CliRun again = apply(idx, changeFile);
      assertEquals(ExitCode.OK, again.exitCode(), where + "\n" + again.describe());
      assertEquals(expected, again.outLines(), "the re-run gives the uninterrupted run's events: " + where);
      assertEquals(expected, events(idx, 1), where);
      CliRun noop = apply(idx, changeFile);
      assertEquals(ExitCode.OK, noop.exitCode(), where + "\n" + noop.describe());
      assertTrue(noop.err().contains("committed already as generation 2; nothing applied"), where + "\n" + noop.describe());
      assertEquals(expected, noop.outLines(), where);
      assertEquals(expected, events(idx, 1), "re-running is a no-op: " + where);
      assertEquals(List.of(), events(idx, 2), "still generation 2: " + where);
      assertEquals(CliRun.of("match", "--index", ref.toString(), "--as-of", DAY2).outLines(),
          CliRun.of("match", "--index", idx.toString(), "--as-of", DAY2).outLines(), where);
    }
    assertTrue(before > 0 || after > 0);
    System.out.printf("ApplyCrashTest: %d kills (%d before the commit, %d after it), %d events each, none lost,"
        + " uninterrupted run %d ms (seed %d)%n", kills, before, after, expected.size(), durationMs, seed);
  }

  /** Polls (every millisecond) until the file exists (and holds {@code text}), or the child has ended. */
  private static void waitFor(Process child, Path file, String text) throws IOException, InterruptedException {
    while (child.isAlive()) {
      if (Files.exists(file)) {
        if (text == null) {
          return;
        }
        try {
          if (Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
            return;
          }
        } catch (java.nio.file.NoSuchFileException e) {
          // being replaced
        }
      }
      Thread.sleep(1);
    }
  }

  private static CliRun apply(Path idx, Path changes) {
    return CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", DAY2, "-q");
  }

  private static List<String> events(Path idx, long since) {
    CliRun r = CliRun.of("events", "--index", idx.toString(), "--since", Long.toString(since));
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals("", r.err());
    return r.outLines();
  }

  private static Process start(Path idx, Path changes) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ChildJvm.java());
    cmd.add("-Xmx512m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(ChildJvm.classpath(true));
    cmd.add(Main.class.getName());
    cmd.add("apply");
    cmd.add("--index");
    cmd.add(idx.toString());
    cmd.add("--changes");
    cmd.add(changes.toString());
    cmd.add("--as-of");
    cmd.add(DAY2);
    cmd.add("-q");
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static Path copy(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(from)) {
      all = s.toList();
    }
    for (Path f : all) {
      String rel = from.relativize(f).toString();
      if (rel.startsWith("readers")) {
        continue;
      }
      Path t = to.resolve(rel);
      if (Files.isDirectory(f)) {
        Files.createDirectories(t);
      } else {
        Files.copy(f, t);
      }
    }
    assertFalse(Files.exists(to.resolve("readers").resolve("x")));
    return to;
  }
}
