package dk.jobmatch.engine;

import java.util.Objects;

/**
 * A numbered {@link ShortlistEvent} of a {@link ChangeFeed}: the generation whose change produced
 * it and its 1-based place among that generation's events. {@code (generation, seq)} orders the
 * whole feed; a consumer that remembers the last generation it has fully read resumes after it.
 * Immutable; carries ids only.
 *
 * @param generation the generation (1 for the first change); at least 1
 * @param seq the 1-based place among the generation's events
 * @param event the event
 */
public record FeedEvent(long generation, int seq, ShortlistEvent event) {
  /**
   * Validates the event.
   *
   * @throws NullPointerException if event is null
   * @throws IllegalArgumentException if generation or seq is below 1
   */
  public FeedEvent {
    Objects.requireNonNull(event, "event");
    if (generation < 1) {
      throw new IllegalArgumentException("generation: must be at least 1");
    }
    if (seq < 1) {
      throw new IllegalArgumentException("seq: must be at least 1");
    }
  }
}
