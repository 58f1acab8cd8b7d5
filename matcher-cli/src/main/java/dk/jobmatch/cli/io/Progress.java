package dk.jobmatch.cli.io;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of reading one input file, on standard error. On a terminal, a status line with lines
 * read, lines per second and errors so far is redrawn at most five times a second; otherwise
 * (a log file, CI) one quiet line is printed per tenth of the file's bytes, so the log shows
 * that a long run is alive without filling up.
 *
 * <p>Not thread-safe: fed by the one thread that reads the file.
 */
public final class Progress {
  /** How progress is shown. */
  public enum Mode {
    /** A status line redrawn in place. */
    TERMINAL,
    /** One line per 10 % of the file's bytes. */
    PERCENT,
    /** Nothing. */
    OFF
  }

  private static final long REDRAW_NANOS = 200_000_000L;

  private final Stderr out;
  private final Mode mode;
  private final String label;
  private final String unit;
  private final long totalBytes;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private long lastDrawNanos;
  private int nextTenth = 1;

  /**
   * @param out where to show progress
   * @param mode how
   * @param label what is being done, e.g. {@code "indexing citizens.jsonl"}
   * @param totalBytes the file's size, for percentages (0 if unknown)
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  public Progress(Stderr out, Mode mode, String label, long totalBytes, LongSupplier nanoClock) {
    this(out, mode, label, "lines", totalBytes, nanoClock);
  }

  /**
   * Progress counted in {@code unit}s instead of lines, e.g. orders ranked; the "bytes" passed to
   * {@link #update} are then units done and {@code total} the units in all.
   *
   * @param out where to show progress
   * @param mode how
   * @param label what is being done, e.g. {@code "ranking 5,000 job orders"}
   * @param unit plural noun of what is counted ({@code "orders"})
   * @param total how many units there are (0 if unknown)
   * @param nanoClock a monotonic clock in nanoseconds
   */
  public Progress(Stderr out, Mode mode, String label, String unit, long total, LongSupplier nanoClock) {
    this.out = out;
    this.mode = mode;
    this.label = label;
    this.unit = unit;
    this.totalBytes = total;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.lastDrawNanos = startNanos;
  }

  /** Progress that shows nothing. */
  public static Progress off() {
    return new Progress(null, Mode.OFF, "", "lines", 0, () -> 0L);
  }

  /**
   * Reports the state after a line.
   *
   * @param lines lines read so far
   * @param bytes bytes read so far
   * @param errors lines rejected so far
   */
  public void update(long lines, long bytes, long errors) {
    switch (mode) {
      case OFF -> { }
      case TERMINAL -> {
        if ((lines & 255) != 0) {
          return; // reading the clock per line would cost more than the check saves
        }
        long now = nanoClock.getAsLong();
        if (now - lastDrawNanos >= REDRAW_NANOS) {
          lastDrawNanos = now;
          out.status(terminalLine(lines, bytes, errors, now));
        }
      }
      case PERCENT -> {
        if (totalBytes > 0 && nextTenth <= 10 && bytes * 10 >= totalBytes * nextTenth) {
          // one line even when a long line jumps several tenths at once
          int tenth = (int) Math.min(10, bytes * 10 / totalBytes);
          out.status(percentLine(tenth * 10, lines, errors, nanoClock.getAsLong()));
          nextTenth = tenth + 1;
        }
      }
      default -> throw new AssertionError(mode);
    }
  }

  /** Reports the end of the file: the final status line on a terminal, 100 % otherwise. */
  public void finish(long lines, long bytes, long errors) {
    switch (mode) {
      case OFF -> { }
      case TERMINAL -> {
        out.status(terminalLine(lines, bytes, errors, nanoClock.getAsLong()));
        out.endStatus();
      }
      case PERCENT -> {
        if (nextTenth <= 10) {
          nextTenth = 10;
          out.status(percentLine(100, lines, errors, nanoClock.getAsLong()));
          nextTenth = 11;
        }
      }
      default -> throw new AssertionError(mode);
    }
  }

  private String terminalLine(long lines, long bytes, long errors, long now) {
    String pct = totalBytes > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.min(100, bytes * 100 / totalBytes)) : "";
    return String.format(Locale.ROOT, "%s: %,d %s%s, %,d %s/s, %,d %s",
        label, lines, unit, pct, rate(lines, now), unit, errors, errors == 1 ? "error" : "errors");
  }

  private String percentLine(int percent, long lines, long errors, long now) {
    return String.format(Locale.ROOT, "%s: %d%% (%,d %s, %,d %s/s, %,d %s)",
        label, percent, lines, unit, rate(lines, now), unit, errors, errors == 1 ? "error" : "errors");
  }

  private long rate(long lines, long now) {
    long elapsed = now - startNanos;
    return elapsed <= 0 ? 0 : (long) (lines * 1e9 / elapsed);
  }
}
