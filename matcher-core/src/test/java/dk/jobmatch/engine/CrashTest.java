package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a child JVM indexes and commits into a persistent engine and is killed with
 * SIGKILL ({@link Process#destroyForcibly()}) at seeded random moments; after each kill the
 * index is reopened, every citizen and order of every acknowledged commit is found exactly, the
 * orders are those of the same commit as the citizens (one atomic commit of both), no
 * citizen whose deletion was acknowledged is back, and Lucene's {@link CheckIndex} finds both
 * indexes clean. Then the next child carries on in the same directory.
 *
 * <p>CI runs {@value #DEFAULT_KILLS} kills; a soak runs more: {@code -Djobmatch.crash.kills=200}
 * (and {@code -Djobmatch.crash.seed=N} to vary or replay the moments).
 */
class CrashTest {
  static final int DEFAULT_KILLS = 6;
  static final int BATCH = 40;

  /** Batch {@code j}: new citizens {@code c-(j·BATCH) … }, and an update of one citizen of batch j−1. */
  static List<Citizen> batch(int j) {
    List<Citizen> out = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      out.add(citizen(j * BATCH + i));
    }
    if (j > 0) {
      out.add(citizen((j - 1) * BATCH + 2));
    }
    return out;
  }

  static Citizen citizen(int k) {
    return new RandomPopulation(k).citizen("c-" + k);
  }

  /** The citizen batch {@code j} deletes, or null. */
  static String deletedBy(int j) {
    return j >= 2 && j % 3 == 2 ? "c-" + ((j - 2) * BATCH + 1) : null;
  }

  /** The order batch {@code j} deletes, or null. */
  static String orderDeletedBy(int j) {
    return j >= 3 && j % 4 == 3 ? "o-" + (j - 3) : null;
  }

  static JobOrder order(int j) {
    return new RandomPopulation(100_000 + j).order("o-" + j);
  }

  @TempDir Path dir;

  @Test
  void killedWhileCommittingLosesNoAcknowledgedCitizen() throws Exception {
    int kills = Integer.getInteger("jobmatch.crash.kills", DEFAULT_KILLS);
    long seed = Long.getLong("jobmatch.crash.seed", 20261130L);
    SplittableRandom rnd = new SplittableRandom(seed);
    int lastAcked = -1;
    int checkedCitizens = 0;
    for (int round = 0; round < kills; round++) {
      long delayMs = 100 + rnd.nextLong(1200);
      int acked = runAndKill(lastAcked + 1, delayMs);
      String where = "seed " + seed + ", round " + round + ", kill after " + delayMs + " ms";
      assertTrue(acked >= lastAcked, where);
      lastAcked = acked;
      checkedCitizens += verify(lastAcked, where);
    }
    assertTrue(lastAcked >= kills - 1, "too few commits acknowledged (" + lastAcked + ") for the test to mean anything");
    System.out.printf("CrashTest: %d kills, %d commits acknowledged, %d citizen checks, 0 lost, CheckIndex clean (seed %d)%n",
        kills, lastAcked + 1, checkedCitizens, seed);
  }

  /** Runs a child from batch {@code from}, kills it {@code delayMs} after it is ready; returns the last acked batch. */
  private int runAndKill(int from, long delayMs) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("--add-modules=jdk.incubator.vector");
    cmd.add("-Xmx512m");
    cmd.add("-XX:TieredStopAtLevel=1"); // a short-lived child: start fast
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(CrashChild.class.getName());
    cmd.add(dir.toString());
    cmd.add(Integer.toString(from));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    AtomicInteger acked = new AtomicInteger(from - 1);
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.equals("READY")) {
            ready.countDown();
          } else if (line.startsWith("ACK ")) {
            acked.set(Integer.parseInt(line.substring(4)));
          }
        }
      } catch (java.io.IOException e) {
        // the child was killed
      }
    });
    reader.start();
    assertTrue(ready.await(60, TimeUnit.SECONDS), "child did not start");
    // At least one commit per child, however busy the machine: then the seeded delay.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acked.get() < from && p.isAlive() && System.nanoTime() < until) {
      Thread.sleep(2);
    }
    Thread.sleep(delayMs);
    p.destroyForcibly();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    reader.join(10_000);
    return acked.get();
  }

  private static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    entries.add(Path.of("target", "classes").toAbsolutePath().toString());
    for (String prop : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(prop);
      if (v != null) {
        for (String e : v.split(File.pathSeparator)) {
          if (!e.isBlank()) {
            entries.add(e);
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Reopens and checks the state of acknowledged batch {@code acked}; returns the citizens checked. */
  private int verify(int acked, String where) throws Exception {
    for (String sub : List.of("citizens", "orders")) {
      try (FSDirectory d = FSDirectory.open(dir.resolve(sub))) {
        if (!DirectoryReader.indexExists(d)) {
          assertEquals(-1, acked, "a commit was acknowledged, yet there is no index: " + where);
          continue;
        }
        try (CheckIndex check = new CheckIndex(d)) {
          check.setInfoStream(null);
          assertTrue(check.checkIndex().clean, sub + " index not clean: " + where);
        }
      }
    }
    int checked = 0;
    try (MatchEngine e = MatchEngine.builder().directory(dir).asOf(RandomPopulation.AS_OF).build()) {
      // The child may have been killed after a commit returned but before it printed ACK: then
      // the index holds one more commit, which is atomic: all of batch acked+1 or none of it.
      int committed = e.citizen("c-" + (acked + 1) * BATCH).isPresent() ? acked + 1 : acked;
      Set<String> deleted = new java.util.HashSet<>();
      for (int j = 0; j <= committed; j++) {
        if (deletedBy(j) != null) {
          deleted.add(deletedBy(j));
        }
      }
      for (int k = 0; k < (committed + 1) * BATCH; k++) {
        String id = "c-" + k;
        if (deleted.contains(id)) {
          assertFalse(e.citizen(id).isPresent(), id + " deleted, yet back after the crash: " + where);
        } else {
          assertEquals(citizen(k), e.citizen(id).orElse(null), id + " lost or changed: " + where);
        }
        checked++;
      }
      // One atomic commit: the orders are exactly those of the same commit as the citizens.
      Set<String> deletedOrders = new java.util.HashSet<>();
      for (int j = 0; j <= committed; j++) {
        if (orderDeletedBy(j) != null) {
          deletedOrders.add(orderDeletedBy(j));
        }
      }
      for (int j = 0; j <= committed + 1; j++) {
        String id = "o-" + j;
        JobOrder expected = j <= committed && !deletedOrders.contains(id) ? order(j) : null;
        assertEquals(expected, e.order(id).orElse(null), "order " + id + " (commit " + committed + "): " + where);
      }
      assertEquals(committed + 1 - deletedOrders.size(), e.orderCount(), "orders after the crash: " + where);
      assertEquals((committed + 1) * BATCH - deleted.size(), e.citizenCount(), "citizens after the crash: " + where);
    }
    assertTrue(Files.isDirectory(dir.resolve("citizens")));
    return checked;
  }
}
