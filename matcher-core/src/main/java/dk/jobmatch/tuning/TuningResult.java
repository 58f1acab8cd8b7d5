package dk.jobmatch.tuning;

import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a tuning run found: the tuned policy and how it compares with the start policy on the
 * orders it was fitted on (train) and on the orders held back (test). Immutable.
 *
 * @param start the policy tuning started from (and was regularised toward)
 * @param tuned the fitted policy, rounded for a readable file (weights to 4 decimals, constants
 *     to 4 significant digits)
 * @param learned the components whose weights were fitted
 * @param notLearned the components whose weights were kept from the start policy, because their
 *     value is the same for every candidate of each training order (shortage always is): a
 *     per-order outcome cannot tell anything about them
 * @param fittedConstants the formula constants fitted
 * @param counts how the outcomes were used
 * @param regularisation λ of the penalty toward the start policy (given, or chosen by
 *     cross-validation)
 * @param crossValidation when λ was chosen by cross-validation: each candidate λ and its mean
 *     held-out nDCG over the folds, in the order tried; empty otherwise
 * @param evaluations objective evaluations made
 * @param k the cut-off of nDCG and recall
 * @param rows every metric on both splits for both policies, with 95 % bootstrap intervals
 */
public record TuningResult(
    ScoringPolicy start,
    ScoringPolicy tuned,
    List<Component> learned,
    List<Component> notLearned,
    List<PolicyConstant> fittedConstants,
    Counts counts,
    double regularisation,
    Map<Double, Double> crossValidation,
    int evaluations,
    int k,
    List<Row> rows) {

  /** Copies the lists. */
  public TuningResult {
    learned = List.copyOf(learned);
    notLearned = List.copyOf(notLearned);
    fittedConstants = List.copyOf(fittedConstants);
    rows = List.copyOf(rows);
    crossValidation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(crossValidation));
  }

  /**
   * How the outcome records were used.
   *
   * @param trainOrders orders fitted on
   * @param testOrders orders held back
   * @param ordersWithoutPositive orders with outcomes but no hired or interviewed (eligible)
   *     candidate: nothing to rank for, left out
   * @param candidates candidates scored over all used orders (labelled and sampled)
   * @param labels outcome records read (after duplicates)
   * @param labelsUnknownOrder outcome records naming an order not in the orders given
   * @param labelsUnknownCitizen outcome records naming a citizen not in the citizens given
   * @param labelsIneligible outcome records whose citizen fails a hard gate of the order (the
   *     policy's gates are not tuned, so no weight can rank them)
   */
  public record Counts(int trainOrders, int testOrders, int ordersWithoutPositive, long candidates, long labels,
      long labelsUnknownOrder, long labelsUnknownCitizen, long labelsIneligible) {}

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
   * One metric on one split.
   *
   * @param split {@code train} or {@code test}
   * @param metric the metric
   * @param start the start policy's estimate
   * @param tuned the tuned policy's estimate
   * @param difference tuned minus start, paired by order
   */
  public record Row(String split, Metric metric, Estimate start, Estimate tuned, Estimate difference) {}

  /** The row for a split and metric. @throws IllegalArgumentException if there is none */
  public Row row(String split, Metric metric) {
    return rows.stream().filter(r -> r.split.equals(split) && r.metric == metric).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("split: no row for " + split + "/" + metric));
  }

  /** The report as plain text: weights, constants, metrics, what could not be learned. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Tuned %s from %s on %d training orders; %d test orders held back "
            + "(%d candidates scored; %d orders without a hired or interviewed candidate left out).%n",
        tuned.label(), start.label(), counts.trainOrders(), counts.testOrders(), counts.candidates(),
        counts.ordersWithoutPositive()));
    if (counts.labelsUnknownOrder() + counts.labelsUnknownCitizen() + counts.labelsIneligible() > 0) {
      s.append(String.format(Locale.ROOT, "Outcomes not used: %d name an unknown order, %d an unknown citizen, "
          + "%d a citizen who fails a hard gate of the order.%n", counts.labelsUnknownOrder(), counts.labelsUnknownCitizen(),
          counts.labelsIneligible()));
    }
    s.append(String.format(Locale.ROOT, "%nWeights          start    tuned%n"));
    for (Component c : Component.values()) {
      s.append(String.format(Locale.ROOT, "  %-12s %7.4f  %7.4f%s%n", c.jsonName(), start.weight(c), tuned.weight(c),
          notLearned.contains(c) ? "  (not learned: the same for every candidate of an order)" : ""));
    }
    if (!fittedConstants.isEmpty()) {
      s.append(String.format(Locale.ROOT, "%nConstants        start    tuned%n"));
      for (PolicyConstant c : fittedConstants) {
        s.append(String.format(Locale.ROOT, "  %-22s %8s  %8s%n", c.key(), num(start.constant(c)), num(tuned.constant(c))));
      }
    }
    s.append(String.format(Locale.ROOT, "%n%-6s %-9s %-26s %-26s %s%n", "split", "metric", "start [95% CI]",
        "tuned [95% CI]", "tuned - start [95% CI]"));
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "%-6s %-9s %-26s %-26s %s%n", r.split(), r.metric().label(k), r.start(), r.tuned(),
          String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", r.difference().mean(), r.difference().low(), r.difference().high())));
    }
    if (!crossValidation.isEmpty()) {
      s.append(String.format(Locale.ROOT, "%nRegularisation chosen by cross-validation on the training orders "
          + "(mean held-out nDCG@%d):", k));
      crossValidation.forEach((l, v) -> s.append(String.format(Locale.ROOT, " %s: %.4f%s", num(l), v, l == regularisation ? " (chosen)" : "")));
      s.append(String.format(Locale.ROOT, "%n"));
    }
    s.append(String.format(Locale.ROOT, "%nWeights fitted by CMA-ES (Apache Commons Math)%s on mean nDCG@%d of the training "
        + "orders, penalised by %s x squared distance from the start policy; %d evaluations.%n",
        fittedConstants.isEmpty() ? "" : ", constants by a profile search", k, num(regularisation), evaluations));
    return s.toString();
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
