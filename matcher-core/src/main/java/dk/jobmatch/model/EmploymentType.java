package dk.jobmatch.model;

/** The kind of employment a job order offers. */
public enum EmploymentType {
  /** An ordinary job on ordinary terms; for job-ready (jobparat) citizens. */
  ORDINARY,
  /** Fleksjob: a job on special terms for people with permanently reduced working capacity. */
  FLEKSJOB,
  /** Løntilskud: a wage-subsidy job; open to all citizens. */
  WAGE_SUBSIDY,
  /** Virksomhedspraktik: an internship; open to all citizens. */
  INTERNSHIP,
  /** Læreplads: an apprenticeship; for job-ready citizens. */
  APPRENTICESHIP
}
