package dk.jobmatch.tuning;

/**
 * What became of a candidate put forward for a job order, as a job centre records it; the
 * {@link #gain()} is what ranking the candidate high is worth in nDCG.
 */
public enum Outcome {
  /** Hired: gain 3. */
  HIRED(3),
  /** Invited to an interview, not hired: gain 1. */
  INTERVIEWED(1),
  /** Put forward or considered and turned down: gain 0 (like an unlabelled candidate). */
  REJECTED(0);

  private final int gain;

  Outcome(int gain) {
    this.gain = gain;
  }

  /** The relevance gain: 3, 1 or 0. */
  public int gain() {
    return gain;
  }
}
