package dk.jobmatch.tuning;

/**
 * What became of a candidate put forward for a job order, as a job centre records it; the
 * {@link #grade()} is the candidate's relevance (HIRED above INTERVIEWED above REJECTED), and
 * {@link #gain()} = {@code 2^grade − 1} what ranking the candidate high is worth in nDCG ({@link
 * RankingMetrics}).
 */
public enum Outcome {
  /** Hired: gain 3. */
  HIRED(3),
  /** Invited to an interview, not hired: gain 1. */
  INTERVIEWED(1),
  /** Put forward or considered and turned down: gain 0. */
  REJECTED(0);

  private final int gain;

  Outcome(int gain) {
    this.gain = gain;
  }

  /**
   * The relevance grade: 2 (hired), 1 (interviewed) or 0 (rejected).
   *
   * @return 2 for {@link #HIRED}, 1 for {@link #INTERVIEWED}, 0 for {@link #REJECTED}
   */
  public int grade() {
    return switch (this) {
      case HIRED -> 2;
      case INTERVIEWED -> 1;
      case REJECTED -> 0;
    };
  }

  /**
   * The relevance gain {@code 2^grade − 1}: 3, 1 or 0.
   *
   * @return 3 for {@link #HIRED}, 1 for {@link #INTERVIEWED}, 0 for {@link #REJECTED}
   */
  public int gain() {
    return gain;
  }
}
