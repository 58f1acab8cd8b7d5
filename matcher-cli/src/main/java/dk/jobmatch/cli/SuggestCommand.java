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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code suggest}: for each citizen, in input order, the top K open job orders, one line per
 * (citizen, rank). The citizens file is read twice (index, then suggest) so that a million
 * citizens never sit in memory as objects; a citizen whose id appears again later is suggested for
 * once, at the later line.
 *
 * <p>Not thread-safe: one instance runs once. Failures are reported through {@link CliException}
 * (exit 2) or the exit code 3 for rejected lines; see {@link ExitCode}.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Suggest job orders for each citizen: one JSON line per (citizen, rank), citizens in input order.",
        "Fields: citizen, rank, order, score, components, matchedSkills, missingSkills, flags (and matchedVia, labels",
        "when they have an entry). --format text: a block of sentences per result, to read aloud (--lang da|en).",
        "Exit codes: 0 ok, 2 usage or I/O problem (nothing done), 3 bad input lines (reported; valid lines used)."})
public final class SuggestCommand extends EngineCommand {
  /** {@code --citizens}, {@code --orders}. */
  @Mixin
  SourceOptions sources = new SourceOptions();

  /** {@code --out}. */
  @Mixin
  OutOption outOption = new OutOption();

  @Option(names = "--top", paramLabel = "K", defaultValue = "10",
      description = "Job orders per citizen (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin
  NarrationOptions narration = new NarrationOptions();

  /** @param ctx the surroundings */
  public SuggestCommand(CliContext ctx) {
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
      for (JobOrder o : orders.list()) {
        engine.upsertOrder(o);
      }
      // Citizens are indexed too: without ESCO, skill specificity comes from rarity in the population.
      RecordFile.Summary citizenSummary = indexCitizens(citizenFile, engine, checked);

      Narrator narrator = narration.narrator(engine.taxonomy());
      boolean text = narration.format() == NarrationOptions.Format.text;
      MatchLineWriter writer = new MatchLineWriter(text ? OutputStream.nullOutputStream() : output.stream(),
          MatchLineWriter.Direction.CITIZEN_FIRST, engine.policy().label(), narrator.labels());
      NarrationWriter blocks = new NarrationWriter(output.stream(), narrator.footer(engine.policy().label(), engine.today()));
      try (OrderedPipeline<List<Match>> pipeline = new OrderedPipeline<>(threadCount(), matches -> {
        int rank = 0;
        for (Match m : matches) {
          rank++;
          JobOrder order = engine.order(m.orderId()).orElse(null);
          if (text) {
            blocks.write(narrator.suggestion(m, rank, order));
          } else {
            writer.write(m, rank, order);
          }
        }
        blocks.flush();
        checkStdout();
      })) {
        long t0 = ctx.nanoClock().getAsLong();
        if (fromIndex()) {
          // The index's citizens, by id.
          for (String id : engine.citizenIds()) {
            Citizen c = engine.citizen(id).orElse(null);
            if (c != null) {
              pipeline.submit(() -> engine.suggest(c, top));
            }
          }
        } else {
          Progress progress = progress(citizenFile, "suggesting for");
          citizenFile.read(ctx.err(), false, false, progress, (line, c) -> {
            if (citizenFile.isWinningLine(c.id(), line)) {
              pipeline.submit(() -> engine.suggest(c, top));
            }
          });
        }
        pipeline.finish();
        verbose(t0, "suggested for the citizens, wrote %,d lines", text ? blocks.blocks() : writer.lines());
      }
      writer.close();
      output.commit();
      checkStdout();

      summarize(orderFile, orders.summary());
      summarize(citizenFile, citizenSummary);
      return orders.summary().hasProblems() || citizenSummary.hasProblems() ? ExitCode.DATA : ExitCode.OK;
    }
  }
}
