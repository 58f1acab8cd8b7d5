package dk.jobmatch.tuning;

import static dk.jobmatch.tuning.PolicySpace.NC;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One past order as the tuner sees it: the candidates it fits on (sorted by citizen id, the
 * tie-break), their grades ({@link Outcome#grade()}, 0 for a sampled candidate without an
 * outcome), whether each has an outcome, each outcome's inverse-propensity weight, and the
 * candidates' component values under the constants currently fitted around.
 *
 * <p>Built by {@link #build} from an order's outcome lines. Not thread-safe: {@link #values} is
 * replaced by the tuning thread between parallel reads.
 */
final class TrainingCase {
  final int index; // the order's place among the labelled orders
  final JobOrder order;
  final int[] candidates; // feature indices
  final int[] grade;
  final boolean[] labelled;
  final double[] weight; // 1/propensity of the rank the candidate was proposed at; 1 when unknown or unlabelled
  final Integer[] rank; // the rank the candidate was proposed at, or null
  final boolean hired; // some candidate was hired
  /** NC per candidate. */
  volatile double[] values;
  /**
   * The start policy's top citizens for the order ({@link #keep}: feature indices, best first), or
   * null when not kept.
   */
  int[] kept;
  /** Per kept citizen: -1 without an outcome, else its outcome's grade. */
  int[] keptGroup;
  /** Per kept citizen, its start score (the start weights on its start component values). */
  double[] keptStart;
  /** The pairs of kept citizens the outcomes are silent about and the start policy orders. */
  int silentPairs;
  /**
   * Per kept citizen, the score of the reference a move is judged from ({@link #reorderedFromRef};
   * set by {@link #refer}, the start scores until then).
   */
  double[] keptRef;
  /** NC per kept citizen, under the constants currently fitted around. */
  volatile double[] keptValues;

  TrainingCase(int index, JobOrder order, int[] candidates, int[] grade, boolean[] labelled, Integer[] rank,
      boolean hired) {
    this.index = index;
    this.order = order;
    this.candidates = candidates;
    this.grade = grade;
    this.labelled = labelled;
    this.rank = rank;
    this.weight = new double[candidates.length];
    java.util.Arrays.fill(weight, 1);
    this.hired = hired;
  }

  int size() {
    return candidates.length;
  }

  /** Sets each outcome's weight to 1/p(rank). */
  void weigh(Propensity p) {
    for (int i = 0; i < candidates.length; i++) {
      weight[i] = labelled[i] ? p.weight(rank[i]) : 1;
    }
  }

  /** Recomputes the component values under a compiled order, through the kernel. */
  void rescore(CompiledOrder co, Population pop) {
    values = componentValues(co, candidates, pop);
    if (kept != null) {
      keptValues = componentValues(co, kept, pop);
    }
  }

  /**
   * Keeps the start policy's top {@code depth} citizens of the order: every eligible citizen of the
   * population ranked by the start policy (a score above 0, ties by citizen id, as the engine
   * ranks), and for each whether it has an outcome and which. Must be called while {@link #values}
   * are the start policy's (before any rescore with another policy).
   */
  void keep(ScoringPolicy start, double[] startWeights, Population pop, int depth) {
    CompiledOrder co = pop.compile(order, start);
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(co);
    int n = pop.features.size();
    double[] score = new double[n];
    List<Integer> eligible = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      score[j] = FeatureScorer.score(co, pop.features.get(j), scratch);
      if (score[j] > 0) {
        eligible.add(j);
      }
    }
    eligible.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a])
        : Integer.compare(pop.idOrder[a], pop.idOrder[b]));
    int m = Math.min(depth, eligible.size());
    Map<Integer, Integer> outcomeOf = new LinkedHashMap<>();
    for (int i = 0; i < candidates.length; i++) {
      if (labelled[i]) {
        outcomeOf.put(candidates[i], grade[i]);
      }
    }
    int[] k = new int[m];
    int[] g = new int[m];
    for (int r = 0; r < m; r++) {
      k[r] = eligible.get(r);
      g[r] = outcomeOf.getOrDefault(k[r], -1);
    }
    double[] v = componentValues(co, k, pop);
    double[] s0 = scores(v, startWeights, m);
    kept = k;
    keptGroup = g;
    keptStart = s0;
    keptRef = s0;
    keptValues = v;
    int pairs = 0;
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        pairs += silent(a, b, s0) ? 1 : 0;
      }
    }
    silentPairs = pairs;
  }

  /**
   * Whether the outcomes are silent about kept citizens {@code a} and {@code b} (both without an
   * outcome, or both the same) and the reference scores {@code ref} order them (no tie).
   */
  private boolean silent(int a, int b, double[] ref) {
    return keptGroup[a] == keptGroup[b] && ref[a] != ref[b];
  }

  /** Makes weights {@code w} on the current component values the reference of {@link #reorderedFromRef}. */
  void refer(double[] w) {
    if (kept != null) {
      keptRef = scores(keptValues, w, kept.length);
    }
  }

  /**
   * The share of the silent pairs of the kept citizens that the reference ({@link #refer}) orders
   * and weights {@code w} on the current component values put in the other order (a tie counts
   * half); 0 when nothing is kept.
   */
  double reorderedFromRef(double[] w) {
    return kept == null ? 0 : reordered(keptRef, w);
  }

  /**
   * The share of the silent pairs of the kept citizens (both without an outcome, or both with the
   * same outcome; ordered by the start policy) that weights {@code w} on the current component
   * values put in the other order; a tie counts half. 0 when nothing is kept.
   */
  double reordered(double[] w) {
    return kept == null ? 0 : reordered(keptStart, w);
  }

  private double reordered(double[] ref, double[] w) {
    int m = kept.length;
    double[] s = scores(keptValues, w, m);
    double moved = 0;
    int pairs = 0;
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        if (!silent(a, b, ref)) {
          continue;
        }
        pairs++;
        boolean aFirst = ref[a] > ref[b];
        double hi = aFirst ? s[a] : s[b];
        double lo = aFirst ? s[b] : s[a];
        moved += lo > hi ? 1 : lo == hi ? 0.5 : 0;
      }
    }
    return pairs == 0 ? 0 : moved / pairs;
  }

  static double[] componentValues(CompiledOrder co, int[] cand, Population pop) {
    double[] values = new double[cand.length * NC];
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(co);
    double[] row = new double[NC];
    for (int i = 0; i < cand.length; i++) {
      FeatureScorer.componentValues(co, pop.features.get(cand[i]), scratch, row);
      System.arraycopy(row, 0, values, i * NC, NC);
    }
    return values;
  }

  /** The weighted sums of the candidates' component values. */
  double[] scores(double[] w) {
    return scores(values, w);
  }

  /** The weighted sums of component values {@code v} (NC per candidate, as {@link #values}). */
  double[] scores(double[] v, double[] w) {
    return scores(v, w, candidates.length);
  }

  /** The weighted sums of component values {@code v} of {@code n} citizens (NC per citizen). */
  static double[] scores(double[] v, double[] w, int n) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double t = 0;
      int base = i * NC;
      for (int k = 0; k < NC; k++) {
        t += w[k] * v[base + k];
      }
      s[i] = t;
    }
    return s;
  }

  /** Whether a component's value differs between the candidates. */
  boolean varies(int comp) {
    int n = candidates.length;
    if (n < 2) {
      return false;
    }
    double[] v = values;
    double first = v[comp];
    for (int i = 1; i < n; i++) {
      if (Math.abs(v[i * NC + comp] - first) > 1e-12) {
        return true;
      }
    }
    return false;
  }

  /**
   * The case of one order, or null if it has nothing to fit on (no hired or interviewed eligible
   * candidate, or for {@link TuningMethod#OBSERVED_ORDER} no other candidate with an outcome).
   * Counts outcomes naming an unknown citizen or an ineligible one in slot {@code index}.
   */
  static TrainingCase build(int index, JobOrder o, Map<String, OutcomeLabel> orderLabels, Population pop,
      ScoringPolicy start, TuningOptions options, long[] unknownCitizen, long[] ineligible) {
    CompiledOrder co = pop.compile(o, start);
    List<Integer> chosen = new ArrayList<>();
    Map<Integer, OutcomeLabel> outcome = new LinkedHashMap<>();
    boolean positive = false;
    boolean hired = false;
    for (Map.Entry<String, OutcomeLabel> e : orderLabels.entrySet()) {
      Integer ci = pop.indexById.get(e.getKey());
      if (ci == null) {
        unknownCitizen[index]++;
      } else if (!FeatureScorer.passesGates(co, pop.features.get(ci))) {
        ineligible[index]++;
      } else {
        chosen.add(ci);
        outcome.put(ci, e.getValue());
        positive |= e.getValue().outcome().grade() > 0;
        hired |= e.getValue().outcome() == Outcome.HIRED;
      }
    }
    if (!positive || (options.method() == TuningMethod.OBSERVED_ORDER && chosen.size() < 2)) {
      return null;
    }
    List<CitizenFeatures> fs = pop.features;
    if (options.method() == TuningMethod.UNLABELLED_AS_NEGATIVE) {
      // a reservoir sample of the other eligible citizens, seeded by the run's seed and the order id
      int m = options.unlabelledPerOrder();
      int[] reservoir = new int[m];
      int seen = 0;
      SplittableRandom r = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + o.id().hashCode());
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
    }
    chosen.sort((a, b) -> fs.get(a).id.compareTo(fs.get(b).id));
    int n = chosen.size();
    int[] cand = new int[n];
    int[] grade = new int[n];
    boolean[] isLabelled = new boolean[n];
    Integer[] rank = new Integer[n];
    for (int i = 0; i < n; i++) {
      cand[i] = chosen.get(i);
      OutcomeLabel l = outcome.get(cand[i]);
      isLabelled[i] = l != null;
      grade[i] = l == null ? 0 : l.outcome().grade();
      rank[i] = l == null ? null : l.rank();
    }
    TrainingCase c = new TrainingCase(index, o, cand, grade, isLabelled, rank, hired);
    c.rescore(co, pop);
    return c;
  }
}
