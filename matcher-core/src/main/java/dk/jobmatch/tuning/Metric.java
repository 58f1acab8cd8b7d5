package dk.jobmatch.tuning;

/**
 * A ranking-quality measure of one held-back order, averaged over orders. The whole eligible
 * population is ranked for the order (ranks 1-based, ties broken by citizen id as the engine
 * does); the hired and interviewed candidates are looked up in that ranking.
 */
public enum Metric {
  /**
   * nDCG at k ({@link RankingMetrics#ndcg}, gains 3 hired, 1 interviewed, 0 otherwise), normalised
   * by the best possible order of the order's outcomes.
   */
  NDCG,
  /**
   * The share of the order's hired and interviewed candidates ranked in the top 10, of as many as
   * the top 10 can hold ({@link RankingMetrics#recallOfRanks}: a perfect ranking scores 1 even
   * when an order has more than ten).
   */
  RECALL_10,
  /** … in the top 50. */
  RECALL_50,
  /** … in the top 100. */
  RECALL_100,
  /** The median rank of the order's hired and interviewed candidates (lower is better). */
  MEDIAN_RANK,
  /**
   * 1 / the rank of the best-placed hired or interviewed candidate. Reported, not part of the
   * verdict: it rests on one candidate per order and cannot be weighted for position bias, so it
   * favours the policy that made the proposals (whose first place was always looked at).
   */
  MRR;

  /**
   * The name used in reports, e.g. {@code nDCG@10}.
   *
   * @param k the cut-off of nDCG, named in its label (ignored by the other metrics)
   * @return the label, e.g. {@code nDCG@10} or {@code recall@50}
   */
  public String label(int k) {
    return switch (this) {
      case NDCG -> "nDCG@" + k;
      case RECALL_10 -> "recall@10";
      case RECALL_50 -> "recall@50";
      case RECALL_100 -> "recall@100";
      case MEDIAN_RANK -> "median rank";
      case MRR -> "MRR";
    };
  }

  /**
   * Whether the verdict weighs this metric (all but {@link #MRR}).
   *
   * @return true for every metric but {@link #MRR}
   */
  public boolean inVerdict() {
    return this != MRR;
  }

  /**
   * Whether a smaller value is better (the median rank).
   *
   * @return true for {@link #MEDIAN_RANK} only
   */
  public boolean lowerIsBetter() {
    return this == MEDIAN_RANK;
  }
}
