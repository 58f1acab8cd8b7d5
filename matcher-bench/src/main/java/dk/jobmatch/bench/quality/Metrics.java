package dk.jobmatch.bench.quality;

import dk.jobmatch.tuning.RankingMetrics;

/**
 * The quality benchmark's view of the library's ranking metrics ({@link RankingMetrics}, the one
 * implementation the policy tuner uses too), with the benchmark's relevance threshold.
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

  /** See {@link RankingMetrics#dcg}. @throws IllegalArgumentException if {@code k < 1} */
  public static double dcg(int[] grades, int k) {
    return RankingMetrics.dcg(grades, k);
  }

  /** See {@link RankingMetrics#ndcg}. @throws IllegalArgumentException if {@code k < 1} */
  public static double ndcg(int[] ranked, int[] all, int k) {
    return RankingMetrics.ndcg(ranked, all, k);
  }

  /** Recall@k with relevance from grade {@link #RELEVANT}; see {@link RankingMetrics#recall}. */
  public static double recall(int[] ranked, int relevantTotal, int k) {
    return RankingMetrics.recall(ranked, relevantTotal, RELEVANT, k);
  }

  /** Reciprocal rank with relevance from grade {@link #RELEVANT}. */
  public static double reciprocalRank(int[] ranked) {
    return RankingMetrics.reciprocalRank(ranked, RELEVANT);
  }

  /** The mean of {@code values} (NaN when empty). */
  public static double mean(double[] values) {
    return RankingMetrics.mean(values);
  }

  /**
   * See {@link RankingMetrics#bootstrap}.
   *
   * @throws IllegalArgumentException if {@code resamples < 1} or {@code level} is not in (0, 1)
   */
  public static double[] bootstrap(double[] values, int resamples, double level, long seed) {
    return RankingMetrics.bootstrap(values, resamples, level, seed);
  }

  /** See {@link RankingMetrics#quantile}. */
  static double quantile(double[] sorted, double q) {
    return RankingMetrics.quantile(sorted, q);
  }
}
