package dk.jobmatch.model;

/** A language proficiency level of the Common European Framework of Reference, A1 lowest. */
public enum CefrLevel {
  /** Breakthrough: basic user, the lowest level. */
  A1,
  /** Waystage: basic user. */
  A2,
  /** Threshold: independent user. */
  B1,
  /** Vantage: independent user. */
  B2,
  /** Effective operational proficiency: proficient user. */
  C1,
  /** Mastery: proficient user, the highest level. */
  C2;

  /**
   * Whether this level is at least {@code required}.
   *
   * @param required the level asked for; not null
   * @return true if this level equals or exceeds {@code required}
   */
  public boolean atLeast(CefrLevel required) {
    return compareTo(required) >= 0;
  }
}
