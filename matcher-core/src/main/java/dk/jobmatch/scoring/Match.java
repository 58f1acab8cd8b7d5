package dk.jobmatch.scoring;

import dk.jobmatch.internal.Ranking;
import java.util.Comparator;

/**
 * One (citizen, order) pair with its score and explanation. Immutable.
 *
 * @param citizenId the citizen's id
 * @param orderId the order's id
 * @param score the total score in (0, 1]
 * @param explanation why
 */
public record Match(String citizenId, String orderId, double score, Explanation explanation) {

  /** Best first for one order: score descending, ties by citizen id ascending. */
  public static final Comparator<Match> BY_SCORE_THEN_CITIZEN =
      (a, b) -> Ranking.compare(a.score, a.citizenId, b.score, b.citizenId);

  /** Best first for one citizen: score descending, ties by order id ascending. */
  public static final Comparator<Match> BY_SCORE_THEN_ORDER =
      (a, b) -> Ranking.compare(a.score, a.orderId, b.score, b.orderId);

  /**
   * Whether the flag applies.
   *
   * @param flag the flag
   * @return true if the explanation's flags contain it
   */
  public boolean has(Flag flag) {
    return explanation.has(flag);
  }

  /** Ids and score only: the explanation describes a person's qualifications. */
  @Override
  public String toString() {
    return "Match[citizen=" + citizenId + ", order=" + orderId + ", score=" + score + "]";
  }
}
