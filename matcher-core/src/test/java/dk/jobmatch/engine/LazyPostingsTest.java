package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.TestSeeds;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a persistent engine leaves the search postings to the first search: before it, "why
 * not?" ({@code explainPair}) scans the features and gives the reference scorer's answer; changes
 * before the first search reach the postings when they are built; rankings after that equal the
 * reference scorer's on the current population.
 */
class LazyPostingsTest {
  @TempDir Path dir;

  private MatchEngine open(Taxonomy taxonomy) {
    return MatchEngine.builder().directory(dir).taxonomy(taxonomy).shortage(RandomPopulation.shortage())
        .asOf(RandomPopulation.AS_OF).startupSnapshot(true).build();
  }

  @Test
  void explainBeforeTheFirstSearchAndRankingsAfterChangesAreExact() throws Exception {
    long seed = TestSeeds.seed("LazyPostingsTest", null, 20261207L);
    Taxonomy taxonomy = RandomPopulation.relatedTaxonomy();
    RandomPopulation gen = new RandomPopulation(seed);
    Map<String, Citizen> population = new LinkedHashMap<>();
    gen.citizens(500).forEach(c -> population.put(c.id(), c));
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      orders.add(gen.order("o-" + i));
    }
    try (MatchEngine e = open(taxonomy)) {
      e.upsertAll(List.copyOf(population.values()));
      assertTrue(e.postingsBuilt(), "an engine that was empty at opening keeps its postings current");
    }
    ReferenceScorer reference = new ReferenceScorer(taxonomy, RandomPopulation.shortage(), ScoringPolicy.defaults(),
        RandomPopulation.AS_OF);
    List<String> ids = new ArrayList<>(population.keySet());
    // 1. Opened: explain before any search (a scan), for the snapshot and for the Lucene path alike.
    for (boolean withSnapshot : new boolean[] {true, false}) {
      if (!withSnapshot) {
        java.nio.file.Files.delete(dir.resolve("citizens").resolve("jobmatch-startup.snapshot"));
      }
      try (MatchEngine e = open(taxonomy)) {
        assertFalse(e.postingsBuilt(), "seed " + seed + ": opening built the postings");
        // Pairs of every kind: spread over the population, and the leaders of each order's list.
        List<Citizen> pairCitizens = new ArrayList<>();
        List<JobOrder> pairOrders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          pairCitizens.add(population.get(ids.get((i * 37) % ids.size())));
          pairOrders.add(orders.get(i % orders.size()));
        }
        for (JobOrder o : orders) {
          for (dk.jobmatch.scoring.Match m : reference.rank(population.values(), o, 4)) {
            pairCitizens.add(population.get(m.citizenId()));
            pairOrders.add(o);
          }
        }
        List<PairExplanation> scanned = new ArrayList<>();
        for (int i = 0; i < pairCitizens.size(); i++) {
          Citizen c = pairCitizens.get(i);
          JobOrder o = pairOrders.get(i);
          PairExplanation got = e.explainPair(c, o, 1 + i % 12);
          assertEquals(reference.explainPair(population.values(), c, o, 1 + i % 12), got,
              "seed " + seed + ": pair " + c.id() + "/" + o.id() + " before the first search");
          scanned.add(got);
        }
        assertFalse(e.postingsBuilt(), "seed " + seed + ": explainPair built the postings");
        // The first search builds them; the same pairs then explain the same way through the search.
        assertEquals(reference.rank(population.values(), orders.get(0), 10), e.rank(orders.get(0), 10), "seed " + seed);
        assertTrue(e.postingsBuilt());
        for (int i = 0; i < pairCitizens.size(); i++) {
          assertEquals(scanned.get(i), e.explainPair(pairCitizens.get(i), pairOrders.get(i), 1 + i % 12), "seed " + seed);
        }
      }
    }
    // 2. Changes before the first search (features only), then searches: exact on the new population.
    try (MatchEngine e = open(taxonomy)) {
      assertFalse(e.postingsBuilt());
      for (int i = 0; i < 30; i++) {
        Citizen c = gen.citizen(i % 2 == 0 ? ids.get(i * 5) : "new-" + i); // replaced and new citizens
        population.put(c.id(), c);
        e.upsert(c);
      }
      for (int i = 0; i < 20; i++) {
        String id = ids.get(1 + i * 13);
        population.remove(id);
        assertTrue(e.delete(id));
      }
      assertFalse(e.postingsBuilt(), "seed " + seed + ": a change built the postings");
      for (JobOrder o : orders) {
        for (int k : new int[] {1, 7, 25}) {
          assertEquals(reference.rank(population.values(), o, k), e.rank(o, k), "seed " + seed + ": " + o.id() + " k " + k);
        }
      }
      // and changes after the build keep them current
      Citizen late = gen.citizen("late-1");
      population.put(late.id(), late);
      e.upsert(late);
      assertTrue(e.delete(ids.get(2)));
      population.remove(ids.get(2));
      for (JobOrder o : orders) {
        assertEquals(reference.rank(population.values(), o, 10), e.rank(o, 10), "seed " + seed + ": after the build");
      }
    }
  }
}
