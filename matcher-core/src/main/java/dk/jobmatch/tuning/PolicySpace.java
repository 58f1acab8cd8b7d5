package dk.jobmatch.tuning;

import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The parameters θ: one raw weight per learned component (normalised so the learned weights
 * sum to what the fixed ones leave), then one [0, 1] coordinate per fitted constant (logarithmic
 * for constants whose range spans two orders of magnitude). A point whose constants break a
 * relation the policy validates has no policy ({@link #policy} returns null), so the search never
 * leaves the valid policies. Immutable; thread-safe.
 */
final class PolicySpace {
  static final List<Component> COMPONENTS = List.of(Component.values());
  static final int NC = COMPONENTS.size();

  final ScoringPolicy start;
  final List<Component> learned;
  final List<PolicyConstant> constants;
  final double share; // the learned components' total weight
  final int dims;

  PolicySpace(ScoringPolicy start, List<Component> learned, List<PolicyConstant> constants) {
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
