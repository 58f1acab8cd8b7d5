package dk.jobmatch.bench.quality;

import dk.jobmatch.bench.quality.QualityDataset.LabelledCitizen;
import dk.jobmatch.bench.quality.QualityDataset.LabelledOrder;
import java.util.List;

/**
 * A system whose ranking quality is measured: the engine under some policy, or a baseline.
 * Implementations are immutable and thread-safe; {@link #prepare} may be called for several
 * datasets.
 */
public interface Ranker {
  /** A short name for tables. */
  String name();

  /**
   * Indexes a dataset's citizens and orders.
   *
   * @throws java.io.UncheckedIOException if an index cannot be built
   */
  Prepared prepare(QualityDataset dataset);

  /** A ranker with a dataset loaded. Searching is thread-safe; {@link #close()} must not race with it. */
  interface Prepared extends AutoCloseable {
    /** The ids of the best {@code k} citizens for the order, best first. */
    List<String> rank(LabelledOrder order, int k);

    /** The ids of the best {@code k} orders of the dataset for the citizen, best first. */
    List<String> suggest(LabelledCitizen citizen, int k);

    /** Releases the index. */
    @Override
    void close();
  }
}
