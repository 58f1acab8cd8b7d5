package dk.jobmatch.cli;

import dk.jobmatch.cli.io.Progress;
import dk.jobmatch.cli.json.MatchLineWriter;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.narrative.Narrator;
import dk.jobmatch.scoring.Match;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code match}: for each job order, in input order, the top K citizens, one line per (order,
 * rank). Public employers' orders may list fortrinsadgang candidates beyond K, ranked K+1, K+2, …
 *
 * <p>Not thread-safe: one instance runs once. Failures are reported through {@link CliException}
 * (exit 2) or the exit code 3 for rejected lines; see {@link ExitCode}.
 */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Rank citizens for each job order: one JSON line per (order, rank), orders in input order.",
        "Fields: order, rank, citizen, score, components, matchedSkills, missingSkills, flags (and matchedVia, labels",
        "when they have an entry). --format text: a block of sentences per result, to read aloud (--lang da|en).",
        "Exit codes: 0 ok, 2 usage or I/O problem (nothing done), 3 bad input lines (reported; valid lines used)."})
public final class MatchCommand extends EngineCommand {
  /** {@code --citizens}, {@code --orders}. */
  @Mixin
  SourceOptions sources = new SourceOptions();

  /** {@code --out}. */
  @Mixin
  OutOption outOption = new OutOption();

  @Option(names = "--top", paramLabel = "K", defaultValue = "10",
      description = "Candidates per order (default: ${DEFAULT-VALUE}); fortrinsadgang candidates may follow.")
  int top;

  @Mixin
  NarrationOptions narration = new NarrationOptions();

  /** One order's ranking. */
  private record Ranked(JobOrder order, List<Match> matches) {}

  /** @param ctx the surroundings */
  public MatchCommand(CliContext ctx) {
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

  @Override
  public Integer call() throws Exception {
    checkOptions(top);
    narration.check(false);
    RecordFile<JobOrder> orderFile = orderFile();
    RecordFile<Citizen> citizenFile = citizenFile();
    try (Output output = Output.open(out(), ctx.out()); MatchEngine engine = buildEngine()) {
      Inputs inputs = readInputs(orderFile, citizenFile);
      if (inputs.refusal() != null) {
        return inputs.refusal();
      }
      Orders orders = inputs.orders();
      boolean checked = inputs.citizensChecked();
      RecordFile.Summary citizenSummary = indexCitizens(citizenFile, engine, checked);

      Narrator narrator = narration.narrator(engine.taxonomy());
      boolean text = narration.format() == NarrationOptions.Format.text;
      MatchLineWriter writer = new MatchLineWriter(text ? OutputStream.nullOutputStream() : output.stream(),
          MatchLineWriter.Direction.ORDER_FIRST, engine.policy().label(), narrator.labels());
      NarrationWriter blocks = new NarrationWriter(output.stream(), narrator.footer(engine.policy().label(), engine.today()));
      int total = orders.list().size();
      long t0 = ctx.nanoClock().getAsLong();
      Progress progress = rankingProgress(String.format(Locale.ROOT, "ranking %,d job orders", total), "orders", total);
      long[] done = {0};
      try (OrderedPipeline<Ranked> pipeline = new OrderedPipeline<>(threadCount(), ranked -> {
        int rank = 0;
        for (Match m : ranked.matches()) {
          rank++;
          if (text) {
            blocks.write(narrator.candidate(m, rank, ranked.order()));
          } else {
            writer.write(m, rank, ranked.order());
          }
        }
        blocks.flush();
        checkStdout();
        done[0]++;
        progress.update(done[0], done[0], 0);
      })) {
        for (JobOrder o : orders.list()) {
          pipeline.submit(() -> new Ranked(o, engine.rank(o, top)));
        }
        pipeline.finish();
      }
      progress.finish(done[0], done[0], 0);
      verbose(t0, "ranked %,d job orders, wrote %,d lines", total, text ? blocks.blocks() : writer.lines());
      writer.close();
      output.commit();
      checkStdout();

      summarize(orderFile, orders.summary());
      summarize(citizenFile, citizenSummary);
      summarizeClosed(orderFile.name(), orders.list(), engine.today());
      return orders.summary().hasProblems() || citizenSummary.hasProblems() ? ExitCode.DATA : ExitCode.OK;
    }
  }
}
