package dk.jobmatch.scoring;

import java.util.Locale;

/** The soft components of a score; each yields a value in [0, 1] that a policy weight multiplies. */
public enum Component {
  /** Weighted coverage of the order's required skills (essential and specific skills weigh more). */
  SKILLS,
  /** Experience in the order's occupation, with partial credit by distance in the hierarchy. */
  OCCUPATION,
  /** The order matches the citizen's own job goals, by priority and hierarchy distance. */
  GOAL,
  /** Meets the required education level; one level short gives partial credit. */
  EDUCATION,
  /** Decays with home-to-workplace distance. */
  DISTANCE,
  /** Fleksjob fit and compensation scheme × disability-friendly employer. */
  INCLUSION,
  /** The order's occupation is a shortage occupation (lifts shortage orders for a citizen). */
  SHORTAGE;

  /**
   * The lower-case name used in JSON and the CLI ({@code skills}, {@code occupation}, …).
   *
   * @return the constant's name in lower case, e.g. {@code skills}
   */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
