package dk.jobmatch.bench;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Index build: the wall time to index a whole population and make it searchable (upsert every
 * citizen, then refresh), for the engine and for the plain BM25 peer in the same run. Citizens
 * per second is {@code size / score}; the results table computes it.
 *
 * <p>Single-shot mode, because a build is long and its first run is what an operator sees after
 * a restart; the population is generated once per trial, outside the measurement, and every
 * built index is closed after its iteration so builds do not pile up on the heap.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx8g"})
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexBuildBenchmark {
  /** Citizens indexed per build. */
  @Param({"10000", "100000", "1000000"})
  public int size;

  /** {@code engine} or {@code bm25}. */
  @Param({"engine", "bm25"})
  public String peer;

  private List<Citizen> population;
  private AutoCloseable built;

  /** Generates the population once. */
  @Setup(Level.Trial)
  public void setUp() {
    population = BenchData.generator().citizens(size);
  }

  /** Closes the index of the last build. */
  @TearDown(Level.Iteration)
  public void closeBuilt() throws Exception {
    if (built != null) {
      built.close();
      built = null;
    }
  }

  /** Indexes every citizen and refreshes; returns the indexed count. */
  @Benchmark
  public int build() {
    switch (Peer.of(peer)) {
      case ENGINE -> {
        MatchEngine engine = BenchData.engine("none");
        built = engine;
        engine.upsertAll(population);
        engine.refresh();
        return engine.citizenCount();
      }
      case BM25 -> {
        Bm25Peer bm25 = Bm25Peer.build(population);
        built = bm25;
        return bm25.size();
      }
      default -> throw new IllegalArgumentException("peer: '" + peer + "' must be engine or bm25");
    }
  }
}
