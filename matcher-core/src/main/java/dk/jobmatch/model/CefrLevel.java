package dk.jobmatch.model;

/** A language proficiency level of the Common European Framework of Reference, A1 lowest. */
public enum CefrLevel {
  A1,
  A2,
  B1,
  B2,
  C1,
  C2;

  /** Whether this level is at least {@code required}. */
  public boolean atLeast(CefrLevel required) {
    return compareTo(required) >= 0;
  }
}
