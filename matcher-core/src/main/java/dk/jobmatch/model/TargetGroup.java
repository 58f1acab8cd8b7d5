package dk.jobmatch.model;

/**
 * The citizen's målgruppe: the benefit type or programme the citizen is in. Used only for
 * exposure reports (fairness audit); it is never a scoring feature.
 */
public enum TargetGroup {
  /** A-dagpenge: insured unemployed. */
  A_DAGPENGE,
  /** Kontanthjælp: social assistance. */
  KONTANTHJAELP,
  /** Uddannelseshjælp: under-30s without a vocational education. */
  UDDANNELSESHJAELP,
  /** Selvforsørgelses- og hjemrejseydelse: refugees and family-reunified (integration). */
  SELVFORSOERGELSE_HJEMREJSE,
  /** Sygedagpenge: sick-leave benefit. */
  SYGEDAGPENGE,
  /** Jobafklaringsforløb: job clarification programme. */
  JOBAFKLARING,
  /** Ressourceforløb: resource programme. */
  RESSOURCEFORLOEB,
  /** Ledighedsydelse: unemployed and approved (visiteret) for fleksjob. */
  LEDIGHEDSYDELSE,
  /** Revalidering: vocational rehabilitation. */
  REVALIDERING
}
