package dk.jobmatch.bench.quality;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ranking metrics over graded truth, and a percentile bootstrap for their mean.
 *
 * <ul>
 *   <li>nDCG@k with exponential gain {@code 2^grade - 1} and discount {@code 1/log2(rank + 1)},
 *       normalised by the ideal ordering of <em>all</em> candidates' grades (not only those
 *       retrieved);
 *   <li>recall@k: the share of relevant candidates (grade at least {@link #RELEVANT}) in the top
 *       k;
 *   <li>reciprocal rank: {@code 1/rank} of the first relevant candidate, 0 if none is retrieved.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Metrics {
  /** The lowest grade counted as relevant by recall and reciprocal rank: the same ISCO unit group. */
  public static final int RELEVANT = 2;

  private Metrics() {}

  /**
   * DCG of the first {@code k} grades.
   *
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static double dcg(int[] grades, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k: '" + k + "' must be at least 1");
    }
    double s = 0;
    for (int i = 0; i < Math.min(k, grades.length); i++) {
      s += ((1 << grades[i]) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return s;
  }

  /**
   * nDCG@k of a ranking.
   *
   * @param ranked the grades of the retrieved candidates, best first
   * @param all the grades of every candidate (retrieved or not), any order
   * @return nDCG in [0, 1]; 0 when no candidate has a positive grade
   */
  public static double ndcg(int[] ranked, int[] all, int k) {
    int[] ideal = all.clone();
    Arrays.sort(ideal);
    for (int i = 0, j = ideal.length - 1; i < j; i++, j--) {
      int x = ideal[i];
      ideal[i] = ideal[j];
      ideal[j] = x;
    }
    double best = dcg(ideal, k);
    return best == 0 ? 0 : dcg(ranked, k) / best;
  }

  /**
   * Recall@k.
   *
   * @param ranked the grades of the retrieved candidates, best first
   * @param relevantTotal how many candidates in all have a grade of at least {@link #RELEVANT}
   * @return the share found in the top k; 0 when there is none to find
   */
  public static double recall(int[] ranked, int relevantTotal, int k) {
    if (relevantTotal == 0) {
      return 0;
    }
    int found = 0;
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      if (ranked[i] >= RELEVANT) {
        found++;
      }
    }
    return (double) found / relevantTotal;
  }

  /** {@code 1/rank} of the first relevant candidate (grade at least {@link #RELEVANT}); 0 if none. */
  public static double reciprocalRank(int[] ranked) {
    for (int i = 0; i < ranked.length; i++) {
      if (ranked[i] >= RELEVANT) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** The mean of {@code values} (NaN when empty). */
  public static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return values.length == 0 ? Double.NaN : s / values.length;
  }

  /**
   * A percentile bootstrap interval of the mean: {@code resamples} resamples of the values with
   * replacement, the {@code (1-level)/2} and {@code (1+level)/2} quantiles of their means.
   *
   * @return {@code {low, high}}; {@code {NaN, NaN}} for no values
   * @throws IllegalArgumentException if {@code resamples < 1} or {@code level} is not in (0, 1)
   */
  public static double[] bootstrap(double[] values, int resamples, double level, long seed) {
    if (resamples < 1 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("resamples, level: '" + resamples + ", " + level + "' must be >= 1 and in (0, 1)");
    }
    if (values.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom r = new SplittableRandom(seed);
    double[] means = new double[resamples];
    int n = values.length;
    for (int b = 0; b < resamples; b++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += values[r.nextInt(n)];
      }
      means[b] = s / n;
    }
    Arrays.sort(means);
    return new double[] {quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2)};
  }

  /** The {@code q}-quantile of sorted values, by linear interpolation between order statistics. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
