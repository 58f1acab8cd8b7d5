package dk.jobmatch.scoring;

/**
 * Every number of the scoring formula other than the component weights, with its default, its
 * valid range and what it means. This enum is the single list of constants: {@link
 * ScoringPolicy} stores one value per constant, its builder validates them against the ranges
 * here (plus the relations between constants listed in {@link ScoringPolicy.Builder#build()}),
 * and the policy file format names them by {@link #key()}.
 *
 * <p>Integral constants ({@link #integral()}) hold whole numbers (years, counts).
 */
public enum PolicyConstant {
  // --- skills ---------------------------------------------------------------------------------
  /** Weight of an essential required skill, against an optional one's {@link #OPTIONAL_WEIGHT}. */
  ESSENTIAL_WEIGHT("essentialWeight", 2.0, 0.01, 100, false,
      "how much an essential required skill counts, relative to an optional one"),
  /** Weight of an optional required skill. */
  OPTIONAL_WEIGHT("optionalWeight", 1.0, 0.01, 100, false,
      "how much an optional required skill counts"),
  /** Specificity of an ESCO transversal skill (e.g. teamwork). */
  SPECIFICITY_TRANSVERSAL("specificityTransversal", 0.5, 0.01, 10, false,
      "weight multiplier of a skill useful in almost every job"),
  /** Specificity of an ESCO cross-sector skill. */
  SPECIFICITY_CROSS_SECTOR("specificityCrossSector", 0.75, 0.01, 10, false,
      "weight multiplier of a skill used across several sectors"),
  /** Specificity of an ESCO sector-specific skill. */
  SPECIFICITY_SECTOR_SPECIFIC("specificitySectorSpecific", 1.0, 0.01, 10, false,
      "weight multiplier of a skill specific to one sector"),
  /** Specificity of an ESCO occupation-specific skill. */
  SPECIFICITY_OCCUPATION_SPECIFIC("specificityOccupationSpecific", 1.25, 0.01, 10, false,
      "weight multiplier of a skill specific to one occupation or a few"),
  /** Rarity-based specificity of a skill every indexed citizen holds (no ESCO reuse level known). */
  RARITY_MIN_SPECIFICITY("rarityMinSpecificity", 0.5, 0.01, 10, false,
      "weight multiplier of a skill (without ESCO reuse level) that everyone holds"),
  /** Rarity-based specificity of a skill no indexed citizen holds. */
  RARITY_MAX_SPECIFICITY("rarityMaxSpecificity", 1.25, 0.01, 10, false,
      "weight multiplier of a skill (without ESCO reuse level) that no one holds"),
  /**
   * How much a skill's rarity in the indexed population modulates the specificity given by its
   * ESCO reuse level: the reuse-level specificity is multiplied by {@code 1 − r + r · rarity},
   * where rarity is the rarity-based specificity above (0: reuse level alone).
   */
  RARITY_INFLUENCE("rarityInfluence", 1, 0, 1, false,
      "how much a skill's rarity among the indexed citizens modulates its ESCO reuse-level weight (0: reuse level alone)"),
  /** Multiplies the credit the taxonomy gives a related skill (an ESCO relation, a sibling skill). */
  RELATED_CREDIT_SCALE("relatedCreditScale", 1.0, 0, 1, false,
      "share of the taxonomy's partial credit a related skill earns in place of the required one"),
  /** How many related skills, at most, can stand in for one required skill. */
  MAX_RELATED_SKILLS("maxRelatedSkills", 20, 0, 200, true,
      "how many related skills, at most, can stand in for one required skill"),
  /** Years a skill may go unused before it loses credit. */
  STALE_AFTER_YEARS("staleAfterYears", 3, 0, 100, true,
      "years a skill may go unused before it counts less"),
  /** Credit lost per further year unused. */
  STALE_DECAY_PER_YEAR("staleDecayPerYear", 0.1, 0, 1, false,
      "share of a skill's credit lost per further year unused"),
  /** The least share of credit a long-unused skill keeps. */
  STALE_FLOOR("staleFloor", 0.5, 0, 1, false,
      "the least share of credit a long-unused skill keeps"),
  // --- occupation hierarchy -------------------------------------------------------------------
  /**
   * Credit of a held occupation in the order's ISCO unit group (4 digits) whose code is less
   * specific than the order's or differs only in the Danish refinement (e.g. the order names DISCO
   * {@code 532220}, the citizen ISCO {@code 5322} or an ESCO occupation of that unit group).
   */
  SAME_UNIT_GROUP_CREDIT("sameUnitGroupCredit", 0.9, 0, 1, false,
      "credit for the same ISCO unit group (4 digits) when the codes differ only below it"),
  /**
   * Credit of a held ESCO occupation that is not the order's ESCO occupation but lies in the same
   * ISCO unit group: a neighbouring trade, which must not count as evidence of the exact one.
   */
  SIBLING_OCCUPATION_CREDIT("siblingOccupationCredit", 0.9, 0, 1, false,
      "credit for a different ESCO occupation in the order's ISCO unit group (a neighbouring trade)"),
  /** Credit of a held occupation sharing the order's ISCO minor group (3 digits). */
  SAME_MINOR_GROUP_CREDIT("sameMinorGroupCredit", 0.3, 0, 1, false,
      "credit for the same ISCO minor group (3 digits)"),
  /** Credit of a held occupation sharing the order's ISCO sub-major group (2 digits). */
  SAME_SUB_MAJOR_GROUP_CREDIT("sameSubMajorGroupCredit", 0.1, 0, 1, false,
      "credit for the same ISCO sub-major group (2 digits)"),
  /** Credit of a held occupation sharing only the order's ISCO major group (1 digit). */
  SAME_MAJOR_GROUP_CREDIT("sameMajorGroupCredit", 0, 0, 1, false,
      "credit for the same ISCO major group (1 digit) only"),
  // --- experience -----------------------------------------------------------------------------
  /** Experience credit for a very short stint (0 years), rising linearly to 1. */
  EXPERIENCE_BASE_CREDIT("experienceBaseCredit", 0.8, 0, 1, false,
      "credit for a very short experience; it rises to full credit with the years"),
  /** Years of experience that earn full credit. */
  EXPERIENCE_FULL_YEARS("experienceFullYears", 2, 0.1, 50, false,
      "years of experience that earn full credit"),
  /** Experience ended at most this many years ago counts in full. */
  EXPERIENCE_RECENT_YEARS("experienceRecentYears", 5, 0, 100, true,
      "experience that ended at most this many years ago counts in full"),
  /** Experience ended more than this many years ago counts {@link #EXPERIENCE_OLD_FACTOR}. */
  EXPERIENCE_OLD_YEARS("experienceOldYears", 10, 0, 100, true,
      "experience that ended more than this many years ago counts least"),
  /** Share of credit of experience between the recent and the old limit. */
  EXPERIENCE_AGED_FACTOR("experienceAgedFactor", 0.8, 0, 1, false,
      "share of credit of experience that is neither recent nor old"),
  /** Share of credit of old experience. */
  EXPERIENCE_OLD_FACTOR("experienceOldFactor", 0.6, 0, 1, false,
      "share of credit of old experience"),
  // --- goals ----------------------------------------------------------------------------------
  /** Credit share of the citizen's second job goal (the first earns 1). */
  GOAL_PRIORITY_2_FACTOR("goalPriority2Factor", 0.85, 0, 1, false,
      "share of credit when the order matches the citizen's second job goal (first: full)"),
  /** Credit share of the third job goal. */
  GOAL_PRIORITY_3_FACTOR("goalPriority3Factor", 0.7, 0, 1, false,
      "share of credit for the third job goal"),
  /** Credit share of the fourth and later job goals. */
  GOAL_LOWER_PRIORITY_FACTOR("goalLowerPriorityFactor", 0.6, 0, 1, false,
      "share of credit for the fourth and later job goals"),
  // --- education ------------------------------------------------------------------------------
  /** Education credit when one level short of the order's minimum. */
  UPSKILLING_CREDIT("upskillingCredit", 0.5, 0, 1, false,
      "education credit when one level short (an upskilling candidate)"),
  /** Education credit when one level short of a shortage order's minimum. */
  UPSKILLING_SHORTAGE_CREDIT("upskillingShortageCredit", 0.75, 0, 1, false,
      "education credit when one level short for a shortage occupation"),
  /** An education completed more than this many years ago is flagged as outdated. */
  OUTDATED_EDUCATION_YEARS("outdatedEducationYears", 15, 1, 100, true,
      "an education completed longer ago than this is flagged as outdated (no effect on score)"),
  // --- distance -------------------------------------------------------------------------------
  /** Distance credit halves every this many kilometres. */
  DISTANCE_HALF_LIFE_KM("distanceHalfLifeKm", 15, 0.1, 10_000, false,
      "kilometres after which the distance credit has halved"),
  /** Distance credit when either location is unknown. */
  UNKNOWN_DISTANCE_CREDIT("unknownDistanceCredit", 0.5, 0, 1, false,
      "distance credit when the home or the workplace location is unknown"),
  // --- shortage -------------------------------------------------------------------------------
  /** Shortage credit of a "paradoks" occupation (a shortage occupation earns 1). */
  PARADOKS_SHORTAGE_CREDIT("paradoksShortageCredit", 0.5, 0, 1, false,
      "shortage credit of a 'paradoks' occupation (recruitment problems despite unemployment)");

