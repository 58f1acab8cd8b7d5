package dk.jobmatch.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether to adopt a tuned policy, in one sentence a committee member can act on. The rule:
 *
 * <ol>
 *   <li>fewer than {@link #MIN_TEST_ORDERS_WITH_HIRE} held-back orders with a hire: <b>too little
 *       data</b> — the intervals are too wide to tell; the sentence says how many orders with a
 *       hire the whole data would need at the run's test share, and how many it has;
 *   <li>else, the tuned policy is significantly worse than the start policy on any metric of the
 *       verdict ({@link Metric#inVerdict()}: nDCG@k, recall at 10, 50 and 100, median rank; the 95
 *       % interval of the paired difference lies wholly on the worse side): <b>do not adopt</b>,
 *       whatever it gains elsewhere — in particular a gain in the top ten does not buy a loss deep
 *       in the list;
 *   <li>else, significantly better on at least one metric: <b>adopt</b>;
 *   <li>else: <b>do not adopt</b> — no measurable gain for the change.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the decision
 * @param ordersWithHire orders with a hire in the data (train and test)
 * @param ordersWithHireNeeded orders with a hire the data would need for {@link
 *     #MIN_TEST_ORDERS_WITH_HIRE} of them to be held back
 * @param better the metrics on which the tuned policy is significantly better
 * @param worse the metrics on which it is significantly worse
 * @param k the cut-off of nDCG
 */
public record Verdict(Kind kind, int ordersWithHire, int ordersWithHireNeeded, List<Metric> better, List<Metric> worse,
    int k) {
  /** The held-back orders with a hire below which no verdict is given. */
  public static final int MIN_TEST_ORDERS_WITH_HIRE = 30;

  /** The decision. */
  public enum Kind {
    /** The tuned policy is better, and nowhere worse. */
    ADOPT,
    /** The tuned policy is worse somewhere, or nowhere better. */
    DO_NOT_ADOPT,
    /** Too few held-back orders with a hire to tell. */
    TOO_LITTLE_DATA
  }

  /** Copies the lists. */
  public Verdict {
    better = List.copyOf(better);
    worse = List.copyOf(worse);
  }

  /**
   * The verdict for the held-back rows.
   *
   * @param rows each metric's paired comparison on the held-back orders
   * @param testOrdersWithHire held-back orders with a hire
   * @param ordersWithHire orders with a hire in the data
   * @param testShare the share of orders held back
   * @param k the cut-off of nDCG
   * @return the verdict
   */
  public static Verdict of(List<TuningResult.Row> rows, int testOrdersWithHire, int ordersWithHire, double testShare,
      int k) {
    int needed = (int) Math.ceil(MIN_TEST_ORDERS_WITH_HIRE / testShare - 1e-9); // 30 / 0.3 is 100.00000000000001
    List<Metric> better = new ArrayList<>();
    List<Metric> worse = new ArrayList<>();
    for (TuningResult.Row r : rows) {
      if (!r.metric().inVerdict()) {
        continue;
      }
      double lo = r.difference().low();
      double hi = r.difference().high();
      boolean up = lo > 0;
      boolean down = hi < 0;
      if (r.metric().lowerIsBetter() ? down : up) {
        better.add(r.metric());
      } else if (r.metric().lowerIsBetter() ? up : down) {
        worse.add(r.metric());
      }
    }
    Kind kind;
    if (testOrdersWithHire < MIN_TEST_ORDERS_WITH_HIRE) {
      kind = Kind.TOO_LITTLE_DATA;
    } else if (!worse.isEmpty() || better.isEmpty()) {
      kind = Kind.DO_NOT_ADOPT;
    } else {
      kind = Kind.ADOPT;
    }
    return new Verdict(kind, ordersWithHire, needed, better, worse, k);
  }

  /**
   * The sentence.
   *
   * @param lang {@code en} or {@code da}
   * @return the verdict as one sentence in that language
   * @throws IllegalArgumentException for another language
   */
  public String text(String lang) {
    boolean da = switch (lang) {
      case "da" -> true;
      case "en" -> false;
      default -> throw new IllegalArgumentException("lang: must be da or en");
    };
    return switch (kind) {
      case TOO_LITTLE_DATA -> da
          ? String.format(Locale.ROOT, "For lidt data: der skal mindst %d ordrer med en ansættelse til for at afgøre det; "
              + "du har %d.", ordersWithHireNeeded, ordersWithHire)
          : String.format(Locale.ROOT, "Too little data: at least %d orders with a hire are needed to tell; you have %d.",
              ordersWithHireNeeded, ordersWithHire);
      case DO_NOT_ADOPT -> !worse.isEmpty()
          ? (da ? "Tag den ikke i brug: på de tilbageholdte ordrer placerer den de ansatte og de kaldte til samtale "
              + "markant dårligere (" + labels(worse) + ")"
              + (better.isEmpty() ? "" : ", selv om den er bedre på " + labels(better)) + "."
              : "Do not adopt: on the held-back orders it ranks the hired and interviewed candidates significantly worse ("
              + labels(worse) + ")" + (better.isEmpty() ? "" : ", although it is better on " + labels(better)) + ".")
          : (da ? "Tag den ikke i brug: på de tilbageholdte ordrer er den ikke markant bedre end startpolitikken på nogen måling."
              : "Do not adopt: on the held-back orders it is not significantly better than the start policy on any measure.");
      case ADOPT -> da
          ? "Tag den i brug: på de tilbageholdte ordrer er den markant bedre (" + labels(better)
              + ") og ikke markant dårligere på nogen måling, heller ikke dybt i listen."
          : "Adopt: on the held-back orders it is significantly better (" + labels(better)
              + ") and not significantly worse on any measure, deep in the list included.";
    };
  }

  private String labels(List<Metric> ms) {
    return String.join(", ", ms.stream().map(m -> m.label(k)).toList());
  }
}
