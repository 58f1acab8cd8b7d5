package dk.jobmatch.tuning;

/** What the tuner fits on. */
public enum TuningMethod {
  /**
   * The order the outcomes state, and only that (the default). Per order, only the candidates with
   * an outcome take part; each hired or interviewed candidate should rank above the others with an
   * outcome, weighted by its gain (3 hired, 1 interviewed) and by the inverse propensity of the
   * rank it was proposed at ({@link Propensity}). The objective is the propensity-weighted share
   * of candidates with an outcome ranked below each hired or interviewed one — the rank loss of
   * Joachims, Swaminathan &amp; Schnabel (2017), normalised per order. Candidates no one proposed
   * are not taught as negatives.
   */
  OBSERVED_ORDER,
  /**
   * The tuner's method before its rework, kept to compare against: nDCG@k over the candidates with an
   * outcome plus a sample of eligible citizens without one, who count as not chosen (gain 0).
   * Biased toward the policy that made the proposals: the good candidates it never proposed are
   * taught as negatives.
   */
  UNLABELLED_AS_NEGATIVE
}
