package dk.jobmatch.kernel;

/**
 * A snapshot of skill document frequencies over the indexed population, for the rarity-based
 * specificity of skills the taxonomy has no reuse level for. Immutable.
 *
 * @param population number of live citizens
 * @param skillCounts citizens holding each skill, by skill vocabulary id (ids past the end: 0)
 *
 * @lucene.internal
 */
public record PopulationStats(int population, int[] skillCounts) {
  /** No population: every skill gets the neutral specificity 1. */
  public static final PopulationStats EMPTY = new PopulationStats(0, new int[0]);

  /** Counts the skills of {@code features}, whose ids come from a vocabulary of {@code vocabularySize}. */
  public static PopulationStats of(java.util.List<CitizenFeatures> features, int vocabularySize) {
    int[] counts = new int[vocabularySize];
    for (CitizenFeatures f : features) {
      for (int s : f.skills) {
        counts[s]++;
      }
    }
    return new PopulationStats(features.size(), counts);
  }

  /** How many citizens hold the skill with this vocabulary id (-1: unknown skill). */
  public int count(int skillId) {
    return skillId < 0 || skillId >= skillCounts.length ? 0 : skillCounts[skillId];
  }

  /**
   * Rarity-based specificity between the policy's {@code rarityMinSpecificity} (a skill everyone
   * holds) and {@code rarityMaxSpecificity} (a skill no one holds): an idf scaled to the
   * population. With fewer than two citizens every skill gets the neutral specificity 1.
   */
  public double specificity(dk.jobmatch.scoring.ScoringPolicy p, int skillId) {
    if (population < 2) {
      return 1.0;
    }
    double idf = Math.log((population + 1.0) / (count(skillId) + 1.0)) / Math.log(population + 1.0);
    double lo = p.constant(dk.jobmatch.scoring.PolicyConstant.RARITY_MIN_SPECIFICITY);
    double hi = p.constant(dk.jobmatch.scoring.PolicyConstant.RARITY_MAX_SPECIFICITY);
    return lo + (hi - lo) * Math.min(1.0, Math.max(0.0, idf));
  }
}
