package dk.jobmatch.cli;

import dk.jobmatch.batch.Algorithm;
import dk.jobmatch.batch.BatchListener;
import dk.jobmatch.batch.BatchMatcher;
import dk.jobmatch.batch.BatchOptions;
import dk.jobmatch.batch.BatchResult;
import dk.jobmatch.batch.Shortlist;
import dk.jobmatch.cli.io.Progress;
import dk.jobmatch.cli.json.MatchLineWriter;
import dk.jobmatch.cli.report.HtmlReport;
import dk.jobmatch.cli.report.ReportFile;
import dk.jobmatch.cli.report.ReportJson;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.report.BatchReport;
import dk.jobmatch.scoring.Match;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batch}: shortlists for all job orders at once, no citizen put forward to more than C
 * orders (docs/cli.md), in the line format of {@code match}; optionally the coverage,
 * congestion, shortage-gap, upskilling and exposure report as JSON ({@code --report}) and as a
 * self-contained HTML page ({@code --report-html}).
 *
 * <p>Not thread-safe: one instance runs once.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Shortlists for all job orders at once, spreading candidates fairly: no citizen is put forward to more than C"
            + " orders (fortrinsadgang seats on public employers' orders are always kept), total fit maximised,"
            + " shortage orders served first.",
        "Output: one JSON line per (order, rank), orders in input order, the fields of match.",
        "--report/--report-html: coverage, congestion (before/after), shortage gaps, upskilling needs, exposure.",
        "Exit codes: 0 ok, 2 usage or I/O problem (nothing done), 3 bad input lines (reported; valid lines used)."})
public final class BatchCommand extends EngineCommand {
  /** {@code --citizens}, {@code --orders}. */
  @Mixin
  SourceOptions sources = new SourceOptions();

  /** {@code --out}. */
  @Mixin
  OutOption outOption = new OutOption();

  @Option(names = "--per-citizen", paramLabel = "C", defaultValue = "3",
      description = "The most orders one citizen is put forward to (default: ${DEFAULT-VALUE}).")
  int perCitizen;

  @Option(names = "--top", paramLabel = "K", defaultValue = "10",
      description = "Shortlist length for orders without maxCandidates (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the report as JSON to FILE.")
  Path report;

  @Option(names = "--report-html", paramLabel = "FILE",
      description = "Write the report as one self-contained HTML page with charts to FILE.")
  Path reportHtml;

  @Option(names = "--algorithm", paramLabel = "A", defaultValue = "MIN_COST_FLOW",
      description = "MIN_COST_FLOW (default, optimal), GREEDY or INDEPENDENT_TOP_K (no cap): the last two for comparison.")
  Algorithm algorithm;

  @Option(names = "--depth", paramLabel = "F", defaultValue = "3",
      description = "Candidates ranked per shortlist place; more gives the allocation more room (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--spread-penalty", paramLabel = "X", defaultValue = "0",
      description = "Each further shortlist of the same citizen is worth X less (0-10, default: ${DEFAULT-VALUE}).")
  double spreadPenalty;

  /** @param ctx the surroundings */
  public BatchCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected SourceOptions sources() {
    return sources;
  }

  @Override
  protected OutOption outOption() {
    return outOption;
  }

  private BatchOptions batchOptions() {
    if (perCitizen < 1 || perCitizen > 1000) {
      throw CliException.usage("--per-citizen: '" + perCitizen + "' must be between 1 and 1000");
    }
    if (depth < 1 || depth > 100) {
      throw CliException.usage("--depth: '" + depth + "' must be between 1 and 100");
    }
    if (!(spreadPenalty >= 0 && spreadPenalty <= 10)) {
      throw CliException.usage("--spread-penalty: '" + spreadPenalty + "' must be between 0 and 10");
    }
    return BatchOptions.builder()
        .algorithm(algorithm)
        .perCitizen(perCitizen)
        .defaultMaxCandidates(top)
        .depthFactor(depth)
        .spreadPenalty(spreadPenalty)
        .parallelism(threadCount())
        .build();
  }

  private static ReportFile openReport(Path path, String option) {
    if (path == null) {
      return null;
    }
    try {
      return ReportFile.open(path);
    } catch (IOException e) {
      throw CliException.usage(option + ": cannot write " + path + ": " + RecordFile.describe(e));
    }
  }

