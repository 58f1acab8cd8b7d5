package dk.jobmatch.engine;

import dk.jobmatch.index.RetrievalSettings;

/**
 * The benchmarks' door to an engine's internal retrieval settings (the builder's package-private
 * {@code retrieval} method). It lives in the engine's package name inside the benchmark module,
 * which runs on the class path; the library's public API does not carry the internal type.
 */
public final class BenchAccess {
  private BenchAccess() {}

  /** {@code builder} with these retrieval settings (tuning and a search-statistics listener). */
  public static MatchEngine.Builder retrieval(MatchEngine.Builder builder, RetrievalSettings settings) {
    return builder.retrieval(settings);
  }
}
