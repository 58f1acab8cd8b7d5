package dk.jobmatch.tuning;

import dk.jobmatch.internal.Checks;

/**
 * One recorded outcome: a citizen's result for a job order. Immutable.
 *
 * @param order the job order's id
 * @param citizen the citizen's id
 * @param outcome what happened
 */
public record OutcomeLabel(String order, String citizen, Outcome outcome) {
  /** @throws IllegalArgumentException naming the field if an id is malformed or a part is missing */
  public OutcomeLabel {
    Checks.id("order", order);
    Checks.id("citizen", citizen);
    Checks.required("outcome", outcome);
  }

  @Override
  public String toString() {
    return "OutcomeLabel[" + order + ", " + citizen + "]";
  }
}
