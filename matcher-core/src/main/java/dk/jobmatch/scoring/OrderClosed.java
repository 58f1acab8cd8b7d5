package dk.jobmatch.scoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Why a pair is not eligible although no gate may have failed: the order is closed — its
 * deadline is before the day the engine matches on (reason {@code ORDER_CLOSED}). The deadline day
 * itself is open ({@link dk.jobmatch.model.JobOrder#isOpenOn}). Immutable and thread-safe.
 *
 * @param deadline the order's deadline (its last open day)
 * @param asOf the day compared with it, on which the order is closed
 */
public record OrderClosed(LocalDate deadline, LocalDate asOf) {
  /** The reason code, as the command line writes it. */
  public static final String REASON = "ORDER_CLOSED";

  /**
   * Checks that the order is closed on {@code asOf}.
   *
   * @throws NullPointerException if a date is null
   * @throws IllegalArgumentException if {@code deadline} is not before {@code asOf}
   */
  public OrderClosed {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(asOf, "asOf");
    if (!deadline.isBefore(asOf)) {
      throw new IllegalArgumentException("deadline: must be before asOf for a closed order");
    }
  }
}
