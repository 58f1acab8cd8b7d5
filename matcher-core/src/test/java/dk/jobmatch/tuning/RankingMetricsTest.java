package dk.jobmatch.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one implementation of the ranking metrics, against values worked out by hand. */
class RankingMetricsTest {
  private static final double EPS = 1e-12;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);
  private static final double LOG2_5 = Math.log(5) / Math.log(2);

  @Test
  void dcgUsesExponentialGainAndLogDiscount() {
    // grades 2, 1, 0 at ranks 1, 2, 3: 3/1 + 1/log2(3) + 0
    assertEquals(3 + 1 / LOG2_3, RankingMetrics.dcg(new int[] {2, 1, 0}, 3), EPS);
    assertEquals(3, RankingMetrics.dcg(new int[] {2, 1, 0}, 1), EPS);
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.dcg(new int[] {1}, 0));
  }

  @Test
  void ndcgIsNormalisedByEveryCandidateNotOnlyTheRankedOnes() {
    // ranked: a 1 then a 2; all: 2, 1, 2 -> ideal 3 + 3/log2 3 + 1/2
    double ideal = 3 + 3 / LOG2_3 + 1.0 / 2;
    assertEquals((1 + 3 / LOG2_3) / ideal, RankingMetrics.ndcg(new int[] {1, 2}, new int[] {2, 1, 2}, 10), EPS);
    assertEquals(0, RankingMetrics.ndcg(new int[] {0}, new int[] {0, 0}, 10), EPS);
  }

  @Test
  void ndcgOfRanksAgreesWithTheRankedFormAndWeighsGains() {
    // grades 2 at rank 3, 1 at rank 1, 0 at rank 2: ranked form {1, 0, 2}
    int[] ranks = {3, 1, 2};
    int[] grades = {2, 1, 0};
    double[] ones = {1, 1, 1};
    assertEquals(RankingMetrics.ndcg(new int[] {1, 0, 2}, grades, 10), RankingMetrics.ndcgOfRanks(ranks, grades, ones, 10),
        EPS);
    // weight 2 on the interviewed one: gains 3 (rank 3), 2 (rank 1); ideal 3 + 2/log2 3
    assertEquals((2 + 3.0 / 2) / (3 + 2 / LOG2_3), RankingMetrics.ndcgOfRanks(ranks, grades, new double[] {1, 2, 1}, 10),
        EPS);
    // cut at 2: the hire at rank 3 is out
    assertEquals(1 / (3 + 1 / LOG2_3), RankingMetrics.ndcgOfRanks(ranks, grades, ones, 2), EPS);
  }

  @Test
  void recallAndMedianOfRanks() {
    int[] ranks = {4, 60, 150, 8};
    assertEquals(0.5, RankingMetrics.recallOfRanks(ranks, 10), EPS);
    assertEquals(0.75, RankingMetrics.recallOfRanks(ranks, 100), EPS);
    assertEquals(0, RankingMetrics.recallOfRanks(new int[0], 10), EPS);
    // more relevant candidates than places: capped at min(k, relevant), so a perfect list scores 1
    assertEquals(1, RankingMetrics.recallOfRanks(new int[] {1, 2, 3, 50}, 2), EPS);
    assertEquals(0.5, RankingMetrics.recallOfRanks(new int[] {1, 7, 3, 50}, 2), EPS);
    // weighted: the best two places could hold 4 + 2
    assertEquals(4.0 / 6, RankingMetrics.recallOfRanks(new int[] {1, 7, 3, 50}, new double[] {4, 1, 1, 2}, 2), EPS);
    // weights 1, 1, 2, 4: at 10, (1 + 4) / 8
    assertEquals(5.0 / 8, RankingMetrics.recallOfRanks(ranks, new double[] {1, 1, 2, 4}, 10), EPS);
    assertEquals(34, RankingMetrics.medianRank(ranks), EPS); // (8 + 60) / 2
    assertEquals(7, RankingMetrics.medianRank(new int[] {9, 7, 1}), EPS);
    // sorted 4 (1), 8 (4), 60 (1), 150 (2): half of 8 is reached at rank 8
    assertEquals(8, RankingMetrics.medianRank(ranks, new double[] {1, 1, 2, 4}), EPS);
    assertTrue(Double.isNaN(RankingMetrics.medianRank(new int[0])));
  }

  @Test
  void recallAndReciprocalRankOfGrades() {
    assertEquals(2.0 / 3, RankingMetrics.recall(new int[] {2, 0, 1, 2}, 3, 1, 2 + 1), EPS);
    assertEquals(1.0 / 3, RankingMetrics.reciprocalRank(new int[] {0, 1, 2}, 2), EPS);
    assertEquals(0, RankingMetrics.reciprocalRank(new int[] {0, 1}, 2), EPS);
  }

  @Test
  void pairedBootstrapResamplesTheSameOrdersForBothPolicies() {
    long seed = new SplittableRandom().nextLong();
    double[] a = new double[50];
    double[] b = new double[50];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextDouble();
      b[i] = a[i] + 0.01; // the same order is always 0.01 better: the paired interval is exactly that
    }
    RankingMetrics.Paired p = RankingMetrics.paired(a, b, 500, 0.95, seed);
    assertEquals(0.01, p.difference()[0], 1e-9, "seed " + seed);
    assertEquals(0.01, p.difference()[1], 1e-9, "seed " + seed);
    assertTrue(p.a()[1] - p.a()[0] > 0.05, "seed " + seed + ": the unpaired interval is wide");
    assertArrayEquals(p.a(), RankingMetrics.bootstrap(a, 500, 0.95, seed), EPS);
    assertEquals(2.5, RankingMetrics.quantile(new double[] {1, 2, 3, 4}, 0.5), EPS);
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.paired(a, new double[3], 10, 0.95, 1));
  }
}
