package dk.jobmatch.cli;

/**
 * The CLI's exit codes. Scripts branch on them, so they are part of the contract (docs/cli.md)
 * and never change meaning. Constants only.
 */
public final class ExitCode {
  /** Everything was read and processed. */
  public static final int OK = 0;
  /** A bug: an unexpected internal error (reported in one line; please file an issue). */
  public static final int SOFTWARE = 1;
  /**
   * Nothing was done: a usage error (unknown or missing option, bad option value) or an I/O
   * problem (input file missing or unreadable, output not writable, reference data unusable).
   */
  public static final int USAGE = 2;
  /**
   * Input data problems: at least one line was rejected, or a file held no records. Without
   * {@code --strict} the valid lines were still processed and their results written; with it,
   * nothing was indexed or written.
   */
  public static final int DATA = 3;

  private ExitCode() {}
}
