package dk.jobmatch.taxonomy;

/**
 * ESCO's {@code reuseLevel} of a skill: how widely it transfers across occupations. Specific
 * skills discriminate candidates better than transversal ones, so they weigh more in skill fit.
 */
public enum ReuseLevel {
  /** Relevant to a broad range of occupations and sectors (e.g. teamwork). */
  TRANSVERSAL(0.5),
  /** Relevant across several sectors. */
  CROSS_SECTOR(0.75),
  /** Specific to one sector. */
  SECTOR_SPECIFIC(1.0),
  /** Specific to one occupation or a few. */
  OCCUPATION_SPECIFIC(1.25);

  private final double specificity;

  ReuseLevel(double specificity) {
    this.specificity = specificity;
  }

  /** The weight multiplier used in skill fit (0.5 for transversal up to 1.25). */
  public double specificity() {
    return specificity;
  }

  /**
   * Parses ESCO's spelling ({@code transversal}, {@code cross-sector}, {@code sector-specific},
   * {@code occupation-specific}; an ESCO concept URI ending in one of these is accepted).
   *
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
