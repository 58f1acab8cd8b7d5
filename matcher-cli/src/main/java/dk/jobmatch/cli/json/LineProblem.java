package dk.jobmatch.cli.json;

/**
 * Why one input line was rejected, as {@code field: reason} (the CLI prefixes {@code FILE:LINE:}).
 * The message names the field by its JSON path ({@code experience[2].years}) and quotes at most
 * a short, non-personal value; it never carries a stack trace to the user, so it records none.
 */
public final class LineProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message {@code field: reason} */
  public LineProblem(String message) {
    super(message, null, false, false);
  }
}
