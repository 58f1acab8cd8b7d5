package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * A jobmål: an occupation the citizen wants, with 1 as the highest priority.
 *
 * @param occupation the wanted occupation
 * @param priority 1 (first wish) to 99
 */
public record JobGoal(OccupationRef occupation, int priority) {
  /**
   * Validates the goal.
   *
   * @throws IllegalArgumentException if occupation is null or priority outside 1..99
   */
  public JobGoal {
    Checks.required("jobGoals.occupation", occupation);
    Checks.range("jobGoals.priority", priority, 1, 99);
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "JobGoal[values not shown]";
  }
}
