package dk.jobmatch.scoring;

import dk.jobmatch.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A municipality's scoring policy: a name and version, the component weights (summing to 1), the
 * gates it relaxes, and every constant of the component formulas ({@link PolicyConstant}).
 * Immutable and thread-safe; {@link #equals} compares every field.
 *
 * <p>Defaults ({@link #defaults()}):
 *
 * <table>
 *   <caption>Default weights</caption>
 *   <tr><th>component</th><th>weight</th><th>why</th></tr>
 *   <tr><td>skills</td><td>0.30</td><td>what the employer asks for</td></tr>
 *   <tr><td>occupation</td><td>0.20</td><td>proven experience in the trade</td></tr>
 *   <tr><td>goal</td><td>0.20</td><td>the citizen's own wish weighs heavily</td></tr>
 *   <tr><td>education</td><td>0.10</td><td>formal level; one short is an upskilling case</td></tr>
 *   <tr><td>distance</td><td>0.10</td><td>shorter commutes last longer</td></tr>
 *   <tr><td>inclusion</td><td>0.05</td><td>fleksjob and compensation-scheme fit</td></tr>
 *   <tr><td>shortage</td><td>0.05</td><td>lifts shortage orders in suggestions</td></tr>
 * </table>
 *
 * <p>Formula constants: every one is a {@link PolicyConstant}, with its default, its valid range
 * and its meaning; read one with {@link #constant(PolicyConstant)} or its named accessor.
 */
public final class ScoringPolicy {
  /** Name of the default policy. */
  public static final String DEFAULT_NAME = "jobmatch-default";
  /** Version of the default policy; changes whenever a default weight or constant changes. */
  public static final String DEFAULT_VERSION = "3";

  // Before DEFAULTS: static initialisers run in textual order.
  private static final int CONSTANTS_COUNT = PolicyConstant.values().length;
  private static final ScoringPolicy DEFAULTS = builder().build();

  private final String name;
  private final String version;
  private final Map<Component, Double> weights;
  /** {@link #weights} by component ordinal: {@link #weight} is on every score's hot path. */
  private final double[] weightByOrdinal;
  private final Set<Gate> relaxedGates;
  /** {@link #relaxedGates} as bits by ordinal: {@link #relaxed} is on every ranking's hot path. */
  private final int relaxedMask;
  private final double[] constants;

  private ScoringPolicy(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.weights = Collections.unmodifiableMap(new EnumMap<>(b.weights));
    this.weightByOrdinal = new double[Component.values().length];
    this.weights.forEach((c, w) -> weightByOrdinal[c.ordinal()] = w);
    this.relaxedGates = Collections.unmodifiableSet(b.relaxedGates.isEmpty() ? EnumSet.noneOf(Gate.class) : EnumSet.copyOf(b.relaxedGates));
    int mask = 0;
    for (Gate g : relaxedGates) {
      mask |= 1 << g.ordinal();
    }
    this.relaxedMask = mask;
    this.constants = b.constants.clone();
  }

  /**
   * The documented default policy.
   *
   * @return the default policy, {@value #DEFAULT_NAME} version {@value #DEFAULT_VERSION}; one
   *     shared immutable instance
   */
  public static ScoringPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder holding the defaults, not shared with any other caller
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The policy's name, e.g. the municipality's.
   *
   * @return the name, 1–64 characters of letters, digits and {@code ._-}
   */
  public String name() {
    return name;
  }

  /**
   * The policy's version, a free string such as {@code 2026-11}.
   *
   * @return the version, 1–64 characters of letters, digits and {@code ._-}
   */
  public String version() {
    return version;
  }

  /**
   * {@code name@version}: what every result line and report names as its policy.
   *
   * @return {@code name@version}
   */
  public String label() {
    return name + "@" + version;
  }

  /**
   * The weight of a component.
   *
   * @param c the component
   * @return its weight, 0–1
   * @throws NullPointerException if {@code c} is null
   */
  public double weight(Component c) {
    return weightByOrdinal[c.ordinal()];
  }

  /**
   * All weights, in {@link Component} order; they sum to 1.
   *
   * @return an unmodifiable map of every component to its weight
   */
  public Map<Component, Double> weights() {
    return weights;
  }

  /**
   * Whether a gate is relaxed (not enforced).
   *
   * @param g the gate
   * @return true if the policy does not enforce {@code g}
   * @throws NullPointerException if {@code g} is null
   */
  public boolean relaxed(Gate g) {
    return (relaxedMask & (1 << g.ordinal())) != 0;
  }

  /**
   * The relaxed gates.
   *
   * @return an unmodifiable set of the relaxed gates; empty when every gate is enforced
   */
  public Set<Gate> relaxedGates() {
    return relaxedGates;
  }

  /**
   * The value of a formula constant.
   *
   * @param c the constant
   * @return its value in this policy, within {@link PolicyConstant#min()} and {@link
   *     PolicyConstant#max()}
   * @throws NullPointerException if {@code c} is null
   */
  public double constant(PolicyConstant c) {
    return constants[c.ordinal()];
  }

  private int intConstant(PolicyConstant c) {
    return (int) constants[c.ordinal()];
  }

  /**
   * The value of {@link PolicyConstant#ESSENTIAL_WEIGHT}: the weight of an essential required
   * skill, relative to an optional one.
   *
   * @return {@code essentialWeight} in this policy
   */
  public double essentialWeight() { return constant(PolicyConstant.ESSENTIAL_WEIGHT); }
  /**
   * The value of {@link PolicyConstant#OPTIONAL_WEIGHT}: the weight of an optional required skill.
   *
   * @return {@code optionalWeight} in this policy
   */
  public double optionalWeight() { return constant(PolicyConstant.OPTIONAL_WEIGHT); }
  /**
   * The value of {@link PolicyConstant#STALE_AFTER_YEARS}: the years a skill may go unused before
   * it counts less.
   *
   * @return {@code staleAfterYears} in this policy
   */
  public int staleAfterYears() { return intConstant(PolicyConstant.STALE_AFTER_YEARS); }
  /**
   * The value of {@link PolicyConstant#STALE_DECAY_PER_YEAR}: the share of a skill's credit lost
   * per further year unused.
   *
   * @return {@code staleDecayPerYear} in this policy
   */
  public double staleDecayPerYear() { return constant(PolicyConstant.STALE_DECAY_PER_YEAR); }
  /**
   * The value of {@link PolicyConstant#STALE_FLOOR}: the least share of credit a long-unused skill
   * keeps.
   *
   * @return {@code staleFloor} in this policy
   */
  public double staleFloor() { return constant(PolicyConstant.STALE_FLOOR); }
  /**
   * The value of {@link PolicyConstant#UPSKILLING_CREDIT}: the education credit when one level
   * short of the order's minimum.
   *
   * @return {@code upskillingCredit} in this policy
   */
  public double upskillingCredit() { return constant(PolicyConstant.UPSKILLING_CREDIT); }
  /**
   * The value of {@link PolicyConstant#UPSKILLING_SHORTAGE_CREDIT}: the education credit when one
   * level short on a shortage order.
   *
   * @return {@code upskillingShortageCredit} in this policy
   */
  public double upskillingShortageCredit() { return constant(PolicyConstant.UPSKILLING_SHORTAGE_CREDIT); }
  /**
   * The value of {@link PolicyConstant#DISTANCE_HALF_LIFE_KM}: the kilometres after which the
   * distance credit has halved.
   *
   * @return {@code distanceHalfLifeKm} in this policy
   */
  public double distanceHalfLifeKm() { return constant(PolicyConstant.DISTANCE_HALF_LIFE_KM); }
  /**
   * The value of {@link PolicyConstant#UNKNOWN_DISTANCE_CREDIT}: the distance credit when the home
   * or the workplace location is unknown.
   *
   * @return {@code unknownDistanceCredit} in this policy
   */
  public double unknownDistanceCredit() { return constant(PolicyConstant.UNKNOWN_DISTANCE_CREDIT); }
  /**
   * The value of {@link PolicyConstant#OUTDATED_EDUCATION_YEARS}: the years after which a completed
   * education is flagged as outdated.
   *
   * @return {@code outdatedEducationYears} in this policy
   */
  public int outdatedEducationYears() { return intConstant(PolicyConstant.OUTDATED_EDUCATION_YEARS); }
  /**
   * The value of {@link PolicyConstant#MAX_RELATED_SKILLS}: the most related skills that can stand
   * in for one required skill.
   *
   * @return {@code maxRelatedSkills} in this policy
   */
  public int maxRelatedSkills() { return intConstant(PolicyConstant.MAX_RELATED_SKILLS); }

  /**
   * A builder initialised from this policy.
   *
   * @return a new builder holding every field of this policy
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.version = version;
    b.weights.putAll(weights);
    b.relaxedGates.addAll(relaxedGates);
    System.arraycopy(constants, 0, b.constants, 0, constants.length);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoringPolicy p && name.equals(p.name) && version.equals(p.version)
        && weights.equals(p.weights) && relaxedGates.equals(p.relaxedGates)
        && java.util.Arrays.equals(constants, p.constants);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, version, weights, relaxedGates, java.util.Arrays.hashCode(constants));
  }

  @Override
  public String toString() {
    return "ScoringPolicy[" + label() + ", weights=" + weights + ", relaxed=" + relaxedGates + "]";
  }

  /** Mutable, not thread-safe builder; {@link #build()} validates. */
  public static final class Builder {
    private String name = DEFAULT_NAME;
    private String version = DEFAULT_VERSION;
    private final Map<Component, Double> weights = new EnumMap<>(Component.class);
    private final Set<Gate> relaxedGates = EnumSet.noneOf(Gate.class);
    private final double[] constants = new double[CONSTANTS_COUNT];

    private Builder() {
      weights.put(Component.SKILLS, 0.30);
      weights.put(Component.OCCUPATION, 0.20);
      weights.put(Component.GOAL, 0.20);
      weights.put(Component.EDUCATION, 0.10);
      weights.put(Component.DISTANCE, 0.10);
      weights.put(Component.INCLUSION, 0.05);
      weights.put(Component.SHORTAGE, 0.05);
      for (PolicyConstant c : PolicyConstant.values()) {
        constants[c.ordinal()] = c.defaultValue();
      }
    }

    /**
     * Sets the name (1–64 characters of letters, digits and {@code ._-}).
     *
     * @param v the name; its form is checked by {@link #build()}
     * @return this builder
     * @throws IllegalArgumentException naming the field if {@code v} is null
     */
    public Builder name(String v) { name = Checks.required("name", v); return this; }
    /**
     * Sets the version (1–64 characters of letters, digits and {@code ._-}).
     *
     * @param v the version; its form is checked by {@link #build()}
     * @return this builder
     * @throws IllegalArgumentException naming the field if {@code v} is null
     */
    public Builder version(String v) { version = Checks.required("version", v); return this; }
    /**
     * Sets one weight; all weights must sum to 1 at {@link #build()}.
     *
     * @param c the component
     * @param w its weight, 0–1
     * @return this builder
     * @throws IllegalArgumentException naming the field if {@code c} is null
     */
    public Builder weight(Component c, double w) { weights.put(Checks.required("component", c), w); return this; }
    /**
     * Relaxes (stops enforcing) a gate.
     *
     * @param g the gate to stop enforcing
     * @return this builder
     * @throws IllegalArgumentException naming the field if {@code g} is null
     */
    public Builder relax(Gate g) { relaxedGates.add(Checks.required("gate", g)); return this; }
    /**
     * Enforces a gate again.
     *
     * @param g the gate to enforce; a gate not relaxed stays enforced
     * @return this builder
     */
    public Builder enforce(Gate g) { relaxedGates.remove(g); return this; }
    /**
     * Sets a formula constant (validated at {@link #build()}).
     *
     * @param c the constant
     * @param v its value, within the constant's range and whole where it must be (checked by {@link
     *     #build()})
     * @return this builder
     * @throws IllegalArgumentException naming the field if {@code c} is null
     */
    public Builder set(PolicyConstant c, double v) { constants[Checks.required("constant", c).ordinal()] = v; return this; }
    /**
     * Sets {@link PolicyConstant#ESSENTIAL_WEIGHT}; shorthand for {@code
     * set(PolicyConstant.ESSENTIAL_WEIGHT, v)}.
     *
     * @param v the weight of an essential required skill, relative to an optional one (range
     *     checked by {@link #build()})
     * @return this builder
     */
    public Builder essentialWeight(double v) { return set(PolicyConstant.ESSENTIAL_WEIGHT, v); }
    /**
     * Sets {@link PolicyConstant#OPTIONAL_WEIGHT}; shorthand for {@code
     * set(PolicyConstant.OPTIONAL_WEIGHT, v)}.
     *
     * @param v the weight of an optional required skill (range checked by {@link #build()})
     * @return this builder
     */
    public Builder optionalWeight(double v) { return set(PolicyConstant.OPTIONAL_WEIGHT, v); }
    /**
     * Sets {@link PolicyConstant#STALE_AFTER_YEARS}; shorthand for {@code
     * set(PolicyConstant.STALE_AFTER_YEARS, v)}.
     *
     * @param v the years a skill may go unused before it counts less (range checked by {@link
     *     #build()})
     * @return this builder
     */
    public Builder staleAfterYears(int v) { return set(PolicyConstant.STALE_AFTER_YEARS, v); }
    /**
     * Sets {@link PolicyConstant#STALE_DECAY_PER_YEAR}; shorthand for {@code
     * set(PolicyConstant.STALE_DECAY_PER_YEAR, v)}.
     *
     * @param v the share of a skill's credit lost per further year unused (range checked by {@link
     *     #build()})
     * @return this builder
     */
    public Builder staleDecayPerYear(double v) { return set(PolicyConstant.STALE_DECAY_PER_YEAR, v); }
    /**
     * Sets {@link PolicyConstant#STALE_FLOOR}; shorthand for {@code set(PolicyConstant.STALE_FLOOR,
     * v)}.
     *
     * @param v the least share of credit a long-unused skill keeps (range checked by {@link
     *     #build()})
     * @return this builder
     */
    public Builder staleFloor(double v) { return set(PolicyConstant.STALE_FLOOR, v); }
    /**
     * Sets {@link PolicyConstant#UPSKILLING_CREDIT}; shorthand for {@code
     * set(PolicyConstant.UPSKILLING_CREDIT, v)}.
     *
     * @param v the education credit when one level short of the order's minimum (range checked by
     *     {@link #build()})
     * @return this builder
     */
    public Builder upskillingCredit(double v) { return set(PolicyConstant.UPSKILLING_CREDIT, v); }
    /**
     * Sets {@link PolicyConstant#UPSKILLING_SHORTAGE_CREDIT}; shorthand for {@code
     * set(PolicyConstant.UPSKILLING_SHORTAGE_CREDIT, v)}.
     *
     * @param v the education credit when one level short on a shortage order (range checked by
     *     {@link #build()})
     * @return this builder
     */
    public Builder upskillingShortageCredit(double v) { return set(PolicyConstant.UPSKILLING_SHORTAGE_CREDIT, v); }
    /**
     * Sets {@link PolicyConstant#DISTANCE_HALF_LIFE_KM}; shorthand for {@code
     * set(PolicyConstant.DISTANCE_HALF_LIFE_KM, v)}.
     *
     * @param v the kilometres after which the distance credit has halved (range checked by {@link
     *     #build()})
     * @return this builder
     */
    public Builder distanceHalfLifeKm(double v) { return set(PolicyConstant.DISTANCE_HALF_LIFE_KM, v); }
    /**
     * Sets {@link PolicyConstant#UNKNOWN_DISTANCE_CREDIT}; shorthand for {@code
     * set(PolicyConstant.UNKNOWN_DISTANCE_CREDIT, v)}.
     *
     * @param v the distance credit when the home or the workplace location is unknown (range
     *     checked by {@link #build()})
     * @return this builder
     */
    public Builder unknownDistanceCredit(double v) { return set(PolicyConstant.UNKNOWN_DISTANCE_CREDIT, v); }
    /**
     * Sets {@link PolicyConstant#OUTDATED_EDUCATION_YEARS}; shorthand for {@code
     * set(PolicyConstant.OUTDATED_EDUCATION_YEARS, v)}.
     *
     * @param v the years after which a completed education is flagged as outdated (range checked by
     *     {@link #build()})
     * @return this builder
     */
    public Builder outdatedEducationYears(int v) { return set(PolicyConstant.OUTDATED_EDUCATION_YEARS, v); }
    /**
     * Sets {@link PolicyConstant#MAX_RELATED_SKILLS}; shorthand for {@code
     * set(PolicyConstant.MAX_RELATED_SKILLS, v)}.
     *
     * @param v the most related skills that can stand in for one required skill (range checked by
     *     {@link #build()})
     * @return this builder
     */
    public Builder maxRelatedSkills(int v) { return set(PolicyConstant.MAX_RELATED_SKILLS, v); }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the field and the rule if the name or version is
     *     malformed, a weight is outside [0, 1], the weights do not sum to 1 (within 1e-6), a
     *     constant is outside its range or not whole where it must be, or the constants break a
     *     relation the formula (and the pruning bounds derived from it) relies on: hierarchy
     *     credits that rise as the shared prefix shrinks ({@code sameUnitGroupCredit >=
     *     sameMinorGroupCredit >= sameSubMajorGroupCredit >= sameMajorGroupCredit}), goal factors
     *     that rise with a lower priority, {@code experienceOldFactor > experienceAgedFactor},
     *     {@code experienceRecentYears > experienceOldYears} or {@code rarityMinSpecificity >
     *     rarityMaxSpecificity}
     */
    public ScoringPolicy build() {
      label("name", name);
      label("version", version);
      double sum = 0;
      for (Component c : Component.values()) {
        Double w = weights.get(c);
        if (w == null || !Double.isFinite(w) || w < 0 || w > 1) {
          throw new IllegalArgumentException("weights." + c.jsonName() + ": must be a number between 0 and 1");
        }
        sum += w;
      }
      if (Math.abs(sum - 1) > 1e-6) {
        throw new IllegalArgumentException("weights: must sum to 1 (sum is " + sum + ")");
      }
      for (PolicyConstant c : PolicyConstant.values()) {
        double v = constants[c.ordinal()];
        if (!Double.isFinite(v) || v < c.min() || v > c.max()) {
          throw new IllegalArgumentException(c.key() + ": must be a finite number between " + plain(c.min())
              + " and " + plain(c.max()) + " (is " + v + ")");
        }
        if (c.integral() && v != Math.rint(v)) {
          throw new IllegalArgumentException(c.key() + ": must be a whole number (is " + v + ")");
        }
      }
      notAbove(PolicyConstant.SAME_MINOR_GROUP_CREDIT, PolicyConstant.SAME_UNIT_GROUP_CREDIT);
      notAbove(PolicyConstant.SAME_MINOR_GROUP_CREDIT, PolicyConstant.SIBLING_OCCUPATION_CREDIT);
      notAbove(PolicyConstant.SAME_SUB_MAJOR_GROUP_CREDIT, PolicyConstant.SAME_MINOR_GROUP_CREDIT);
      notAbove(PolicyConstant.SAME_MAJOR_GROUP_CREDIT, PolicyConstant.SAME_SUB_MAJOR_GROUP_CREDIT);
      notAbove(PolicyConstant.GOAL_PRIORITY_3_FACTOR, PolicyConstant.GOAL_PRIORITY_2_FACTOR);
      notAbove(PolicyConstant.GOAL_LOWER_PRIORITY_FACTOR, PolicyConstant.GOAL_PRIORITY_3_FACTOR);
      notAbove(PolicyConstant.EXPERIENCE_OLD_FACTOR, PolicyConstant.EXPERIENCE_AGED_FACTOR);
      notAbove(PolicyConstant.EXPERIENCE_RECENT_YEARS, PolicyConstant.EXPERIENCE_OLD_YEARS);
      notAbove(PolicyConstant.RARITY_MIN_SPECIFICITY, PolicyConstant.RARITY_MAX_SPECIFICITY);
      return new ScoringPolicy(this);
    }

    private void notAbove(PolicyConstant lower, PolicyConstant upper) {
      if (constants[lower.ordinal()] > constants[upper.ordinal()]) {
        throw new IllegalArgumentException(lower.key() + ": must not exceed " + upper.key());
      }
    }

    private static void label(String field, String v) {
      if (!v.matches("[\\p{Alnum}._-]{1,64}")) {
        throw new IllegalArgumentException(field + ": must be 1-64 characters of letters, digits and ._-");
      }
    }

    private static String plain(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
  }

}
