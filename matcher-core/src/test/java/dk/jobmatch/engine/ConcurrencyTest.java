package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Searches run concurrently with each other and with updates and deletions. */
class ConcurrencyTest {
  @Test
  void searchesDuringUpdatesStayConsistent() throws Exception {
    RandomPopulation gen = new RandomPopulation(5);
    List<Citizen> population = gen.citizens(4000);
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      orders.add(gen.order("o-" + i));
    }
    // Citizens deleted before a search starts must never appear in it.
    Set<String> deleted = ConcurrentHashMap.newKeySet();
    try (MatchEngine engine = MatchEngine.builder().asOf(RandomPopulation.AS_OF)
        .refreshInterval(java.time.Duration.ofMillis(5)).build()) {
      engine.upsertAll(population.subList(0, 2000));
      engine.refresh();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Integer>> searchers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        final int seed = t;
        searchers.add(pool.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            JobOrder o = orders.get((n + seed) % orders.size());
            Set<String> deletedBefore = Set.copyOf(deleted);
            List<Match> result = engine.rank(o, 10);
            for (int i = 1; i < Math.min(result.size(), 10); i++) {
              assertTrue(Match.BY_SCORE_THEN_CITIZEN.compare(result.get(i - 1), result.get(i)) < 0, "sorted");
            }
            for (Match m : result) {
              assertFalse(deletedBefore.contains(m.citizenId()), "deleted citizen " + m.citizenId() + " in a result");
            }
            n++;
          }
          return n;
        }));
      }
      Future<?> writer = pool.submit(() -> {
        for (int i = 2000; i < 4000; i += 50) {
          engine.upsertAll(population.subList(i, i + 50));
          for (int d = i - 2000; d < i - 2000 + 10; d++) {
            String id = population.get(d).id();
            engine.delete(id);
            deleted.add(id);
          }
        }
        return null;
      });
      writer.get();
      engine.refresh();
      stop.set(true);
      int total = 0;
      for (Future<Integer> f : searchers) {
        total += f.get();
      }
      pool.shutdown();
      assertTrue(total > 0);
      assertEquals(4000 - deleted.size(), engine.citizenCount());
      // Once quiet, the engine equals the reference over the surviving population.
      List<Citizen> alive = population.stream().filter(c -> !deleted.contains(c.id())).toList();
      var reference = new dk.jobmatch.engine.ReferenceScorer(dk.jobmatch.taxonomy.Taxonomy.none(),
          dk.jobmatch.taxonomy.ShortageLookup.none(), dk.jobmatch.scoring.ScoringPolicy.defaults(), RandomPopulation.AS_OF);
      for (JobOrder o : orders) {
        assertEquals(reference.rank(alive, o, 10), engine.rank(o, 10), o.id());
      }
    }
  }

  /**
   * A persistent engine: three readers rank and suggest while a writer upserts, updates, deletes,
   * commits and purges; a citizen whose delete returned before a search started is never in it.
   * Bounded by the writer's work (not by time); the counts are printed for docs/reliability.md.
   */
  @Test
  void persistentEngineReadersNeverSeeADeletedCitizenDuringWritesCommitsAndPurges(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    RandomPopulation gen = new RandomPopulation(17);
    List<Citizen> population = gen.citizens(3000);
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      orders.add(gen.order("o-" + i));
    }
    Set<String> deleted = ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicLong searches = new java.util.concurrent.atomic.AtomicLong();
    try (MatchEngine engine = MatchEngine.builder().directory(dir).asOf(RandomPopulation.AS_OF)
        .refreshInterval(java.time.Duration.ofMillis(5)).build()) {
      engine.upsertAll(population.subList(0, 1000));
      orders.forEach(engine::upsertOrder);
      engine.refresh();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        final int seed = t;
        readers.add(pool.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            Set<String> deletedBefore = Set.copyOf(deleted);
            if ((n + seed) % 3 == 0) {
              // suggest for a citizen given by value: scored against the open orders
              assertTrue(engine.suggest(population.get((n * 7 + seed) % 1000), 5).size() <= 5);
            }
            List<Match> result = engine.rank(orders.get((n + seed) % orders.size()), 20);
            for (Match m : result) {
              assertFalse(deletedBefore.contains(m.citizenId()), "deleted citizen " + m.citizenId() + " in a result");
            }
            n++;
            searches.incrementAndGet();
          }
          return null;
        }));
      }
      int deletes = 0;
      for (int i = 1000; i < 3000; i += 100) {
        engine.upsertAll(population.subList(i, i + 100));
        // an update: the same citizen with other skills
        Citizen u = population.get(i - 500);
        if (!deleted.contains(u.id())) {
          engine.upsert(gen.citizen(u.id()));
        }
        for (int d = i - 1000; d < i - 1000 + 20; d += 2) {
          String id = population.get(d).id();
          engine.delete(id);
          deleted.add(id);
          deletes++;
        }
        engine.commit();
        if (i % 500 == 0) {
          engine.purgeDeleted();
        }
      }
      engine.refresh();
      stop.set(true);
      for (Future<?> f : readers) {
        f.get();
      }
      pool.shutdown();
      assertEquals(3000 - deleted.size(), engine.citizenCount());
      System.out.printf("ConcurrencyTest (persistent): %d searches by 3 readers during 3000 upserts, 20 updates, %d deletes,"
          + " 20 commits, 4 purges; 0 deleted citizens seen%n", searches.get(), deletes);
      assertTrue(searches.get() > 0);
    }
    try (MatchEngine reopened = MatchEngine.builder().directory(dir).asOf(RandomPopulation.AS_OF).build()) {
      assertEquals(3000 - deleted.size(), reopened.citizenCount());
      for (String id : deleted) {
        assertFalse(reopened.citizen(id).isPresent(), id);
      }
    }
  }
}
