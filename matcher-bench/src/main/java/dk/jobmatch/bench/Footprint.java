package dk.jobmatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Memory and disk footprint of an index, which JMH does not measure: heap bytes per indexed
 * citizen (in-memory engine, engine on disk, plain BM25 peer) and index bytes on disk, plus the
 * wall-clock build rate of each as a by-product.
 *
 * <p>Heap is measured as the used heap after full collections, with the engine built and the
 * generated citizens dropped (they are generated and upserted in chunks of 50,000), minus the
 * same before the build. Run it with the benchmarks' flags ({@code --add-modules
 * jdk.incubator.vector -Xmx8g}); the run scripts do.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dk.jobmatch.bench.Footprint [--sizes 10000,100000]
 * [--json FILE] [--no-disk] [--no-bm25]}. Prints one table to standard output.
 */
public final class Footprint {
  private static final int CHUNK = 50_000;

  private Footprint() {}

  /**
   * Runs the measurements.
   *
   * @param args see the class comment
   * @throws Exception if an index cannot be written or read
   */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(10_000, 100_000);
    Path json = null;
    boolean disk = true;
    boolean bm25 = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(String::trim)
            .map(Integer::parseInt).toList();
        case "--json" -> json = Path.of(args[++i]);
        case "--no-disk" -> disk = false;
        case "--no-bm25" -> bm25 = false;
        default -> {
          System.err.println("usage: Footprint [--sizes 10000,100000] [--json FILE] [--no-disk] [--no-bm25]");
          System.exit(2);
        }
      }
    }
    PopulationGenerator g = BenchData.generator();
    System.out.printf(Locale.ROOT, "# Footprint — data: %s, seed %d, java %s, max heap %d MB%n", g.source(),
        g.seed(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "%-10s %-14s %14s %12s %14s %12s %10s %14s%n", "citizens", "index",
        "heap MB", "heap B/cit", "disk MB", "disk B/cit", "build s", "citizens/s");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int n : sizes) {
      rows.add(measure("engine-memory", n, () -> {
        MatchEngine e = BenchData.engine("none");
        upsertInChunks(e, g, n);
        return new Built(e, null);
      }));
      if (disk) {
        Path dir = Files.createTempDirectory("jobmatch-footprint-");
        rows.add(measure("engine-disk", n, () -> {
          MatchEngine e = BenchData.engine("none", dir);
          upsertInChunks(e, g, n);
          e.commit();
          return new Built(e, dir);
        }));
        deleteTree(dir);
      }
      if (bm25) {
        rows.add(measure("bm25-memory", n, () -> {
          Iterable<Citizen> lazy = () -> IntStream.range(0, n).mapToObj(g::citizen).iterator();
          return new Built(Bm25Peer.build(lazy), null);
        }));
      }
    }
    if (json != null) {
      Path parent = json.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), rows);
    }
  }

  private static void upsertInChunks(MatchEngine e, PopulationGenerator g, int n) {
    for (int from = 0; from < n; from += CHUNK) {
      e.upsertAll(g.citizens(from, Math.min(n, from + CHUNK)));
    }
    e.refresh();
  }

  private record Built(AutoCloseable index, Path dir) {}

  private interface Builder {
    Built build() throws Exception;
  }

  private static Map<String, Object> measure(String what, int n, Builder builder) throws Exception {
    long before = usedHeapAfterGc();
    long t0 = System.nanoTime();
    Built built = builder.build();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long after = usedHeapAfterGc();
    long heap = Math.max(0, after - before);
    long diskBytes = -1;
    if (built.index() instanceof Bm25Peer p) {
      diskBytes = p.indexBytes(); // in memory: the bytes its files would take on disk
    } else if (built.dir() != null) {
      diskBytes = treeSize(built.dir());
    }
    built.index().close();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("citizens", n);
    row.put("index", what);
    row.put("heapBytes", heap);
    row.put("heapBytesPerCitizen", (double) heap / n);
    row.put("indexBytes", diskBytes);
    row.put("indexBytesPerCitizen", diskBytes < 0 ? null : (double) diskBytes / n);
    row.put("buildSeconds", seconds);
    row.put("citizensPerSecond", n / seconds);
    System.out.printf(Locale.ROOT, "%-10d %-14s %14.1f %12.0f %14s %12s %10.2f %,14.0f%n", n, what, heap / 1048576.0,
        (double) heap / n, diskBytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f", diskBytes / 1048576.0),
        diskBytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f", (double) diskBytes / n), seconds, n / seconds);
    return row;
  }

  /** Used heap after collections have settled: a few full GCs, since one may leave floating garbage. */
  static long usedHeapAfterGc() throws InterruptedException {
    var mem = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(150);
      used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static long treeSize(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      Iterator<Path> it = s.sorted(Comparator.reverseOrder()).iterator();
      while (it.hasNext()) {
        Files.deleteIfExists(it.next());
      }
    }
  }
}