  @Override
  public Integer call() throws Exception {
    checkOptions(top);
    checkNotAnInput("--report", report);
    checkNotAnInput("--report-html", reportHtml);
    BatchOptions options = batchOptions();
    RecordFile<JobOrder> orderFile = orderFile();
    RecordFile<Citizen> citizenFile = citizenFile();
    try (Output output = Output.open(out(), ctx.out());
        ReportFile json = openReport(report, "--report");
        ReportFile html = openReport(reportHtml, "--report-html");
        MatchEngine engine = buildEngine()) {
      Inputs inputs = readInputs(orderFile, citizenFile);
      if (inputs.refusal() != null) {
        return inputs.refusal();
      }
      Orders orders = inputs.orders();
      boolean checked = inputs.citizensChecked();
      RecordFile.Summary citizenSummary = indexCitizens(citizenFile, engine, checked);

      long t0 = ctx.nanoClock().getAsLong();
      BatchResult result;
      try {
        result = new BatchMatcher(options).run(engine, orders.list(), listener());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCode.SOFTWARE, "interrupted");
      }
      verbose(t0, "ranked %,d job orders (%.1f s) and allocated %,d of %,d places (%.1f s)", result.shortlists().size(),
          result.rankingTime().toMillis() / 1e3, result.placesFilled(), result.placesRequested(),
          result.allocationTime().toMillis() / 1e3);
      MatchLineWriter writer = new MatchLineWriter(output.stream(), MatchLineWriter.Direction.ORDER_FIRST, engine.policy().label());
      for (Shortlist s : result.shortlists()) {
        int rank = 0;
        for (Match m : s.matches()) {
          writer.write(m, ++rank);
        }
      }
      writer.close();
      checkStdout();

      if (json != null || html != null) {
        long t1 = ctx.nanoClock().getAsLong();
        BatchReport r = BatchReport.builder(result)
            .population(fromIndex() ? pool(engine).values() : pool(citizenFile).values())
            .citizens(engine::citizen)
            .taxonomy(engine.taxonomy())
            .policy(engine.policy().label())
            .build();
        if (json != null) {
          json.commit(ReportJson.write(r));
        }
        if (html != null) {
          html.commit(HtmlReport.render(r, "Batch matching report"));
        }
        verbose(t1, "wrote the report");
      }
      output.commit();
      checkStdout();

      summarize(orderFile, orders.summary());
      summarize(citizenFile, citizenSummary);
      summarizeClosed(orderFile.name(), orders.list(), engine.today());
      return orders.summary().hasProblems() || citizenSummary.hasProblems() ? ExitCode.DATA : ExitCode.OK;
    }
  }

  /**
   * The eligible pool for the exposure audit: every valid citizen line (the later of duplicate
   * ids), reduced to what the report counts (target group, compensation schemes, searchable). A
   * second, quiet pass over the file: the engine keeps no list of its citizens, and full copies
   * kept during indexing would cost far more memory than these.
   */
  private Map<String, Citizen> pool(RecordFile<Citizen> file) throws IOException {
    Map<String, Citizen> byId = new LinkedHashMap<>();
    file.read(ctx.err(), false, false, Progress.off(), (line, c) -> byId.put(c.id(),
        Citizen.builder(c.id()).targetGroup(c.targetGroup()).searchable(c.searchable()).compensation(c.compensation()).build()));
    return byId;
  }

  /** The eligible pool as {@link #pool(RecordFile)}, from the citizens of {@code --index}. */
  private static Map<String, Citizen> pool(MatchEngine engine) {
    Map<String, Citizen> byId = new LinkedHashMap<>();
    for (String id : engine.citizenIds()) {
      engine.citizen(id).ifPresent(c -> byId.put(c.id(),
          Citizen.builder(c.id()).targetGroup(c.targetGroup()).searchable(c.searchable()).compensation(c.compensation()).build()));
    }
    return byId;
  }

  /**
   * Progress on standard error as for {@code match}: a status line on a terminal, else a line per
   * 10 % for large runs; nothing with {@code --quiet}. The batch serialises listener calls.
   */
  private BatchListener listener() {
    return new BatchListener() {
      private Progress progress = Progress.off();

      @Override
      public void phaseStarted(Phase phase, long total) {
        progress = phase == Phase.CANDIDATES
            ? rankingProgress(String.format(Locale.ROOT, "ranking %,d job orders", total), "orders", total)
            : rankingProgress(String.format(Locale.ROOT, "allocating %,d places", total), "places", total);
      }

      @Override
      public void progress(Phase phase, long done, long total) {
        if (done >= total) {
          progress.finish(done, done, 0);
        } else {
          progress.update(done, done, 0);
        }
      }
    };
  }
}
