package dk.jobmatch.batch;

import dk.jobmatch.internal.Checks;

/**
 * The settings of a batch run. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <h2>The objective</h2>
 *
 * {@link Algorithm#MIN_COST_FLOW} maximises, over all feasible shortlists,
 *
 * <pre>
 *   Σ over shortlist places (score + shortageBonus · [order is a shortage order])
 * + coverageBonus · (number of orders with at least one candidate)
 * − spreadPenalty · Σ over citizens k·(k − 1)/2,  k = the number of shortlists the citizen is on
 * </pre>
 *
 * <p>subject to: an order gets at most its {@code maxCandidates} (or {@link
 * #defaultMaxCandidates()}) candidates, a citizen is put forward to at most {@link #perCitizen()}
 * orders, and candidates come only from the order's ranked list (which already respects every
 * hard gate). Scores are in (0, 1], so:
 *
 * <ul>
 *   <li>with {@code coverageBonus >= 1} an order is never left empty to give another order one
 *       more candidate: an order's first candidate is worth more than any other single place.
 *       Independent top-k serves strong candidates to many employers while others get none; this
 *       term is what turns that around.
 *   <li>with {@code shortageBonus >= 1} a place on a shortage order (mangel or paradoks) is worth
 *       more than any place on another order, so when candidates are scarce shortage orders are
 *       served first. This is a priority bonus, not a strict lexicographic rule: a long chain of
 *       exchanges could in principle trade one shortage place for a large gain in fit elsewhere.
 *       A bonus larger than the number of places in the batch makes it strictly lexicographic.
 * </ul>
 *
 * <p>The spread penalty makes each further shortlist of the same citizen worth {@code
 * spreadPenalty} less than the one before (the second costs {@code spreadPenalty}, the third
 * {@code 2·spreadPenalty}, …), so places go to citizens proposed less often when the fit is
 * close: a softer, graded version of the hard cap C. It is 0 by default (pure fit within the
 * cap); 0.05–0.2 spreads proposals noticeably at a small cost in fit. An order is still never
 * left empty beside a candidate with room as long as {@code coverageBonus > spreadPenalty · (C −
 * 1)}.
 *
 * <p>With both bonuses and the penalty 0 the objective is the total fit (sum of scores) and the result is a
 * maximum-weight b-matching.
 *
 * @param algorithm how shortlists are chosen
 * @param perCitizen C, the most orders a citizen is put forward to, 1–1000
 * @param defaultMaxCandidates the shortlist length for orders without {@code maxCandidates},
 *     1–10,000
 * @param depthFactor how many candidates per shortlist place are ranked through the engine
 *     ({@code depth = maxCandidates · depthFactor}), 1–100; more depth gives the allocation more
 *     room to avoid congestion at the cost of ranking time
 * @param shortageBonus the bonus per place on a shortage order, 0–100
 * @param coverageBonus the bonus per order that gets at least one candidate, 0–100
 * @param spreadPenalty the penalty per further shortlist of the same citizen, 0–10
 * @param parallelism threads used to rank candidates through the engine, 1–1024
 */
public record BatchOptions(
    Algorithm algorithm,
    int perCitizen,
    int defaultMaxCandidates,
    int depthFactor,
    double shortageBonus,
    double coverageBonus,
    double spreadPenalty,
    int parallelism) {

  /** The default C: a citizen is put forward to at most three orders at a time. */
  public static final int DEFAULT_PER_CITIZEN = 3;

  /** The default shortlist length when an order names no {@code maxCandidates}. */
  public static final int DEFAULT_MAX_CANDIDATES = 10;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the setting, the value and the rule
   */
  public BatchOptions {
    Checks.required("algorithm", algorithm);
    Checks.range("perCitizen", perCitizen, 1, 1000);
    Checks.range("defaultMaxCandidates", defaultMaxCandidates, 1, 10_000);
    Checks.range("depthFactor", depthFactor, 1, 100);
    Checks.range("shortageBonus", shortageBonus, 0, 100);
    Checks.range("coverageBonus", coverageBonus, 0, 100);
    Checks.range("spreadPenalty", spreadPenalty, 0, 10);
    Checks.range("parallelism", parallelism, 1, 1024);
  }

  /**
   * The defaults: min-cost flow, C = 3, 10 candidates, depth ×3, both bonuses 1, no spread penalty, all cores.
   *
   * @return the default options
   */
  public static BatchOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from these options.
   *
   * @return a new builder with these options
   */
  public Builder toBuilder() {
    return new Builder()
        .algorithm(algorithm)
        .perCitizen(perCitizen)
        .defaultMaxCandidates(defaultMaxCandidates)
        .depthFactor(depthFactor)
        .shortageBonus(shortageBonus)
        .coverageBonus(coverageBonus)
        .spreadPenalty(spreadPenalty)
        .parallelism(parallelism);
  }

  /**
   * The same options with another algorithm.
   *
   * @param a the algorithm
   * @return the options with {@code a}
   */
  public BatchOptions withAlgorithm(Algorithm a) {
    return toBuilder().algorithm(a).build();
  }

  /** Mutable, not thread-safe builder; {@link #build()} validates. */
  public static final class Builder {
    private Algorithm algorithm = Algorithm.MIN_COST_FLOW;
    private int perCitizen = DEFAULT_PER_CITIZEN;
    private int defaultMaxCandidates = DEFAULT_MAX_CANDIDATES;
    private int depthFactor = 3;
    private double shortageBonus = 1.0;
    private double coverageBonus = 1.0;
    private double spreadPenalty = 0.0;
    private int parallelism = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /**
     * Sets the algorithm (default {@link Algorithm#MIN_COST_FLOW}).
     *
     * @param v the algorithm
     * @return this builder
     */
    public Builder algorithm(Algorithm v) { algorithm = v; return this; }
    /**
     * Sets C, the most orders a citizen is put forward to (default 3).
     *
     * @param v C
     * @return this builder
     */
    public Builder perCitizen(int v) { perCitizen = v; return this; }
    /**
     * Sets the shortlist length for orders without {@code maxCandidates} (default 10).
     *
     * @param v the shortlist length
     * @return this builder
     */
    public Builder defaultMaxCandidates(int v) { defaultMaxCandidates = v; return this; }
    /**
     * Sets how many candidates per place are ranked (default 3).
     *
     * @param v candidates per place
     * @return this builder
     */
    public Builder depthFactor(int v) { depthFactor = v; return this; }
    /**
     * Sets the bonus per place on a shortage order (default 1).
     *
     * @param v the bonus
     * @return this builder
     */
    public Builder shortageBonus(double v) { shortageBonus = v; return this; }
    /**
     * Sets the bonus per order with at least one candidate (default 1).
     *
     * @param v the bonus
     * @return this builder
     */
    public Builder coverageBonus(double v) { coverageBonus = v; return this; }
    /**
     * Sets the penalty per further shortlist of the same citizen (default 0).
     *
     * @param v the penalty
     * @return this builder
     */
    public Builder spreadPenalty(double v) { spreadPenalty = v; return this; }
    /**
     * Sets the number of ranking threads (default: available processors).
     *
     * @param v the number of threads
     * @return this builder
     */
    public Builder parallelism(int v) { parallelism = v; return this; }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException naming the bad setting
     */
    public BatchOptions build() {
      return new BatchOptions(
          algorithm, perCitizen, defaultMaxCandidates, depthFactor, shortageBonus, coverageBonus, spreadPenalty,
          parallelism);
    }
  }
}
