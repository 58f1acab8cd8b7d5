package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.taxonomy.EscoTaxonomy;
import dk.jobmatch.taxonomy.TaxonomySnapshot;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The taxonomy snapshot that {@code index} writes beside the stored ESCO export ({@code
 * ref/esco.snapshot}): present and owner-only; read by the next start instead of the CSV files
 * (said by {@code --verbose}); and a missing, truncated, bit-flipped, other-version or
 * other-export snapshot is not used — the CSV files are parsed — and changes no output of {@code
 * match}, {@code explain} or {@code apply}, which writes a good snapshot into its generation again.
 */
class TaxonomySnapshotCliTest {
  private static final Path ESCO = Path.of("matcher-core", "src", "test", "resources", "taxonomy", "esco-mini");
  private static final String DAY = "2026-11-01";
  private static final String FROM_SNAPSHOT = "loaded ESCO from the index's taxonomy snapshot";

  @TempDir Path dir;

  private static void ok(CliRun r) {
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
  }

  /** The taxonomy snapshot of the committed generation. */
  private static Path snapshot(Path idx) throws Exception {
    String gen = Files.readString(idx.resolve("CURRENT")).trim();
    return idx.resolve(gen).resolve("ref").resolve("esco.snapshot");
  }

  /** Whether a start on the index reads the snapshot (from {@code explain --verbose}). */
  private static boolean readsSnapshot(Path idx) {
    CliRun r = CliRun.of("explain", "--index", idx.toString(), "--citizen", "c-007", "--order", "jo-03", "--as-of", DAY,
        "-v");
    ok(r);
    boolean parsed = r.err().contains("loaded ESCO from ") && !r.err().contains(FROM_SNAPSHOT);
    assertTrue(parsed != r.err().contains(FROM_SNAPSHOT), r.describe());
    return r.err().contains(FROM_SNAPSHOT);
  }

  private static String outputs(Path idx, Path changes) {
    CliRun match = CliRun.of("match", "--index", idx.toString(), "--as-of", DAY, "--top", "5");
    ok(match);
    CliRun explain = CliRun.of("explain", "--index", idx.toString(), "--citizen", "c-007", "--order", "jo-03", "--as-of",
        DAY, "--format", "text");
    ok(explain);
    CliRun suggest = CliRun.of("suggest", "--index", idx.toString(), "--as-of", DAY, "--top", "3");
    ok(suggest);
    CliRun apply = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", DAY);
    ok(apply);
    assertTrue(apply.err().isEmpty() || !apply.err().contains("WARN"), apply.describe());
    return match.out() + explain.out() + suggest.out() + apply.out();
  }

  @Test
  void aSpoiltTaxonomySnapshotIsNotUsedAndChangesNoOutput() throws Exception {
    long seed = Long.getLong("jobmatch.seed", System.nanoTime());
    System.out.println("TaxonomySnapshotCliTest: seed " + seed + " (replay with -Djobmatch.seed=" + seed + ")");
    Random rnd = new Random(seed);
    List<Citizen> cs = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      cs.add(TestData.citizen(rnd, String.format("c-%03d", i)));
    }
    List<JobOrder> os = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
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
    assertTrue(Files.isRegularFile(snap), "index wrote no taxonomy snapshot");
    if (snap.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(snap)));
    }
    byte[] good = Files.readAllBytes(snap);
    byte[] otherExport = TaxonomySnapshot.write(EscoTaxonomy.load(ESCO), "0".repeat(64));
    String expected = null;
    String[] cases = {"unspoilt", "deleted", "truncated", "bit flipped", "empty", "other version", "other export"};
    for (String c : cases) {
      Path idx = dir.resolve("idx-" + c.replace(' ', '-'));
      copy(base, idx);
      Path s = snapshot(idx);
      switch (c) {
        case "deleted" -> Files.delete(s);
        case "truncated" -> Files.write(s, Arrays.copyOf(good, 1 + rnd.nextInt(good.length - 1)));
        case "bit flipped" -> {
          byte[] b = good.clone();
          b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
          Files.write(s, b);
        }
        case "empty" -> Files.write(s, new byte[0]);
        case "other version" -> {
          byte[] b = good.clone();
          ByteBuffer.wrap(b).putInt(4, TaxonomySnapshot.VERSION + 1);
          CRC32 crc = new CRC32();
          crc.update(b, 0, b.length - 8);
          ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue()); // intact but of another version
          Files.write(s, b);
        }
        case "other export" -> Files.write(s, otherExport); // intact, tied to another export's digest
        default -> { }
      }
      assertEquals(c.equals("unspoilt"), readsSnapshot(idx), "seed " + seed + ": " + c);
      String out = outputs(idx, changes);
      if (expected == null) {
        expected = out;
        assertFalse(out.isBlank(), "no output to compare");
      } else {
        assertEquals(expected, out, "seed " + seed + ": with the taxonomy snapshot " + c);
      }
      // apply parsed the CSV files when the snapshot was spoilt, and stored a good one again
      assertTrue(readsSnapshot(idx), "seed " + seed + ": after apply, " + c);
      assertTrue(Arrays.equals(good, Files.readAllBytes(snapshot(idx))), "seed " + seed + ": " + c);
    }
  }

  @Test
  void aGivenEscoEqualToTheIndexesUsesTheSnapshotAndAnotherIsRefused() throws Exception {
    Random rnd = new Random(7);
    List<Citizen> cs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      cs.add(TestData.citizen(rnd, String.format("c-%03d", i)));
    }
    Path citizens = CliRun.write(dir, "c.jsonl", TestData.lines(cs).toArray(String[]::new));
    Path orders = CliRun.write(dir, "o.jsonl", TestData.lines(List.of(TestData.order(rnd, "jo-03"))).toArray(String[]::new));
    Path idx = dir.resolve("idx");
    ok(CliRun.of("index", "--citizens", citizens.toString(), "--orders", orders.toString(), "--index", idx.toString(),
        "--esco", ESCO.toString(), "--as-of", DAY));
    CliRun same = CliRun.of("explain", "--index", idx.toString(), "--esco", ESCO.toString(), "--citizen", "c-007",
        "--order", "jo-03", "--as-of", DAY, "-v");
    ok(same);
    assertTrue(same.err().contains(FROM_SNAPSHOT), same.describe());
    // Another export (one label changed) is refused naming the option, snapshot or not.
    Path other = dir.resolve("esco-other");
    copy(ESCO, other);
    Path occupations = other.resolve("occupations_en.csv");
    String text = Files.readString(occupations);
    assertTrue(text.contains(",forklift apprentice,"), "the fixture changed");
    Files.writeString(occupations, text.replace(",forklift apprentice,", ",forklift trainee,")); // one label
    CliRun refused = CliRun.of("explain", "--index", idx.toString(), "--esco", other.toString(), "--citizen", "c-007",
        "--order", "jo-03", "--as-of", DAY);
    assertEquals(ExitCode.USAGE, refused.exitCode(), refused.describe());
    assertTrue(refused.err().contains("--esco"), refused.describe());
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
