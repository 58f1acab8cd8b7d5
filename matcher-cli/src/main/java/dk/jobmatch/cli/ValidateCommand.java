package dk.jobmatch.cli;

import dk.jobmatch.cli.io.JsonLinesReader;
import dk.jobmatch.cli.io.Progress;
import dk.jobmatch.scoring.ScoringPolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code validate}: reads citizens and/or job orders exactly as {@code match} would, reports every
 * problem on standard error, prints one summary line per file on standard output, and indexes
 * nothing.
 *
 * <p>Not thread-safe: one instance runs once.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Check citizens and/or job orders files, and/or a scoring policy file, without indexing anything.",
        "Problems go to standard error as FILE:LINE: field: reason; a summary per file to standard output.",
        "Exit codes: 0 all lines valid, 2 usage or I/O problem, 3 some lines rejected or a file without records."})
public final class ValidateCommand implements Callable<Integer> {
  @Option(names = "--citizens", paramLabel = "FILE", description = "A citizens file to check.")
  Path citizens;

  @Option(names = "--orders", paramLabel = "FILE", description = "A job orders file to check.")
  Path orders;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "A scoring policy file to check; a bad one is a usage error (exit 2) naming the field and the rule.")
  Path policy;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
  boolean quiet;

  private final CliContext ctx;

  /** @param ctx the surroundings */
  public ValidateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    if (citizens == null && orders == null && policy == null) {
      throw CliException.usage("validate needs --citizens FILE, --orders FILE, --policy FILE, or several");
    }
    if (policy != null) {
      // first: a bad policy is a usage error, and nothing else is checked
      ScoringPolicy p = EngineCommand.readPolicy("--policy", policy);
      ctx.out().println("--policy: " + policy + ": valid policy " + p.label());
    }
    List<RecordFile<?>> files = new ArrayList<>();
    if (orders != null) {
      files.add(new RecordFile<>(orders, "--orders", "job orders", RecordFile.ORDERS, JsonLinesReader.DEFAULT_MAX_LINE_BYTES));
    }
    if (citizens != null) {
      files.add(new RecordFile<>(citizens, "--citizens", "citizens", RecordFile.CITIZENS, JsonLinesReader.DEFAULT_MAX_LINE_BYTES));
    }
    for (RecordFile<?> f : files) {
      f.checkReadable();
    }
    boolean problems = false;
    PrintStream out = ctx.out();
    for (RecordFile<?> f : files) {
      RecordFile.Summary s = f.read(ctx.err(), true, true, progress(f), (line, r) -> { });
      problems |= s.hasProblems();
      out.println(String.format(Locale.ROOT, "%s: %,d %s, %,d valid, %,d rejected, %,d duplicate %s%s",
          f.name(), s.lines(), s.lines() == 1 ? "line" : "lines", s.records(), s.rejected(), s.duplicates(),
          s.duplicates() == 1 ? "id" : "ids", s.noRecords() ? " (no records)" : ""));
    }
    out.flush();
    return problems ? ExitCode.DATA : ExitCode.OK;
  }

  private Progress progress(RecordFile<?> f) {
    long size = f.size();
    if (quiet) {
      return Progress.off();
    }
    if (ctx.err().terminal()) {
      return new Progress(ctx.err(), Progress.Mode.TERMINAL, "checking " + f.name(), size, ctx.nanoClock());
    }
    return size >= EngineCommand.QUIET_PROGRESS_MIN_BYTES
        ? new Progress(ctx.err(), Progress.Mode.PERCENT, "checking " + f.name(), size, ctx.nanoClock())
        : Progress.off();
  }
}
