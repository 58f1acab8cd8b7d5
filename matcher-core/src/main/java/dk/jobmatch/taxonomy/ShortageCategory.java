package dk.jobmatch.taxonomy;

/** The labour-market balance's (Arbejdsmarkedsbalancen) classification of an occupation. */
public enum ShortageCategory {
  /** Mangel: recruitment difficulties and low unemployment. */
  MANGEL,
  /** Paradoks: recruitment difficulties despite unemployment. */
  PARADOKS,
  /** Gode beskæftigelsesmuligheder: good prospects. */
  GODE,
  /** Mindre gode beskæftigelsesmuligheder: poor prospects. */
  MINDRE_GODE;

  /**
   * Whether this is a shortage for scoring and reports: {@link #MANGEL} or {@link #PARADOKS}.
   *
   * @return true for {@link #MANGEL} and {@link #PARADOKS}
   */
  public boolean isShortage() {
    return this == MANGEL || this == PARADOKS;
  }
}
