package dk.jobmatch.tuning;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ranking metrics of the project, in one place: the policy tuner's report and the quality
 * benchmark both use these.
 *
 * <ul>
 *   <li>nDCG@k over graded relevance with exponential gain {@code 2^grade − 1} and discount
 *       {@code 1/log2(rank + 1)}, normalised by the ideal ordering of <em>all</em> candidates'
 *       grades (not only those ranked). Outcomes map to grades HIRED 2, INTERVIEWED 1, REJECTED 0
 *       ({@link Outcome#grade()}), so their gains are 3, 1 and 0;
 *   <li>recall@k: the share of the relevant candidates (grade at least a threshold) in the top k;
 *       the tuner's form from ranks ({@link #recallOfRanks}) divides by {@code min(k, relevant)},
 *       so that a perfect ranking scores 1 however many relevant candidates an order has;
 *   <li>reciprocal rank: {@code 1/rank} of the first relevant candidate, 0 if none is ranked;
 *   <li>a percentile bootstrap of a mean over orders, and its paired form for the difference of
 *       two policies on the same orders. Quantiles interpolate linearly between order statistics.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class RankingMetrics {
  private static final double LN2 = Math.log(2);

  private RankingMetrics() {}

  /**
   * DCG of the first {@code k} grades.
   *
   * @param grades grades in rank order, best first (each 0–30)
   * @param k the cut-off
   * @return the discounted cumulative gain
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static double dcg(int[] grades, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k: '" + k + "' must be at least 1");
    }
    double s = 0;
    for (int i = 0; i < Math.min(k, grades.length); i++) {
      s += ((1 << grades[i]) - 1) / (Math.log(i + 2) / LN2);
    }
    return s;
  }

  /**
   * nDCG@k of a ranking.
   *
   * @param ranked the grades of the ranked candidates, best first
   * @param all the grades of every candidate (ranked or not), any order
   * @param k the cut-off
   * @return nDCG in [0, 1]; 0 when no candidate has a positive grade
   * @throws IllegalArgumentException if {@code k < 1}
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
   * @param ranked the grades of the ranked candidates, best first
   * @param relevantTotal how many candidates in all have a grade of at least {@code relevant}
   * @param relevant the lowest grade counted as relevant
   * @param k the cut-off
   * @return the share found in the top k; 0 when there is none to find
   */
  public static double recall(int[] ranked, int relevantTotal, int relevant, int k) {
    if (relevantTotal == 0) {
      return 0;
    }
    int found = 0;
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      if (ranked[i] >= relevant) {
        found++;
      }
    }
    return (double) found / relevantTotal;
  }

  /**
   * Capped recall@k from the 1-based ranks of the relevant candidates: those ranked at most k over
   * {@code min(k, relevant)} (see {@link #recallOfRanks(int[], double[], int)}).
   *
   * @param ranks the rank of each relevant candidate in the whole ranking
   * @param k the cut-off
   * @return the share; 0 for no ranks
   */
  public static double recallOfRanks(int[] ranks, int k) {
    double[] ones = new double[ranks.length];
    Arrays.fill(ones, 1);
    return recallOfRanks(ranks, ones, k);
  }

  /**
   * The median of 1-based ranks (the mean of the middle two for an even count); NaN for none.
   *
   * @param ranks the 1-based ranks of the relevant candidates, in any order; not changed
   * @return the median rank, or NaN when {@code ranks} is empty
   */
  public static double medianRank(int[] ranks) {
    double[] ones = new double[ranks.length];
    Arrays.fill(ones, 1);
    return medianRank(ranks, ones);
  }

  /**
   * nDCG@k from the 1-based ranks of graded candidates in a longer ranking, with a weight per
   * candidate (an inverse propensity; all 1 for the plain nDCG): {@code Σ w·(2^grade − 1) /
   * log2(rank + 1)} over the candidates ranked at most k, divided by the same sum for the best
   * order of the weighted gains.
   *
   * @param ranks each candidate's rank (distinct)
   * @param grades each candidate's grade
   * @param weights each candidate's weight (positive)
   * @param k the cut-off
   * @return nDCG in [0, 1]; 0 when no candidate has a positive grade
   * @throws IllegalArgumentException if {@code k < 1} or the arrays differ in length
   */
  public static double ndcgOfRanks(int[] ranks, int[] grades, double[] weights, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k: '" + k + "' must be at least 1");
    }
    if (grades.length != ranks.length || weights.length != ranks.length) {
      throw new IllegalArgumentException("grades, weights: must have one entry per rank");
    }
    int n = ranks.length;
    double[] gain = new double[n];
    double dcg = 0;
    for (int i = 0; i < n; i++) {
      gain[i] = ((1 << grades[i]) - 1) * weights[i];
      if (ranks[i] <= k) {
        dcg += gain[i] / (Math.log(ranks[i] + 1) / LN2);
      }
    }
    Arrays.sort(gain);
    double ideal = 0;
    for (int r = 0; r < Math.min(k, n); r++) {
      ideal += gain[n - 1 - r] / (Math.log(r + 2) / LN2);
    }
    return ideal == 0 ? 0 : dcg / ideal;
  }

  /**
   * Recall@k from the ranks of the relevant candidates, capped so that a perfect ranking scores 1:
   * the weight of those ranked at most k over the largest weight k places could hold (the sum of
   * the k largest weights). With equal weights it is the number found over {@code min(k,
   * relevant)}: an order with 30 relevant candidates can reach 1 at k = 10, not 1/3.
   *
   * @param ranks each relevant candidate's rank
   * @param weights each one's weight (positive; all 1 for the plain count)
   * @param k the cut-off
   * @return the share; 0 for no ranks
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public static double recallOfRanks(int[] ranks, double[] weights, int k) {
    if (weights.length != ranks.length) {
      throw new IllegalArgumentException("weights: must have one entry per rank");
    }
    double in = 0;
    for (int i = 0; i < ranks.length; i++) {
      in += ranks[i] <= k ? weights[i] : 0;
    }
    double[] sorted = weights.clone();
    Arrays.sort(sorted);
    double best = 0;
    for (int i = 0; i < Math.min(k, sorted.length); i++) {
      best += sorted[sorted.length - 1 - i];
    }
    return best == 0 ? 0 : in / best;
  }

  /**
   * The weighted median of ranks: the smallest rank at which the cumulative weight reaches half
   * the total, or the mean of it and the next rank when it reaches exactly half (so that with
   * equal weights it is the ordinary median).
   *
   * @param ranks the ranks
   * @param weights each one's weight (positive)
   * @return the median; NaN for no ranks
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public static double medianRank(int[] ranks, double[] weights) {
    if (weights.length != ranks.length) {
      throw new IllegalArgumentException("weights: must have one entry per rank");
    }
    int n = ranks.length;
    if (n == 0) {
      return Double.NaN;
    }
    Integer[] order = new Integer[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      order[i] = i;
      total += weights[i];
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ranks[a], ranks[b]));
    double half = total / 2;
    double acc = 0;
    for (int q = 0; q < n; q++) {
      acc += weights[order[q]];
      if (acc >= half - 1e-12 * total) {
        return Math.abs(acc - half) <= 1e-12 * total && q + 1 < n ? (ranks[order[q]] + ranks[order[q + 1]]) / 2.0
            : ranks[order[q]];
      }
    }
    return ranks[order[n - 1]];
  }

  /**
   * {@code 1/rank} of the first relevant candidate; 0 if none.
   *
   * @param ranked the grades of the ranked candidates, best first
   * @param relevant the lowest grade counted as relevant
   * @return {@code 1/rank} of the first candidate whose grade is at least {@code relevant}, or 0
   */
  public static double reciprocalRank(int[] ranked, int relevant) {
    for (int i = 0; i < ranked.length; i++) {
      if (ranked[i] >= relevant) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /**
   * The mean of {@code values} (NaN when empty).
   *
   * @param values the values; not changed
   * @return their arithmetic mean, or NaN when there are none
   */
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
   * @param values one value per order
   * @param resamples how many resamples (at least 1)
   * @param level the interval's level, e.g. 0.95
   * @param seed seeds the resampling
   * @return {@code {low, high}}; {@code {NaN, NaN}} for no values
   * @throws IllegalArgumentException if {@code resamples < 1} or {@code level} is not in (0, 1)
   */
  public static double[] bootstrap(double[] values, int resamples, double level, long seed) {
    return paired(values, values, resamples, level, seed).a();
  }

  /**
   * Means and percentile bootstrap intervals of two policies' values on the same orders and of
   * their paired difference {@code b − a}: each resample draws orders, and the same orders serve
   * both policies.
   *
   * @param a the first policy's value per order
   * @param b the second policy's value per order, same orders in the same order
   * @param resamples how many resamples (at least 1)
   * @param level the interval's level, e.g. 0.95
   * @param seed seeds the resampling
   * @return the three intervals (each {@code {low, high}}) and the three means
   * @throws IllegalArgumentException if the arrays differ in length, {@code resamples < 1} or
   *     {@code level} is not in (0, 1)
   */
  public static Paired paired(double[] a, double[] b, int resamples, double level, long seed) {
    if (resamples < 1 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("resamples, level: '" + resamples + ", " + level + "' must be >= 1 and in (0, 1)");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException("b: has " + b.length + " values; a has " + a.length + ": they must be paired");
    }
    int n = a.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = b[i] - a[i];
    }
    if (n == 0) {
      double[] nan = {Double.NaN, Double.NaN};
      return new Paired(Double.NaN, Double.NaN, Double.NaN, nan, nan.clone(), nan.clone());
    }
    SplittableRandom r = new SplittableRandom(seed);
    double[] ma = new double[resamples];
    double[] mb = new double[resamples];
    double[] md = new double[resamples];
    for (int s = 0; s < resamples; s++) {
      double sa = 0;
      double sb = 0;
      for (int i = 0; i < n; i++) {
        int j = r.nextInt(n);
        sa += a[j];
        sb += b[j];
      }
      ma[s] = sa / n;
      mb[s] = sb / n;
      md[s] = (sb - sa) / n;
    }
    return new Paired(mean(a), mean(b), mean(d), interval(ma, level), interval(mb, level), interval(md, level));
  }

  /**
   * Paired bootstrap result.
   *
   * @param meanA mean of a
   * @param meanB mean of b
   * @param meanDifference mean of b − a
   * @param a interval of a's mean, {@code {low, high}}
   * @param b interval of b's mean
   * @param difference interval of the mean difference
   */
  public record Paired(double meanA, double meanB, double meanDifference, double[] a, double[] b, double[] difference) {}

  private static double[] interval(double[] means, double level) {
    Arrays.sort(means);
    return new double[] {quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2)};
  }

  /**
   * The {@code q}-quantile of sorted values, by linear interpolation between order statistics.
   *
   * @param sorted ascending values, at least one
   * @param q the quantile, 0–1
   * @return the interpolated quantile; the smallest value for {@code q = 0}, the largest for {@code
   *     q = 1}
   */
  public static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
