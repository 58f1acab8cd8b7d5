package dk.jobmatch.tuning;

import static dk.jobmatch.tuning.PolicySpace.NC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The keep-order rule's accounting ({@link TrainingCase#reordered}), on hand-made cases. */
class KeepOrderTest {
  /**
   * One order: a HIRED (grade 2) and a REJECTED (grade 0) candidate with outcomes; the start's top
   * five are A, B (no outcome), C, D (REJECTED) and E (HIRED), start scores 5, 4, 3, 2, 1. Silent:
   * A–B (both without an outcome) and C–D (both REJECTED); every other pair is informed or mixed.
   */
  private static TrainingCase caseWithKept(double[] tunedScores) {
    TrainingCase c = new TrainingCase(0, null, new int[] {12, 13}, new int[] {0, 2}, new boolean[] {true, true},
        new Integer[] {1, 2}, true);
    c.kept = new int[] {10, 11, 12, 14, 13};
    c.keptGroup = new int[] {-1, -1, 0, 0, 2};
    c.keptStart = new double[] {5, 4, 3, 2, 1};
    c.keptRef = c.keptStart; // as TrainingCase.keep leaves it
    c.silentPairs = 2;
    c.keptValues = values(tunedScores);
    return c;
  }

  /** Component values with the score in the first component and 0 elsewhere. */
  private static double[] values(double[] s) {
    double[] v = new double[s.length * NC];
    for (int i = 0; i < s.length; i++) {
      v[i * NC] = s[i];
    }
    return v;
  }

  private static double[] firstComponent() {
    double[] w = new double[NC];
    w[0] = 1;
    return w;
  }

  @Test
  void countsOnlyTheSilentPairsThatChangeOrder() {
    // the start order: nothing reordered
    assertEquals(0, caseWithKept(new double[] {5, 4, 3, 2, 1}).reordered(firstComponent()), 1e-12);
    // the HIRED one to the top, past everyone: every pair it passes is informed or mixed, not silent
    assertEquals(0, caseWithKept(new double[] {5, 4, 3, 2, 9}).reordered(firstComponent()), 1e-12);
    // B above A (silent, both without an outcome): one of two silent pairs
    assertEquals(0.5, caseWithKept(new double[] {4, 5, 3, 2, 1}).reordered(firstComponent()), 1e-12);
    // and D above C (both REJECTED): both
    assertEquals(1.0, caseWithKept(new double[] {4, 5, 2, 3, 1}).reordered(firstComponent()), 1e-12);
    // a tie is half-way
    assertEquals(0.25, caseWithKept(new double[] {5, 5, 3, 2, 1}).reordered(firstComponent()), 1e-12);
    // A below the REJECTED ones (mixed pairs) but still above B: nothing silent moved
    assertEquals(0, caseWithKept(new double[] {2.5, 0, 4, 3, 1}).reordered(firstComponent()), 1e-12);
  }

  @Test
  void pairsTheStartTiesAreNotCounted() {
    TrainingCase c = caseWithKept(new double[] {4, 5, 3, 2, 1});
    c.keptStart = new double[] {4, 4, 3, 2, 1}; // the start expresses no order between A and B
    c.silentPairs = 1;
    assertEquals(0, c.reordered(firstComponent()), 1e-12);
  }

  @Test
  void nothingKeptCostsNothing() {
    TrainingCase c = new TrainingCase(0, null, new int[] {1, 2}, new int[] {0, 2}, new boolean[] {true, true},
        new Integer[] {1, 2}, true);
    assertEquals(0, c.reordered(firstComponent()), 1e-12);
  }

  @Test
  void theObjectivePaysMuTimesTheShareReordered() {
    // the informed pair: the HIRED candidate (index 1) below the REJECTED one under the start,
    // above it under the move; the move also swaps A and B and C and D (all silent pairs)
    TrainingCase c = caseWithKept(new double[] {4, 5, 2, 3, 6});
    c.values = values(new double[] {3, 6}); // candidates 12 (REJECTED) and 13 (HIRED)
    double[] w = firstComponent();
    assertEquals(1.0, Objective.of(TuningMethod.OBSERVED_ORDER, 10, 0).at(c, w), 1e-12);
    assertEquals(1.0 - 0.3 * 1.0, Objective.of(TuningMethod.OBSERVED_ORDER, 10, 0.3).at(c, w), 1e-12);
    // the start: the informed pair wrong (value 0), nothing reordered
    TrainingCase s = caseWithKept(new double[] {5, 4, 3, 2, 1});
    s.values = values(new double[] {3, 1});
    assertEquals(0.0, Objective.of(TuningMethod.OBSERVED_ORDER, 10, 0.3).at(s, w), 1e-12);
    // with μ 1.5 the move (1 − 1.5 = −0.5) is worth less than the start (0): the rule holds it back
    assertEquals(-0.5, Objective.of(TuningMethod.OBSERVED_ORDER, 10, 1.5).at(c, w), 1e-12);
  }

  @Test
  void aMoveIsChargedFromThePointItIsMadeFrom() {
    // the current point already has A and B swapped (by the weights, say); from there, a move
    // that also swaps C and D reorders one of the two silent pairs, not both
    TrainingCase c = caseWithKept(new double[] {4, 5, 3, 2, 1});
    double[] w = firstComponent();
    c.refer(w);
    c.keptValues = values(new double[] {4, 5, 2, 3, 1});
    assertEquals(0.5, c.reorderedFromRef(w), 1e-12);
    assertEquals(1.0, c.reordered(w), 1e-12); // from the start policy: both, as the report says
  }
}
