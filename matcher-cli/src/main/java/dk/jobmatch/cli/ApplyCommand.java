package dk.jobmatch.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.cli.io.JsonLinesReader;
import dk.jobmatch.cli.json.ChangeJson;
import dk.jobmatch.cli.json.LineProblem;
import dk.jobmatch.engine.ChangeFeed;
import dk.jobmatch.engine.FeedEvent;
import dk.jobmatch.internal.DayClock;
import dk.jobmatch.engine.LiveShortlists;
import dk.jobmatch.engine.LiveShortlists.Change;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.engine.ShortlistEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code apply}: applies a change file to a persistent index and writes the shortlist events.
 *
 * <p>One change per line: {@code {"op":"upsert","citizen":{…}}}, {@code
 * {"op":"delete","citizen":"ID"}}, {@code {"op":"upsert","order":{…}}}, {@code
 * {"op":"delete","order":"ID"}}. Later lines win; deleting an unknown id is a warning; bad lines
 * are reported and skipped (exit 3), or with {@code --strict} nothing is applied. The result is
 * the index that {@code index} would build from the merged files.
 *
 * <p><b>Events.</b> The standing shortlists (each open order's, K = its {@code maxCandidates},
 * else 10), as of the day of the last commit, are loaded from the generation ({@link
 * StandingLists}) when they were stored with it and fit, else recomputed from the index (one
 * {@code rank} per open order); then the day moves to {@code --as-of} (default today: orders whose
 * deadline has passed close) and the changes are applied together. The events are the net
 * difference, with {@code SUGGESTED} for orders entering a concerned citizen's top 10 suggestions,
 * as JSON Lines, written once the index is committed (see {@code LiveShortlists}).
 *
 * <p>Not thread-safe: one instance runs once.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Apply a change file to a persistent index (see 'jobmatch index') and write the shortlist events.",
        "Change lines: {\"op\":\"upsert\"|\"delete\",\"citizen\":{…}|\"ID\"} or {\"op\":…,\"order\":{…}|\"ID\"}.",
        "Events (JSON Lines): {\"generation\",\"seq\",\"event\":\"ENTERED\"|\"LEFT\",\"order\",\"citizen\",\"rank\","
            + "\"reason\",\"policy\"} and {\"generation\",\"seq\",\"event\":\"SUGGESTED\",\"citizen\",\"order\",\"rank\","
            + "\"policy\"}.",
        "Committed once at the end, the events with the index: an interrupted run leaves the index as it was;",
        "'jobmatch events --since G' prints them again. The same change file again is a no-op (its events are printed again).",
        "Exit codes: 0 ok, 2 usage or I/O problem (nothing done), 3 bad change lines (reported; valid lines applied)."})
public final class ApplyCommand extends EngineCommand {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Option(names = "--changes", paramLabel = "FILE", description = "The changes, one JSON object per line (UTF-8).")
  Path changes;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Write the events to FILE (replaced only when the changes are committed) instead of standard output.")
  Path events;

  @Option(names = "--events-retention", paramLabel = "N",
      description = "Keep the events of the last N generations for 'jobmatch events' (default: as the index says, else "
          + IndexStore.DEFAULT_EVENTS_RETENTION + ").")
  Integer eventsRetention;

  private IndexStore.Transaction tx;
  /** Whether the standing lists were loaded from the base generation (not recomputed); for tests. */
  boolean loadedLists;
  private final DayClock clock = new DayClock(LocalDate.now());

  /** @param ctx the surroundings */
  public ApplyCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected void checkSources() {
    requireOptions("--index=DIR", index(), "--changes=FILE", changes);
  }


  @Override
  protected boolean readsIndex() {
    return false;
  }

  @Override
  protected void configure(MatchEngine.Builder builder) {
    builder.asOf(null).clock(clock).directory(tx.engineDir()).startupSnapshot(true);
  }

  private RecordFile<Change> changeFile() {
    return new RecordFile<>(changes, "--changes", "changes", new RecordFile.Parser<>() {
      @Override
      public Change parse(String text, boolean truncatedHint) throws LineProblem {
        return ChangeJson.parse(text, truncatedHint);
      }

      @Override
      public String id(Change c) {
        return ChangeJson.id(c);
      }
    }, JsonLinesReader.DEFAULT_MAX_LINE_BYTES);
  }

  private record Line(long number, Change change) {}

