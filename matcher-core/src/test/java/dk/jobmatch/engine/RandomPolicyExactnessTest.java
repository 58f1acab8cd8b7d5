package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.index.RetrievalSettings;
import dk.jobmatch.index.SearchStats;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Exactness where it can break: the engine against the reference scorer under random policies
 * (every weight and, at random, every constant drawn from its range as {@link KernelBoundsTest}
 * draws them, and gates relaxed at random), on a population above the size from which the
 * retrieval may leave dense terms out ({@link RetrievalSettings#minPopulationToDrop()} lowered to
 * 20,000 for one policy, the defaults for the other), in both
 * taxonomy configurations (none, and related-skill credit). Ids and scores must be equal, bit for
 * bit, including the fortrinsadgang seats after the top k.
 *
 * <p>Seeded: the seed is in every message; replay one with {@code -Djobmatch.seed=N} (default:
 * a fixed seed, so a run is repeatable).
 */
class RandomPolicyExactnessTest {
  /** Above the dense-term threshold of the first policy's settings ({@link #settings}). */
  private static final int POPULATION = 20_500;
  private static final int POLICIES = 2;
  private static final int ORDERS = 8;

  static long seed() {
    return Long.getLong("jobmatch.seed", 19_003L);
  }

  /** A random policy of {@link KernelBoundsTest#randomPolicy}, with each gate relaxed with chance 1/6. */
  static ScoringPolicy randomPolicy(SplittableRandom rnd) {
    ScoringPolicy p = KernelBoundsTest.randomPolicy(rnd);
    ScoringPolicy.Builder b = p.toBuilder();
    for (Gate g : Gate.values()) {
      if (rnd.nextInt(6) == 0) {
        b.relax(g);
      }
    }
    return b.build();
  }

  /**
   * The first policy with dense terms left out from 20,000 citizens (the defaults leave them out
   * only from 500,000, a slack of 0.06), the second with the defaults (nothing left out at this
   * size): both ways the retrieval can take stay exact.
   */
  private static RetrievalSettings settings(int policy) {
    RetrievalSettings d = RetrievalSettings.DEFAULTS;
    return policy % 2 == 0
        ? new RetrievalSettings(d.denseDivisor(), 0.06, 20_000, d.minPopulationForCells(), d.listener())
        : d;
  }

  private static List<String> summary(List<Match> matches) {
    return matches.stream().map(m -> m.citizenId() + "=" + m.score()).toList();
  }

  @Test
  void engineEqualsReferenceUnderRandomPoliciesAboveTheDenseThreshold() throws Exception {
    long seed = seed();
    SplittableRandom rnd = new SplittableRandom(seed);
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> population = gen.citizens(POPULATION);
    List<JobOrder> orders = new java.util.ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      orders.add(gen.order("o-" + i));
    }
    long droppedSearches = 0;
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      // Prepared once per taxonomy: the features and rarity statistics do not depend on the policy.
      ReferenceScorer.Population prepared = new ReferenceScorer(taxonomy, RandomPopulation.shortage(),
          ScoringPolicy.defaults(), RandomPopulation.AS_OF).prepare(population);
      for (int p = 0; p < POLICIES; p++) {
        ScoringPolicy policy = randomPolicy(rnd);
        ReferenceScorer reference = new ReferenceScorer(taxonomy, RandomPopulation.shortage(), policy, RandomPopulation.AS_OF);
        SearchStats[] last = new SearchStats[1];
        try (MatchEngine engine = MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
            .policy(policy).asOf(RandomPopulation.AS_OF)
            .retrieval(settings(p).withListener(s -> last[0] = s)).build()) {
          engine.upsertAll(population);
          for (int i = 0; i < orders.size(); i++) {
            int k = 1 + rnd.nextInt(25);
            String ctx = "seed=" + seed + " (replay: -Djobmatch.seed=" + seed + ") taxonomy=" + withTaxonomy
                + " policy=" + p + " " + policy.weights() + " " + settings(p) + " order=" + i + " k=" + k;
            List<Match> actual = engine.rank(orders.get(i), k);
            assertEquals(summary(reference.rank(prepared, orders.get(i), k)), summary(actual), ctx);
            assertEquals(POPULATION, last[0].population(), ctx);
            if (settings(p).minPopulationToDrop() <= POPULATION) {
              droppedSearches += last[0].attempts() > 1 || last[0].touched() < POPULATION ? 1 : 0;
            }
          }
        }
      }
    }
    assertTrue(droppedSearches > 0, "seed=" + seed + ": no search ever worked on a subset of the population");
  }
}
