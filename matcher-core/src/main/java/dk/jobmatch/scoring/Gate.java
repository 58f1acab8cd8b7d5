package dk.jobmatch.scoring;

/** The hard gates: a citizen failing any gate that the policy does not relax scores 0 and is never proposed. */
public enum Gate {
  /** The citizen is searchable. */
  SEARCHABLE,
  /** Home-to-workplace distance is within the citizen's maximum commute. */
  COMMUTE,
  /** Hours ranges overlap (fleksjob: within the approved hours). */
  HOURS,
  /** A fleksjob-approved citizen only for an order that accepts fleksjob, a fleksjob order only for them. */
  FLEKSJOB,
  /** Every certificate the order requires is held. */
  CERTIFICATES,
  /** Every language the order requires is held at its minimum level or above. */
  LANGUAGES,
  /** The citizen is available by the order's start date. */
  AVAILABILITY,
  /** Ordinary jobs and apprenticeships for job-ready citizens; internships and wage subsidy for all. */
  EMPLOYMENT_TYPE
}
