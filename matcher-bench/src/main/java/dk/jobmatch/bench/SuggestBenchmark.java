package dk.jobmatch.bench;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.engine.ReferenceScorer;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The reverse direction: the best 20 open job orders for one citizen, against 5,000 open orders
 * (a busy regional job bank), through the engine's order index and through the exhaustive
 * reference scorer in the same run.
 *
 * <p>The order index is built once per trial ({@code Scope.Benchmark}); each call takes the next
 * of 256 fixed citizens that are not in any indexed population, and returns the result to JMH.
 * No citizens are indexed (suggest does not search them), so skill rarity is neutral for both
 * the engine and the reference scorer (given an empty population).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms1g", "-Xmx8g"})
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 3)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.SampleTime)
@Threads(1)
public class SuggestBenchmark {
  /** Open job orders indexed. */
  @Param({"5000"})
  public int orders;

  /** {@code engine} or {@code reference}. */
  @Param({"engine", "reference"})
  public String peer;

  /** The taxonomy of the engine and the reference scorer: {@code none} (default) or {@code esco}. */
  @Param({"none"})
  public String taxonomy;

  private Citizen[] citizens;
  private Function<Citizen, Object> suggester;
  private MatchEngine engine;
  private int next;

  /** Indexes the open orders (engine) or holds them (reference scorer). */
  @Setup(Level.Trial)
  public void setUp() {
    PopulationGenerator g = BenchData.generator();
    System.out.printf("# data: %s, seed %d%n", g.source(), g.seed());
    citizens = BenchData.queryCitizens(256);
    List<JobOrder> open = g.orders(orders);
    switch (Peer.of(peer)) {
      case ENGINE -> {
        engine = BenchData.engine(taxonomy);
        for (JobOrder o : open) {
          engine.upsertOrder(o);
        }
        engine.refresh();
        long total = 0;
        for (Citizen c : citizens) {
          total += engine.suggest(c, BenchData.TOP_K).size();
        }
        if (total == 0) {
          throw new IllegalStateException("suggest: the engine found no order for any of " + citizens.length
              + " citizens; is the engine implemented (git merge main)?");
        }
        System.out.printf("# suggest: engine returns %.1f orders per citizen on average%n",
            (double) total / citizens.length);
        suggester = c -> engine.suggest(c, BenchData.TOP_K);
      }
      case REFERENCE -> {
        ReferenceScorer scorer = BenchData.reference(taxonomy);
        // Rarity statistics from no population: the peer measures scoring every order, not feature building.
        suggester = c -> scorer.suggest(java.util.List.of(), open, c, BenchData.TOP_K);
      }
      default -> throw new IllegalArgumentException("peer: '" + peer + "' must be engine or reference");
    }
  }

  /** Closes the engine. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (engine != null) {
      engine.close();
    }
  }

  /** Latency of one suggestion list of 20 orders for one citizen. */
  @Benchmark
  public Object suggest() {
    Citizen c = citizens[next++ & 255];
    return suggester.apply(c);
  }
}
