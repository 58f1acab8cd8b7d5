package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * Work experience in an occupation.
 *
 * @param occupation the occupation
 * @param years years of experience, 0..60
 * @param lastYear the last calendar year worked in it, or {@code null} if unknown
 */
public record Experience(OccupationRef occupation, double years, Integer lastYear) {
  /**
   * Validates the experience.
   *
   * @throws IllegalArgumentException on a null occupation, years outside 0..60, or a bad year
   */
  public Experience {
    Checks.required("experience.occupation", occupation);
    Checks.range("experience.years", years, 0, 60);
    Checks.year("experience.lastYear", lastYear);
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "Experience[values not shown]";
  }
}