  private final String key;
  private final double defaultValue;
  private final double min;
  private final double max;
  private final boolean integral;
  private final String description;

  PolicyConstant(String key, double defaultValue, double min, double max, boolean integral, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.integral = integral;
    this.description = description;
  }

  /**
   * The name in the policy file and in messages, e.g. {@code essentialWeight}.
   *
   * @return the key, in camel case
   */
  public String key() {
    return key;
  }

  /**
   * The documented default.
   *
   * @return the value in {@link ScoringPolicy#defaults()}
   */
  public double defaultValue() {
    return defaultValue;
  }

  /**
   * The least valid value.
   *
   * @return the least value {@link ScoringPolicy.Builder#build()} accepts
   */
  public double min() {
    return min;
  }

  /**
   * The greatest valid value.
   *
   * @return the greatest value {@link ScoringPolicy.Builder#build()} accepts
   */
  public double max() {
    return max;
  }

  /**
   * Whether only whole numbers are valid.
   *
   * @return true if the constant counts years or skills and takes whole numbers only
   */
  public boolean integral() {
    return integral;
  }

  /**
   * What the constant means, in a caseworker's words.
   *
   * @return a short English phrase, as the policy reports print it
   */
  public String description() {
    return description;
  }

  /**
   * The constant with this file key, or {@code null}.
   *
   * @param key the file key, e.g. {@code staleFloor}; case-sensitive
   * @return the constant, or null when no constant has this key (also for null)
   */
  public static PolicyConstant byKey(String key) {
    for (PolicyConstant c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    return null;
  }
}
