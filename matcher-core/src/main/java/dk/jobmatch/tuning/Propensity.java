package dk.jobmatch.tuning;

import java.util.Locale;

/**
 * How likely a candidate proposed at a given rank is to have been looked at — the examination
 * propensity of the position-based model of Joachims, Swaminathan &amp; Schnabel (2017), {@code
 * p(rank) = rank^−η}, floored at {@link #FLOOR}. An outcome recorded for a candidate proposed at
 * rank r counts {@code 1/p(r)} in the tuner's objective (inverse propensity weighting), so that
 * the hires found far down a shortlist count for the many similar candidates there who were never
 * looked at. {@code η = 0} is no position bias.
 *
 * <p>η is either stated (from a study of the job centre's own lists, or randomised swaps) or
 * estimated from the outcome lines themselves with the regression EM of Wang et al. (2018) —
 * {@link #estimate}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param power η, 0–3
 * @param estimated whether η was estimated from the outcomes (else stated)
 */
public record Propensity(double power, boolean estimated) {
  /** The smallest propensity used: caps an outcome's weight at 100. */
  public static final double FLOOR = 0.01;

  /** No position bias: every outcome counts once. */
  public static final Propensity NONE = new Propensity(0, false);

  /**
   * Validates the power.
   *
   * @throws IllegalArgumentException if the power is not in 0–3
   */
  public Propensity {
    if (!(power >= 0 && power <= 3)) {
      throw new IllegalArgumentException("power: must be between 0 and 3");
    }
  }

  /**
   * A stated η.
   *
   * @param power η, the exponent of the position bias {@code p(rank) = rank^-η}, 0–3
   * @return the propensity model with this η, marked as stated (not estimated)
   * @throws IllegalArgumentException if {@code power} is not in 0–3
   */
  public static Propensity stated(double power) {
    return new Propensity(power, false);
  }

  /**
   * The propensity of a 1-based rank; 1 when the rank is unknown (null).
   *
   * @param rank the 1-based rank at which the citizen was proposed, or null when not recorded
   * @return {@code rank^-η}, at least {@link #FLOOR}; 1 when the rank is null or η is 0
   */
  public double of(Integer rank) {
    if (rank == null || power == 0) {
      return 1;
    }
    return Math.max(FLOOR, Math.pow(rank, -power));
  }

  /**
   * The weight {@code 1/p(rank)} of an outcome; 1 when the rank is unknown.
   *
   * @param rank the 1-based rank at which the citizen was proposed, or null when not recorded
   * @return {@code 1/}{@link #of of(rank)}: between 1 and 100
   */
  public double weight(Integer rank) {
    return 1 / of(rank);
  }

