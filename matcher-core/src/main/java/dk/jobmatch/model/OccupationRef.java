package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * A reference to an occupation: an ISCO-08 group ({@code isco:NNNN}, 1–4 digits), a DISCO-08
 * group ({@code disco:NNNNNN}, 1–4 or 6 digits; levels 1–4 equal ISCO-08, level 5 is the
 * six-digit Danish refinement) or an ESCO occupation URI. ESCO URIs are resolved to their ISCO
 * unit group by a {@link dk.jobmatch.taxonomy.Taxonomy}.
 *
 * @param scheme the classification
 * @param code the digits for ISCO/DISCO, the full URI for ESCO
 */
public record OccupationRef(Scheme scheme, String code) {
  /** The classification an occupation reference belongs to. */
  public enum Scheme {
    /** ISCO-08, the International Standard Classification of Occupations: 1–4 digits. */
    ISCO,
    /** DISCO-08, Danmarks Statistik's version of ISCO-08: 1–4 digits as ISCO, or 6 digits. */
    DISCO,
    /** ESCO, the European occupation classification: an occupation URI. */
    ESCO
  }

  /** ESCO occupation URIs start with this. */
  public static final String ESCO_PREFIX = "http://data.europa.eu/esco/occupation/";

  /**
   * Validates the code against the scheme.
   *
   * @throws IllegalArgumentException if the code does not fit the scheme
   */
  public OccupationRef {
    Checks.required("occupation.scheme", scheme);
    Checks.required("occupation", code);
    switch (scheme) {
      case ISCO -> {
        if (!code.matches("\\d{1,4}")) {
          throw Checks.rule("occupation", "must be isco: and 1-4 digits");
        }
      }
      case DISCO -> {
        if (!code.matches("\\d{1,4}|\\d{6}")) {
          throw Checks.rule("occupation", "must be disco: and 1-4 or 6 digits");
        }
      }
      case ESCO -> {
        // A URI never contains whitespace; one that does is a copy-paste error, not a concept.
        if (!code.startsWith(ESCO_PREFIX) || code.length() == ESCO_PREFIX.length() || code.length() > 200
            || code.chars().anyMatch(Character::isWhitespace)) {
          throw Checks.rule("occupation", "must be an ESCO occupation URI (" + ESCO_PREFIX + "...)");
        }
      }
      default -> throw new AssertionError(scheme);
    }
  }

  /**
   * Parses {@code isco:NNNN}, {@code disco:NNNNNN} or an ESCO occupation URI.
   *
   * @param text the reference as written in the input files
   * @return the parsed reference
   * @throws IllegalArgumentException naming the field {@code occupation} and the bad value
   */
  public static OccupationRef parse(String text) {
    Checks.required("occupation", text);
    if (text.startsWith("isco:")) {
      return new OccupationRef(Scheme.ISCO, text.substring(5));
    }
    if (text.startsWith("disco:")) {
      return new OccupationRef(Scheme.DISCO, text.substring(6));
    }
    if (text.startsWith("http://") || text.startsWith("https://")) {
      return new OccupationRef(Scheme.ESCO, text);
    }
    throw Checks.rule("occupation", "must be isco:NNNN, disco:NNNNNN or an ESCO occupation URI");
  }

  /**
   * Shorthand for an ISCO-08 reference.
   *
   * @param digits the ISCO-08 group, 1–4 digits
   * @return the reference {@code isco:digits}
   * @throws IllegalArgumentException naming the field if {@code digits} is not 1–4 digits
   */
  public static OccupationRef isco(String digits) {
    return new OccupationRef(Scheme.ISCO, digits);
  }

  /**
   * Shorthand for a DISCO-08 reference.
   *
   * @param digits the DISCO-08 group, 1–4 or 6 digits
   * @return the reference {@code disco:digits}
   * @throws IllegalArgumentException naming the field if {@code digits} is not 1–4 or 6 digits
   */
  public static OccupationRef disco(String digits) {
    return new OccupationRef(Scheme.DISCO, digits);
  }

  /**
   * The ISCO/DISCO digits, or {@code null} for an ESCO URI (which needs a taxonomy).
   *
   * @return the code for ISCO and DISCO; null for ESCO
   */
  public String digits() {
    return scheme == Scheme.ESCO ? null : code;
  }

  /** The external spelling, as accepted by {@link #parse}. */
  @Override
  public String toString() {
    return switch (scheme) {
      case ISCO -> "isco:" + code;
      case DISCO -> "disco:" + code;
      case ESCO -> code;
    };
  }
}
