package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * The citizen's highest completed education.
 *
 * @param level Danish education level 1–8 (DISCED first digit: 1 primary, 2 upper secondary,
 *     3 vocational, 4 short cycle, 5 medium cycle/professional bachelor, 6 bachelor, 7 master,
 *     8 PhD)
 * @param field the field or title of the education, or {@code null}
 * @param completedYear the completion year, or {@code null}
 */
public record Education(int level, String field, Integer completedYear) {
  /**
   * Validates the education.
   *
   * @throws IllegalArgumentException on a level outside 1..8, a field over 200 chars, a bad year
   */
  public Education {
    Checks.range("education.level", level, 1, 8);
    // The field is free text about a person: name its length, never quote it.
    if (field != null && field.length() > 200) {
      throw new IllegalArgumentException(
          "education.field: must be at most 200 characters (was " + field.length() + ")");
    }
    Checks.year("education.completedYear", completedYear);
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "Education[values not shown]";
  }
}
