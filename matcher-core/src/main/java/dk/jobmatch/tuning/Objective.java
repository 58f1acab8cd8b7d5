package dk.jobmatch.tuning;

import java.util.Arrays;

/**
 * The value of one order's ranking that the tuner maximises (averaged over the training orders).
 * Implementations are stateless and thread-safe.
 */
interface Objective {
  /**
   * The order's value for the candidates' scores.
   *
   * @param c the order
   * @param s one score per candidate of {@code c}
   * @return the value, 0–1, higher is better
   */
  double value(TrainingCase c, double[] s);

  /** A short description for the report. */
  String describe();

  /**
   * The order's value for weights {@code w} on the case's current component values: {@link
   * #value} of their scores, less any penalty the objective puts on the order of the kept
   * citizens.
   *
   * @param c the order
   * @param w one weight per component
   * @return the value, higher is better
   */
  default double at(TrainingCase c, double[] w) {
    return value(c, c.scores(w));
  }

  /**
   * The objective of a method.
   *
   * @param method the method
   * @param k the cut-off of nDCG ({@link TuningMethod#UNLABELLED_AS_NEGATIVE})
   * @param keepOrder μ of {@link TuningOptions#keepOrder()} ({@link TuningMethod#OBSERVED_ORDER};
   *     0 for none)
   */
  static Objective of(TuningMethod method, int k, double keepOrder) {
    return method == TuningMethod.OBSERVED_ORDER ? new ObservedOrder(keepOrder) : new SampledNdcg(k);
  }

  /**
   * See {@link TuningMethod#OBSERVED_ORDER}; with {@code keepOrder} μ above 0, {@link #at} subtracts
   * μ times the share of the silent pairs of the start policy's top citizens that the weights
   * reorder from the case's reference order ({@link TrainingCase#reorderedFromRef}: the order of
   * the point a move is made from).
   */
  final class ObservedOrder implements Objective {
    private final double keepOrder;

    ObservedOrder(double keepOrder) {
      this.keepOrder = keepOrder;
    }

    @Override
    public double at(TrainingCase c, double[] w) {
      double v = value(c, c.scores(w));
      return keepOrder == 0 ? v : v - keepOrder * c.reorderedFromRef(w);
    }

    @Override
    public double value(TrainingCase c, double[] s) {
      int n = c.size();
      double lost = 0;
      double total = 0;
      for (int i = 0; i < n; i++) {
        if (!c.labelled[i] || c.grade[i] == 0) {
          continue;
        }
        double w = ((1 << c.grade[i]) - 1) * c.weight[i];
        double above = 0;
        int others = 0;
        for (int j = 0; j < n; j++) {
          if (j == i || !c.labelled[j]) {
            continue;
          }
          others++;
          if (s[j] > s[i]) {
            above += 1;
          } else if (s[j] == s[i]) {
            above += 0.5;
          }
        }
        lost += w * above;
        total += w * others;
      }
      return total == 0 ? 1 : 1 - lost / total;
    }

    @Override
    public String describe() {
      return "the propensity-weighted share of candidates with an outcome ranked below each hired or interviewed one";
    }
  }

  /** See {@link TuningMethod#UNLABELLED_AS_NEGATIVE}. */
  final class SampledNdcg implements Objective {
    private final int k;

    SampledNdcg(int k) {
      this.k = k;
    }

    @Override
    public double value(TrainingCase c, double[] s) {
      int n = c.size();
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // best first; ties to the lower index (citizen id)
      Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
      int m = Math.min(k, n);
      int[] ranked = new int[m];
      for (int r = 0; r < m; r++) {
        ranked[r] = c.grade[order[r]];
      }
      return RankingMetrics.ndcg(ranked, c.grade, k);
    }

    @Override
    public String describe() {
      return "nDCG@" + k + " over the candidates with an outcome and a sample of others counted as not chosen";
    }
  }
}