  /**
   * Estimates η by the regression EM of Wang et al. (2018) for the position-based model {@code
   * P(positive outcome) = θ(rank) · γ(relevance group)}: examination θ per rank bucket (1, 2, 3,
   * 4–5, 6–10, 11–20, 21–50, 51+), relevance γ per group (the caller's grouping of candidates by
   * what is known of them, e.g. deciles of the start policy's score), alternated until stable;
   * then η by least squares through the origin of {@code log θ(bucket)/θ(1)} on the bucket's mean
   * {@code log rank}, weighted by the lines per bucket, clamped to 0–3.
   *
   * @param ranks each outcome line's rank (1-based)
   * @param positive whether the line is HIRED or INTERVIEWED
   * @param group each line's relevance group, 0 to {@code groups − 1}
   * @param groups the number of groups
   * @return the estimated propensity, or {@link #NONE} if the lines cover fewer than two rank
   *     buckets or have no positive outcome
   * @throws IllegalArgumentException if the arrays differ in length or a group is out of range
   */
  public static Propensity estimate(int[] ranks, boolean[] positive, int[] group, int groups) {
    int n = ranks.length;
    if (positive.length != n || group.length != n) {
      throw new IllegalArgumentException("positive, group: must have one entry per rank");
    }
    int[] upper = {1, 2, 3, 5, 10, 20, 50, Integer.MAX_VALUE};
    int nb = upper.length;
    int[] bucket = new int[n];
    int[] perBucket = new int[nb];
    int[] perGroup = new int[groups];
    boolean anyPositive = false;
    for (int i = 0; i < n; i++) {
      if (group[i] < 0 || group[i] >= groups) {
        throw new IllegalArgumentException("group: must be between 0 and " + (groups - 1));
      }
      int b = 0;
      while (ranks[i] > upper[b]) {
        b++;
      }
      bucket[i] = b;
      perBucket[b]++;
      perGroup[group[i]]++;
      anyPositive |= positive[i];
    }
    int used = 0;
    for (int c : perBucket) {
      used += c > 0 ? 1 : 0;
    }
    if (used < 2 || !anyPositive || perBucket[0] == 0) {
      return NONE;
    }
    double[] theta = new double[nb];
    double[] gamma = new double[groups];
    java.util.Arrays.fill(theta, 0.5);
    java.util.Arrays.fill(gamma, 0.5);
    for (int iter = 0; iter < 500; iter++) {
      double[] tSum = new double[nb];
      double[] gSum = new double[groups];
      for (int i = 0; i < n; i++) {
        double t = theta[bucket[i]];
        double g = gamma[group[i]];
        if (positive[i]) {
          tSum[bucket[i]] += 1;
          gSum[group[i]] += 1;
        } else {
          double denom = Math.max(1e-12, 1 - t * g);
          tSum[bucket[i]] += t * (1 - g) / denom; // looked at, not relevant
          gSum[group[i]] += (1 - t) * g / denom; // relevant, not looked at
        }
      }
      for (int b = 0; b < nb; b++) {
        theta[b] = perBucket[b] == 0 ? theta[b] : Math.min(1, Math.max(1e-6, tSum[b] / perBucket[b]));
      }
      for (int q = 0; q < groups; q++) {
        gamma[q] = perGroup[q] == 0 ? gamma[q] : Math.min(1, Math.max(1e-6, gSum[q] / perGroup[q]));
      }
    }
    // η from log θ(r)/θ(1) = −η log r, each bucket at the mean log rank of its lines
    double[] logRank = new double[nb];
    for (int i = 0; i < n; i++) {
      logRank[bucket[i]] += Math.log(ranks[i]);
    }
    double num = 0;
    double den = 0;
    for (int b = 1; b < nb; b++) {
      if (perBucket[b] == 0) {
        continue;
      }
      double x = logRank[b] / perBucket[b];
      double y = Math.log(theta[b] / theta[0]);
      num += perBucket[b] * x * y;
      den += perBucket[b] * x * x;
    }
    double eta = den == 0 ? 0 : -num / den;
    return new Propensity(Math.max(0, Math.min(3, eta)), true);
  }

  /**
   * Estimates the propensity from the training outcomes that carry a rank; the relevance groups
   * are the deciles of the start policy's score among them (what is known of a candidate apart
   * from the rank). {@link Propensity#NONE} without ranks.
   */
  static Propensity fromTraining(java.util.List<TrainingCase> train, dk.jobmatch.scoring.ScoringPolicy start) {
    double[] w = new double[PolicySpace.NC];
    for (dk.jobmatch.scoring.Component c : PolicySpace.COMPONENTS) {
      w[c.ordinal()] = start.weight(c);
    }
    java.util.List<double[]> lines = new java.util.ArrayList<>(); // rank, positive, score
    for (TrainingCase c : train) {
      double[] s = c.scores(w);
      for (int i = 0; i < c.size(); i++) {
        if (c.labelled[i] && c.rank[i] != null) {
          lines.add(new double[] {c.rank[i], c.grade[i] > 0 ? 1 : 0, s[i]});
        }
      }
    }
    if (lines.isEmpty()) {
      return Propensity.NONE;
    }
    double[] scores = lines.stream().mapToDouble(l -> l[2]).sorted().toArray();
    int n = lines.size();
    int[] ranks = new int[n];
    boolean[] positive = new boolean[n];
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      double[] l = lines.get(i);
      ranks[i] = (int) l[0];
      positive[i] = l[1] > 0;
      int below = java.util.Arrays.binarySearch(scores, l[2]);
      while (below > 0 && scores[below - 1] == l[2]) {
        below--;
      }
      group[i] = Math.min(9, (int) (10L * Math.max(0, below) / n));
    }
    return Propensity.estimate(ranks, positive, group, 10);
  }

  /** E.g. {@code rank^-1 (stated)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "rank^-%s (%s)", java.math.BigDecimal.valueOf(Math.round(power * 1000) / 1000.0)
        .stripTrailingZeros().toPlainString(), estimated ? "estimated" : "stated");
  }
}
