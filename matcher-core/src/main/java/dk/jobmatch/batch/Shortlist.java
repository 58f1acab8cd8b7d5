package dk.jobmatch.batch;

import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.ShortageCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * One order's outcome in a batch: its qualified candidates and the shortlist chosen from them.
 * Immutable and thread-safe.
 *
 * @param order the job order
 * @param requested the shortlist length asked for: the order's {@code maxCandidates}, or the
 *     batch default
 * @param shortage whether the order is in a shortage occupation (mangel or paradoks) in its RAR
 *     area
 * @param shortageCategory the labour-market balance category of the order's occupation, or {@code
 *     null} if unknown
 * @param candidates the qualified candidates considered (every hard gate passed), best first
 *     ({@link Match#BY_SCORE_THEN_CITIZEN})
 * @param matches the shortlist, a subset of {@code candidates}, best first; fortrinsadgang
 *     candidates are always in it
 */
public record Shortlist(
    JobOrder order,
    int requested,
    boolean shortage,
    ShortageCategory shortageCategory,
    List<Match> candidates,
    List<Match> matches) {

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException if the order is missing or {@code requested < 1}
   */
  public Shortlist {
    Checks.required("order", order);
    Checks.range("requested", requested, 1, 10_000);
    candidates = List.copyOf(candidates);
    matches = List.copyOf(matches);
  }

  /**
   * The number of places filled.
   *
   * @return the places filled
   */
  public int filled() {
    return matches.size();
  }

  /**
   * The sum of the shortlisted candidates' scores.
   *
   * @return the fit
   */
  public double fit() {
    double sum = 0;
    for (Match m : matches) {
      sum += m.score();
    }
    return sum;
  }

  /**
   * How many shortlist places are held by fortrinsadgang candidates.
   *
   * @return the fortrinsadgang seats
   */
  public int fortrinsadgangSeats() {
    return (int) matches.stream().filter(Shortlist::fortrinsadgang).count();
  }

  /**
   * The shortlist this order would get on its own (independent top-k): every fortrinsadgang
   * candidate, then the best other candidates up to {@link #requested()} places, regardless of
   * where else they are proposed. Best first.
   *
   * @return the independent top k, best first
   */
  public List<Match> independentTopK() {
    List<Match> out = new ArrayList<>();
    int others = requested - (int) candidates.stream().filter(Shortlist::fortrinsadgang).count();
    for (Match m : candidates) {
      if (fortrinsadgang(m)) {
        out.add(m);
      } else if (others > 0) {
        out.add(m);
        others--;
      }
    }
    return List.copyOf(out);
  }

  /** Whether a candidate holds a fortrinsadgang seat: the engine flagged the pair. */
  static boolean fortrinsadgang(Match m) {
    return m.has(Flag.FORTRINSADGANG);
  }

  @Override
  public String toString() {
    return "Shortlist[" + order.id() + ", " + matches.size() + "/" + requested + "]";
  }
}
