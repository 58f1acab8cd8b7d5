package dk.jobmatch.scoring;

import dk.jobmatch.model.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A municipality's scoring policy: the component weights (summing to 1), the gates it relaxes,
 * and the few constants of the component formulas. Immutable and thread-safe.
 *
 * <p>Defaults ({@link #defaults()}):
 *
 * <table>
 *   <caption>Default weights</caption>
 *   <tr><th>component</th><th>weight</th><th>why</th></tr>
 *   <tr><td>skills</td><td>0.35</td><td>what the employer asks for</td></tr>
 *   <tr><td>occupation</td><td>0.20</td><td>proven experience in the trade</td></tr>
 *   <tr><td>goal</td><td>0.15</td><td>the citizen's own wish weighs heavily</td></tr>
 *   <tr><td>education</td><td>0.10</td><td>formal level; one short is an upskilling case</td></tr>
 *   <tr><td>distance</td><td>0.10</td><td>shorter commutes last longer</td></tr>
 *   <tr><td>inclusion</td><td>0.05</td><td>fleksjob and compensation-scheme fit</td></tr>
 *   <tr><td>shortage</td><td>0.05</td><td>lifts shortage orders in suggestions</td></tr>
 * </table>
 *
 * <p>Formula constants: an essential skill weighs {@code essentialWeight} (2) against an
 * optional one's {@code optionalWeight} (1), both times the skill's specificity; a skill unused
 * for more than {@code staleAfterYears} (3) loses {@code staleDecayPerYear} (0.1) of its credit
 * per further year, down to {@code staleFloor} (0.5); one education level short earns {@code
 * upskillingCredit} (0.5), or {@code upskillingShortageCredit} (0.75) for a shortage order;
 * distance credit halves every {@code distanceHalfLifeKm} (15 km); unknown distance earns {@code
 * unknownDistanceCredit} (0.5); an education completed more than {@code outdatedEducationYears}
 * (15) ago is flagged; each required skill takes partial credit from at most {@code
 * maxRelatedSkills} (20) related skills.
 */
public final class ScoringPolicy {
  private static final ScoringPolicy DEFAULTS = builder().build();

  private final Map<Component, Double> weights;
  private final Set<Gate> relaxedGates;
  private final double essentialWeight;
  private final double optionalWeight;
  private final int staleAfterYears;
  private final double staleDecayPerYear;
  private final double staleFloor;
  private final double upskillingCredit;
  private final double upskillingShortageCredit;
  private final double distanceHalfLifeKm;
  private final double unknownDistanceCredit;
  private final int outdatedEducationYears;
  private final int maxRelatedSkills;

  private ScoringPolicy(Builder b) {
    this.weights = Collections.unmodifiableMap(new EnumMap<>(b.weights));
    this.relaxedGates = Collections.unmodifiableSet(b.relaxedGates.isEmpty() ? EnumSet.noneOf(Gate.class) : EnumSet.copyOf(b.relaxedGates));
    this.essentialWeight = b.essentialWeight;
    this.optionalWeight = b.optionalWeight;
    this.staleAfterYears = b.staleAfterYears;
    this.staleDecayPerYear = b.staleDecayPerYear;
    this.staleFloor = b.staleFloor;
    this.upskillingCredit = b.upskillingCredit;
    this.upskillingShortageCredit = b.upskillingShortageCredit;
    this.distanceHalfLifeKm = b.distanceHalfLifeKm;
    this.unknownDistanceCredit = b.unknownDistanceCredit;
    this.outdatedEducationYears = b.outdatedEducationYears;
    this.maxRelatedSkills = b.maxRelatedSkills;
  }

  /** The documented default policy. */
  public static ScoringPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The weight of a component. */
  public double weight(Component c) {
    return weights.get(c);
  }

  /** All weights, in {@link Component} order; they sum to 1. */
  public Map<Component, Double> weights() {
    return weights;
  }

  /** Whether a gate is relaxed (not enforced). */
  public boolean relaxed(Gate g) {
    return relaxedGates.contains(g);
  }

  /** The relaxed gates. */
  public Set<Gate> relaxedGates() {
    return relaxedGates;
  }

  public double essentialWeight() { return essentialWeight; }
  public double optionalWeight() { return optionalWeight; }
  public int staleAfterYears() { return staleAfterYears; }
  public double staleDecayPerYear() { return staleDecayPerYear; }
  public double staleFloor() { return staleFloor; }
  public double upskillingCredit() { return upskillingCredit; }
  public double upskillingShortageCredit() { return upskillingShortageCredit; }
  public double distanceHalfLifeKm() { return distanceHalfLifeKm; }
  public double unknownDistanceCredit() { return unknownDistanceCredit; }
  public int outdatedEducationYears() { return outdatedEducationYears; }
  public int maxRelatedSkills() { return maxRelatedSkills; }

  /** A builder initialised from this policy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.weights.putAll(weights);
    b.relaxedGates.addAll(relaxedGates);
    b.essentialWeight = essentialWeight;
    b.optionalWeight = optionalWeight;
    b.staleAfterYears = staleAfterYears;
    b.staleDecayPerYear = staleDecayPerYear;
    b.staleFloor = staleFloor;
    b.upskillingCredit = upskillingCredit;
    b.upskillingShortageCredit = upskillingShortageCredit;
    b.distanceHalfLifeKm = distanceHalfLifeKm;
    b.unknownDistanceCredit = unknownDistanceCredit;
    b.outdatedEducationYears = outdatedEducationYears;
    b.maxRelatedSkills = maxRelatedSkills;
    return b;
  }

  @Override
  public String toString() {
    return "ScoringPolicy[weights=" + weights + ", relaxed=" + relaxedGates + "]";
  }

  /** Mutable, not thread-safe builder; {@link #build()} validates. */
  public static final class Builder {
    private final Map<Component, Double> weights = new EnumMap<>(Component.class);
    private final Set<Gate> relaxedGates = EnumSet.noneOf(Gate.class);
    private double essentialWeight = 2.0;
    private double optionalWeight = 1.0;
    private int staleAfterYears = 3;
    private double staleDecayPerYear = 0.1;
    private double staleFloor = 0.5;
    private double upskillingCredit = 0.5;
    private double upskillingShortageCredit = 0.75;
    private double distanceHalfLifeKm = 15;
    private double unknownDistanceCredit = 0.5;
    private int outdatedEducationYears = 15;
    private int maxRelatedSkills = 20;

    private Builder() {
      weights.put(Component.SKILLS, 0.35);
      weights.put(Component.OCCUPATION, 0.20);
      weights.put(Component.GOAL, 0.15);
      weights.put(Component.EDUCATION, 0.10);
      weights.put(Component.DISTANCE, 0.10);
      weights.put(Component.INCLUSION, 0.05);
      weights.put(Component.SHORTAGE, 0.05);
    }

    /** Sets one weight; all weights must sum to 1 at {@link #build()}. */
    public Builder weight(Component c, double w) { weights.put(Checks.required("component", c), w); return this; }
    /** Relaxes (stops enforcing) a gate. */
    public Builder relax(Gate g) { relaxedGates.add(Checks.required("gate", g)); return this; }
    /** Enforces a gate again. */
    public Builder enforce(Gate g) { relaxedGates.remove(g); return this; }
    public Builder essentialWeight(double v) { essentialWeight = v; return this; }
    public Builder optionalWeight(double v) { optionalWeight = v; return this; }
    public Builder staleAfterYears(int v) { staleAfterYears = v; return this; }
    public Builder staleDecayPerYear(double v) { staleDecayPerYear = v; return this; }
    public Builder staleFloor(double v) { staleFloor = v; return this; }
    public Builder upskillingCredit(double v) { upskillingCredit = v; return this; }
    public Builder upskillingShortageCredit(double v) { upskillingShortageCredit = v; return this; }
    public Builder distanceHalfLifeKm(double v) { distanceHalfLifeKm = v; return this; }
    public Builder unknownDistanceCredit(double v) { unknownDistanceCredit = v; return this; }
    public Builder outdatedEducationYears(int v) { outdatedEducationYears = v; return this; }
    public Builder maxRelatedSkills(int v) { maxRelatedSkills = v; return this; }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException if a weight is outside [0, 1], the weights do not sum to 1
     *     (within 1e-6), or a constant is out of its range
     */
    public ScoringPolicy build() {
      double sum = 0;
      for (Map.Entry<Component, Double> e : weights.entrySet()) {
        Checks.range("weights." + e.getKey().jsonName(), e.getValue(), 0, 1);
        sum += e.getValue();
      }
      if (Math.abs(sum - 1) > 1e-6) {
        throw Checks.fail("weights", weights, "must sum to 1 (sum is " + sum + ")");
      }
      Checks.range("essentialWeight", essentialWeight, 0.01, 100);
      Checks.range("optionalWeight", optionalWeight, 0.01, 100);
      Checks.range("staleAfterYears", staleAfterYears, 0, 100);
      Checks.range("staleDecayPerYear", staleDecayPerYear, 0, 1);
      Checks.range("staleFloor", staleFloor, 0, 1);
      Checks.range("upskillingCredit", upskillingCredit, 0, 1);
      Checks.range("upskillingShortageCredit", upskillingShortageCredit, 0, 1);
      Checks.range("distanceHalfLifeKm", distanceHalfLifeKm, 0.1, 10_000);
      Checks.range("unknownDistanceCredit", unknownDistanceCredit, 0, 1);
      Checks.range("outdatedEducationYears", outdatedEducationYears, 1, 100);
      Checks.range("maxRelatedSkills", maxRelatedSkills, 0, 200);
      return new ScoringPolicy(this);
    }
  }
}
