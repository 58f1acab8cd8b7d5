package dk.jobmatch.engine;

import java.util.Objects;

/**
 * One change of a standing list: a citizen {@link Kind#ENTERED entered} or {@link Kind#LEFT left}
 * an order's standing shortlist, or an order was {@link Kind#SUGGESTED suggested} to a citizen
 * (it entered the citizen's top suggestions: the job agent's side). Immutable; carries ids only.
 *
 * @param kind what happened
 * @param orderId the order
 * @param citizenId the citizen
 * @param rank for {@code ENTERED} and {@code SUGGESTED} the 1-based place in the new list; for
 *     {@code LEFT} the place the citizen had
 * @param reason why, for {@code ENTERED} and {@code LEFT}; {@code null} for {@code SUGGESTED}
 */
public record ShortlistEvent(Kind kind, String orderId, String citizenId, int rank, Reason reason) {

  /** The kind of event. */
  public enum Kind {
    /** A citizen entered an order's standing shortlist. */
    ENTERED,
    /** A citizen left an order's standing shortlist. */
    LEFT,
    /** An order entered a citizen's top suggestions. */
    SUGGESTED
  }

  /** Why a citizen entered or left a shortlist. */
  public enum Reason {
    /** Entered: the order is new (or open again), this is its first list. */
    ORDER_OPENED,
    /** Entered: the order was updated and its list recomputed. */
    ORDER_CHANGED,
    /** Entered: the citizen was added or updated. */
    CITIZEN_CHANGED,
    /** Entered: a place became free, or scores shifted (another citizen left or changed, skill rarity moved). */
    PLACE_FREED,
    /** Left: still eligible, but others now rank higher (they arrived or improved, or the citizen's score fell). */
    BETTER_CANDIDATES,
    /** Left: now ineligible for the order (a hard gate fails, or the score is 0). */
    GATE_FAILS,
    /** Left: the citizen was deleted. */
    DELETED,
    /** Left: the order was deleted (filled or withdrawn). */
    ORDER_CLOSED,
    /** Left: the order's deadline has passed. */
    ORDER_EXPIRED
  }

  /**
   * Validates the event.
   *
   * @throws NullPointerException if kind, orderId or citizenId is null, or the reason is missing
   *     for {@code ENTERED}/{@code LEFT}
   * @throws IllegalArgumentException if rank is below 1
   */
  public ShortlistEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(citizenId, "citizenId");
    if (kind != Kind.SUGGESTED) {
      Objects.requireNonNull(reason, "reason");
    }
    if (rank < 1) {
      throw new IllegalArgumentException("rank: must be at least 1");
    }
  }
}
