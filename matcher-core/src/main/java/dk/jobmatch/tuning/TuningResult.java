package dk.jobmatch.tuning;

import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a tuning run found: the tuned policy, how it compares with the start policy on the orders
 * held back (the whole eligible population ranked for each, judged at the top and deep in the
 * list), and the verdict. Immutable.
 *
 * @param start the policy tuning started from (and was regularised toward)
 * @param tuned the fitted policy, rounded for a readable file (weights to 4 decimals, constants
 *     to 4 significant digits)
 * @param method what was fitted on
 * @param propensity the position-bias model applied to outcomes with a rank
 * @param learned the components whose weights were fitted
 * @param notLearned the components whose weights were kept from the start policy, because their
 *     value is the same for every candidate of each training order (shortage always is): a
 *     per-order outcome cannot tell anything about them
 * @param fittedConstants the formula constants fitted: those asked for that the training outcomes
 *     can inform ({@link Evidence})
 * @param evidence for each constant asked to be fitted, what the training outcomes say about it
 *     and whether it was fitted, in {@link PolicyConstant} order
 * @param counts how the outcomes were used
 * @param regularisation λ of the penalty toward the start policy (given, or chosen by
 *     cross-validation)
 * @param crossValidation when λ was chosen by cross-validation: each candidate λ and its mean
 *     held-out objective over the folds, in the order tried; empty otherwise
 * @param evaluations objective evaluations made
 * @param k the cut-off of nDCG
 * @param trainObjective the training objective (without penalty) of the start and the tuned
 *     policy, {@code {start, tuned}}
 * @param rows every {@link Metric} on the held-back orders for both policies, with paired 95 %
 *     bootstrap intervals, in {@link Metric} order
 * @param verdict whether to adopt the tuned policy
 * @param keptOrder how much the tuned policy reorders the start policy's top citizens where the
 *     outcomes are silent
 */