  @Override
  public Integer call() throws Exception {
    checkOptions(1);
    RecordFile<Change> file = changeFile();
    file.checkReadable();
    checkNotAnInput("--events", events);
    if (events != null && Files.exists(events) && Files.isSameFile(events, changes)) {
      throw CliException.usage("--events: is the same file as --changes (" + events
          + "); writing it would replace the input. Choose another file");
    }
    if (events != null && Files.isDirectory(events)) {
      throw CliException.usage("--events: is a directory: " + events);
    }
    if (events != null && !Files.isDirectory(events.toAbsolutePath().getParent())) {
      throw CliException.usage("--events: directory does not exist: " + events.toAbsolutePath().getParent());
    }
    if (eventsRetention != null && eventsRetention < 1) {
      throw CliException.usage("--events-retention: must be at least 1 (generations), got " + eventsRetention);
    }
    IndexStore.Meta current = Files.isDirectory(index()) ? IndexStore.committed(index()) : null;
    if (current == null) {
      throw CliException.usage("--index: no index at " + index() + " (build one with 'jobmatch index')");
    }
    // The same change file as the last commit (a re-run after a crash, or by mistake): nothing to
    // apply; its events are written again, so a consumer that lost them gets them.
    String changesHash = IndexStore.hash(changes);
    byte[] again = IndexStore.eventsIfApplied(index(), current, changesHash);
    if (again != null) {
      writeEvents(again);
      ctx.err().println(String.format(Locale.ROOT,
          "%s: these changes were committed already as generation %d; nothing applied (their %,d %s written again)",
          index(), current.generation(), lineCount(again), lineCount(again) == 1 ? "event is" : "events are"));
      return ExitCode.OK;
    }
    // All lines are read and checked before the index is touched.
    List<Line> lines = new ArrayList<>();
    RecordFile.Summary summary = file.read(ctx.err(), true, false, progress(file, "reading"),
        (line, c) -> lines.add(new Line(line, c)));
    if (summary.rejected() > 0 && run.strict) {
      return strictRefusal(file, summary);
    }
    LocalDate day = run.asOf != null ? run.asOf : LocalDate.now();
    try (IndexStore.Transaction t = IndexStore.begin(index(), false, ctx.err())) {
      tx = t;
      if (t.base() == null) {
        throw CliException.usage("--index: no index at " + index() + " (build one with 'jobmatch index')");
      }
      LocalDate listsDay = t.base().asOf() == null ? day : LocalDate.parse(t.base().asOf());
      clock.set(listsDay.isAfter(day) ? day : listsDay);
      long t0 = ctx.nanoClock().getAsLong();
      MatchEngine engine = buildEngine();
      String policyLabel = engine.policy().label();
      boolean closed = false;
      try {
        IndexStore.Fingerprint fp = fingerprint(engine.policy());
        IndexStore.check(t.base(), fp, index());
        t0 = verbose(t0, "opened %s (%,d citizens, %,d orders)", index(), engine.citizenCount(), engine.orderCount());
        int retention = retention(eventsRetention, t.base());
        ChangeFeed feed = new ChangeFeed(t.base().generation(), retention);
        StandingLists.Loaded stored = StandingLists.load(IndexStore.standingFile(index(), t.base()),
            t.base().generation(), clock.day(), fp);
        // Same scoring code: the stored scores are trusted; otherwise each is checked against the kernel.
        LiveShortlists live = stored == null ? null
            : LiveShortlists.resume(engine, feed, LiveShortlists.DEFAULT_SUGGESTIONS, stored.lists(), !stored.trusted())
                .orElse(null);
        loadedLists = live != null;
        if (live == null) {
          live = LiveShortlists.start(engine, feed);
        }
        t0 = verbose(t0, "%s the standing lists of %,d open orders and %,d citizens (as of %s)%s",
            loadedLists ? "loaded" : "recomputed", live.openOrders().size(), engine.citizenCount(), clock.day(),
            !loadedLists ? "" : stored.trusted() ? "; scores trusted (same scoring code)" : "; every score checked");
        int ignored = warnUnknownDeletes(file, engine, lines);
        clock.set(day);
        List<Change> list = new ArrayList<>(lines.size());
        for (Line l : lines) {
          list.add(l.change());
        }
        live.apply(list);
        t0 = verbose(t0, "applied %,d changes (%,d orders ranked afresh in all)", list.size(), live.reranks());
        List<LiveShortlists.Stored> standing = live.stored();
        List<FeedEvent> out = feed.since(t.base().generation());
        if (feed.generation() != t.generation()) {
          throw new IllegalStateException("the change feed is at generation " + feed.generation() + ", the index at "
              + t.generation());
        }
        long citizenCount = engine.citizenCount();
        long orderCount = engine.orderCount();
        engine.close();
        closed = true;
        byte[] eventBytes = eventLines(out, policyLabel);
        t.writeEvents(eventBytes); // inside the generation: committed together with the index
        t.writeStanding(StandingLists.bytes(t.generation(), day, fp, standing)); // for the next apply
        storeTaxonomySnapshot(t, fp); // only when the CSV files had to be parsed (no valid snapshot)
        t.commit(fp, citizenCount, orderCount, day, changesHash, retention);
        verbose(t0, "committed");
        writeEvents(eventBytes);
        int applied = list.size() - ignored;
        ctx.err().println(String.format(Locale.ROOT,
            "%s: committed generation %d: %,d %s applied%s, %,d %s; %,d citizens, %,d job orders",
            index(), t.generation(), applied, applied == 1 ? "change" : "changes",
            ignored == 0 ? "" : String.format(Locale.ROOT, " (%,d %s of unknown ids ignored)", ignored,
                ignored == 1 ? "delete" : "deletes"),
            out.size(), out.size() == 1 ? "event" : "events", citizenCount, orderCount));
        summarize(file, summary);
        return summary.hasProblems() ? ExitCode.DATA : ExitCode.OK;
      } finally {
        if (!closed) {
          closeQuietly(engine);
          ctx.err().println(index() + ": nothing was committed; the index is unchanged (generation "
              + t.base().generation() + ")");
        }
      }
    }
  }

