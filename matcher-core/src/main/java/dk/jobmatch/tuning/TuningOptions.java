package dk.jobmatch.tuning;

import dk.jobmatch.internal.Checks;
import dk.jobmatch.scoring.PolicyConstant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of a tuning run. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param seed seeds the train/test split, the sample of unlabelled candidates, the optimiser and
 *     the bootstrap: the same seed and data give the same policy and report
 * @param method what the tuner fits on ({@link TuningMethod#OBSERVED_ORDER} by default)
 * @param propensity the position-bias model applied to outcomes that carry a rank, or null to
 *     estimate it from those outcomes ({@link Propensity#estimate}); outcomes without a rank
 *     count once
 * @param testShare the share of orders held back for the test split (0.05–0.9)
 * @param k the cut-off of nDCG (1–1000)
 * @param unlabelledPerOrder for {@link TuningMethod#UNLABELLED_AS_NEGATIVE} only: how many
 *     eligible citizens without an outcome are sampled per order as gain-0 competition
 *     (0–100,000)
 * @param fitConstants the formula constants fitted along with the weights (whole-number
 *     constants cannot be fitted)
 * @param requireEvidence for {@link TuningMethod#OBSERVED_ORDER}: a constant of {@code
 *     fitConstants} is fitted only where the training outcomes can inform it ({@link
 *     TuningResult.Evidence}), and moved only when the move gains significantly over the
 *     training orders (paired 95 % bootstrap interval above 0); on by default. Off, every
 *     constant of {@code fitConstants} is fitted and moved whenever the penalised objective
 *     rises, as before these rules (the old method always does so)
 * @param regularisation λ of the penalty {@code λ·‖θ − θ_start‖²} that pulls the fit toward the
 *     start policy (0–100); ignored when {@code crossValidate}
 * @param crossValidate choose λ among {@link #CROSS_VALIDATION_CANDIDATES} by {@value
 *     #CROSS_VALIDATION_FOLDS}-fold cross-validation of the weights on the training orders
 * @param weightEvaluations objective evaluations for the weights phase (10–1,000,000)
 * @param constantEvaluations objective evaluations spent refitting the weights at the grid
 *     values of the fitted constants (10–1,000,000), shared among 16 grid values per constant
 * @param bootstrapSamples resamples of the orders for the confidence intervals (100–100,000)
 * @param keepOrderDepth how many of the start policy's top citizens per order the keep-order
 *     rule watches (0–1000; 0 turns the rule and its report off)
 * @param keepOrder μ of the keep-order rule, for {@link TuningMethod#OBSERVED_ORDER} (0–100): a
 *     formula constant's move (with the weights refitted) is judged, per training order, by the
 *     objective less μ times the share of the pairs among the start policy's top {@code
 *     keepOrderDepth} citizens that the outcomes are silent about (both without an outcome, or
 *     both the same outcome) and that the move puts in the other order than the point it is made
 *     from; the weights are fitted on the informed pairs alone. 0 fits without the rule
 */
public record TuningOptions(
    long seed,
    TuningMethod method,
    Propensity propensity,
    double testShare,
    int k,
    int unlabelledPerOrder,
    Set<PolicyConstant> fitConstants,
    boolean requireEvidence,
    double regularisation,
    boolean crossValidate,
    int weightEvaluations,
    int constantEvaluations,
    int bootstrapSamples,
    int keepOrderDepth,
    double keepOrder) {

  /**
   * The constants fitted unless told otherwise: every continuous constant that can change the
   * ranking of an order's candidates — all but the whole-number ones (not continuous) and {@code
   * paradoksShortageCredit} (it feeds the shortage component, which is the same for every
   * candidate of an order).
   */
  public static final Set<PolicyConstant> DEFAULT_FIT;

  static {
    EnumSet<PolicyConstant> fit = EnumSet.noneOf(PolicyConstant.class);
    for (PolicyConstant c : PolicyConstant.values()) {
      if (!c.integral() && c != PolicyConstant.PARADOKS_SHORTAGE_CREDIT) {
        fit.add(c);
      }
    }
    DEFAULT_FIT = Collections.unmodifiableSet(fit);
  }

  /** The start policy's top citizens per order the keep-order rule watches, by default. */
  public static final int DEFAULT_KEEP_ORDER_DEPTH = 100;

  /** μ of the keep-order rule by default. */
  public static final double DEFAULT_KEEP_ORDER = 1.0;

  /** The regularisation strengths cross-validation chooses among. */
  public static final List<Double> CROSS_VALIDATION_CANDIDATES = List.of(0.0, 0.01, 0.05, 0.2, 1.0);

  /** The folds of the cross-validation. */
  public static final int CROSS_VALIDATION_FOLDS = 3;

  /** Validates and copies the set. @throws IllegalArgumentException naming the field and the rule */
  public TuningOptions {
    Checks.required("method", method);
    Checks.range("testShare", testShare, 0.05, 0.9);
    Checks.range("k", k, 1, 1000);
    Checks.range("unlabelledPerOrder", unlabelledPerOrder, 0, 100_000);
    Checks.required("fitConstants", fitConstants);
    for (PolicyConstant c : fitConstants) {
      if (c.integral()) {
        throw new IllegalArgumentException("fitConstants: " + c.key() + " holds whole numbers and cannot be fitted");
      }
    }
    fitConstants = fitConstants.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(PolicyConstant.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(fitConstants));
    Checks.range("regularisation", regularisation, 0, 100);
    Checks.range("weightEvaluations", weightEvaluations, 10, 1_000_000);
    Checks.range("constantEvaluations", constantEvaluations, 10, 1_000_000);
    Checks.range("bootstrapSamples", bootstrapSamples, 100, 100_000);
    Checks.range("keepOrderDepth", keepOrderDepth, 0, 1000);
    Checks.range("keepOrder", keepOrder, 0, 100);
  }

  /**
   * The defaults: seed 1, {@link TuningMethod#OBSERVED_ORDER}, propensity estimated, 30 % test,
   * k 10, 100 unlabelled per order (old method only), {@link #DEFAULT_FIT} screened, λ 0.05.
   *
   * @return the default options
   */
  public static TuningOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder, not shared with any other caller
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable, not thread-safe builder; {@link #build()} validates. */
  public static final class Builder {
    private long seed = 1;
    private TuningMethod method = TuningMethod.OBSERVED_ORDER;
    private Propensity propensity;
    private double testShare = 0.3;
    private int k = 10;
    private int unlabelledPerOrder = 100;
    private Set<PolicyConstant> fitConstants = DEFAULT_FIT;
    private boolean requireEvidence = true;
    private double regularisation = 0.05;
    private boolean crossValidate;
    private int weightEvaluations = 3000;
    private int constantEvaluations = 4000;
    private int bootstrapSamples = 1000;
    private int keepOrderDepth = DEFAULT_KEEP_ORDER_DEPTH;
    private double keepOrder = DEFAULT_KEEP_ORDER;

    private Builder() {}

    /**
     * Sets the seed of the split, the sample, the optimiser and the bootstrap (default 1).
     *
     * @param v the seed; any value
     * @return this builder
     */
    public Builder seed(long v) { seed = v; return this; }
    /**
     * Sets what the tuner fits on (default {@link TuningMethod#OBSERVED_ORDER}).
     *
     * @param v the method; checked for null by {@link #build()}
     * @return this builder
     */
    public Builder method(TuningMethod v) { method = v; return this; }
    /**
     * Sets the position-bias model (default null: estimated from the outcomes).
     *
     * @param v the propensity model, or null to estimate it
     * @return this builder
     */
    public Builder propensity(Propensity v) { propensity = v; return this; }
    /**
     * Sets the share of orders held back for the test split (default 0.3).
     *
     * @param v the share, 0.05–0.9 (checked by {@link #build()})
     * @return this builder
     */
    public Builder testShare(double v) { testShare = v; return this; }
    /**
     * Sets the cut-off of nDCG (default 10).
     *
     * @param v the cut-off, 1–1000 (checked by {@link #build()})
     * @return this builder
     */
    public Builder k(int v) { k = v; return this; }
    /**
     * Sets how many eligible citizens without an outcome are sampled per order by {@link
     * TuningMethod#UNLABELLED_AS_NEGATIVE} (default 100).
     *
     * @param v the sample size per order, 0–100,000 (checked by {@link #build()})
     * @return this builder
     */
    public Builder unlabelledPerOrder(int v) { unlabelledPerOrder = v; return this; }
    /**
     * Sets the formula constants fitted along with the weights (default {@link #DEFAULT_FIT}).
     *
     * @param v the constants; none may hold whole numbers (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException if {@code v} is null
     */
    public Builder fitConstants(Set<PolicyConstant> v) { fitConstants = Checks.required("fitConstants", v); return this; }
    /**
     * Sets whether a constant is fitted only where the outcomes inform it and moved only on a
     * significant gain (default true).
     *
     * @param v true for the evidence rules, false to fit and move every constant of {@code
     *     fitConstants}
     * @return this builder
     */
    public Builder requireEvidence(boolean v) { requireEvidence = v; return this; }
    /**
     * Sets λ, the pull of the fit toward the start policy (default 0.05).
     *
     * @param v λ, 0–100 (checked by {@link #build()}); ignored when cross-validating
     * @return this builder
     */
    public Builder regularisation(double v) { regularisation = v; return this; }
    /**
     * Sets whether λ is chosen by cross-validation among {@link #CROSS_VALIDATION_CANDIDATES}
     * (default false).
     *
     * @param v true to cross-validate λ
     * @return this builder
     */
    public Builder crossValidate(boolean v) { crossValidate = v; return this; }
    /**
     * Sets the objective evaluations of the weights phase (default 3000).
     *
     * @param v the evaluations, 10–1,000,000 (checked by {@link #build()})
     * @return this builder
     */
    public Builder weightEvaluations(int v) { weightEvaluations = v; return this; }
    /**
     * Sets the objective evaluations spent on the fitted constants (default 4000).
     *
     * @param v the evaluations, 10–1,000,000 (checked by {@link #build()})
     * @return this builder
     */
    public Builder constantEvaluations(int v) { constantEvaluations = v; return this; }
    /**
     * Sets the resamples of the orders for the confidence intervals (default 1000).
     *
     * @param v the resamples, 100–100,000 (checked by {@link #build()})
     * @return this builder
     */
    public Builder bootstrapSamples(int v) { bootstrapSamples = v; return this; }
    /**
     * Sets how many of the start policy's top citizens per order the keep-order rule watches
     * (default {@link #DEFAULT_KEEP_ORDER_DEPTH}).
     *
     * @param v the depth, 0–1000 (checked by {@link #build()}); 0 turns the rule and its report off
     * @return this builder
     */
    public Builder keepOrderDepth(int v) { keepOrderDepth = v; return this; }
    /**
     * Sets μ of the keep-order rule (default {@link #DEFAULT_KEEP_ORDER}).
     *
     * @param v μ, 0–100 (checked by {@link #build()}); 0 fits without the rule
     * @return this builder
     */
    public Builder keepOrder(double v) { keepOrder = v; return this; }

    /**
     * Validates the settings and builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException naming the field and the rule, when a setting is out of its
     *     range, the method is null or a fitted constant holds whole numbers
     */
    public TuningOptions build() {
      return new TuningOptions(seed, method, propensity, testShare, k, unlabelledPerOrder, fitConstants, requireEvidence, regularisation,
          crossValidate,
          weightEvaluations,
          constantEvaluations, bootstrapSamples, keepOrderDepth, keepOrder);
    }
  }
}
