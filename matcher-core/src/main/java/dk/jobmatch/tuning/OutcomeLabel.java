package dk.jobmatch.tuning;

import dk.jobmatch.internal.Checks;

/**
 * One recorded outcome: a citizen's result for a job order, and optionally the rank at which the
 * citizen was proposed for it. Immutable.
 *
 * @param order the job order's id
 * @param citizen the citizen's id
 * @param outcome what happened
 * @param rank the 1-based place on the shortlist at which the citizen was proposed (1–1,000,000),
 *     or null when not recorded; the tuner uses it to correct for position bias (a citizen
 *     proposed far down is less often looked at)
 */
public record OutcomeLabel(String order, String citizen, Outcome outcome, Integer rank) {
  /** The largest rank accepted. */
  public static final int MAX_RANK = 1_000_000;

  /**
   * Validates the label.
   *
   * @throws IllegalArgumentException naming the field if an id is malformed, a part is missing or
   *     the rank is out of range
   */
  public OutcomeLabel {
    Checks.id("order", order);
    Checks.id("citizen", citizen);
    Checks.required("outcome", outcome);
    if (rank != null && (rank < 1 || rank > MAX_RANK)) {
      throw new IllegalArgumentException("rank: must be between 1 and " + MAX_RANK);
    }
  }

  /**
   * An outcome without a recorded rank.
   *
   * @param order the order's id
   * @param citizen the citizen's id
   * @param outcome what happened
   * @throws IllegalArgumentException naming the field if an id is malformed or a part is missing
   */
  public OutcomeLabel(String order, String citizen, Outcome outcome) {
    this(order, citizen, outcome, null);
  }

  @Override
  public String toString() {
    return "OutcomeLabel[" + order + ", " + citizen + "]";
  }
}