  /** The events retention: the option, else the index's, else the default. */
  static int retention(Integer option, IndexStore.Meta base) {
    if (option != null) {
      if (option < 1) {
        throw CliException.usage("--events-retention: must be at least 1 (generations), got " + option);
      }
      return option;
    }
    return base == null ? IndexStore.DEFAULT_EVENTS_RETENTION : base.eventsRetention();
  }

  private static long lineCount(byte[] bytes) {
    long n = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  /**
   * Warns, per line, about deletes of ids that are not there at that point of the file; returns
   * how many.
   */
  private int warnUnknownDeletes(RecordFile<Change> file, MatchEngine engine, List<Line> lines) {
    int ignored = 0;
    Set<String> citizenIds = new HashSet<>(engine.citizenIds());
    Set<String> orderIds = new HashSet<>();
    engine.orders().forEach(o -> orderIds.add(o.id()));
    for (Line l : lines) {
      switch (l.change()) {
        case Change.UpsertCitizen u -> citizenIds.add(u.citizen().id());
        case Change.UpsertOrder u -> orderIds.add(u.order().id());
        case Change.DeleteCitizen d -> {
          if (!citizenIds.remove(d.citizenId())) {
            ignored++;
            ctx.err().println(file.name() + ":" + l.number() + ": warning: citizen: no citizen with id '" + d.citizenId()
                + "' to delete; line ignored");
          }
        }
        case Change.DeleteOrder d -> {
          if (!orderIds.remove(d.orderId())) {
            ignored++;
            ctx.err().println(file.name() + ":" + l.number() + ": warning: order: no job order with id '" + d.orderId()
                + "' to delete; line ignored");
          }
        }
      }
    }
    return ignored;
  }

  /**
   * The event lines of one generation: {@code generation} and {@code seq} first, then the event
   * and the policy.
   */
  static byte[] eventLines(List<FeedEvent> list, String policy) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (FeedEvent fe : list) {
      ShortlistEvent e = fe.event();
      ObjectNode n = JSON.createObjectNode();
      n.put("generation", fe.generation());
      n.put("seq", fe.seq());
      n.put("event", e.kind().name());
      if (e.kind() == ShortlistEvent.Kind.SUGGESTED) {
        n.put("citizen", e.citizenId());
        n.put("order", e.orderId());
        n.put("rank", e.rank());
      } else {
        n.put("order", e.orderId());
        n.put("citizen", e.citizenId());
        n.put("rank", e.rank());
        n.put("reason", e.reason().name());
      }
      n.put("policy", policy);
      sb.append(JSON.writeValueAsString(n)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void writeEvents(byte[] bytes) throws IOException {
    if (events == null) {
      ctx.out().write(bytes);
      ctx.out().flush();
      checkStdout();
      return;
    }
    try (Output o = Output.open(events, ctx.out())) {
      OutputStream s = o.stream();
      s.write(bytes);
      o.commit();
    }
  }
}
