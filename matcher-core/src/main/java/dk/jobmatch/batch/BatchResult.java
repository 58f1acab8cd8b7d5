package dk.jobmatch.batch;

import dk.jobmatch.internal.Checks;
import dk.jobmatch.scoring.Match;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a batch run: one {@link Shortlist} per order, in the order the orders were
 * given. Immutable and thread-safe.
 *
 * @param options the settings used (including the algorithm)
 * @param shortlists one per order, in input order
 * @param rankingTime wall time spent ranking candidates through the engine (zero when the
 *     candidate lists were given)
 * @param allocationTime wall time spent choosing the shortlists
 * @param closedOrders the ids of the orders closed on the engine's day (deadline before it; see
 *     {@link dk.jobmatch.model.JobOrder#isOpenOn}), in input order: their shortlists are empty
 */
public record BatchResult(
    BatchOptions options, List<Shortlist> shortlists, Duration rankingTime, Duration allocationTime,
    List<String> closedOrders) {

  /** Copies the lists. @throws IllegalArgumentException if a component is missing */
  public BatchResult {
    Checks.required("options", options);
    shortlists = List.copyOf(shortlists);
    Checks.required("rankingTime", rankingTime);
    Checks.required("allocationTime", allocationTime);
    closedOrders = Checks.list("closedOrders", closedOrders);
  }

  /**
   * A result with no closed order.
   *
   * @param options the options the batch ran with
   * @param shortlists one per order, in input order
   * @param rankingTime the time spent ranking
   * @param allocationTime the time spent allocating
   * @throws IllegalArgumentException if a component is missing
   */
  public BatchResult(BatchOptions options, List<Shortlist> shortlists, Duration rankingTime, Duration allocationTime) {
    this(options, shortlists, rankingTime, allocationTime, List.of());
  }

  /**
   * The total fit: the sum of all shortlisted candidates' scores.
   *
   * @return the total fit
   */
  public double totalFit() {
    double sum = 0;
    for (Shortlist s : shortlists) {
      sum += s.fit();
    }
    return sum;
  }

  /**
   * The value of the objective that {@link Algorithm#MIN_COST_FLOW} maximises (see {@link
   * BatchOptions}), evaluated on these shortlists with these options' bonuses. Comparable
   * between algorithms run on the same candidate lists with the same bonuses.
   *
   * @return the objective value
   */
  public double objective() {
    double sum = 0;
    for (Shortlist s : shortlists) {
      for (Match m : s.matches()) {
        sum += m.score() + (s.shortage() ? options.shortageBonus() : 0);
      }
      if (!s.matches().isEmpty()) {
        sum += options.coverageBonus();
      }
    }
    if (options.spreadPenalty() > 0) {
      for (int k : proposalsPerCitizen().values()) {
        sum -= options.spreadPenalty() * k * (k - 1) / 2.0;
      }
    }
    return sum;
  }

  /**
   * The number of shortlist places filled.
   *
   * @return the places filled
   */
  public int placesFilled() {
    return shortlists.stream().mapToInt(Shortlist::filled).sum();
  }

  /**
   * The number of shortlist places asked for.
   *
   * @return the places asked for
   */
  public int placesRequested() {
    return shortlists.stream().mapToInt(Shortlist::requested).sum();
  }

  /**
   * The number of orders with at least one candidate on the shortlist.
   *
   * @return the orders covered
   */
  public int ordersCovered() {
    return (int) shortlists.stream().filter(s -> !s.matches().isEmpty()).count();
  }

  /**
   * How many shortlists each proposed citizen is on, by citizen id; citizens on none are absent.
   *
   * @return the number of shortlists by citizen id
   */
  public Map<String, Integer> proposalsPerCitizen() {
    Map<String, Integer> out = new HashMap<>();
    for (Shortlist s : shortlists) {
      for (Match m : s.matches()) {
        out.merge(m.citizenId(), 1, Integer::sum);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "BatchResult[" + options.algorithm() + ", orders=" + shortlists.size() + ", places=" + placesFilled()
        + "/" + placesRequested() + "]";
  }
}
