package dk.jobmatch.bench;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.kernel.PreparedPopulation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rank one job order, top-20, against populations of 10,000 to 1,000,000 citizens — the
 * engine and its two peers in the same run, so the ratios hold on a noisy machine.
 *
 * <p>One idea per class, as in the JMH samples: this class measures a single ranking call.
 * {@link #latency} (sample mode, one thread) gives the median and the p99; {@link #throughput1}
 * and {@link #throughput2} give operations per second on one and two threads, the scaling that
 * docs/performance.md asks for (≥ 1.8×).
 *
 * <ul>
 *   <li>The index (or the population, for the reference scorer) is built once per trial, in a
 *       {@code Scope.Benchmark} state shared by all threads: building is measured elsewhere
 *       ({@link IndexBuildBenchmark}), and sharing is what a job centre's server does.
 *   <li>Each thread has its own cursor over 128 fixed orders, so the JIT cannot specialise on one
 *       order and every peer sees the same sequence; results are returned to JMH, never dropped.
 *   <li>Warm-up is long (5 × 4 s): on a busy 2-core machine the engine's search path (Lucene
 *       plus the rescoring collector) takes 10–20 s of JIT compilation to reach steady state.
 *   <li>Forks get {@code --add-modules jdk.incubator.vector} (Lucene's vectorised postings and
 *       scoring) and an 8 GB heap, enough for 1,000,000 citizens plus their objects.
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx8g"})
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 3)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RankBenchmark {
  /** Citizens indexed. */
  @Param({"10000", "100000", "1000000"})
  public int size;

  /** Which implementation ranks: {@code engine}, {@code bm25}, {@code scan} or {@code reference}. */
  @Param({"engine", "bm25", "scan", "reference"})
  public String peer;

  /**
   * The taxonomy of the engine and the reference scorer: {@code none} (default) or {@code esco}
   * (related-skill credit: larger queries, the realistic configuration). BM25 ignores it.
   */
  @Param({"none", "esco"})
  public String taxonomy;

  /** Orders on which the engine is checked against the exact scan in the set-up. */
  private static final int CHECKED_ORDERS = 32;

  private JobOrder[] orders;
  private Function<JobOrder, Object> ranker;
  private AutoCloseable resource;
  private final AtomicInteger threads = new AtomicInteger();

  /** Builds the peer's index, or holds the population for the reference scorer. */
  @Setup(Level.Trial)
  public void setUp() {
    PopulationGenerator g = BenchData.generator();
    System.out.printf("# data: %s, %d occupations, seed %d%n", g.source(), g.occupationCount(), g.seed());
    orders = BenchData.queryOrders();
    List<Citizen> population = g.citizens(size);
    switch (Peer.of(peer)) {
      case ENGINE -> {
        MatchEngine engine = BenchData.engine(taxonomy);
        engine.upsertAll(population);
        BenchData.checkEngineAnswers(engine, orders, "rank@" + size);
        // The engine must equal the exact scan (ids and scores) on the first orders.
        PreparedPopulation prepared = BenchData.prepare(taxonomy, population);
        ScanPeer scan = new ScanPeer(prepared, o -> BenchData.compile(taxonomy, prepared, o));
        for (int i = 0; i < Math.min(orders.length, CHECKED_ORDERS); i++) {
          List<ScanPeer.Hit> expected = scan.search(orders[i], BenchData.TOP_K);
          List<Match> actual = engine.rank(orders[i], BenchData.TOP_K);
          for (int r = 0; r < expected.size(); r++) {
            if (r >= actual.size() || !actual.get(r).citizenId().equals(expected.get(r).id())
                || actual.get(r).score() != expected.get(r).score()) {
              throw new IllegalStateException("engine differs from the exact scan at order " + i + " rank " + (r + 1));
            }
          }
        }
        System.out.printf("# engine equals the exact scan on %d orders%n", Math.min(orders.length, CHECKED_ORDERS));
        resource = engine;
        ranker = o -> engine.rank(o, BenchData.TOP_K);
      }
      case BM25 -> {
        Bm25Peer bm25 = Bm25Peer.build(population);
        System.out.printf("# bm25: %d docs in %d segments%n", bm25.size(), bm25.segments());
        resource = bm25;
        ranker = o -> bm25.search(o, BenchData.TOP_K);
      }
      case SCAN -> {
        // The kernel's exhaustive ranking is what ReferenceScorer.rank runs on a prepared population.
        PreparedPopulation prepared = BenchData.prepare(taxonomy, population);
        ScanPeer scan = new ScanPeer(prepared, o -> BenchData.compile(taxonomy, prepared, o));
        for (int i = 0; i < Math.min(orders.length, 4); i++) {
          List<Match> expected = prepared.rank(BenchData.compile(taxonomy, prepared, orders[i]), BenchData.TOP_K);
          List<ScanPeer.Hit> actual = scan.search(orders[i], BenchData.TOP_K);
          for (int r = 0; r < actual.size(); r++) {
            if (!expected.get(r).citizenId().equals(actual.get(r).id()) || expected.get(r).score() != actual.get(r).score()) {
              throw new IllegalStateException("scan differs from the reference scorer at order " + i + " rank " + (r + 1));
            }
          }
        }
        resource = () -> { };
        ranker = o -> scan.search(o, BenchData.TOP_K);
      }
      case REFERENCE -> {
        // Prepared once: the per-call preparation of the whole population is not what is compared.
        ReferenceScorer scorer = BenchData.reference(taxonomy);
        ReferenceScorer.Population prepared = scorer.prepare(population);
        ranker = o -> scorer.rank(prepared, o, BenchData.TOP_K);
        resource = () -> { };
      }
      default -> throw new AssertionError(peer);
    }
  }

  /** Closes the index. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    resource.close();
  }

  /** A thread's position in the order sequence; threads start apart so they do not run in lockstep. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    /** Starts each thread at a different order. */
    @Setup(Level.Trial)
    public void setUp(RankBenchmark b) {
      next = b.threads.getAndIncrement() * 37;
    }

    JobOrder next(JobOrder[] orders) {
      JobOrder o = orders[next % orders.length];
      next++;
      return o;
    }
  }

  /** Latency of one top-20 ranking on one thread (median, p99 from the sample histogram). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @Threads(1)
  public Object latency(Cursor c) {
    return ranker.apply(c.next(orders));
  }

  /** Rankings per second on one thread. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public Object throughput1(Cursor c) {
    return ranker.apply(c.next(orders));
  }

  /** Rankings per second on two threads sharing one index. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Object throughput2(Cursor c) {
    return ranker.apply(c.next(orders));
  }
}
