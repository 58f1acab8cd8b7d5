package dk.jobmatch.cli.io;

import java.io.PrintStream;

/**
 * The one writer of the CLI's standard error: diagnostics, warnings and progress. On a terminal
 * a progress status line is redrawn in place with {@code \r}; any other message first clears it,
 * so a diagnostic never ends up glued to a half-drawn status line.
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class Stderr {
  private final PrintStream err;
  private final boolean terminal;
  private int statusWidth;

  /**
   * @param err where to write
   * @param terminal whether {@code err} is an interactive terminal (status lines are redrawn in
   *     place) rather than a file or pipe (status lines are printed as ordinary lines)
   */
  public Stderr(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Whether standard error is an interactive terminal. */
  public boolean terminal() {
    return terminal;
  }

  /**
   * Prints one message line, clearing a status line first. Control characters in the message
   * (a newline, a carriage return, an ANSI escape) are replaced by {@code ?}, so that whatever a
   * message carries from the input can never forge another line or recolour the terminal.
   */
  public synchronized void println(String message) {
    clearStatus();
    err.println(dk.jobmatch.internal.Checks.printable(String.valueOf(message)));
    err.flush();
  }

  /** Shows a status line: redrawn in place on a terminal, an ordinary line otherwise. */
  public synchronized void status(String text) {
    if (!terminal) {
      err.println(text);
      err.flush();
      return;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append('\r').append(text);
    for (int i = text.length(); i < statusWidth; i++) {
      sb.append(' ');
    }
    err.print(sb);
    err.flush();
    statusWidth = text.length();
  }

  /** Leaves the current status line in place and moves to a new line (terminal only). */
  public synchronized void endStatus() {
    if (statusWidth > 0) {
      err.println();
      err.flush();
      statusWidth = 0;
    }
  }

  private void clearStatus() {
    if (statusWidth > 0) {
      err.print("\r" + " ".repeat(statusWidth) + "\r");
      statusWidth = 0;
    }
  }
}
