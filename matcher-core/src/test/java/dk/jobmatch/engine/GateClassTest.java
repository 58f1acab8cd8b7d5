package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The retrieval keeps each term's citizens apart by gate class (searchable, job-ready, fleksjob)
 * and skips the classes whose flag gates fail. A citizen who changes class but keeps every term
 * must be found in the new class: after rounds of flag changes (enough to compact the postings)
 * the engine's top k equals the reference scorer's for every order, in both taxonomies. Seeded;
 * the seed is in every message.
 */
class GateClassTest {
  @Test
  void citizensWhoChangeGateClassAreRankedExactly() throws Exception {
    long seed = dk.jobmatch.TestSeeds.seed("GateClassTest", "gateclass.seed", 5_550_123L);
    for (Taxonomy taxonomy : new Taxonomy[] {Taxonomy.none(), RandomPopulation.relatedTaxonomy()}) {
      RandomPopulation gen = new RandomPopulation(seed);
      List<Citizen> population = new ArrayList<>(gen.citizens(1500));
      List<JobOrder> orders = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        orders.add(gen.order("o-" + i));
      }
      ReferenceScorer reference = new ReferenceScorer(taxonomy, RandomPopulation.shortage(), ScoringPolicy.defaults(),
          RandomPopulation.AS_OF);
      SplittableRandom r = new SplittableRandom(seed);
      try (MatchEngine engine = EngineVsReferenceTest.engine(taxonomy)) {
        engine.upsertAll(population);
        int moved = 0;
        for (int round = 0; round < 4; round++) {
          List<Citizen> changed = new ArrayList<>();
          for (int i = 0; i < population.size(); i++) {
            if (r.nextInt(3) != 0) {
              continue;
            }
            Citizen c = population.get(i);
            Citizen.Builder b = c.toBuilder();
            switch (r.nextInt(3)) {
              case 0 -> b.jobReady(!c.jobReady());
              case 1 -> b.searchable(!c.searchable());
              default -> b.fleksjob(c.fleksjob() == null ? Fleksjob.approved(10 + r.nextInt(20)) : null);
            }
            Citizen next = b.build();
            population.set(i, next);
            changed.add(next);
            moved++;
          }
          engine.upsertAll(changed);
          for (JobOrder o : orders) {
            String ctx = "seed=" + seed + "L round=" + round + " order=" + o.id() + " taxonomy=" + taxonomy;
            assertEquals(EngineVsReferenceTest.summary(reference.rank(population, o, 15)),
                EngineVsReferenceTest.summary(engine.rank(o, 15)), ctx);
          }
        }
        assertTrue(moved > 1000, "seed=" + seed + "L: too few class changes: " + moved);
      }
    }
  }

  /**
   * The scan of citizens no term touched reads the index's list of every citizen by gate class,
   * which keeps stale and repeated entries until compacted: after deletes, re-inserts (reusing
   * ordinals) and class changes, searches that scan (k far above the citizens sharing a term)
   * still equal the reference scorer, and some did scan.
   */
  @Test
  void scansSeeEveryCurrentCitizenOnceAfterDeletesAndClassChanges() throws Exception {
    long seed = dk.jobmatch.TestSeeds.seed("GateClassTest", "gateclass.seed", 5_550_123L);
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> population = new ArrayList<>(gen.citizens(1200));
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      orders.add(gen.order("o-" + i));
    }
    ReferenceScorer reference = new ReferenceScorer(Taxonomy.none(), RandomPopulation.shortage(),
        ScoringPolicy.defaults(), RandomPopulation.AS_OF);
    SplittableRandom r = new SplittableRandom(seed);
    dk.jobmatch.index.SearchStats[] last = new dk.jobmatch.index.SearchStats[1];
    int scans = 0;
    try (MatchEngine engine = MatchEngine.builder().taxonomy(Taxonomy.none()).shortage(RandomPopulation.shortage())
        .policy(ScoringPolicy.defaults()).asOf(RandomPopulation.AS_OF)
        .retrieval(dk.jobmatch.index.RetrievalSettings.DEFAULTS.withListener(st -> last[0] = st)).build()) {
      engine.upsertAll(population);
      int next = 0;
      for (int round = 0; round < 4; round++) {
        for (int i = 0; i < population.size(); i++) {
          int what = r.nextInt(6);
          if (what == 0) {
            engine.delete(population.get(i).id());
            Citizen fresh = gen.citizen("n-" + next++);
            population.set(i, fresh);
            engine.upsert(fresh);
          } else if (what == 1) {
            Citizen c = population.get(i);
            Citizen moved = c.toBuilder().jobReady(!c.jobReady()).build();
            population.set(i, moved);
            engine.upsert(moved);
          }
        }
        for (JobOrder o : orders) {
          String ctx = "seed=" + seed + "L round=" + round + " order=" + o.id();
          assertEquals(EngineVsReferenceTest.summary(reference.rank(population, o, 400)),
              EngineVsReferenceTest.summary(engine.rank(o, 400)), ctx);
          scans += last[0].scannedUntouched() ? 1 : 0;
        }
      }
    }
    assertTrue(scans > 0, "seed=" + seed + "L: no search scanned the untouched citizens");
  }
}
