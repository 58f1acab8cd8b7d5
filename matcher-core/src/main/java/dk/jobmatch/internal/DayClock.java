package dk.jobmatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock whose day is set by hand: it reads the start of that day, UTC. The one settable clock
 * for an engine whose day moves under control ({@code jobmatch apply} moving from the last
 * commit's day to {@code --as-of}; tests moving the standing lists' day).
 *
 * <p>Internal (not exported). Thread-safe: the day is volatile.
 *
 * @lucene.internal
 */
public final class DayClock extends Clock {
  private volatile LocalDate day;

  /**
   * A clock on {@code day}.
   *
   * @throws NullPointerException if {@code day} is null
   */
  public DayClock(LocalDate day) {
    this.day = Objects.requireNonNull(day, "day");
  }

  /** The day the clock reads. */
  public LocalDate day() {
    return day;
  }

  /**
   * Moves the clock to {@code day}.
   *
   * @throws NullPointerException if {@code day} is null
   */
  public void set(LocalDate day) {
    this.day = Objects.requireNonNull(day, "day");
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
