package dk.jobmatch.batch;

/**
 * Receives progress from a running batch, for a progress bar or a log line.
 *
 * <p>Calls for one run are serialised (never concurrent) and, within a phase, {@code done} never
 * decreases; they may come from any thread, including pool threads, so an implementation that
 * touches a UI must hand over to the UI thread itself. A listener must be quick and must not
 * throw: an exception thrown from it aborts the run.
 */
public interface BatchListener {
  /** The stages of a batch run, in the order they happen. */
  enum Phase {
    /** Ranking the candidates of every order through the engine (parallel). */
    CANDIDATES,
    /** Choosing the shortlists (one thread). */
    ALLOCATION
  }

  /** A listener that ignores everything. */
  BatchListener NONE = new BatchListener() {};

  /**
   * A phase starts.
   *
   * @param phase the phase
   * @param total the units of work in it (orders for {@link Phase#CANDIDATES}, seats for {@link
   *     Phase#ALLOCATION})
   */
  default void phaseStarted(Phase phase, long total) {}

  /**
   * Work in a phase has advanced; reported roughly every percent and at the end.
   *
   * @param phase the phase
   * @param done units done so far
   * @param total units in the phase
   */
  default void progress(Phase phase, long done, long total) {}
}
