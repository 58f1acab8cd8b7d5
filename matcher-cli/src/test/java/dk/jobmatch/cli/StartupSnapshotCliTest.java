package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up snapshot that {@code index} and {@code apply} write into each generation: present,
 * owner-only, and a corrupt, truncated or missing one changes no output of {@code match}, {@code
 * explain} or {@code apply} (they read the citizens from the index instead).
 */
class StartupSnapshotCliTest {
  private static final Path ESCO = Path.of("matcher-core", "src", "test", "resources", "taxonomy", "esco-mini");
  private static final String DAY = "2026-11-01";

  @TempDir Path dir;

  private static void ok(CliRun r) {
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
  }

  /** The snapshot file of the committed generation. */
  private static Path snapshot(Path idx) throws Exception {
    String gen = Files.readString(idx.resolve("CURRENT")).trim();
    return idx.resolve(gen).resolve("engine").resolve("citizens").resolve("jobmatch-startup.snapshot");
  }

  private static String outputs(Path idx, Path changes) {
    CliRun match = CliRun.of("match", "--index", idx.toString(), "--as-of", DAY, "--top", "5");
    ok(match);
    CliRun explain = CliRun.of("explain", "--index", idx.toString(), "--citizen", "c-007", "--order", "jo-03", "--as-of",
        DAY);
    ok(explain);
    StringBuilder sb = new StringBuilder(match.out()).append(explain.out());
    if (changes != null) {
      CliRun apply = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", DAY);
      ok(apply);
      sb.append(apply.out());
    }
    return sb.toString();
  }

  @Test
  void aSpoiltSnapshotChangesNoOutput() throws Exception {
    long seed = Long.getLong("jobmatch.seed", 16L);
    System.out.println("StartupSnapshotCliTest: seed " + seed + " (replay with -Djobmatch.seed=" + seed + ")");
    Random rnd = new Random(seed);
    List<Citizen> cs = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      cs.add(TestData.citizen(rnd, String.format("c-%03d", i)));
    }
    List<JobOrder> os = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      os.add(TestData.order(rnd, String.format("jo-%02d", i)));
    }
    Path citizens = CliRun.write(dir, "c.jsonl", TestData.lines(cs).toArray(String[]::new));
    Path orders = CliRun.write(dir, "o.jsonl", TestData.lines(os).toArray(String[]::new));
    Path changes = CliRun.write(dir, "ch.jsonl", "{\"op\":\"delete\",\"citizen\":\"c-001\"}",
        "{\"op\":\"upsert\",\"citizen\":" + TestData.json(TestData.citizen(rnd, "c-500")) + "}");
    Path base = dir.resolve("base");
    ok(CliRun.of("index", "--citizens", citizens.toString(), "--orders", orders.toString(), "--index", base.toString(),
        "--esco", ESCO.toString(), "--as-of", DAY));
    Path snap = snapshot(base);
    assertTrue(Files.isRegularFile(snap), "index wrote no start-up snapshot");
    if (snap.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(snap)));
    }
    byte[] good = Files.readAllBytes(snap);
    String expected = null;
    String[] cases = {"unspoilt", "deleted", "truncated", "bit flipped", "empty"};
    for (String c : cases) {
      Path idx = dir.resolve("idx-" + c.replace(' ', '-'));
      copy(base, idx);
      Path s = snapshot(idx);
      switch (c) {
        case "deleted" -> Files.delete(s);
        case "truncated" -> Files.write(s, java.util.Arrays.copyOf(good, good.length * 2 / 3));
        case "bit flipped" -> {
          byte[] b = good.clone();
          b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
          Files.write(s, b);
        }
        case "empty" -> Files.write(s, new byte[0]);
        default -> { }
      }
      String out = outputs(idx, changes);
      if (expected == null) {
        expected = out;
      } else {
        assertEquals(expected, out, "seed " + seed + ": with the snapshot " + c);
      }
      // apply wrote a good snapshot into the new generation again
      assertTrue(Files.size(snapshot(idx)) > 0, c);
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }
}
