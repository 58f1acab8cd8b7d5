package dk.jobmatch.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The position-bias model: stated weights, and η estimated by regression EM from simulated clicks. */
class PropensityTest {
  @Test
  void statedPropensityWeighsByInverseRank() {
    Propensity p = Propensity.stated(1);
    assertEquals(1, p.weight(1), 1e-12);
    assertEquals(4, p.weight(4), 1e-12);
    assertEquals(1, p.weight(null), 1e-12); // no rank: counts once
    assertEquals(100, p.weight(1000), 1e-9); // floored at 0.01
    assertEquals(Math.sqrt(9), Propensity.stated(0.5).weight(9), 1e-12);
    assertEquals(1, Propensity.NONE.weight(30), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Propensity.stated(-0.1));
    assertEquals("rank^-1 (stated)", p.toString());
  }

  /**
   * Outcome lines from the position-based model: a line at rank r (1–30) is looked at with
   * probability r^−η, its candidate is relevant with a probability set by its group; a positive
   * outcome needs both. The EM sees only rank, group and outcome.
   */
  @Test
  void estimatesTheExaminationPowerFromOutcomesAlone() {
    long seed = new SplittableRandom().nextLong();
    for (double eta : new double[] {0.5, 1.0}) {
      SplittableRandom r = new SplittableRandom(seed);
      int n = 60_000;
      int[] ranks = new int[n];
      boolean[] positive = new boolean[n];
      int[] group = new int[n];
      for (int i = 0; i < n; i++) {
        ranks[i] = 1 + r.nextInt(30);
        group[i] = r.nextInt(10);
        double relevant = 0.1 + 0.08 * group[i];
        positive[i] = r.nextDouble() < Math.pow(ranks[i], -eta) && r.nextDouble() < relevant;
      }
      Propensity p = Propensity.estimate(ranks, positive, group, 10);
      assertTrue(p.estimated());
      assertEquals(eta, p.power(), 0.15, "seed " + seed + ", true eta " + eta + ", estimated " + p);
    }
  }

  @Test
  void withoutVariationInRankThereIsNothingToEstimate() {
    assertEquals(Propensity.NONE, Propensity.estimate(new int[] {1, 1, 1}, new boolean[] {true, false, true},
        new int[] {0, 0, 1}, 2));
    assertThrows(IllegalArgumentException.class, () -> Propensity.estimate(new int[] {1}, new boolean[] {true},
        new int[] {3}, 2));
  }
}
