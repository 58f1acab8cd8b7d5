package dk.jobmatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code events}: the change feed of a persistent index — every retained shortlist event after a
 * generation, in order, exactly as {@code apply} wrote them.
 *
 * <p>Each {@code apply} commits one generation of the index together with its events (they are
 * written inside the generation before it becomes the current one), so no committed change can
 * lose its events. A consumer remembers the last generation it has fully processed and asks for
 * the events after it, like an offset in a Kafka topic or JobTech's JobStream.
 *
 * <p>Not thread-safe: one instance runs once.
 */
@Command(name = "events", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Print the retained shortlist events of a persistent index after generation G, in order (the change feed).",
        "Each line is an event as 'apply' wrote it, with its \"generation\" and \"seq\".",
        "Exit codes: 0 ok, 2 usage or I/O problem, or events after G no longer kept."})
public final class EventsCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--index", paramLabel = "DIR", required = true, description = "The index (see 'jobmatch index').")
  Path index;

  @Option(names = "--since", paramLabel = "G",
      description = "Print the events of the generations after G (default 0: every retained event).")
  long since;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (replaced when complete) instead of standard output.")
  Path out;

  /** @param ctx the surroundings */
  public EventsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    if (since < 0) {
      throw CliException.usage("--since: must not be negative (a generation number), got " + since);
    }
    byte[] bytes = IndexStore.eventsSince(index, since);
    try (Output o = Output.open(out, ctx.out())) {
      o.stream().write(bytes);
      o.commit();
    }
    return ExitCode.OK;
  }
}
