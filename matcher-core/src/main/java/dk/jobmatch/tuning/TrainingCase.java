package dk.jobmatch.tuning;

import static dk.jobmatch.tuning.PolicySpace.NC;

import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.model.JobOrder;

/**
 * One past order as the tuner sees it: the candidates it fits on (sorted by citizen id, the
 * tie-break), their grades ({@link Outcome#grade()}, 0 for a sampled candidate without an
 * outcome), whether each has an outcome, each outcome's inverse-propensity weight, and the
 * candidates' component values under the constants currently fitted around.
 *
 * <p>Not thread-safe: {@link #values} is replaced by the tuning thread between parallel reads.
 */
final class TrainingCase {
  final int index; // the order's place among the labelled orders
  final JobOrder order;
  final int[] candidates; // feature indices
  final int[] grade;
  final boolean[] labelled;
  final double[] weight; // 1/propensity of the rank the candidate was proposed at; 1 when unknown or unlabelled
  final Integer[] rank; // the rank the candidate was proposed at, or null
  final boolean hired; // some candidate was hired
  /** NC per candidate. */
  volatile double[] values;

  TrainingCase(int index, JobOrder order, int[] candidates, int[] grade, boolean[] labelled, Integer[] rank,
      boolean hired) {
    this.index = index;
    this.order = order;
    this.candidates = candidates;
    this.grade = grade;
    this.labelled = labelled;
    this.rank = rank;
    this.weight = new double[candidates.length];
    java.util.Arrays.fill(weight, 1);
    this.hired = hired;
  }

  int size() {
    return candidates.length;
  }

  /** Sets each outcome's weight to 1/p(rank). */
  void weigh(Propensity p) {
    for (int i = 0; i < candidates.length; i++) {
      weight[i] = labelled[i] ? p.weight(rank[i]) : 1;
    }
  }

  /** Recomputes the component values under a compiled order, through the kernel. */
  void rescore(CompiledOrder co, Population pop) {
    values = componentValues(co, candidates, pop);
  }

  static double[] componentValues(CompiledOrder co, int[] cand, Population pop) {
    double[] values = new double[cand.length * NC];
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(co);
    double[] row = new double[NC];
    for (int i = 0; i < cand.length; i++) {
      FeatureScorer.componentValues(co, pop.features.get(cand[i]), scratch, row);
      System.arraycopy(row, 0, values, i * NC, NC);
    }
    return values;
  }

  /** The weighted sums of the candidates' component values. */
  double[] scores(double[] w) {
    double[] v = values;
    int n = candidates.length;
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double t = 0;
      int base = i * NC;
      for (int k = 0; k < NC; k++) {
        t += w[k] * v[base + k];
      }
      s[i] = t;
    }
    return s;
  }

  /** Whether a component's value differs between the candidates. */
  boolean varies(int comp) {
    int n = candidates.length;
    if (n < 2) {
      return false;
    }
    double[] v = values;
    double first = v[comp];
    for (int i = 1; i < n; i++) {
      if (Math.abs(v[i * NC + comp] - first) > 1e-12) {
        return true;
      }
    }
    return false;
  }
}
