package dk.jobmatch.index;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One engine's retrieval configuration: which terms the first attempt may leave out, and who
 * hears what each search did. Exactness never depends on these, only speed. Immutable and
 * thread-safe (the listener is called on the searching thread and must be thread-safe itself).
 *
 * @param denseDivisor a term is dense when it holds more than {@code 1/denseDivisor} of the
 *     population (at least 1)
 * @param maxSlack at most this much bound (score units) is left out of the accumulation (0 or more)
 * @param minPopulationToDrop below this population nothing is left out (0 or more)
 * @param minPopulationForCells from this population on, the first bound of a citizen's distance
 *     part comes from its {@linkplain GeoCells map cell} (below it, the largest distance value:
 *     filling the cells' bounds costs more than it saves on small populations; 0 or more)
 * @param listener receives the {@link SearchStats} of every search (never null; {@link #NO_LISTENER})
 *
 * @lucene.internal
 */
public record RetrievalSettings(int denseDivisor, double maxSlack, int minPopulationToDrop,
    int minPopulationForCells, Consumer<SearchStats> listener) {
  /** A listener that does nothing. */
  public static final Consumer<SearchStats> NO_LISTENER = s -> { };

  /**
   * The defaults: dense terms (above 1/32 of the population) may be left out with a slack of at
   * most 0.06 from 500,000 citizens on, not below; map cells at every population size. Since the
   * touched citizens are checked best bound first against bounds from their cell codes, the slack
   * added to every bound costs more exact scores than the left-out terms save at 100,000 citizens
   * (53 instead of 77 exact scores per ranking), while at 1,000,000 reading the dense terms costs
   * more than the extra exact scores (measured with JMH; BENCHMARKS.md).
   */
  public static final RetrievalSettings DEFAULTS = new RetrievalSettings(32, 0.06, 500_000, 0, NO_LISTENER);

  /**
   * @throws IllegalArgumentException if a number is out of range
   * @throws NullPointerException if the listener is null
   */
  public RetrievalSettings {
    if (denseDivisor < 1) {
      throw new IllegalArgumentException("denseDivisor: must be at least 1");
    }
    if (!(maxSlack >= 0) || Double.isInfinite(maxSlack)) {
      throw new IllegalArgumentException("maxSlack: must be a finite number of at least 0");
    }
    if (minPopulationToDrop < 0) {
      throw new IllegalArgumentException("minPopulationToDrop: must be at least 0");
    }
    if (minPopulationForCells < 0) {
      throw new IllegalArgumentException("minPopulationForCells: must be at least 0");
    }
    Objects.requireNonNull(listener, "listener");
  }

  /** These settings with another dense-term divisor and slack budget. */
  public RetrievalSettings withTuning(int denseDivisor, double maxSlack) {
    return new RetrievalSettings(denseDivisor, maxSlack, minPopulationToDrop, minPopulationForCells, listener);
  }

  /** These settings with map cells bounding the distance from this population on. */
  public RetrievalSettings withMinPopulationForCells(int minPopulationForCells) {
    return new RetrievalSettings(denseDivisor, maxSlack, minPopulationToDrop, minPopulationForCells, listener);
  }

  /** These settings with another listener. */
  public RetrievalSettings withListener(Consumer<SearchStats> listener) {
    return new RetrievalSettings(denseDivisor, maxSlack, minPopulationToDrop, minPopulationForCells, listener);
  }
}
