package dk.jobmatch.bench;

import dk.jobmatch.engine.LiveShortlists;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.SkillHolding;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one citizen update with standing shortlists ({@link LiveShortlists}) over many open
 * orders: the upsert, the refresh, one exact kernel score per open order, the re-ranks it forces,
 * the citizen's suggestions and the events. Peer: re-ranking every open order from scratch after
 * the update (what standing lists would cost without incremental maintenance).
 *
 * <p>{@code change}: {@code profile} moves an existing citizen's home, commute and hours (the
 * population's skills stay, so skill rarity does not move); {@code skills} also gives or takes
 * one skill (its rarity moves: without reuse levels, the orders requiring it are ranked afresh).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx8g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.AverageTime)
@Threads(1)
public class LiveUpdateBenchmark {
  /** Citizens indexed. */
  @Param({"10000"})
  public int size;

  /** Open orders with a standing shortlist. */
  @Param({"5000"})
  public int orders;

  /** {@code none} or {@code esco} (see {@link BenchData#taxonomy(String)}). */
  @Param({"none"})
  public String taxonomy;

  /** {@code profile} or {@code skills}. */
  @Param({"profile", "skills"})
  public String change;

  /** Standing suggestions per citizen (0: none). */
  @Param({"10"})
  public int suggestions;

  private MatchEngine engine;
  private LiveShortlists live;
  private List<JobOrder> open;
  private Citizen[] versionA;
  private Citizen[] versionB;
  private long step;
  private long events;
  private long cpuNanos;
  private long cpuOps;
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /** Indexes the population and the orders and starts the standing lists. */
  @Setup(Level.Trial)
  public void setUp() {
    PopulationGenerator g = BenchData.generator();
    engine = BenchData.engine(taxonomy);
    List<Citizen> population = g.citizens(size);
    engine.upsertAll(population);
    open = g.orders(orders);
    open.forEach(engine::upsertOrder);
    long t0 = System.nanoTime();
    live = LiveShortlists.start(engine, e -> events++, suggestions);
    System.out.printf("%nstart: %d open orders, %d citizens in %.1f s (wall)%n", live.openOrders().size(), size,
        (System.nanoTime() - t0) / 1e9);
    int n = 256;
    versionA = new Citizen[n];
    versionB = new Citizen[n];
    for (int i = 0; i < n; i++) {
      Citizen c = population.get((int) ((long) i * size / n));
      versionA[i] = c;
      Citizen.Builder b = c.toBuilder()
          .maxCommuteKm(c.maxCommuteKm() == null ? 25.0 : c.maxCommuteKm() + 7)
          .hoursPerWeek(c.hoursPerWeek() == null ? new dk.jobmatch.model.HoursRange(20, 37) : null);
      if (change.equals("skills")) {
        List<SkillHolding> skills = new ArrayList<>(c.skills());
        if (skills.isEmpty()) {
          skills.add(new SkillHolding(population.get((i * 7) % size).skills().isEmpty() ? "bench:extra"
              : population.get((i * 7) % size).skills().get(0).id(), null));
        } else {
          skills.remove(skills.size() - 1);
        }
        b = Citizen.builder(c.id()).targetGroup(c.targetGroup()).jobReady(c.jobReady()).searchable(c.searchable())
            .unemployedSince(c.unemployedSince()).availableFrom(c.availableFrom()).location(c.location())
            .maxCommuteKm(c.maxCommuteKm()).hoursPerWeek(c.hoursPerWeek()).jobGoals(c.jobGoals())
            .experience(c.experience()).skills(skills).education(c.education()).certificates(c.certificates())
            .languages(c.languages()).fleksjob(c.fleksjob()).compensation(c.compensation());
      } else if (!change.equals("profile")) {
        throw new IllegalArgumentException("change: '" + change + "' must be profile or skills");
      }
      versionB[i] = b.build();
    }
  }

  /** Reports the events and re-ranks seen, closes the engine. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    System.out.printf("%n%d updates: %d events, %d orders ranked afresh (%d at the start); CPU time of this thread"
        + " per update %.2f ms%n", step, events, live.reranks(), open.size(), cpuOps == 0 ? 0 : cpuNanos / 1e6 / cpuOps);
    engine.close();
  }

  private Citizen next() {
    long s = step++;
    int i = (int) (s % versionA.length);
    return (s / versionA.length) % 2 == 0 ? versionB[i] : versionA[i];
  }

  /** One citizen update through the standing lists. */
  @Benchmark
  public int liveUpdate() {
    long c0 = THREADS.getCurrentThreadCpuTime();
    live.upsert(next());
    cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
    cpuOps++;
    return live.openOrders().size();
  }

  /** The peer: the update, then every open order ranked from scratch. */
  @Benchmark
  @Measurement(iterations = 1, time = 5)
  @Warmup(iterations = 1, time = 5)
  public int rerankEveryOrder() {
    long c0 = THREADS.getCurrentThreadCpuTime();
    try {
      return rerank();
    } finally {
      cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
      cpuOps++;
    }
  }

  private int rerank() {
    engine.upsert(next());
    engine.refresh();
    int total = 0;
    for (JobOrder o : open) {
      total += engine.rank(o, o.maxCandidates() != null ? o.maxCandidates() : LiveShortlists.DEFAULT_K).size();
    }
    return total;
  }
}
