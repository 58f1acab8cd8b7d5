package dk.jobmatch.tuning;

/**
 * Hears how a tuning run proceeds, for a progress display. Called from the tuning thread; an
 * implementation must be quick.
 */
public interface TuningListener {
  /** Ignores everything. */
  TuningListener NONE = new TuningListener() {};

  /**
   * A phase begins.
   *
   * @param phase what is done, e.g. {@code "scoring candidates"}
   * @param total the units of work in the phase (evaluations, orders), or 0 if unknown
   */
  default void phase(String phase, long total) {}

  /**
   * Progress within the phase.
   *
   * @param done units done
   * @param bestObjective the best training objective so far, or NaN when not optimising
   */
  default void progress(long done, double bestObjective) {}
}
