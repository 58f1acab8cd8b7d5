package dk.jobmatch;

/**
 * Seeds of the randomised tests: fixed by default so every run (and CI) tests the same cases,
 * printed so a failure can be replayed, and overridable to explore more seeds:
 * {@code -Djobmatch.seed=N} (or the test's own property, where it names one).
 */
public final class TestSeeds {
  private TestSeeds() {}

  /**
   * The seed for one randomised test.
   *
   * @param test the test's name, printed with the seed
   * @param property the test's own system property, or null
   * @param fixed the seed when no property is set
   * @return the seed to use
   */
  public static long seed(String test, String property, long fixed) {
    Long own = property == null ? null : Long.getLong(property);
    long seed = own != null ? own : Long.getLong("jobmatch.seed", fixed);
    System.out.println(test + ": seed " + seed + " (replay with -D" + (property != null ? property : "jobmatch.seed")
        + "=" + seed + ")");
    return seed;
  }
}