public record TuningResult(
    ScoringPolicy start,
    ScoringPolicy tuned,
    TuningMethod method,
    Propensity propensity,
    List<Component> learned,
    List<Component> notLearned,
    List<PolicyConstant> fittedConstants,
    List<Evidence> evidence,
    Counts counts,
    double regularisation,
    Map<Double, Double> crossValidation,
    int evaluations,
    int k,
    double[] trainObjective,
    List<Row> rows,
    Verdict verdict,
    KeptOrder keptOrder) {

  /** Copies the lists. */
  public TuningResult {
    learned = List.copyOf(learned);
    notLearned = List.copyOf(notLearned);
    fittedConstants = List.copyOf(fittedConstants);
    evidence = List.copyOf(evidence);
    rows = List.copyOf(rows);
    trainObjective = trainObjective.clone();
    crossValidation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(crossValidation));
  }

  /**
   * A copy of {@code {start, tuned}} training objective.
   *
   * @return a new array {@code {start, tuned}}: the penalised training objective of the start and
   *     the tuned policy
   */
  @Override
  public double[] trainObjective() {
    return trainObjective.clone();
  }

  /**
   * How the outcome records were used.
   *
   * @param trainOrders orders fitted on
   * @param testOrders orders held back
   * @param ordersWithoutPositive orders with outcomes but no hired or interviewed (eligible)
   *     candidate, or nothing to rank it against: left out
   * @param candidates candidates fitted on over all used orders
   * @param labels outcome records read (after duplicates)
   * @param labelsUnknownOrder outcome records naming an order not in the orders given
   * @param labelsUnknownCitizen outcome records naming a citizen not in the citizens given
   * @param labelsIneligible outcome records whose citizen fails a hard gate of the order (the
   *     policy's gates are not tuned, so no weight can rank them)
   * @param labelsWithRank used outcome records that carry the rank the citizen was proposed at
   * @param ordersWithHire used orders with a hired candidate
   * @param testOrdersWithHire held-back orders with a hired candidate
   */
  public record Counts(int trainOrders, int testOrders, int ordersWithoutPositive, long candidates, long labels,
      long labelsUnknownOrder, long labelsUnknownCitizen, long labelsIneligible, long labelsWithRank, int ordersWithHire,
      int testOrdersWithHire) {}

  /**
   * How far the tuned policy moved the start policy's order where the outcomes say nothing: per
   * order, the pairs among the start policy's top {@code depth} eligible citizens that are both
   * without an outcome or both with the same outcome (and not tied by the start policy), and the
   * share of them the tuned policy puts in the other order (a tie counts half), averaged over
   * orders.
   *
   * @param depth how many of the start policy's top citizens per order are watched (0: not
   *     measured)
   * @param weight μ, the rule's weight in the fit (0: fitted without the rule)
   * @param silentPairs the mean number of such pairs per training order
   * @param train the mean share reordered on the training orders
   * @param test the mean share reordered on the held-back orders
   */
  public record KeptOrder(int depth, double weight, double silentPairs, double train, double test) {}

  /**
   * A mean over orders and its 95 % percentile-bootstrap interval (resampling orders).
   *
   * @param mean the mean
   * @param low the 2.5th percentile of the resampled means
   * @param high the 97.5th percentile
   */
  public record Estimate(double mean, double low, double high) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", mean, low, high);
    }
  }

  /**
   * One metric on the held-back orders.
   *
   * @param metric the metric
   * @param start the start policy's estimate
   * @param tuned the tuned policy's estimate
   * @param difference tuned minus start, paired by order
   */
  public record Row(Metric metric, Estimate start, Estimate tuned, Estimate difference) {}

  /**
   * What the training outcomes say about one formula constant, measured before the fit: the
   * constant alone moved down and up by a tenth of its range from the start policy (on the scale
   * the regularisation uses: logarithmic for {@code distanceHalfLifeKm} and {@code
   * experienceFullYears}), the weights held, and the training pairs of a candidate with a better
   * outcome over one with a lesser outcome checked for a change of order. Each pair weighs as in
   * the objective ({@code (2^grade − 1)/propensity} of the better one); the shares are of the
   * weight of all training pairs.
   *
   * @param constant the constant
   * @param betterDown the share of pair weight put in a better order by moving it down
   * @param worseDown … in a worse order by moving it down
   * @param betterUp … in a better order by moving it up
   * @param worseUp … in a worse order by moving it up
   * @param decision whether it was fitted, and if not why
   */
  public record Evidence(PolicyConstant constant, double betterDown, double worseDown, double betterUp, double worseUp,
      Decision decision) {
    /** Whether a constant is fitted. */
    public enum Decision {
      /** Fitted: moving it reorders training pairs, and on each side some for the worse. */
      FITTED,
      /** Kept: moving it over its whole valid range reorders no training pair. */
      NO_EFFECT,
      /**
       * Kept: lowering it, down to the end of its valid range, puts pairs in a better order and
       * none in a worse one — nothing in the outcomes says how far to go, so the regularisation
       * alone would decide, and the move would reorder candidates the outcomes say nothing about.
       */
      UNOPPOSED_DOWN,
      /** Kept: the same for raising it. */
      UNOPPOSED_UP;

      /**
       * A few words for the report.
       *
       * @return the decision in a few English words
       */
      public String describe() {
        return switch (this) {
          case FITTED -> "fitted";
          case NO_EFFECT -> "kept: reorders no training pair";
          case UNOPPOSED_DOWN -> "kept: nothing in the outcomes opposes lowering it";
          case UNOPPOSED_UP -> "kept: nothing in the outcomes opposes raising it";
        };
      }
    }
  }

  /**
   * A fitted constant's move.
   *
   * @param constant the constant
   * @param start its start value
   * @param tuned its tuned value
   */
  public record ConstantChange(PolicyConstant constant, double start, double tuned) {
    /**
     * The change relative to the start value (NaN when that is 0).
     *
     * @return {@code (tuned − start) / start}, or NaN when the start value is 0
     */
    public double relative() {
      return start == 0 ? Double.NaN : (tuned - start) / start;
    }
  }

  /**
   * The row of a metric.
   *
   * @param metric the metric
   * @return the row of the metric in {@link #rows()}
   * @throws IllegalArgumentException if there is none
   */
  public Row row(Metric metric) {
    return rows.stream().filter(r -> r.metric == metric).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("metric: no row for " + metric));
  }

  /**
   * The fitted constants that moved, in {@link PolicyConstant} order.
   *
   * @return an unmodifiable list of the fitted constants whose tuned value differs from the start
   *     value; empty when none moved
   */
  public List<ConstantChange> constantChanges() {
    List<ConstantChange> out = new ArrayList<>();
    for (PolicyConstant c : fittedConstants) {
      if (start.constant(c) != tuned.constant(c)) {
        out.add(new ConstantChange(c, start.constant(c), tuned.constant(c)));
      }
    }
    return out;
  }

  /**
   * The report in English.
   *
   * @return the report: the method, counts, rows, constants and verdict, in English
   */
  public String describe() {
    return describe("en");
  }

  /**
   * The report as plain text: weights, constants that moved, the held-back metrics, and the
   * verdict in the language asked for.
   *
   * @param lang {@code en} or {@code da} (the verdict's language; the tables are in English)
   * @return the report, its verdict in that language
   * @throws IllegalArgumentException for another language
   */
  public String describe(String lang) {
    String verdictText = verdict.text(lang);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Tuned %s from %s on %d training orders; %d test orders held back "
            + "(%d candidates fitted on; %d orders without a hired or interviewed candidate left out).%n",
        tuned.label(), start.label(), counts.trainOrders(), counts.testOrders(), counts.candidates(),
        counts.ordersWithoutPositive()));
    if (counts.labelsUnknownOrder() + counts.labelsUnknownCitizen() + counts.labelsIneligible() > 0) {
      s.append(String.format(Locale.ROOT, "Outcomes not used: %d name an unknown order, %d an unknown citizen, "
          + "%d a citizen who fails a hard gate of the order.%n", counts.labelsUnknownOrder(), counts.labelsUnknownCitizen(),
          counts.labelsIneligible()));
    }
    if (method == TuningMethod.OBSERVED_ORDER) {
      s.append(counts.labelsWithRank() == 0
          ? String.format(Locale.ROOT, "Fitted on the order the outcomes state; no outcome carries the rank it was proposed "
              + "at, so each counts once.%n")
          : String.format(Locale.ROOT, "Fitted on the order the outcomes state; %d of %d outcomes carry the rank they "
              + "were proposed at, weighted by 1/propensity with propensity %s.%n", counts.labelsWithRank(), counts.labels(),
              propensity));
    } else {
      s.append(String.format(Locale.ROOT, "Fitted the old way: candidates without an outcome counted as not chosen.%n"));
    }
    s.append(String.format(Locale.ROOT, "%nWeights          start    tuned%n"));
    for (Component c : Component.values()) {
      s.append(String.format(Locale.ROOT, "  %-12s %7.4f  %7.4f%s%n", c.jsonName(), start.weight(c), tuned.weight(c),
          notLearned.contains(c) ? "  (not learned: the same for every candidate of an order)" : ""));
    }
    if (!evidence.isEmpty()) {
      s.append(String.format(Locale.ROOT, "%nConstants: what the training outcomes say (share of pair weight reordered "
          + "by a move of a tenth of the range, better/worse)%n"));
      s.append(String.format(Locale.ROOT, "  %-30s %-17s %-17s %s%n", "constant", "down", "up", "decision"));
      for (Evidence e : evidence) {
        s.append(String.format(Locale.ROOT, "  %-30s %-17s %-17s %s%n", e.constant().key(),
            String.format(Locale.ROOT, "%.4f/%.4f", e.betterDown(), e.worseDown()),
            String.format(Locale.ROOT, "%.4f/%.4f", e.betterUp(), e.worseUp()), e.decision().describe()));
      }
    }
    if (!fittedConstants.isEmpty()) {
      List<ConstantChange> moved = constantChanges();
      s.append(String.format(Locale.ROOT, "%nConstants: %d fitted, %d moved%s%n", fittedConstants.size(), moved.size(),
          moved.isEmpty() ? "." : ":"));
      for (ConstantChange c : moved) {
        s.append(String.format(Locale.ROOT, "  %-30s %8s -> %8s  (%s)%n", c.constant().key(), num(c.start()), num(c.tuned()),
            Double.isNaN(c.relative()) ? "from 0" : String.format(Locale.ROOT, "%+.0f%%", 100 * c.relative())));
      }
    }
    s.append(String.format(Locale.ROOT, "%nHeld-back orders (%d; %d with a hire), every eligible citizen ranked:%n",
        counts.testOrders(), counts.testOrdersWithHire()));
    s.append(String.format(Locale.ROOT, "%-12s %-30s %-30s %s%n", "metric", "start [95% CI]", "tuned [95% CI]",
        "tuned - start [95% CI]"));
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "%-12s %-30s %-30s %s%n", r.metric().label(k), r.start(), r.tuned(),
          String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", r.difference().mean(), r.difference().low(),
              r.difference().high())));
    }
    if (keptOrder.depth() > 0) {
      s.append(String.format(Locale.ROOT, "%nWhere the outcomes are silent (pairs among the start policy's top %d both "
          + "without an outcome or with the same outcome; %.0f per training order), the tuned policy reordered %.2f%% on the "
          + "training orders and %.2f%% on the held-back orders; %s.%n", keptOrder.depth(), keptOrder.silentPairs(),
          100 * keptOrder.train(), 100 * keptOrder.test(), keptOrder.weight() > 0
              ? "each constant's move paid " + num(keptOrder.weight()) + " x the share it reordered (keep-order rule; "
                  + "the weights are fitted on the informed pairs alone)"
              : "the fit did not weigh it (keep-order rule off)"));
    }
    s.append(String.format(Locale.ROOT, "%nTraining objective (%s): start %.4f, tuned %.4f.%n",
        method == TuningMethod.OBSERVED_ORDER ? "share of outcomes ranked below each hire or interview, weighted"
            : "nDCG@" + k + " with unlabelled candidates as not chosen", trainObjective[0], trainObjective[1]));
    if (!crossValidation.isEmpty()) {
      s.append(String.format(Locale.ROOT, "Regularisation chosen by cross-validation on the training orders "
          + "(mean held-out objective):"));
      crossValidation.forEach((l, v) -> s.append(String.format(Locale.ROOT, " %s: %.4f%s", num(l), v,
          l == regularisation ? " (chosen)" : "")));
      s.append(String.format(Locale.ROOT, "%n"));
    }
    s.append(String.format(Locale.ROOT, "Weights fitted by CMA-ES (Apache Commons Math)%s, penalised by %s x squared "
        + "distance from the start policy; %d evaluations.%n",
        fittedConstants.isEmpty() ? "" : ", constants by a profile search", num(regularisation), evaluations));
    s.append(String.format(Locale.ROOT, "%n%s%n", verdictText));
    return s.toString();
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
