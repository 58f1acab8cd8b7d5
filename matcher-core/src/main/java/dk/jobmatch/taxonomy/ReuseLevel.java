package dk.jobmatch.taxonomy;

/**
 * ESCO's {@code reuseLevel} of a skill: how widely it transfers across occupations. Specific
 * skills discriminate candidates better than transversal ones, so they weigh more in skill fit;
 * the multiplier of each level is a constant of the scoring policy ({@code
 * dk.jobmatch.scoring.PolicyConstant#SPECIFICITY_TRANSVERSAL} and its siblings).
 */
public enum ReuseLevel {
  /** Relevant to a broad range of occupations and sectors (e.g. teamwork). */
  TRANSVERSAL,
  /** Relevant across several sectors. */
  CROSS_SECTOR,
  /** Specific to one sector. */
  SECTOR_SPECIFIC,
  /** Specific to one occupation or a few. */
  OCCUPATION_SPECIFIC;

  /**
   * Parses ESCO's spelling ({@code transversal}, {@code cross-sector}, {@code sector-specific},
   * {@code occupation-specific}; an ESCO concept URI ending in one of these is accepted).
   *
   * @param text ESCO's name of the reuse level, or a concept URI ending in it
   * @return the reuse level
   * @throws IllegalArgumentException for any other text
   */
  public static ReuseLevel parseEsco(String text) {
    String t = text.substring(text.lastIndexOf('/') + 1).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "transversal" -> TRANSVERSAL;
      case "cross-sector", "cross-sectoral" -> CROSS_SECTOR;
      case "sector-specific" -> SECTOR_SPECIFIC;
      case "occupation-specific" -> OCCUPATION_SPECIFIC;
      default -> throw new IllegalArgumentException("reuseLevel: '" + text + "' is not an ESCO reuse level");
    };
  }
}
