package dk.jobmatch.batch;

/**
 * How the shortlists of a batch are chosen from the candidate lists.
 *
 * <p>All three keep the fortrinsadgang seats (see {@link BatchMatcher}); they differ in how the
 * other seats are filled.
 */
public enum Algorithm {
  /**
   * Congestion-aware and optimal: a minimum-cost flow over the bipartite graph of (order,
   * candidate) edges, maximising the objective described in {@link BatchOptions} subject to every
   * order's and every citizen's capacity. The default.
   */
  MIN_COST_FLOW,
  /**
   * The greedy pass, for comparison: orders in sequence (shortage orders first, then by id) each
   * take their best candidates who are still below the per-citizen cap. Feasible but not optimal.
   */
  GREEDY,
  /**
   * Independent top-k, the "before" picture: every order takes its best candidates regardless of
   * how often a citizen is proposed elsewhere. Ignores the per-citizen cap, so it is congested.
   */
  INDEPENDENT_TOP_K
}
