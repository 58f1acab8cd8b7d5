package dk.jobmatch.bench;

/**
 * The implementations a ranking benchmark compares in one run, as a JMH {@code @Param}: the
 * engine, the exhaustive reference scorer (the oracle), and a plain Lucene BM25 query.
 */
enum Peer {
  /** {@code MatchEngine.rank(order, 20)}. */
  ENGINE,
  /** {@code ReferenceScorer.rank(population, order, 20)}: every citizen scored. */
  REFERENCE,
  /** {@link Bm25Peer#search}: skill terms only, no gates, no explanations. */
  BM25;

  /**
   * Parses the lower-case JMH parameter value.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  static Peer of(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
