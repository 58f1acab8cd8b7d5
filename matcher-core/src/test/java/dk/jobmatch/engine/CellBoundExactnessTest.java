package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.index.RetrievalSettings;
import dk.jobmatch.index.SearchStats;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The retrieval's map-cell bound of the distance part is exact where it can break: homes and
 * workplaces spread over all of Denmark and beyond the grid (and some unknown), cells switched
 * on for every population size, random policies (short and long commuting half-lives), both
 * taxonomy configurations: the engine's top k equals the reference scorer's, bit for bit. The
 * test also shows the cells prune: with them the engine considers fewer citizens (reads fewer
 * packed records) than without them on the same searches.
 *
 * <p>Seeded: replay with {@code -Djobmatch.seed=N}; the seed is in every message.
 */
class CellBoundExactnessTest {
  private static final int POPULATION = 6000;

  private static List<String> summary(List<Match> matches) {
    return matches.stream().map(m -> m.citizenId() + "=" + m.score()).toList();
  }

  @Test
  void engineWithMapCellsEqualsReferenceOnWidelySpreadHomes() throws Exception {
    long seed = Long.getLong("jobmatch.seed", 22_001L);
    SplittableRandom rnd = new SplittableRandom(seed);
    RandomPopulation gen = new RandomPopulation(seed, true);
    List<Citizen> population = gen.citizens(POPULATION);
    List<JobOrder> orders = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      orders.add(gen.order("o-" + i));
    }
    long consideredWith = 0;
    long consideredWithout = 0;
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      for (int p = 0; p < 3; p++) {
        ScoringPolicy policy = p == 0 ? ScoringPolicy.defaults() : RandomPolicyExactnessTest.randomPolicy(rnd);
        ReferenceScorer reference = new ReferenceScorer(taxonomy, RandomPopulation.shortage(), policy, RandomPopulation.AS_OF);
        ReferenceScorer.Population prepared = reference.prepare(population);
        for (boolean cells : new boolean[] {true, false}) {
          SearchStats[] last = new SearchStats[1];
          RetrievalSettings settings = RetrievalSettings.DEFAULTS.withMinPopulationForCells(cells ? 0 : Integer.MAX_VALUE)
              .withListener(s -> last[0] = s);
          try (MatchEngine engine = MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
              .policy(policy).asOf(RandomPopulation.AS_OF).retrieval(settings).build()) {
            engine.upsertAll(population);
            for (int i = 0; i < orders.size(); i++) {
              int k = 1 + (i * 7) % 30;
              String ctx = "seed=" + seed + " (replay: -Djobmatch.seed=" + seed + ") taxonomy=" + withTaxonomy
                  + " policy=" + p + " cells=" + cells + " order=" + i + " k=" + k;
              List<Match> actual = engine.rank(orders.get(i), k);
              assertEquals(summary(reference.rank(prepared, orders.get(i), k)), summary(actual), ctx);
              if (cells) {
                consideredWith += last[0].considered();
              } else {
                consideredWithout += last[0].considered();
              }
            }
          }
        }
      }
    }
    assertTrue(consideredWith < consideredWithout,
        "seed=" + seed + ": map cells pruned nothing (" + consideredWith + " vs " + consideredWithout + " citizens considered)");
  }
}
