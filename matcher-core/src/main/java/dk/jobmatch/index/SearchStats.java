package dk.jobmatch.index;

/**
 * What one search did, for tests and profiling. Immutable.
 *
 * @param population citizens indexed
 * @param touched citizens sharing a (kept) term with the order, in the largest attempt
 * @param considered citizens whose bound passed the first cut and whose packed record was read
 * @param exactlyScored citizens scored with the full formula
 * @param attempts 1, or 2 when terms left out had to be taken in again
 * @param scannedUntouched whether the citizens sharing no term had to be scanned
 * @param nanos wall time per phase, in nanoseconds: compile, groups, plan, accumulate, evaluate
 *     (plan, accumulate and evaluate summed over attempts); index by the {@code *_PHASE} constants
 *
 * @lucene.internal
 */
public record SearchStats(int population, int touched, int considered, int exactlyScored, int attempts,
    boolean scannedUntouched, long[] nanos) {
  /** Index of the order's compilation in {@link #nanos}. */
  public static final int COMPILE_PHASE = 0;
  /** Index of building the term groups. */
  public static final int GROUPS_PHASE = 1;
  /** Index of planning which terms to leave out. */
  public static final int PLAN_PHASE = 2;
  /** Index of the accumulation of bounds. */
  public static final int ACCUMULATE_PHASE = 3;
  /** Index of the evaluation (cheap checks and exact scores). */
  public static final int EVALUATE_PHASE = 4;
  /** How many phases {@link #nanos} holds. */
  public static final int PHASES = 5;

  /** Compact constructor: copies the phase times. */
  public SearchStats {
    nanos = nanos.clone();
  }

  /** The phase times, a copy. */
  @Override
  public long[] nanos() {
    return nanos.clone();
  }
}
