package dk.jobmatch.tuning;

import static dk.jobmatch.tuning.PolicySpace.NC;

import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the training outcomes say about each formula constant, measured before the fit: the
 * constant alone is moved down and up from the start policy, the weights held, and every training
 * pair of a candidate with a better outcome over one with a lesser outcome is checked for whether
 * it changes order. Two moves per side: a tenth of the constant's range (the coordinate the
 * regularisation measures; the sensitivity the report shows) and all the way to the end of its
 * valid range on that side (the edge of the range, or a relation the policy validates).
 *
 * <p>The rule ({@link TuningResult.Evidence.Decision}): a constant is fitted only if moving it
 * changes the order of some training pair, and on neither side does moving it to the end of its
 * valid range put pairs in a better order without putting any in a worse one. A side where the
 * outcomes only ever favour the move has no counter-evidence: how far the fit would take the
 * constant is then set by the regularisation alone, not by the outcomes, and the move also
 * reorders candidates the outcomes say nothing about. The typical case: a group of candidates
 * (say, the same ISCO minor group but not the same unit group) who are always rejected in the
 * history. Lowering their credit ranks them below the hired, which the outcomes reward, and below
 * candidates with nothing in common with the order, on which the outcomes are silent. Such a
 * constant keeps its start value, and the report says why.
 *
 * <p>Stateless and thread-safe; reads the cases' candidates and weights, never their values.
 */
final class ConstantEvidence {
  /** The move whose effect the report shows, in the unit coordinate of {@link PolicySpace}. */
  static final double STEP = 0.1;

  private ConstantEvidence() {}

  /**
   * The evidence for each constant, in {@link PolicyConstant} order.
   *
   * @param constants the constants asked to be fitted
   * @param start the start policy (its weights are held)
   * @param train the training orders
   * @param pop the population
   * @param screen whether the rule decides ({@code false}: every constant is fitted, as the
   *     old method does)
   */
  static List<TuningResult.Evidence> measure(Collection<PolicyConstant> constants, ScoringPolicy start,
      List<TrainingCase> train, Population pop, boolean screen, TuningListener listener) {
    double[] w = new double[NC];
    for (Component c : PolicySpace.COMPONENTS) {
      w[c.ordinal()] = start.weight(c);
    }
    listener.phase("weighing the evidence for each constant", constants.size());
    double[][] base = scores(start, train, pop, w);
    double total = 0;
    for (int q = 0; q < train.size(); q++) {
      total += pairs(train.get(q), base[q], base[q])[2];
    }
    List<TuningResult.Evidence> out = new ArrayList<>();
    int done = 0;
    for (PolicyConstant c : PolicyConstant.values()) {
      if (!constants.contains(c)) {
        continue;
      }
      double u0 = PolicySpace.toUnit(c, start.constant(c));
      double lowEnd = end(start, c, u0, 0);
      double highEnd = end(start, c, u0, 1);
      double[] down = effect(start, c, Math.max(lowEnd, u0 - STEP), u0, train, pop, w, base, total);
      double[] up = effect(start, c, Math.min(highEnd, u0 + STEP), u0, train, pop, w, base, total);
      double[] farDown = lowEnd < u0 - STEP ? effect(start, c, lowEnd, u0, train, pop, w, base, total) : down;
      double[] farUp = highEnd > u0 + STEP ? effect(start, c, highEnd, u0, train, pop, w, base, total) : up;
      TuningResult.Evidence.Decision d;
      if (!screen) {
        d = TuningResult.Evidence.Decision.FITTED;
      } else if (farDown[0] + farDown[1] + farUp[0] + farUp[1] == 0) {
        d = TuningResult.Evidence.Decision.NO_EFFECT;
      } else if (farDown[0] > 0 && farDown[1] == 0) {
        d = TuningResult.Evidence.Decision.UNOPPOSED_DOWN;
      } else if (farUp[0] > 0 && farUp[1] == 0) {
        d = TuningResult.Evidence.Decision.UNOPPOSED_UP;
      } else {
        d = TuningResult.Evidence.Decision.FITTED;
      }
      out.add(new TuningResult.Evidence(c, down[0], down[1], up[0], up[1], d));
      listener.progress(++done, Double.NaN);
    }
    return out;
  }

  /**
   * The furthest unit coordinate toward {@code toward} (0 or 1) from {@code u0} at which the
   * policy is still valid (the relations are monotone, so the valid values form an interval).
   */
  private static double end(ScoringPolicy start, PolicyConstant c, double u0, double toward) {
    if (valid(start, c, toward)) {
      return toward;
    }
    double ok = u0;
    double bad = toward;
    for (int i = 0; i < 30; i++) {
      double mid = (ok + bad) / 2;
      if (valid(start, c, mid)) {
        ok = mid;
      } else {
        bad = mid;
      }
    }
    return ok;
  }

  private static boolean valid(ScoringPolicy start, PolicyConstant c, double u) {
    return with(start, c, u) != null;
  }

  private static ScoringPolicy with(ScoringPolicy start, PolicyConstant c, double u) {
    try {
      return start.toBuilder().set(c, PolicySpace.fromUnit(c, u)).build();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {better, worse} shares of the training pairs' weight when the constant moves to {@code u}. */
  private static double[] effect(ScoringPolicy start, PolicyConstant c, double u, double u0, List<TrainingCase> train,
      Population pop, double[] w, double[][] base, double total) {
    if (u == u0 || total == 0) {
      return new double[2];
    }
    ScoringPolicy p = with(start, c, u);
    double[][] moved = scores(p, train, pop, w);
    double better = 0;
    double worse = 0;
    for (int q = 0; q < train.size(); q++) {
      double[] bw = pairs(train.get(q), base[q], moved[q]);
      better += bw[0];
      worse += bw[1];
    }
    return new double[] {better / total, worse / total};
  }

  /** Per case, the candidates' scores under the policy's constants and the weights {@code w}. */
  private static double[][] scores(ScoringPolicy p, List<TrainingCase> train, Population pop, double[] w) {
    double[][] s = new double[train.size()][];
    IntStream.range(0, train.size()).parallel().forEach(q -> {
      TrainingCase c = train.get(q);
      s[q] = c.scores(TrainingCase.componentValues(pop.compile(c.order, p), c.candidates, pop), w);
    });
    return s;
  }

  /**
   * Over the case's pairs of a candidate with a better outcome (grade) over one with a lesser
   * outcome, each weighing {@code (2^grade − 1)/propensity} of the better one as in the objective:
   * {better, worse, total} — how much pair weight moves into a better and a worse order from
   * scores {@code a} to scores {@code b} (a tie is half-way), and the weight of all pairs.
   */
  static double[] pairs(TrainingCase c, double[] a, double[] b) {
    int n = c.size();
    double better = 0;
    double worse = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (!c.labelled[i] || c.grade[i] == 0) {
        continue;
      }
      double wi = ((1 << c.grade[i]) - 1) * c.weight[i];
      for (int j = 0; j < n; j++) {
        if (!c.labelled[j] || c.grade[j] >= c.grade[i]) {
          continue;
        }
        total += wi;
        double d = order(b[i], b[j]) - order(a[i], a[j]);
        if (d > 0) {
          better += wi * d;
        } else if (d < 0) {
          worse -= wi * d;
        }
      }
    }
    return new double[] {better, worse, total};
  }

  private static double order(double si, double sj) {
    return si > sj ? 1 : si == sj ? 0.5 : 0;
  }
}
