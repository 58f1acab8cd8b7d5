package dk.jobmatch.taxonomy;

/**
 * An occupation resolved into the ISCO-08/DISCO-08 hierarchy: the group digits (1–4 digits of
 * ISCO-08, or the 6-digit DISCO-08 refinement) and, for an ESCO occupation, its URI. A prefix of
 * the digits is an ancestor group ({@code 532220 → 5322 → 532 → 53 → 5}); DISCO level 5 has six
 * digits, so there is no five-digit group.
 *
 * <p>Immutable and thread-safe.
 *
 * @param digits the group digits, or {@code null} if the reference could not be placed in the
 *     hierarchy (an ESCO URI without a loaded taxonomy)
 * @param escoUri the ESCO occupation URI, or {@code null}
 */
public record OccupationCode(String digits, String escoUri) {
  /**
   * Validates the code.
   *
   * @throws IllegalArgumentException if both are null or the digits are malformed
   */
  public OccupationCode {
    if (digits == null && escoUri == null) {
      throw new IllegalArgumentException("occupation: needs group digits or an ESCO URI");
    }
    if (digits != null && !digits.matches("\\d{1,4}|\\d{6}")) {
      throw new IllegalArgumentException("occupation: '" + digits + "' must be 1-4 or 6 digits");
    }
  }

  /**
   * The code of a plain ISCO/DISCO group.
   *
   * @param digits the group digits, 1–4 or 6
   * @return the code without an ESCO URI
   * @throws IllegalArgumentException if the digits are null or malformed
   */
  public static OccupationCode ofDigits(String digits) {
    return new OccupationCode(digits, null);
  }

  /**
   * The hierarchy levels of these digits from the major group down, e.g. {@code [5, 53, 532,
   * 5322, 532220]}; empty when the digits are unknown.
   *
   * @return an unmodifiable list of the prefixes of 1–4 digits and, for six digits, the digits
   *     themselves; empty without digits
   */
  public java.util.List<String> levels() {
    if (digits == null) {
      return java.util.List.of();
    }
    java.util.List<String> out = new java.util.ArrayList<>(5);
    for (int i = 1; i <= Math.min(4, digits.length()); i++) {
      out.add(digits.substring(0, i));
    }
    if (digits.length() == 6) {
      out.add(digits);
    }
    return java.util.List.copyOf(out);
  }

  /**
   * The ISCO-08 four-digit unit group, or {@code null} if the digits are coarser or unknown.
   *
   * @return the first four digits when there are at least four, else {@code null}
   */
  public String unitGroup() {
    return digits == null || digits.length() < 4 ? null : digits.substring(0, 4);
  }
}
