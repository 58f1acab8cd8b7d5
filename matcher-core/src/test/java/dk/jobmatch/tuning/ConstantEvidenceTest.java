package dk.jobmatch.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The pair accounting behind the evidence rule, on hand-made cases. */
class ConstantEvidenceTest {
  /** HIRED (grade 2), INTERVIEWED (1), REJECTED (0), and one candidate without an outcome. */
  private static TrainingCase hiredInterviewedRejected() {
    return new TrainingCase(0, null, new int[] {0, 1, 2, 3}, new int[] {2, 1, 0, 0},
        new boolean[] {true, true, true, false}, new Integer[] {1, 2, 3, null}, true);
  }

  @Test
  void countsEachPairOfABetterOverALesserOutcomeWeightedByTheBetterOnesGain() {
    TrainingCase c = hiredInterviewedRejected();
    // pairs: hired>interviewed (3), hired>rejected (3), interviewed>rejected (1); total 7.
    // From the worst order to the best, all three pairs improve; the unlabelled one never counts.
    double[] worst = {1, 2, 3, 100};
    double[] best = {3, 2, 1, -100};
    assertArrayEquals(new double[] {7, 0, 7}, ConstantEvidence.pairs(c, worst, best), 1e-12);
    assertArrayEquals(new double[] {0, 7, 7}, ConstantEvidence.pairs(c, best, worst), 1e-12);
    assertArrayEquals(new double[] {0, 0, 7}, ConstantEvidence.pairs(c, best, best), 1e-12);
  }

  @Test
  void aTieIsHalfWayAndThePropensityWeightCounts() {
    TrainingCase c = hiredInterviewedRejected();
    c.weight[0] = 2; // the hired one was proposed where it was seen half as often
    // hired and interviewed tie, then the hired moves above: half of the pair's 3 x 2 is gained
    double[] tie = {2, 2, 1, 0};
    double[] above = {3, 2, 1, 0};
    assertArrayEquals(new double[] {3, 0, 13}, ConstantEvidence.pairs(c, tie, above), 1e-12);
  }
}
