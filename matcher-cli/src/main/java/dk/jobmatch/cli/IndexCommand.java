package dk.jobmatch.cli;

import dk.jobmatch.engine.LiveShortlists;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.engine.ShortlistListener;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code index}: builds a persistent index of citizens (and open orders) in {@code --index DIR},
 * or upserts into an existing one (an upsert replaces the whole record; an order keeps the place
 * of its first add). The index records the reference data and policy it was built with; the
 * commands that read it refuse different ones. Everything is committed at once at the end: an
 * interrupted run leaves the index at its last commit.
 *
 * <p>Not thread-safe: one instance runs once. Failures are {@link CliException}s (exit 2) or exit
 * 3 for rejected lines; see {@link ExitCode}.
 */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Build a persistent index of citizens and job orders in DIR, or upsert into an existing one.",
        "match, suggest, batch and explain then take --index DIR in place of --citizens; apply keeps it current.",
        "The index remembers --esco, --disco, --shortage and the policy, and refuses different ones (--rebuild starts anew).",
        "Committed once at the end: an interrupted run leaves the index as it was.",
        "Exit codes: 0 ok, 2 usage or I/O problem (nothing done), 3 bad input lines (reported; valid lines indexed)."})
public final class IndexCommand extends EngineCommand {
  /** {@code --citizens}, {@code --orders}. */
  @Mixin
  SourceOptions sources = new SourceOptions();

  @Option(names = "--rebuild",
      description = "Start from an empty index (e.g. after new reference data or policy) instead of upserting into it.")
  boolean rebuild;

  @Option(names = "--events-retention", paramLabel = "N",
      description = "Keep the events of the last N generations for 'jobmatch events' (default: as the index says, else "
          + IndexStore.DEFAULT_EVENTS_RETENTION + ").")
  Integer eventsRetention;

  private IndexStore.Transaction tx;

  /** @param ctx the surroundings */
  public IndexCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected SourceOptions sources() {
    return sources;
  }

  @Override
  protected void checkSources() {
    requireOptions("--citizens=FILE", citizens(), "--index=DIR", index());
    if (Files.exists(index()) && !Files.isDirectory(index())) {
      throw CliException.usage("--index: not a directory: " + index());
    }
  }

  /** A rebuild takes the reference data given now, not the index's. */
  @Override
  protected void useStoredReference() {
    if (!rebuild) {
      super.useStoredReference();
    }
  }


  @Override
  protected boolean readsIndex() {
    return false;
  }

  @Override
  protected void configure(MatchEngine.Builder builder) {
    builder.directory(tx.engineDir()).startupSnapshot(true);
  }

  @Override
  public Integer call() throws Exception {
    checkOptions(1);
    RecordFile<Citizen> citizenFile = citizenFile();
    RecordFile<JobOrder> orderFile = orders() == null ? null : orderFile();
    boolean checked = false;
    if (run.strict) {
      // Every file is checked before the index is touched.
      RecordFile.Summary os = orderFile == null ? null : checkOrders(orderFile);
      RecordFile.Summary cs = checkCitizens(citizenFile);
      if (os != null && os.hasProblems()) {
        summarize(citizenFile, cs);
        return strictRefusal(orderFile, os);
      }
      if (cs.hasProblems()) {
        return strictRefusal(citizenFile, cs);
      }
      checked = true;
    }
    LocalDate day = run.asOf != null ? run.asOf : LocalDate.now();
    try (IndexStore.Transaction t = IndexStore.begin(index(), rebuild, ctx.err())) {
      tx = t;
      long t0 = ctx.nanoClock().getAsLong();
      MatchEngine engine = buildEngine();
      boolean closed = false;
      try {
        IndexStore.Fingerprint fp = fingerprint(engine.policy());
        if (t.base() != null && !rebuild) {
          IndexStore.check(t.base(), fp, index());
        }
        t0 = verbose(t0, "opened %s (%,d citizens, %,d orders)", index(), engine.citizenCount(), engine.orderCount());
        RecordFile.Summary orderSummary = null;
        if (orderFile != null) {
          // In line order: a new order is appended, a known one keeps its place (the later line's content wins).
          orderSummary = orderFile.read(ctx.err(), !checked, !checked, progress(orderFile, "indexing"),
              (line, o) -> engine.upsertOrder(o));
          t0 = verbose(t0, "indexed %,d job orders", orderSummary.records());
        }
        RecordFile.Summary citizenSummary = indexCitizens(citizenFile, engine, checked);
        long citizenCount = engine.citizenCount();
        long orderCount = engine.orderCount();
        // The standing shortlists of this generation, for the next apply (which starts from this day).
        List<LiveShortlists.Stored> standing = null;
        if (engine.today().equals(day)) {
          standing = LiveShortlists.start(engine, ShortlistListener.none()).stored();
          t0 = verbose(t0, "computed the standing lists of %,d open orders (as of %s)", standing.size(), day);
        }
        engine.close();
        closed = true;
        t.storeReference(reference.esco, reference.disco, reference.shortage, reference.policyFile);
        storeTaxonomySnapshot(t, fp);
        if (standing != null) {
          t.writeStanding(StandingLists.bytes(t.generation(), day, fp, standing));
        }
        t.commit(fp, citizenCount, orderCount, day, null, ApplyCommand.retention(eventsRetention, t.base()));
        verbose(t0, "committed");
        ctx.err().println(String.format(java.util.Locale.ROOT, "%s: committed generation %d: %,d citizens, %,d job orders",
            index(), t.generation(), citizenCount, orderCount));
        if (orderSummary != null) {
          summarize(orderFile, orderSummary);
        }
        summarize(citizenFile, citizenSummary);
        boolean problems = citizenSummary.hasProblems() || (orderSummary != null && orderSummary.hasProblems());
        return problems ? ExitCode.DATA : ExitCode.OK;
      } finally {
        if (!closed) {
          closeQuietly(engine);
          ctx.err().println(index() + ": nothing was committed; the index is unchanged"
              + (t.base() == null ? " (no index yet)" : " (generation " + t.base().generation() + ")"));
        }
      }
    }
  }

  private RecordFile.Summary checkOrders(RecordFile<JobOrder> file) throws java.io.IOException {
    return file.read(ctx.err(), true, true, progress(file, "checking"), (line, o) -> {});
  }
}
