package dk.jobmatch.internal;

/**
 * The ranking order, in one place: score descending, then id ascending. Every top-k heap, sort
 * and "does it beat?" test of the library ranks by these two methods (the kernel's {@code TopK},
 * the retrieval's heap, the shortlist assembler, the standing lists, "why not?", suggestions and
 * the public comparators of {@link dk.jobmatch.scoring.Match}).
 *
 * <p>Internal (not exported). Stateless and thread-safe.
 *
 * @lucene.internal
 */
public final class Ranking {
  private Ranking() {}

  /**
   * Compares two (score, id) pairs in ranking order: negative if the first ranks before the
   * second (higher score, or equal score and smaller id), positive if after, 0 if equal.
   *
   * @throws NullPointerException if an id is null
   */
  public static int compare(double scoreA, String idA, double scoreB, String idB) {
    int c = Double.compare(scoreB, scoreA);
    return c != 0 ? c : idA.compareTo(idB);
  }

  /**
   * Whether (scoreA, idA) ranks strictly before (scoreB, idB).
   *
   * @throws NullPointerException if an id is null
   */
  public static boolean beats(double scoreA, String idA, double scoreB, String idB) {
    return compare(scoreA, idA, scoreB, idB) < 0;
  }
}
