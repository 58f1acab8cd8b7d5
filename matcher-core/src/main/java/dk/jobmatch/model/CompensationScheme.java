package dk.jobmatch.model;

/** Handicapkompenserende ordninger: disability compensation schemes a citizen holds. */
public enum CompensationScheme {
  /** Personlig assistance: a personal assistant for tasks the disability prevents. */
  PERSONAL_ASSISTANCE,
  /** Hjælpemidler: aids and workplace adaptation. */
  AIDS,
  /**
   * Fortrinsadgang: preferential access; a public employer must invite a qualified applicant
   * holding this right to interview.
   */
  FORTRINSADGANG
}
