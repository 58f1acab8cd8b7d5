package dk.jobmatch.bench;

/**
 * The implementations a ranking benchmark compares in one run, as a JMH {@code @Param}: the
 * engine, the exhaustive reference scorer (the oracle), a plain Lucene BM25 query, and an exact
 * brute-force scan over flat precomputed features (the physical-limit peer).
 */
enum Peer {
  /** {@code MatchEngine.rank(order, 20)}. */
  ENGINE,
  /** {@code ReferenceScorer.rank(population, order, 20)}: every citizen scored. */
  REFERENCE,
  /** {@link Bm25Peer#search}: skill terms only, no gates, no explanations. */
  BM25,
  /** {@link ScanPeer#search}: every citizen scored exactly from flat precomputed arrays. */
  SCAN;

  /**
   * Parses the lower-case JMH parameter value.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  static Peer of(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
