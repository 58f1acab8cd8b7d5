package dk.jobmatch.kernel;

/**
 * A candidate with its exact score: what a retrieval or an exhaustive scan hands to the {@link
 * Shortlists shortlist assembler}. Immutable.
 *
 * @param score the exact score ({@link FeatureScorer#score}), above 0
 * @param citizen the citizen's features
 *
 * @lucene.internal
 */
public record Scored(double score, CitizenFeatures citizen) {
  /** The citizen's id. */
  public String id() {
    return citizen.id;
  }
}
