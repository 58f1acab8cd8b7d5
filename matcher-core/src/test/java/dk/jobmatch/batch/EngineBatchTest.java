package dk.jobmatch.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.report.BatchReport;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine-based entry point on a seeded population of 3,000 citizens and 300 orders. */
class EngineBatchTest {
  static MatchEngine engine;
  static List<Citizen> citizens;
  static List<JobOrder> orders;
  static Map<String, Citizen> byId = new HashMap<>();
  /** One ranked run with the defaults (C = 3), reallocated by tests that need other settings. */
  static BatchResult defaults;

  @BeforeAll
  static void index() {
    SeededPopulation pop = new SeededPopulation(17);
    citizens = pop.citizens(3000);
    orders = pop.orders(300);
    citizens.forEach(c -> byId.put(c.id(), c));
    engine = MatchEngine.builder().shortage(SeededPopulation.SHORTAGE).asOf(SeededPopulation.AS_OF).build();
    engine.upsertAll(citizens);
    engine.refresh();
    try {
      defaults = new BatchMatcher(BatchOptions.builder().parallelism(2).build()).run(engine, orders);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  @Test
  void runEqualsAllocateOnTheEnginesRankings() throws Exception {
    BatchMatcher matcher = new BatchMatcher(BatchOptions.builder().parallelism(2).build());
    BatchResult viaEngine = defaults;
    Map<JobOrder, List<Match>> lists = new LinkedHashMap<>();
    for (JobOrder o : orders) {
      lists.put(o, engine.rank(o, matcher.depth(o)));
    }
    BatchResult viaLists = matcher.allocate(lists,
        BatchMatcher.shortageOf(Taxonomy.none(), SeededPopulation.SHORTAGE, SeededPopulation.AS_OF), BatchListener.NONE);
    assertEquals(BatchMatcherTest.picks(viaLists), BatchMatcherTest.picks(viaEngine));
    assertEquals(orders.stream().map(JobOrder::id).toList(),
        viaEngine.shortlists().stream().map(s -> s.order().id()).toList());
    long shortage = viaEngine.shortlists().stream().filter(Shortlist::shortage).count();
    assertTrue(shortage > 0 && shortage < orders.size(), "shortage orders: " + shortage);
    // The single-threaded path gives the same.
    BatchResult oneThread = new BatchMatcher(BatchOptions.builder().parallelism(1).build()).run(engine, orders);
    assertEquals(BatchMatcherTest.picks(viaEngine), BatchMatcherTest.picks(oneThread));
  }

  @Test
  void gatesCapacitiesAndFortrinsadgangHoldOnEngineCandidates() throws Exception {
    BatchOptions options = BatchOptions.builder().perCitizen(2).build();
    BatchResult r = new BatchMatcher(options).reallocate(defaults, BatchListener.NONE);
    Map<JobOrder, List<Match>> lists = new LinkedHashMap<>();
    r.shortlists().forEach(s -> lists.put(s.order(), s.candidates()));
    AllocationPropertyTest.checkFeasible(lists, r, 2, "engine");
    AllocationPropertyTest.checkNoOrderLeftEmptyBesideAFreeCandidate(r, 2, false, "engine");
    int fa = 0;
    for (Shortlist s : r.shortlists()) {
      for (Match m : s.matches()) {
        // Gates: the engine scores the pair positively, with the same score.
        Optional<Match> again = engine.explain(byId.get(m.citizenId()), s.order());
        assertTrue(again.isPresent(), m.citizenId() + " on " + s.order().id() + " fails a gate");
        assertEquals(again.get().score(), m.score(), 1e-12);
        if (m.has(Flag.FORTRINSADGANG)) {
          fa++;
          assertTrue(s.order().publicEmployer());
        }
      }
    }
    assertTrue(fa > 0, "the population should produce fortrinsadgang seats");
    BatchResult greedy = new BatchMatcher(options.withAlgorithm(Algorithm.GREEDY)).reallocate(r, BatchListener.NONE);
    assertTrue(r.objective() >= greedy.objective() - 1e-9);
  }

  @Test
  void congestionFallsAndCoverageRisesAgainstTheCappedBaseline() throws Exception {
    BatchResult r = defaults;
    BatchReport report = BatchReport.of(r, engine, citizens);
    var before = report.congestion().before();
    var after = report.congestion().after();
    assertTrue(before.max() > 3, "independent top-k should congest: max " + before.max());
    // Beyond C only through fortrinsadgang seats, which are kept whatever the cap.
    Map<String, Integer> nonFa = new HashMap<>();
    Map<String, Integer> all = new HashMap<>();
    for (Shortlist s : r.shortlists()) {
      for (Match m : s.matches()) {
        all.merge(m.citizenId(), 1, Integer::sum);
        if (!m.has(Flag.FORTRINSADGANG)) {
          nonFa.merge(m.citizenId(), 1, Integer::sum);
        }
      }
    }
    assertTrue(nonFa.values().stream().allMatch(x -> x <= 3));
    assertEquals(all.values().stream().filter(x -> x > 3).count(), report.summary().citizensOverCap());
    assertTrue(after.gini() < before.gini(), before.gini() + " -> " + after.gini());
    BatchResult greedy = new BatchMatcher(BatchOptions.builder().perCitizen(3).algorithm(Algorithm.GREEDY).build())
        .reallocate(r, BatchListener.NONE);
    assertTrue(r.ordersCovered() >= greedy.ordersCovered());
  }

  @Test
  void reportsProgressForBothPhases() throws Exception {
    Map<BatchListener.Phase, List<Long>> seen = Collections.synchronizedMap(new LinkedHashMap<>());
    Map<BatchListener.Phase, Long> totals = Collections.synchronizedMap(new HashMap<>());
    BatchListener l = new BatchListener() {
      @Override
      public void phaseStarted(Phase phase, long total) {
        totals.put(phase, total);
        seen.put(phase, Collections.synchronizedList(new ArrayList<>()));
      }

      @Override
      public void progress(Phase phase, long done, long total) {
        seen.get(phase).add(done);
      }
    };
    new BatchMatcher(BatchOptions.builder().parallelism(2).build()).run(engine, orders, l);
    assertEquals(List.of(BatchListener.Phase.CANDIDATES, BatchListener.Phase.ALLOCATION), List.copyOf(seen.keySet()));
    assertEquals(orders.size(), totals.get(BatchListener.Phase.CANDIDATES));
    List<Long> c = seen.get(BatchListener.Phase.CANDIDATES);
    assertEquals((long) orders.size(), c.get(c.size() - 1));
    for (int i = 1; i < c.size(); i++) {
      assertTrue(c.get(i) > c.get(i - 1));
    }
  }

  @Test
  void interruptingTheCallerCancelsRanking() {
    Thread caller = Thread.currentThread();
    AtomicBoolean fired = new AtomicBoolean();
    BatchListener interrupter = new BatchListener() {
      @Override
      public void progress(Phase phase, long done, long total) {
        if (phase == Phase.CANDIDATES && fired.compareAndSet(false, true)) {
          caller.interrupt();
        }
      }
    };
    try {
      assertThrows(InterruptedException.class,
          () -> new BatchMatcher(BatchOptions.builder().parallelism(2).build()).run(engine, orders, interrupter));
      assertTrue(fired.get());
      assertFalse(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void duplicateOrdersAreRejectedBeforeRanking() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new BatchMatcher().run(engine, List.of(orders.get(0), orders.get(0))));
    assertEquals("orders: '" + orders.get(0).id() + "' is given twice", e.getMessage());
  }
}
