package dk.jobmatch.tuning;

/**
 * A ranking-quality measure of one order's candidate ranking, averaged over orders. Ranks are
 * 1-based, ties broken by citizen id as the engine does.
 */
public enum Metric {
  /**
   * Normalised discounted cumulative gain at k: {@code Σ gain/log2(rank+1)} over the top k,
   * divided by the same sum for the best possible order of the labelled candidates.
   */
  NDCG,
  /** The share of the order's hired and interviewed candidates that are in the top k. */
  RECALL,
  /** 1 / the rank of the first hired or interviewed candidate (0 when none is ranked). */
  MRR;

  /** The name used in reports, e.g. {@code nDCG@10}. */
  public String label(int k) {
    return switch (this) {
      case NDCG -> "nDCG@" + k;
      case RECALL -> "recall@" + k;
      case MRR -> "MRR";
    };
  }
}
