package dk.jobmatch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code batch}: congestion-aware shortlists for all open orders at once, with a report
 * (DESIGN.md §4, issue 6). Not available yet: this stub says so plainly and exits with {@link
 * ExitCode#USAGE}, whatever the arguments.
 *
 * <p>Not thread-safe: one instance runs once.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = {"Shortlists for all open orders at once, spreading candidates fairly, plus a report.",
        "NOT AVAILABLE YET (see issue 6): exits with code 2."})
public final class BatchCommand implements Callable<Integer> {
  @Unmatched
  List<String> ignored;

  private final CliContext ctx;

  /** @param ctx the surroundings */
  public BatchCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ctx.err().println("batch: not available yet (see issue 6)");
    return ExitCode.USAGE;
  }
}
