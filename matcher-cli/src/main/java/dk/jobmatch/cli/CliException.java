package dk.jobmatch.cli;

/**
 * A failure the user can act on, with its exit code. The message is printed as one line after
 * {@code error: }, without a stack trace. Immutable.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * @param exitCode one of {@link ExitCode}
   * @param message what went wrong and, where possible, what to do
   */
  public CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** A usage or I/O problem ({@link ExitCode#USAGE}). */
  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  /** The exit code. */
  public int exitCode() {
    return exitCode;
  }
}
