package dk.jobmatch.model;

/**
 * The documented maximums of the model, enforced by the records' constructors so that no record
 * can exhaust memory, exceed the stored-record format or a search's clause budget. Each is sized
 * well above what a real record needs (a citizen's CV in the national systems lists a few dozen
 * skills; an order, at most a few dozen requirements). A record beyond a limit is refused with an
 * {@link IllegalArgumentException} naming the field and the limit (never a value); the CLI
 * reports it as a bad line and goes on with the others.
 *
 * <p>String lengths: ids 128 characters, skill ids 300, certificate codes 40, order title 100,
 * order description 5,000, employer name 200, education field 200. The CLI also refuses an input
 * line longer than 1 MiB.
 */
public final class Limits {
  /** Job goals per citizen. */
  public static final int CITIZEN_JOB_GOALS = 50;
  /** Experience entries per citizen. */
  public static final int CITIZEN_EXPERIENCE = 200;
  /** Skills per citizen. */
  public static final int CITIZEN_SKILLS = 1_000;
  /** Certificates per citizen. */
  public static final int CITIZEN_CERTIFICATES = 100;
  /** Languages per citizen. */
  public static final int CITIZEN_LANGUAGES = 30;
  /** Required skills per job order. */
  public static final int ORDER_REQUIRED_SKILLS = 200;
  /** Required certificates per job order. */
  public static final int ORDER_CERTIFICATES = 50;
  /** Required languages per job order. */
  public static final int ORDER_LANGUAGES = 20;

  private Limits() {}
}
