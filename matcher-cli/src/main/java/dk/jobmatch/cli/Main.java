package dk.jobmatch.cli;

import dk.jobmatch.cli.io.Stderr;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code jobmatch} command line (docs/cli.md): {@code match}, {@code suggest}, {@code batch},
 * {@code validate} and {@code explain} over JSON Lines files.
 *
 * <p>{@link #run(String[], PrintStream, PrintStream)} runs the CLI in-process and returns the
 * exit code (see {@link ExitCode}); {@link #main} calls it with the process's streams and exits.
 * Every failure becomes one line on standard error; no stack trace reaches the user unless the
 * environment variable {@code JOBMATCH_DEBUG} is set.
 *
 * <p>{@code run} is thread-safe in the sense that concurrent calls share no state (each builds its
 * own command tree and engine); output streams passed in are the caller's to coordinate.
 */
@Command(name = "jobmatch", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Match unemployed citizens against job orders (JSON Lines in, JSON Lines out).",
        "Run 'jobmatch COMMAND --help' for a command's options.",
        "Run as: java -jar jobmatch.jar COMMAND (or the matcher-cli/jobmatch launcher).",
        "Exit codes: 0 ok, 1 internal error, 2 usage or I/O problem (nothing done),",
        "3 bad input lines (reported; valid lines were used unless --strict)."})
public final class Main implements Callable<Integer> {
  /**
   * Lucene's vectorisation provider reports through java.util.logging whether the JDK's vector
   * incubator module is in use (INFO when it is, WARNING when it is not). jobmatch searches its
   * own in-memory postings, not Lucene's, so neither says anything a user can act on, and a clean
   * run prints nothing on standard error: the launcher runs without the incubator module (whose
   * use the JVM itself announces on standard error) and this logger is silenced. Held here so
   * that the setting is not garbage-collected with the logger.
   */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
  }
  @Spec
  CommandSpec spec;

  private Main() {}

  /**
   * Runs the CLI with the process's streams and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
    int code = run(args, out, System.err, stderrIsTerminal());
    out.flush();
    System.exit(code);
  }

  /**
   * Runs the CLI in-process, as if stderr were not a terminal (progress, if any, as plain lines).
   *
   * @param args the command line
   * @param out results, help and version
   * @param err diagnostics and progress
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, false);
  }

  /**
   * Runs the CLI in-process.
   *
   * @param terminal whether {@code err} is an interactive terminal
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    return run(args, new CliContext(out, new Stderr(err, terminal), System::nanoTime, ReferenceDataLoader.standard()));
  }

  /**
   * Runs the CLI in-process with the given surroundings (tests substitute reference data).
   *
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(String[] args, CliContext ctx) {
    CommandLine cl = commandLine(ctx);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli passes Errors through; this one has a remedy the user can apply
      ctx.err().println(String.format(java.util.Locale.ROOT,
          "error: out of memory (maximum heap %,d MB); give Java more, e.g. JAVA_OPTS=-Xmx8g matcher-cli/jobmatch ... "
              + "or java -Xmx8g -jar jobmatch.jar ...", Runtime.getRuntime().maxMemory() >> 20));
      return ExitCode.SOFTWARE;
    }
  }

  /** The picocli command tree, wired to {@code ctx}. */
  static CommandLine commandLine(CliContext ctx) {
    CommandLine cl = new CommandLine(new Main());
    cl.addSubcommand(new CommandLine(new MatchCommand(ctx)));
    cl.addSubcommand(new CommandLine(new SuggestCommand(ctx)));
    cl.addSubcommand(new CommandLine(new BatchCommand(ctx)));
    cl.addSubcommand(new CommandLine(new ValidateCommand(ctx)));
    cl.addSubcommand(new CommandLine(new IndexCommand(ctx)));
    cl.addSubcommand(new CommandLine(new ApplyCommand(ctx)));
    cl.addSubcommand(new CommandLine(new EventsCommand(ctx)));
    cl.addSubcommand(new CommandLine(new TuneCommand(ctx)));
    cl.addSubcommand(new CommandLine(new ComparePoliciesCommand(ctx)));
    cl.addSubcommand(new CommandLine(new ExplainCommand(ctx)));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new StderrWriter(ctx.err()), true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex, ctx));
    return cl;
  }

  /** Without a command: the usage help on stderr, and a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  private static int usageError(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.USAGE;
  }

  private static int failure(Exception ex, CliContext ctx) {
    if (ex instanceof CliException ce) {
      ctx.err().println("error: " + ce.getMessage());
      return ce.exitCode();
    }
    if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
      ctx.err().println("error: I/O: " + io.getClass().getSimpleName() + (io.getMessage() == null ? "" : ": " + io.getMessage()));
      debug(ex, ctx);
      return ExitCode.USAGE;
    }
    ctx.err().println("internal error: " + ex.getClass().getName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
        + " (please report it; set JOBMATCH_DEBUG=1 for details)");
    debug(ex, ctx);
    return ExitCode.SOFTWARE;
  }

  private static void debug(Exception ex, CliContext ctx) {
    if (System.getenv("JOBMATCH_DEBUG") != null) {
      java.io.StringWriter sw = new java.io.StringWriter();
      ex.printStackTrace(new PrintWriter(sw));
      ctx.err().println(sw.toString().stripTrailing());
    }
  }

  /**
   * Whether standard error is an interactive terminal. The usual test, {@code System.console() !=
   * null}, looks at stdin and stdout, so it says "no" in the commonest case, {@code jobmatch match
   * ... > results.jsonl}, where progress is most wanted; on Linux, where standard error points to
   * is read from {@code /proc/self/fd/2}. Elsewhere the console test is the fallback, with {@code
   * Console.isTerminal()} where present (JDK 22+ may return a console even when redirected).
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall through to the portable test
    }
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a non-null console means a terminal
    }
  }

  /** Routes picocli's error writer through {@link Stderr}, line by line. */
  private static final class StderrWriter extends java.io.Writer {
    private final Stderr err;
    private final StringBuilder pending = new StringBuilder();

    StderrWriter(Stderr err) {
      this.err = err;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        char c = cbuf[i];
        if (c == '\n') {
          String line = pending.toString();
          pending.setLength(0);
          err.println(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        } else {
          pending.append(c);
        }
      }
    }

    @Override
    public void flush() {
      // whole lines are written as they complete; a partial line waits for its newline
    }

    @Override
    public void close() {
      if (pending.length() > 0) {
        err.println(pending.toString());
        pending.setLength(0);
      }
    }
  }
}
