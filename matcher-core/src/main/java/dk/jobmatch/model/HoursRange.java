package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * Hours per week, inclusive range.
 *
 * @param min at least 0
 * @param max at least {@code min}, at most 80
 */
public record HoursRange(int min, int max) {
  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException if negative, above 80, or min &gt; max
   */
  public HoursRange {
    Checks.range("hoursPerWeek.min", min, 0, 80);
    Checks.range("hoursPerWeek.max", max, 0, 80);
    if (min > max) {
      throw Checks.rule("hoursPerWeek", "min must not exceed max");
    }
  }

  /**
   * Whether the two ranges share at least one hour value.
   *
   * @param other the other range; not null
   * @return true if some whole number of hours lies in both ranges (the bounds included)
   */
  public boolean overlaps(HoursRange other) {
    return min <= other.max && other.min <= max;
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "HoursRange[values not shown]";
  }
}
