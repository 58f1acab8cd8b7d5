package dk.jobmatch.tuning;

import static dk.jobmatch.tuning.PolicySpace.COMPONENTS;
import static dk.jobmatch.tuning.PolicySpace.NC;

import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Fits a scoring policy to a job centre's recorded outcomes: the component weights (non-negative,
 * summing to 1) and the formula constants that rank the hired and interviewed candidates of past
 * orders above the other candidates with an outcome, and judges the result on held-back orders.
 *
 * <p><b>Method</b> (see {@link TuningMethod#OBSERVED_ORDER}; the project's {@code
 * docs/policy.md} has the full account).
 *
 * <ol>
 *   <li>Every order with a hired or interviewed candidate and at least one other candidate with an
 *       outcome, all passing the hard gates, is a case. Candidates without an outcome are not
 *       part of it: nobody looked at them, so they say nothing.
 *   <li>The cases are split into train and test by the seed.
 *   <li>An outcome that carries the rank the citizen was proposed at weighs {@code 1/p(rank)}
 *       ({@link Propensity}: stated, or estimated from the outcomes).
 *   <li>The objective is the mean over training orders of the weighted share of candidates with
 *       an outcome ranked below each hired or interviewed one, minus {@code λ·‖θ − θ_start‖²}
 *       (θ: the learned weights and the fitted constants scaled to [0, 1] over their valid
 *       range). CMA-ES fits the weights; each constant is then set by a profile search with the
 *       weights refitted at every grid value. Points that break a relation the policy validates
 *       are skipped. Only constants the training outcomes can inform are fitted ({@link
 *       TuningResult.Evidence}), and a grid value wins only if its gain over the training orders
 *       is significant (paired 95 % bootstrap interval above 0); see {@link
 *       TuningOptions#requireEvidence()}. A constant's move also pays {@code μ} times the share of
 *       the silent pairs (both without an outcome, or both the same outcome) among the start
 *       policy's top 100 citizens of each order that it reorders ({@link TuningOptions#keepOrder()}):
 *       the start policy's order is kept where the outcomes say nothing.
 *   <li>Both policies rank every eligible citizen for each held-back order; nDCG@k, the recall of
 *       the hired and interviewed at 10, 50 and 100, their median rank and MRR are compared with
 *       paired 95 % bootstrap intervals, and a {@link Verdict} is given.
 * </ol>
 *
 * <p><b>Determinism.</b> The same inputs, start policy and options give the same policy and
 * report on any machine and thread count (per-order work runs in parallel; sums are taken in
 * order).
 *
 * <p>Immutable and thread-safe; each {@link #tune} call is independent.
 */
public final class PolicyTuner {
  /** The fewest usable orders a run needs (one train, one test and a little more). */
  public static final int MIN_ORDERS = 4;

  /** Resamples of the training orders when a constant's move is tested for a gain. */
  private static final int SIGNIFICANCE_RESAMPLES = 1000;

  private static final double[] GRID = {-0.16, -0.08, -0.04, -0.02, 0.02, 0.04, 0.08, 0.16};

  private final Taxonomy taxonomy;
  private final ShortageLookup shortage;
  private final LocalDate asOf;
  private final TuningOptions options;

  /**
   * A tuner that scores with this taxonomy and shortage look-up on the day {@code asOf}, with these settings.
   *
   * @param taxonomy the taxonomy the engine uses
   * @param shortage the shortage look-up the engine uses
   * @param asOf the day to score on (staleness, shortage validity)
   * @param options the settings
   * @throws IllegalArgumentException if an argument is missing
   */
  public PolicyTuner(Taxonomy taxonomy, ShortageLookup shortage, LocalDate asOf, TuningOptions options) {
    this.taxonomy = Checks.required("taxonomy", taxonomy);
    this.shortage = Checks.required("shortage", shortage);
    this.asOf = Checks.required("asOf", asOf);
    this.options = Checks.required("options", options);
  }

  /**
   * Tunes a policy.
   *
   * @param citizens the citizens the outcomes are about (and the population they competed in)
   * @param orders the past job orders
   * @param outcomes what became of candidates; a later record for the same pair wins
   * @param start the policy to start from and regularise toward
   * @param name the tuned policy's name
   * @param version the tuned policy's version
   * @param listener hears progress
   * @return the tuned policy, the report and the verdict
   * @throws IllegalArgumentException if fewer than {@link #MIN_ORDERS} orders have a hired or
   *     interviewed eligible candidate to rank, or an argument is missing or malformed
   */
  public TuningResult tune(Collection<Citizen> citizens, Collection<JobOrder> orders, Collection<OutcomeLabel> outcomes,
      ScoringPolicy start, String name, String version, TuningListener listener) {
    Checks.required("citizens", citizens);
    Checks.required("orders", orders);
    Checks.required("outcomes", outcomes);
    Checks.required("start", start);
    Checks.required("listener", listener);
    ScoringPolicy.builder().name(name).version(version).build(); // validates the label early

    listener.phase("preparing citizens", citizens.size());
    Population pop = new Population(citizens, taxonomy, shortage, asOf);
    Map<String, JobOrder> orderById = new LinkedHashMap<>();
    for (JobOrder o : orders) {
      orderById.put(o.id(), o);
    }
    Map<String, Map<String, OutcomeLabel>> labels = new LinkedHashMap<>();
    for (OutcomeLabel l : outcomes) {
      labels.computeIfAbsent(l.order(), x -> new LinkedHashMap<>()).put(l.citizen(), l);
    }
    long labelCount = labels.values().stream().mapToLong(Map::size).sum();
    long unknownOrder = 0;
    for (Map.Entry<String, Map<String, OutcomeLabel>> e : labels.entrySet()) {
      if (!orderById.containsKey(e.getKey())) {
        unknownOrder += e.getValue().size();
      }
    }

    // ---- cases ----------------------------------------------------------------------------------
    List<JobOrder> labelled = orderById.values().stream().filter(o -> labels.containsKey(o.id())).toList();
    listener.phase("scoring candidates", labelled.size());
    long[] unknownCitizen = new long[labelled.size()];
    long[] ineligible = new long[labelled.size()];
    TrainingCase[] built = new TrainingCase[labelled.size()];
    int[] done = {0};
    IntStream.range(0, labelled.size()).parallel().forEach(i -> {
      JobOrder o = labelled.get(i);
      built[i] = TrainingCase.build(i, o, labels.get(o.id()), pop, start, options, unknownCitizen, ineligible);
      synchronized (done) {
        listener.progress(++done[0], Double.NaN);
      }
    });
    List<TrainingCase> cases = new ArrayList<>();
    for (TrainingCase c : built) {
      if (c != null) {
        cases.add(c);
      }
    }
    int withoutPositive = labelled.size() - cases.size();
    if (cases.size() < MIN_ORDERS) {
      throw new IllegalArgumentException("outcomes: only " + cases.size() + " orders have a hired or interviewed candidate"
          + " who passes the hard gates and another candidate with an outcome; tuning needs at least " + MIN_ORDERS);
    }

    // ---- split ------------------------------------------------------------------------------------
    List<TrainingCase> shuffled = new ArrayList<>(cases);
    java.util.Collections.shuffle(shuffled, new Random(options.seed()));
    int nTest = Math.max(1, (int) Math.round(shuffled.size() * options.testShare()));
    List<TrainingCase> test = new ArrayList<>(shuffled.subList(0, nTest));
    List<TrainingCase> train = new ArrayList<>(shuffled.subList(nTest, shuffled.size()));
    Comparator<TrainingCase> byInput = Comparator.comparingInt(c -> c.index);
    test.sort(byInput);
    train.sort(byInput);

    // ---- position bias ------------------------------------------------------------------------------
    Propensity propensity = options.propensity() != null ? options.propensity() : Propensity.fromTraining(train, start);
    for (TrainingCase c : cases) {
      c.weigh(propensity); // the fit of OBSERVED_ORDER and, for every method, the held-back measures
    }

    // ---- the start policy's order where the outcomes are silent ---------------------------------------
    // each order's top keepOrderDepth citizens under the start policy, for the penalty on reordering
    // the pairs the outcomes say nothing about (the fit) and for the report (every method)
    if (options.keepOrderDepth() > 0) {
      listener.phase("ranking the population for the start order", cases.size());
      double[] w0 = weights(start);
      int[] kept = {0};
      IntStream.range(0, cases.size()).parallel().forEach(i -> {
        cases.get(i).keep(start, w0, pop, options.keepOrderDepth());
        synchronized (kept) {
          listener.progress(++kept[0], Double.NaN);
        }
      });
    }

    // ---- what can be learned ------------------------------------------------------------------------
    List<Component> learned = new ArrayList<>();
    List<Component> fixed = new ArrayList<>();
    for (Component comp : COMPONENTS) {
      boolean varies = comp != Component.SHORTAGE && train.stream().anyMatch(c -> c.varies(comp.ordinal()));
      (varies ? learned : fixed).add(comp);
    }
    // a constant is fitted only where the outcomes can inform it (ConstantEvidence); the old
    // method, kept for comparison, fits what it is told
    boolean onEvidence = options.requireEvidence() && options.method() == TuningMethod.OBSERVED_ORDER;
    List<TuningResult.Evidence> evidence = ConstantEvidence.measure(options.fitConstants(), start, train, pop,
        onEvidence, listener);
    List<PolicyConstant> constants = evidence.stream()
        .filter(e -> e.decision() == TuningResult.Evidence.Decision.FITTED).map(TuningResult.Evidence::constant).toList();
    PolicySpace space = new PolicySpace(start, learned, constants);
    // the weights are fitted on the informed pairs alone; a constant's move must also pay for the
    // silent pairs it reorders (the keep-order rule, step 7 of docs/policy.md)
    Objective objective = Objective.of(options.method(), options.k(), 0);
    Objective keeping = Objective.of(options.method(), options.k(), options.keepOrder());

    // ---- regularisation: given, or chosen by cross-validation on the training orders ---------------
    double lambda = options.regularisation();
    Map<Double, Double> crossValidation = new LinkedHashMap<>();
    if (options.crossValidate() && learned.size() >= 2) {
      lambda = crossValidate(space, objective, train, crossValidation, listener);
    }

    // ---- fit -----------------------------------------------------------------------------------------
    // Weights by CMA-ES on the start's component values. Then each fitted constant by a profile
    // search: for each value on a grid around the current one, rescore the candidates through the
    // kernel and refit the weights; keep the best; a second round on a finer grid. Refitting the
    // weights at every grid value matters: a constant and a weight can stand in for each other
    // (a shorter commuting half-life against a larger distance weight), and a constant moved
    // alone, with the weights fitted for the old value, always looks worse.
    double lam = lambda;
    double[] x0 = space.start();
    ToDoubleFunction<double[]> penalised = x -> mean(objective, train, space.weights(x)) - lam * space.distance2(x, x0);
    int evaluations = 0;
    double[] best = x0;
    int nl = learned.size();
    if (nl >= 2) {
      CmaesSearch.Fit f = CmaesSearch.maximise(penalised, best, 0, nl, 0.15, options.weightEvaluations(), options.seed(),
          "fitting weights", listener);
      best = f.point();
      evaluations += f.evaluations();
    }
    ToDoubleFunction<double[]> judged = x -> mean(keeping, train, space.weights(x)) - lam * space.distance2(x, x0);
    double bestObjective = judged.applyAsDouble(best);
    double[] bestPerOrder = perOrder(keeping, train, space.weights(best));
    int perGrid = Math.max(10, options.constantEvaluations() / Math.max(1, 2 * GRID.length * constants.size()));
    for (int round = 0; round < 2 && nl >= 1; round++) {
      for (int j = 0; j < constants.size(); j++) {
        int dim = nl + j;
        double centre = best[dim];
        // a move pays for the silent pairs it reorders from the point it is made from
        refer(train, space.weights(best));
        bestObjective = judged.applyAsDouble(best);
        bestPerOrder = perOrder(keeping, train, space.weights(best));
        listener.phase("fitting " + constants.get(j).key() + " (round " + (round + 1) + " of 2)", GRID.length);
        int gridDone = 0;
        double[] candidatePerOrder = bestPerOrder;
        for (double offset : GRID) {
          double[] x = best.clone();
          x[dim] = Math.max(0, Math.min(1, centre + offset / (round + 1)));
          ScoringPolicy p = space.policy(x);
          listener.progress(++gridDone, bestObjective);
          if (p == null || x[dim] == centre) {
            continue; // breaks a relation the policy validates, or no move at the edge of the range
          }
          rescore(train, p, pop);
          evaluations++;
          if (nl >= 2) {
            CmaesSearch.Fit w = CmaesSearch.maximise(penalised, x, 0, nl, 0.05, perGrid, options.seed(), null,
                TuningListener.NONE);
            x = w.point();
            evaluations += w.evaluations();
          }
          double value = judged.applyAsDouble(x);
          if (value <= bestObjective) {
            continue;
          }
          // a constant moves only on evidence: the move must gain order by order, its paired 95 %
          // interval over the training orders wholly above 0 (the verdict's standard), not
          // merely outgrow the penalty on the mean
          double[] v = perOrder(keeping, train, space.weights(x));
          double low = !onEvidence ? 0 : RankingMetrics.paired(bestPerOrder, v, SIGNIFICANCE_RESAMPLES, 0.95,
              options.seed() + 31L * dim + gridDone).difference()[0];
          if (low > 0 || !onEvidence) {
            bestObjective = value;
            best = x;
            candidatePerOrder = v;
          }
        }
        bestPerOrder = candidatePerOrder;
        rescore(train, space.policy(best), pop); // back to the best point's component values
      }
    }
    ScoringPolicy tuned = space.rounded(best, name, version);

    // ---- report ---------------------------------------------------------------------------------------
    listener.phase("evaluating", 2);
    rescore(train, start, pop);
    double trainStart = mean(objective, train, weights(start));
    rescore(train, tuned, pop);
    double trainTuned = mean(objective, train, weights(tuned));
    rescore(test, tuned, pop);
    TuningResult.KeptOrder keptOrder = new TuningResult.KeptOrder(options.keepOrderDepth(),
        options.method() == TuningMethod.OBSERVED_ORDER ? options.keepOrder() : 0, meanSilentPairs(train),
        meanReordered(train, weights(tuned)), meanReordered(test, weights(tuned)));
    double[][] a = HeldBackEvaluation.measure(test, start, pop, options.k());
    listener.progress(1, Double.NaN);
    double[][] b = HeldBackEvaluation.measure(test, tuned, pop, options.k());
    listener.progress(2, Double.NaN);
    List<TuningResult.Row> rows = HeldBackEvaluation.rows(a, b, options.bootstrapSamples(), options.seed());
    int testWithHire = (int) test.stream().filter(c -> c.hired).count();
    int withHire = (int) cases.stream().filter(c -> c.hired).count();
    Verdict verdict = Verdict.of(rows, testWithHire, withHire, options.testShare(), options.k());
    long candidates = cases.stream().mapToLong(TrainingCase::size).sum();
    long withRank = cases.stream().mapToLong(c -> {
      long n = 0;
      for (int i = 0; i < c.size(); i++) {
        n += c.labelled[i] && c.rank[i] != null ? 1 : 0;
      }
      return n;
    }).sum();
    TuningResult.Counts counts = new TuningResult.Counts(train.size(), test.size(), withoutPositive, candidates, labelCount,
        unknownOrder, Arrays.stream(unknownCitizen).sum(), Arrays.stream(ineligible).sum(), withRank, withHire,
        testWithHire);
    return new TuningResult(start, tuned, options.method(), propensity, learned, fixed, constants, evidence, counts, lambda,
        crossValidation, evaluations, options.k(), new double[] {trainStart, trainTuned}, rows, verdict, keptOrder);
  }

  /** Makes weights {@code w} on the cases' current component values their reference order. */
  private static void refer(List<TrainingCase> cases, double[] w) {
    for (TrainingCase c : cases) {
      c.refer(w);
    }
  }

  /** The mean over the cases of the silent pairs among their kept citizens; 0 without cases. */
  private static double meanSilentPairs(List<TrainingCase> cases) {
    return cases.isEmpty() ? 0 : sum(perCase(cases, c -> c.silentPairs)) / cases.size();
  }

  /** The mean over the cases of the share of silent kept pairs weights {@code w} reorder; 0 without cases. */
  private static double meanReordered(List<TrainingCase> cases, double[] w) {
    return cases.isEmpty() ? 0 : sum(perCase(cases, c -> c.reordered(w))) / cases.size();
  }

  private static double[] weights(ScoringPolicy p) {
    double[] w = new double[NC];
    for (Component c : COMPONENTS) {
      w[c.ordinal()] = p.weight(c);
    }
    return w;
  }

  /** Per case, the objective for weights {@code w}. */
  private static double[] perOrder(Objective objective, List<TrainingCase> cases, double[] w) {
    return perCase(cases, c -> objective.at(c, w));
  }

  /** {@code f} of every case, computed in parallel, in case order. */
  private static double[] perCase(List<TrainingCase> cases, ToDoubleFunction<TrainingCase> f) {
    double[] v = new double[cases.size()];
    IntStream.range(0, cases.size()).parallel().forEach(i -> v[i] = f.applyAsDouble(cases.get(i)));
    return v;
  }

  /** The sum of {@code v}, in order (so that a mean does not depend on the threads). */
  private static double sum(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum;
  }

  /** The mean over the cases of the objective for weights {@code w} (sums in case order). */
  private static double mean(Objective objective, List<TrainingCase> cases, double[] w) {
    return sum(perOrder(objective, cases, w)) / cases.size();
  }

  /**
   * Chooses λ among {@link TuningOptions#CROSS_VALIDATION_CANDIDATES} by k-fold cross-validation
   * on the training orders: for each λ and fold, the weights are fitted on the other folds and
   * the fold's mean objective measured without penalty; the λ with the best mean wins, the larger
   * one on a tie (nearer the start policy). Constants stay at the start's values here.
   */
  private double crossValidate(PolicySpace space, Objective objective, List<TrainingCase> train, Map<Double, Double> out,
      TuningListener listener) {
    int folds = Math.min(TuningOptions.CROSS_VALIDATION_FOLDS, train.size());
    List<Double> lambdas = TuningOptions.CROSS_VALIDATION_CANDIDATES;
    listener.phase("cross-validating the regularisation", (long) lambdas.size() * folds);
    int nl = space.learned.size();
    int budget = Math.max(10, options.weightEvaluations() / 2);
    long done = 0;
    double bestLambda = options.regularisation();
    double bestScore = Double.NEGATIVE_INFINITY;
    double[] x0 = space.start();
    for (double lambda : lambdas) {
      double sum = 0;
      for (int f = 0; f < folds; f++) {
        List<TrainingCase> fit = new ArrayList<>();
        List<TrainingCase> held = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
          (i % folds == f ? held : fit).add(train.get(i));
        }
        ToDoubleFunction<double[]> penalised = x -> mean(objective, fit, space.weights(x)) - lambda * space.distance2(x, x0);
        CmaesSearch.Fit w = CmaesSearch.maximise(penalised, x0, 0, nl, 0.15, budget, options.seed(), null,
            TuningListener.NONE);
        sum += mean(objective, held, space.weights(w.point()));
        listener.progress(++done, Double.NaN);
      }
      double mean = sum / folds;
      out.put(lambda, mean);
      if (mean > bestScore + 1e-12 || (Math.abs(mean - bestScore) <= 1e-12 && lambda > bestLambda)) {
        bestScore = mean;
        bestLambda = lambda;
      }
    }
    return bestLambda;
  }

  /** Recomputes the cases' component values under the policy's constants, through the kernel. */
  private static void rescore(List<TrainingCase> cases, ScoringPolicy p, Population pop) {
    IntStream.range(0, cases.size()).parallel().forEach(i -> {
      TrainingCase c = cases.get(i);
      c.rescore(pop.compile(c.order, p), pop);
    });
  }
}
