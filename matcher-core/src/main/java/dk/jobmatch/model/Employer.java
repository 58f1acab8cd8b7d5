package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * The employer behind a job order.
 *
 * @param cvr the eight-digit CVR number, or {@code null}
 * @param pNumber the ten-digit P-number (production unit), or {@code null}
 * @param name the employer's name, or {@code null}
 * @param isPublic whether this is a public employer (fortrinsadgang applies)
 * @param disabilityFriendly whether the employer is known to accommodate compensation schemes
 * @param location the workplace, or {@code null}
 */
public record Employer(
    String cvr, String pNumber, String name, boolean isPublic, boolean disabilityFriendly, Location location) {
  /**
   * Validates the employer's numbers and name.
   *
   * @throws IllegalArgumentException on a malformed CVR or P-number or an over-long name
   */
  public Employer {
    if (cvr != null && !cvr.matches("\\d{8}")) {
      throw Checks.rule("employer.cvr", "must be eight digits");
    }
    if (pNumber != null && !pNumber.matches("\\d{10}")) {
      throw Checks.rule("employer.pNumber", "must be ten digits");
    }
    Checks.maxLength("employer.name", name, 200);
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "Employer[values not shown]";
  }
}
