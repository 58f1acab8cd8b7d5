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

  /** The documented default policy. */
  public static ScoringPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy's name, e.g. the municipality's. */
  public String name() {
    return name;
  }

  /** The policy's version, a free string such as {@code 2026-11}. */
  public String version() {
    return version;
  }

  /** {@code name@version}: what every result line and report names as its policy. */
  public String label() {
    return name + "@" + version;
  }

  /** The weight of a component. */
  public double weight(Component c) {
    return weightByOrdinal[c.ordinal()];
  }

  /** All weights, in {@link Component} order; they sum to 1. */
  public Map<Component, Double> weights() {
    return weights;
  }

  /** Whether a gate is relaxed (not enforced). */
  public boolean relaxed(Gate g) {
    return (relaxedMask & (1 << g.ordinal())) != 0;
  }

  /** The relaxed gates. */
  public Set<Gate> relaxedGates() {
    return relaxedGates;
  }

  /** The value of a formula constant. */
  public double constant(PolicyConstant c) {
    return constants[c.ordinal()];
  }

  private int intConstant(PolicyConstant c) {
    return (int) constants[c.ordinal()];
  }

  public double essentialWeight() { return constant(PolicyConstant.ESSENTIAL_WEIGHT); }
  public double optionalWeight() { return constant(PolicyConstant.OPTIONAL_WEIGHT); }
  public int staleAfterYears() { return intConstant(PolicyConstant.STALE_AFTER_YEARS); }
  public double staleDecayPerYear() { return constant(PolicyConstant.STALE_DECAY_PER_YEAR); }
  public double staleFloor() { return constant(PolicyConstant.STALE_FLOOR); }
  public double upskillingCredit() { return constant(PolicyConstant.UPSKILLING_CREDIT); }
  public double upskillingShortageCredit() { return constant(PolicyConstant.UPSKILLING_SHORTAGE_CREDIT); }
  public double distanceHalfLifeKm() { return constant(PolicyConstant.DISTANCE_HALF_LIFE_KM); }
  public double unknownDistanceCredit() { return constant(PolicyConstant.UNKNOWN_DISTANCE_CREDIT); }
  public int outdatedEducationYears() { return intConstant(PolicyConstant.OUTDATED_EDUCATION_YEARS); }
  public int maxRelatedSkills() { return intConstant(PolicyConstant.MAX_RELATED_SKILLS); }

  /** A builder initialised from this policy. */
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

    /** Sets the name (1–64 characters of letters, digits and {@code ._-}). */
    public Builder name(String v) { name = Checks.required("name", v); return this; }
    /** Sets the version (1–64 characters of letters, digits and {@code ._-}). */
    public Builder version(String v) { version = Checks.required("version", v); return this; }
    /** Sets one weight; all weights must sum to 1 at {@link #build()}. */
    public Builder weight(Component c, double w) { weights.put(Checks.required("component", c), w); return this; }
    /** Relaxes (stops enforcing) a gate. */
    public Builder relax(Gate g) { relaxedGates.add(Checks.required("gate", g)); return this; }
    /** Enforces a gate again. */
    public Builder enforce(Gate g) { relaxedGates.remove(g); return this; }
    /** Sets a formula constant (validated at {@link #build()}). */
    public Builder set(PolicyConstant c, double v) { constants[Checks.required("constant", c).ordinal()] = v; return this; }
    public Builder essentialWeight(double v) { return set(PolicyConstant.ESSENTIAL_WEIGHT, v); }
    public Builder optionalWeight(double v) { return set(PolicyConstant.OPTIONAL_WEIGHT, v); }
    public Builder staleAfterYears(int v) { return set(PolicyConstant.STALE_AFTER_YEARS, v); }
    public Builder staleDecayPerYear(double v) { return set(PolicyConstant.STALE_DECAY_PER_YEAR, v); }
    public Builder staleFloor(double v) { return set(PolicyConstant.STALE_FLOOR, v); }
    public Builder upskillingCredit(double v) { return set(PolicyConstant.UPSKILLING_CREDIT, v); }
    public Builder upskillingShortageCredit(double v) { return set(PolicyConstant.UPSKILLING_SHORTAGE_CREDIT, v); }
    public Builder distanceHalfLifeKm(double v) { return set(PolicyConstant.DISTANCE_HALF_LIFE_KM, v); }
    public Builder unknownDistanceCredit(double v) { return set(PolicyConstant.UNKNOWN_DISTANCE_CREDIT, v); }
    public Builder outdatedEducationYears(int v) { return set(PolicyConstant.OUTDATED_EDUCATION_YEARS, v); }
    public Builder maxRelatedSkills(int v) { return set(PolicyConstant.MAX_RELATED_SKILLS, v); }

    /**
     * Builds the policy.
     *
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
