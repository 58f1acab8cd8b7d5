package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * The citizen's fleksjob status. A fleksjob-approved (visiteret) citizen is only matched to
 * orders that are fleksjob orders or whose employer accepts fleksjob, within the approved hours.
 *
 * @param approved whether the citizen is approved for fleksjob
 * @param maxHoursPerWeek approved hours per week, 1..37 when approved; ignored otherwise
 */
public record Fleksjob(boolean approved, int maxHoursPerWeek) {
  /**
   * Validates the hours (1–37 when approved, 0–80 when not).
   *
   * @throws IllegalArgumentException if approved and hours are outside 1..37
   */
  public Fleksjob {
    if (approved) {
      Checks.range("fleksjob.maxHoursPerWeek", maxHoursPerWeek, 1, 37);
    } else {
      Checks.range("fleksjob.maxHoursPerWeek", maxHoursPerWeek, 0, 80);
    }
  }

  /**
   * An approval for the given weekly hours.
   *
   * @param maxHoursPerWeek the most hours per week the approval allows, 1–37
   * @return an approved fleksjob with these hours
   * @throws IllegalArgumentException naming the field if the hours are outside 1–37
   */
  public static Fleksjob approved(int maxHoursPerWeek) {
    return new Fleksjob(true, maxHoursPerWeek);
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "Fleksjob[values not shown]";
  }
}
