package dk.jobmatch.tuning;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.kernel.PopulationStats;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Fits a scoring policy to a job centre's recorded outcomes: the component weights (non-negative,
 * summing to 1) and chosen formula constants that rank the hired and interviewed candidates of
 * past orders highest, measured by nDCG.
 *
 * <p><b>Method.</b>
 *
 * <ol>
 *   <li>Every order with at least one hired or interviewed candidate is a ranking case: its
 *       labelled candidates that pass the hard gates, plus a seeded sample of {@link
 *       TuningOptions#unlabelledPerOrder()} other eligible citizens (gain 0, as if not chosen).
 *       Gates are not tuned, so eligibility is fixed.
 *   <li>The cases are split into train and test by the seed.
 *   <li>A component whose value is the same for every candidate within each training order
 *       (shortage always is: it depends on the order alone) shifts every candidate of an order
 *       alike and cannot change a ranking; its weight is not learned and keeps the start value.
 *       The learned weights share what is left, so only their proportions are fitted — which is
 *       all a ranking depends on.
 *   <li>The objective is the mean nDCG@k over the training orders minus {@code λ·‖θ −
 *       θ_start‖²} (θ: the learned weights and the fitted constants scaled to [0, 1] over their
 *       valid range, logarithmically for wide ranges), which keeps the fit near the start
 *       policy unless the outcomes clearly say otherwise.
 *   <li>nDCG is a step function of the weights, without gradients, so the optimiser is the
 *       derivative-free, bound-constrained CMA-ES of Apache Commons Math, over the weights on
 *       component values computed once per candidate. Each fitted constant is then set by a
 *       profile search: for each value on a grid around the current one (two rounds, the second
 *       finer), the candidates are rescored through the scoring kernel and the weights refitted;
 *       the best value wins.
 *   <li>The result is rounded, validated as a policy, and scored on both splits with 95 %
 *       bootstrap intervals over orders.
 * </ol>
 *
 * <p><b>Determinism.</b> The same inputs, start policy and options give the same policy and
 * report on any machine and thread count (per-order work runs in parallel; sums are taken in
 * order).
 *
 * <p>Immutable and thread-safe; each {@link #tune} call is independent.
 */
public final class PolicyTuner {
  private static final Component[] COMPONENTS = Component.values();
  private static final int NC = COMPONENTS.length;

  private final Taxonomy taxonomy;
  private final ShortageLookup shortage;
  private final LocalDate asOf;
  private final TuningOptions options;

  /**
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

  /** One order as a ranking case. Candidates are sorted by citizen id (the tie-break). */
  private static final class Case {
    final int index; // the order's place among the labelled orders
    final JobOrder order;
    final int[] candidates; // feature indices
    final double[] gain;
    final double idcg;
    final int positives;
    /** NC per candidate, under the constants currently being fitted around (tuning thread only). */
    volatile double[] values;

    Case(int index, JobOrder order, int[] candidates, double[] gain, double idcg, int positives, double[] values) {
      this.index = index;
      this.order = order;
      this.candidates = candidates;
      this.gain = gain;
      this.idcg = idcg;
      this.positives = positives;
      this.values = values;
    }
  }

  /** The citizens' features in one vocabulary, and their skill statistics. */
  private record Population(Vocabularies vocabularies, List<CitizenFeatures> features, PopulationStats stats) {}

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
   * @return the tuned policy and the report
   * @throws IllegalArgumentException if fewer than 10 orders have a hired or interviewed eligible
   *     candidate, or an argument is missing or malformed
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
    Population pop = prepare(citizens);
    Map<String, Integer> citizenIndex = new HashMap<>();
    for (int i = 0; i < pop.features().size(); i++) {
      citizenIndex.put(pop.features().get(i).id, i);
    }
    Map<String, JobOrder> orderById = new LinkedHashMap<>();
    for (JobOrder o : orders) {
      orderById.put(o.id(), o);
    }
    Map<String, Map<String, Outcome>> labels = new LinkedHashMap<>();
    for (OutcomeLabel l : outcomes) {
      labels.computeIfAbsent(l.order(), x -> new LinkedHashMap<>()).put(l.citizen(), l.outcome());
    }
    long labelCount = labels.values().stream().mapToLong(Map::size).sum();
    long unknownOrder = 0;
    for (Map.Entry<String, Map<String, Outcome>> e : labels.entrySet()) {
      if (!orderById.containsKey(e.getKey())) {
        unknownOrder += e.getValue().size();
      }
    }

    // ---- ranking cases --------------------------------------------------------------------
    List<JobOrder> labelled = orderById.values().stream().filter(o -> labels.containsKey(o.id())).toList();
    listener.phase("scoring candidates", labelled.size());
    long[] unknownCitizen = new long[labelled.size()];
    long[] ineligible = new long[labelled.size()];
    Case[] built = new Case[labelled.size()];
    int[] done = {0};
    IntStream.range(0, labelled.size()).parallel().forEach(i -> {
      JobOrder o = labelled.get(i);
      built[i] = buildCase(i, o, labels.get(o.id()), pop, citizenIndex, start, unknownCitizen, ineligible);
      synchronized (done) {
        listener.progress(++done[0], Double.NaN);
      }
    });
    List<Case> cases = new ArrayList<>();
    for (Case c : built) {
      if (c != null) {
        cases.add(c);
      }
    }
    int withoutPositive = labelled.size() - cases.size();
    if (cases.size() < 10) {
      throw new IllegalArgumentException("outcomes: only " + cases.size() + " orders have a hired or interviewed candidate"
          + " who passes the hard gates; tuning needs at least 10");
    }

    // ---- split --------------------------------------------------------------------------------
    List<Case> shuffled = new ArrayList<>(cases);
    java.util.Collections.shuffle(shuffled, new Random(options.seed()));
    int nTest = Math.max(1, (int) Math.round(shuffled.size() * options.testShare()));
    List<Case> test = new ArrayList<>(shuffled.subList(0, nTest));
    List<Case> train = new ArrayList<>(shuffled.subList(nTest, shuffled.size()));
    // back to input order, so that nothing depends on the shuffle but the membership
    java.util.Comparator<Case> byInput = java.util.Comparator.comparingInt(c -> c.index);
    test.sort(byInput);
    train.sort(byInput);

    // ---- what can be learned ------------------------------------------------------------------
    List<Component> learned = new ArrayList<>();
    List<Component> fixed = new ArrayList<>();
    for (Component comp : COMPONENTS) {
      boolean varies = comp != Component.SHORTAGE && train.stream().anyMatch(c -> varies(c, comp.ordinal()));
      (varies ? learned : fixed).add(comp);
    }
    List<PolicyConstant> constants = new ArrayList<>(options.fitConstants());
    Space space = new Space(start, learned, constants);

    // ---- regularisation: given, or chosen by cross-validation on the training orders -----------
    double lambda = options.regularisation();
    Map<Double, Double> crossValidation = new LinkedHashMap<>();
    if (options.crossValidate() && learned.size() >= 2) {
      lambda = crossValidate(space, train, pop, crossValidation, listener);
    }

    // ---- fit ------------------------------------------------------------------------------------
    // Weights by CMA-ES on the start's component values. Then each fitted constant by a profile
    // search: for each value on a grid around the current one, rescore the candidates through the
    // kernel and refit the weights; keep the best; a second round on a finer grid. Refitting the
    // weights at every grid value matters: a constant and a weight can stand in for each other
    // (a shorter commuting half-life against a larger distance weight), and a constant moved
    // alone, with the weights fitted for the old value, always looks worse.
    int evaluations = 0;
    double[] best = space.start();
    int nl = learned.size();
    if (nl >= 2) {
      Fit f = optimise(space, train, pop, best, 0, nl, 0.15, options.weightEvaluations(), lambda, "fitting weights", listener);
      best = f.point;
      evaluations += f.evaluations;
    }
    double bestObjective = objective(space, train, best, space.start(), lambda);
    double[] offsets = {-0.16, -0.08, -0.04, -0.02, 0.02, 0.04, 0.08, 0.16};
    int perGrid = Math.max(10, options.constantEvaluations() / Math.max(1, 2 * offsets.length * constants.size()));
    for (int round = 0; round < 2 && nl >= 1; round++) {
      for (int j = 0; j < constants.size(); j++) {
        int dim = nl + j;
        double centre = best[dim];
        listener.phase("fitting " + constants.get(j).key() + " (round " + (round + 1) + " of 2)", offsets.length);
        int gridDone = 0;
        for (double offset : offsets) {
          double[] x = best.clone();
          x[dim] = Math.max(0, Math.min(1, centre + offset / (round + 1)));
          ScoringPolicy p = space.policy(x);
          listener.progress(++gridDone, bestObjective);
          if (p == null || x[dim] == centre) {
            continue;
          }
          rescore(train, p, pop);
          evaluations++;
          if (nl >= 2) {
            Fit w = optimise(space, train, pop, x, 0, nl, 0.05, perGrid, lambda, null, TuningListener.NONE);
            x = w.point;
            evaluations += w.evaluations;
          }
          double value = objective(space, train, x, space.start(), lambda);
          if (value > bestObjective) {
            bestObjective = value;
            best = x;
          }
        }
        ScoringPolicy current = space.policy(best);
        rescore(train, current, pop); // back to the best point's component values
      }
    }
    ScoringPolicy tuned = space.rounded(best, name, version);

    // ---- report ---------------------------------------------------------------------------------
    listener.phase("evaluating", 4);
    List<TuningResult.Row> rows = new ArrayList<>();
    int step = 0;
    for (String split : List.of("train", "test")) {
      List<Case> set = split.equals("train") ? train : test;
      double[][] a = metrics(set, start, pop);
      listener.progress(++step, Double.NaN);
      double[][] b = metrics(set, tuned, pop);
      listener.progress(++step, Double.NaN);
      for (Metric m : Metric.values()) {
        rows.add(bootstrap(split, m, a[m.ordinal()], b[m.ordinal()]));
      }
    }
    long candidates = cases.stream().mapToLong(c -> c.candidates.length).sum();
    TuningResult.Counts counts = new TuningResult.Counts(train.size(), test.size(), withoutPositive, candidates, labelCount,
        unknownOrder, Arrays.stream(unknownCitizen).sum(), Arrays.stream(ineligible).sum());
    return new TuningResult(start, tuned, learned, fixed, constants, counts, lambda, crossValidation, evaluations,
        options.k(), rows);
  }

  private Population prepare(Collection<Citizen> citizens) {
    Vocabularies v = Vocabularies.create();
    Map<String, Citizen> unique = new LinkedHashMap<>();
    for (Citizen c : citizens) {
      unique.put(c.id(), c); // a later record for the same id wins
    }
    List<CitizenFeatures> features = new ArrayList<>(unique.size());
    for (Citizen c : unique.values()) {
      features.add(CitizenFeatures.of(c, v, taxonomy::resolve));
    }
    return new Population(v, features, PopulationStats.of(features, v.skills().size()));
  }

  private CompiledOrder compile(JobOrder o, ScoringPolicy policy, Population pop) {
    return CompiledOrder.compile(o, taxonomy, shortage, policy, asOf, pop.vocabularies(), pop.stats());
  }

  private Case buildCase(int index, JobOrder o, Map<String, Outcome> orderLabels, Population pop,
      Map<String, Integer> citizenIndex, ScoringPolicy start, long[] unknownCitizen, long[] ineligible) {
    CompiledOrder co = compile(o, start, pop);
    List<Integer> chosen = new ArrayList<>();
    Map<Integer, Outcome> outcome = new HashMap<>();
    boolean positive = false;
    for (Map.Entry<String, Outcome> e : orderLabels.entrySet()) {
      Integer ci = citizenIndex.get(e.getKey());
      if (ci == null) {
        unknownCitizen[index]++;
      } else if (!FeatureScorer.passesGates(co, pop.features().get(ci))) {
        ineligible[index]++;
      } else {
        chosen.add(ci);
        outcome.put(ci, e.getValue());
        positive |= e.getValue().gain() > 0;
      }
    }
    if (!positive) {
      return null;
    }
    // a reservoir sample of the other eligible citizens, seeded by the run's seed and the order id
    int m = options.unlabelledPerOrder();
    int[] reservoir = new int[m];
    int seen = 0;
    SplittableRandom r = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + o.id().hashCode());
    List<CitizenFeatures> fs = pop.features();
    for (int i = 0; i < fs.size() && m > 0; i++) {
      if (outcome.containsKey(i) || !FeatureScorer.passesGates(co, fs.get(i))) {
        continue;
      }
      if (seen < m) {
        reservoir[seen] = i;
      } else {
        int j = r.nextInt(seen + 1);
        if (j < m) {
          reservoir[j] = i;
        }
      }
      seen++;
    }
    for (int i = 0; i < Math.min(seen, m); i++) {
      chosen.add(reservoir[i]);
    }
    chosen.sort((a, b) -> fs.get(a).id.compareTo(fs.get(b).id));
    int n = chosen.size();
    int[] cand = new int[n];
    double[] gain = new double[n];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      cand[i] = chosen.get(i);
      Outcome out = outcome.get(cand[i]);
      gain[i] = out == null ? 0 : out.gain();
      positives += gain[i] > 0 ? 1 : 0;
    }
    double[] sorted = gain.clone();
    Arrays.sort(sorted);
    double idcg = 0;
    for (int i = 0; i < Math.min(options.k(), n); i++) {
      idcg += sorted[n - 1 - i] / log2(i + 2);
    }
    double[] values = componentValues(co, cand, pop);
    return new Case(index, o, cand, gain, idcg, positives, values);
  }

  private static double[] componentValues(CompiledOrder co, int[] cand, Population pop) {
    double[] values = new double[cand.length * NC];
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(co);
    double[] row = new double[NC];
    for (int i = 0; i < cand.length; i++) {
      FeatureScorer.componentValues(co, pop.features().get(cand[i]), scratch, row);
      System.arraycopy(row, 0, values, i * NC, NC);
    }
    return values;
  }

  private static boolean varies(Case c, int comp) {
    int n = c.candidates.length;
    if (n < 2) {
      return false;
    }
    double first = c.values[comp];
    for (int i = 1; i < n; i++) {
      if (Math.abs(c.values[i * NC + comp] - first) > 1e-12) {
        return true;
      }
    }
    return false;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Chooses λ among {@link TuningOptions#CROSS_VALIDATION_CANDIDATES} by k-fold cross-validation
   * on the training orders: for each λ and fold, the weights are fitted on the other folds and
   * the fold's mean nDCG measured without penalty; the λ with the best mean wins, the larger one
   * on a tie (nearer the start policy). Constants stay at the start's values here.
   */
  private double crossValidate(Space space, List<Case> train, Population pop, Map<Double, Double> out,
      TuningListener listener) {
    int folds = Math.min(TuningOptions.CROSS_VALIDATION_FOLDS, train.size());
    List<Double> lambdas = TuningOptions.CROSS_VALIDATION_CANDIDATES;
    listener.phase("cross-validating the regularisation", (long) lambdas.size() * folds);
    int nl = space.learned.size();
    int budget = Math.max(10, options.weightEvaluations() / 2);
    long done = 0;
    double bestLambda = options.regularisation();
    double bestScore = Double.NEGATIVE_INFINITY;
    for (double lambda : lambdas) {
      double sum = 0;
      for (int f = 0; f < folds; f++) {
        List<Case> fit = new ArrayList<>();
        List<Case> held = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
          (i % folds == f ? held : fit).add(train.get(i));
        }
        Fit w = optimise(space, fit, pop, space.start(), 0, nl, 0.15, budget, lambda, null, TuningListener.NONE);
        sum += objective(space, held, w.point, space.start(), 0);
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

  // ---- the search space ------------------------------------------------------------------------

  /**
   * The parameters θ: one raw weight per learned component (normalised so the learned weights
   * sum to what the fixed ones leave), then one [0, 1] coordinate per fitted constant.
   */
  private static final class Space {
    final ScoringPolicy start;
    final List<Component> learned;
    final List<PolicyConstant> constants;
    final double share; // the learned components' total weight
    final int dims;

    Space(ScoringPolicy start, List<Component> learned, List<PolicyConstant> constants) {
      this.start = start;
      this.learned = learned;
      this.constants = constants;
      double s = 0;
      for (Component c : learned) {
        s += start.weight(c);
      }
      this.share = s;
      this.dims = learned.size() + constants.size();
    }

    double[] start() {
      double[] x = new double[dims];
      for (int i = 0; i < learned.size(); i++) {
        x[i] = share > 0 ? start.weight(learned.get(i)) / share : 1.0 / learned.size();
      }
      for (int j = 0; j < constants.size(); j++) {
        x[learned.size() + j] = toUnit(constants.get(j), start.constant(constants.get(j)));
      }
      return x;
    }

    /** The weights of θ, in Component order. */
    double[] weights(double[] x) {
      double[] w = new double[NC];
      for (Component c : COMPONENTS) {
        w[c.ordinal()] = start.weight(c);
      }
      double sum = 0;
      for (int i = 0; i < learned.size(); i++) {
        sum += Math.max(0, x[i]);
      }
      if (sum <= 0) {
        return w;
      }
      for (int i = 0; i < learned.size(); i++) {
        w[learned.get(i).ordinal()] = share * Math.max(0, x[i]) / sum;
      }
      return w;
    }

    double constant(double[] x, int j) {
      return fromUnit(constants.get(j), x[learned.size() + j]);
    }

    /** The policy of θ (unrounded), or null if the constants break a relation. */
    ScoringPolicy policy(double[] x) {
      ScoringPolicy.Builder b = start.toBuilder();
      double[] w = weights(x);
      double sum = 0;
      for (double v : w) {
        sum += v;
      }
      for (Component c : COMPONENTS) {
        b.weight(c, w[c.ordinal()] / sum);
      }
      for (int j = 0; j < constants.size(); j++) {
        b.set(constants.get(j), constant(x, j));
      }
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /** The penalty's squared distance of θ from the start. */
    double distance2(double[] x, double[] x0) {
      double[] w = weights(x);
      double d = 0;
      for (Component c : learned) {
        double dw = w[c.ordinal()] - start.weight(c);
        d += dw * dw;
      }
      for (int j = learned.size(); j < dims; j++) {
        d += (x[j] - x0[j]) * (x[j] - x0[j]);
      }
      double s = 0;
      for (int i = 0; i < learned.size(); i++) {
        s += x[i];
      }
      return d + 0.1 * (s - 1) * (s - 1); // pins the scale of the raw weights, which a ranking ignores
    }

    /** The policy of θ rounded for a readable file: weights to 4 decimals, constants to 4 digits. */
    ScoringPolicy rounded(double[] x, String name, String version) {
      double[] w = weights(x);
      double[] r = new double[NC];
      double sum = 0;
      int largest = 0;
      for (int i = 0; i < NC; i++) {
        r[i] = BigDecimal.valueOf(w[i]).setScale(4, RoundingMode.HALF_UP).doubleValue();
        sum += r[i];
        largest = r[i] > r[largest] ? i : largest;
      }
      r[largest] = BigDecimal.valueOf(r[largest]).add(BigDecimal.ONE.subtract(BigDecimal.valueOf(sum)))
          .setScale(4, RoundingMode.HALF_UP).doubleValue();
      ScoringPolicy.Builder b = start.toBuilder().name(name).version(version);
      for (Component c : COMPONENTS) {
        b.weight(c, r[c.ordinal()]);
      }
      for (int j = 0; j < constants.size(); j++) {
        PolicyConstant c = constants.get(j);
        double v = new BigDecimal(constant(x, j)).round(new MathContext(4, RoundingMode.HALF_UP)).doubleValue();
        b.set(c, Math.max(c.min(), Math.min(c.max(), v)));
      }
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        // rounding met a relation exactly at its edge: keep the start's constants
        ScoringPolicy.Builder safe = start.toBuilder().name(name).version(version);
        for (Component c : COMPONENTS) {
          safe.weight(c, r[c.ordinal()]);
        }
        return safe.build();
      }
    }

    private static boolean logScale(PolicyConstant c) {
      return c.min() > 0 && c.max() / c.min() >= 100;
    }

    static double toUnit(PolicyConstant c, double v) {
      if (logScale(c)) {
        return (Math.log(v) - Math.log(c.min())) / (Math.log(c.max()) - Math.log(c.min()));
      }
      return (v - c.min()) / (c.max() - c.min());
    }

    static double fromUnit(PolicyConstant c, double u) {
      u = Math.max(0, Math.min(1, u));
      if (logScale(c)) {
        return Math.exp(Math.log(c.min()) + u * (Math.log(c.max()) - Math.log(c.min())));
      }
      return c.min() + u * (c.max() - c.min());
    }
  }

  // ---- the objective -----------------------------------------------------------------------------

  private record Fit(double[] point, int evaluations) {}

  /**
   * Maximises the objective over the coordinates {@code [lo, hi)} of θ, the others held at {@code
   * from}; never returns a point worse than {@code from}.
   */
  private Fit optimise(Space space, List<Case> train, Population pop, double[] from, int lo, int hi, double step,
      int maxEval, double lambda, String phase, TuningListener listener) {
    int dims = hi - lo;
    double[] x0 = space.start();
    double[] guess = new double[dims];
    double[] lower = new double[dims];
    double[] upper = new double[dims];
    double[] sigma = new double[dims];
    Arrays.fill(upper, 1);
    Arrays.fill(sigma, step);
    for (int i = 0; i < dims; i++) {
      guess[i] = Math.max(0, Math.min(1, from[lo + i]));
    }
    double[] bestPoint = guess.clone();
    double[] bestValue = {Double.NEGATIVE_INFINITY};
    int[] count = {0};
    if (phase != null) {
      listener.phase(phase, maxEval);
    }
    java.util.function.ToDoubleFunction<double[]> evaluate = point -> {
      double[] full = from.clone();
      System.arraycopy(point, 0, full, lo, dims);
      double value = objective(space, train, full, x0, lambda);
      count[0]++;
      if (value > bestValue[0]) {
        bestValue[0] = value;
        System.arraycopy(point, 0, bestPoint, 0, dims);
      }
      if (count[0] % 10 == 0 || count[0] == maxEval) {
        listener.progress(count[0], bestValue[0]);
      }
      return value;
    };
    evaluate.applyAsDouble(guess); // the starting point is the bar to beat
    ObjectiveFunction f = new ObjectiveFunction(evaluate::applyAsDouble);
    int population = 4 + (int) (3 * Math.log(dims)) + 4; // a little above the default: the objective is a step function
    // CMA-ES stops early once its steps shrink to nothing; the rest of the budget goes to restarts
    // from the best point so far, each with its own seeded stream (IPOP-style, fixed population).
    MersenneTwister random = new MersenneTwister(options.seed());
    for (int restart = 0; count[0] < maxEval && restart < 20; restart++) {
      CMAESOptimizer optimizer = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, random, false, null);
      try {
        optimizer.optimize(new MaxEval(maxEval - count[0]), new MaxIter(Integer.MAX_VALUE), f, GoalType.MAXIMIZE,
            new InitialGuess(bestPoint.clone()), new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma),
            new CMAESOptimizer.PopulationSize(population));
      } catch (TooManyEvaluationsException e) {
        break; // the evaluation budget is the normal end of a run on a step function
      }
    }
    listener.progress(count[0], bestValue[0]);
    double[] result = from.clone();
    System.arraycopy(bestPoint, 0, result, lo, dims);
    return new Fit(result, count[0]);
  }

  /**
   * Mean training nDCG@k of θ's weights on the candidates' current component values, minus the
   * regularisation penalty.
   */
  private double objective(Space space, List<Case> train, double[] x, double[] x0, double lambda) {
    double[] w = space.weights(x);
    double[] ndcg = new double[train.size()];
    IntStream.range(0, train.size()).parallel().forEach(i -> {
      Case c = train.get(i);
      ndcg[i] = ndcg(c, scores(c.values, w, c.candidates.length), options.k());
    });
    double sum = 0;
    for (double v : ndcg) {
      sum += v;
    }
    return sum / train.size() - lambda * space.distance2(x, x0);
  }

  /** Recomputes the cases' component values under the policy's constants, through the kernel. */
  private void rescore(List<Case> cases, ScoringPolicy p, Population pop) {
    IntStream.range(0, cases.size()).parallel().forEach(i -> {
      Case c = cases.get(i);
      c.values = componentValues(compile(c.order, p, pop), c.candidates, pop);
    });
  }

  private static double[] scores(double[] values, double[] w, int n) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double t = 0;
      int base = i * NC;
      for (int k = 0; k < NC; k++) {
        t += w[k] * values[base + k];
      }
      s[i] = t;
    }
    return s;
  }

  /** The indices of the top k by score, best first; ties go to the lower index (citizen id). */
  private static int[] top(double[] s, int k) {
    int n = s.length;
    int m = Math.min(k, n);
    int[] top = new int[m];
    boolean[] taken = new boolean[n];
    for (int r = 0; r < m; r++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (!taken[i] && (best < 0 || s[i] > s[best])) {
          best = i;
        }
      }
      taken[best] = true;
      top[r] = best;
    }
    return top;
  }

  static double ndcg(Case c, double[] s, int k) {
    int[] top = top(s, k);
    double dcg = 0;
    for (int r = 0; r < top.length; r++) {
      dcg += c.gain[top[r]] / log2(r + 2);
    }
    return c.idcg > 0 ? dcg / c.idcg : 0;
  }

  /** Per metric, per order: the policy's metric values on the cases. */
  private double[][] metrics(List<Case> cases, ScoringPolicy p, Population pop) {
    double[][] out = new double[Metric.values().length][cases.size()];
    double[] w = new double[NC];
    for (Component c : COMPONENTS) {
      w[c.ordinal()] = p.weight(c);
    }
    int k = options.k();
    IntStream.range(0, cases.size()).parallel().forEach(i -> {
      Case c = cases.get(i);
      double[] values = componentValues(compile(c.order, p, pop), c.candidates, pop);
      double[] s = scores(values, w, c.candidates.length);
      out[Metric.NDCG.ordinal()][i] = ndcg(c, s, k);
      int[] top = top(s, k);
      int hits = 0;
      for (int t : top) {
        hits += c.gain[t] > 0 ? 1 : 0;
      }
      out[Metric.RECALL.ordinal()][i] = c.positives == 0 ? 0 : (double) hits / c.positives;
      // rank of the best-placed positive: 1 + the candidates placed before it
      int bestRank = Integer.MAX_VALUE;
      for (int j = 0; j < s.length; j++) {
        if (c.gain[j] <= 0) {
          continue;
        }
        int rank = 1;
        for (int q = 0; q < s.length; q++) {
          if (s[q] > s[j] || (s[q] == s[j] && q < j)) {
            rank++;
          }
        }
        bestRank = Math.min(bestRank, rank);
      }
      out[Metric.MRR.ordinal()][i] = bestRank == Integer.MAX_VALUE ? 0 : 1.0 / bestRank;
    });
    return out;
  }

  private TuningResult.Row bootstrap(String split, Metric m, double[] a, double[] b) {
    int n = a.length;
    int samples = options.bootstrapSamples();
    double[] ma = new double[samples];
    double[] mb = new double[samples];
    double[] md = new double[samples];
    SplittableRandom r = new SplittableRandom(options.seed() ^ (split.hashCode() * 31L + m.ordinal()));
    for (int s = 0; s < samples; s++) {
      double sa = 0;
      double sb = 0;
      for (int i = 0; i < n; i++) {
        int j = r.nextInt(n);
        sa += a[j];
        sb += b[j];
      }
      ma[s] = sa / n;
      mb[s] = sb / n;
      md[s] = (sb - sa) / n;
    }
    return new TuningResult.Row(split, m, estimate(a, ma), estimate(b, mb), estimate(diff(b, a), md));
  }

  private static double[] diff(double[] b, double[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = b[i] - a[i];
    }
    return d;
  }

  private static TuningResult.Estimate estimate(double[] values, double[] resampled) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double[] sorted = resampled.clone();
    Arrays.sort(sorted);
    int lo = (int) Math.floor(0.025 * (sorted.length - 1));
    int hi = (int) Math.ceil(0.975 * (sorted.length - 1));
    return new TuningResult.Estimate(sum / values.length, sorted[lo], sorted[hi]);
  }
}
