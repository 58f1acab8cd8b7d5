package dk.jobmatch.scoring;

/** Facts a caseworker should see next to a result. */
public enum Flag {
  /** The order's occupation is a shortage occupation (mangel or paradoks) in its RAR area. */
  SHORTAGE,
  /** One education level short of the order's minimum: a candidate for upskilling, not a non-match. */
  UPSKILLING_CANDIDATE,
  /** A fleksjob-approved citizen and an order that accepts fleksjob. */
  FLEKSJOB_FIT,
  /** The citizen holds fortrinsadgang, is qualified, and the employer is public: must be invited. */
  FORTRINSADGANG,
  /** The citizen holds personal assistance or aids and the employer is disability-friendly. */
  COMPENSATION_SCHEME,
  /** The citizen's education was completed long ago. */
  OUTDATED_EDUCATION,
  /** The order named no skills; its requirements were derived from the occupation in the taxonomy. */
  DERIVED_REQUIREMENTS,
  /** Some matched skills were last used long ago and count less. */
  STALE_SKILLS,
  /** Some essential skills are missing: they are the upskilling need. */
  MISSING_ESSENTIAL_SKILLS
}
