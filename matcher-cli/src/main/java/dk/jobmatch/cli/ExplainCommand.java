package dk.jobmatch.cli;

import dk.jobmatch.cli.io.JsonLinesReader;
import dk.jobmatch.cli.io.Progress;
import dk.jobmatch.cli.json.ExplainLineWriter;
import dk.jobmatch.cli.json.LineProblem;
import dk.jobmatch.cli.json.PairJson;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.narrative.ExplanationPage;
import dk.jobmatch.narrative.Narrator;
import dk.jobmatch.scoring.PairExplanation;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code explain}: "why was this citizen (not) proposed for that order?" For each requested
 * (citizen, order) pair, in input order, one JSON line with every gate (passed or not, relaxed or
 * not, and the values compared) and, when every gate passes, the fields of a {@code match} line,
 * the citizen's rank among all eligible citizens, the score of the K-th place and the gap to it
 * (see {@link ExplainLineWriter}).
 *
 * <p>Pairs come from {@code --citizen ID --order ID} or from {@code --pairs FILE} (JSON Lines of
 * {@code {"citizen":…,"order":…}}). A pair naming an id that is not among the citizens or orders
 * read is a bad line: reported ({@code FILE:LINE: citizen: unknown id …}, or {@code --citizen:
 * …}), skipped, exit 3; under {@code --strict} nothing is written.
 *
 * <p>Not thread-safe: one instance runs once. Failures are reported through {@link CliException}
 * (exit 2) or the exit code 3 for rejected lines; see {@link ExitCode}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Explain (citizen, order) pairs: why a citizen is or is not proposed for an order.",
        "One JSON line per pair, in input order: citizen, order, eligible, gates (every gate with passed,",
        "relaxed and the values compared) and, when eligible, score, components, matchedSkills,",
        "missingSkills, flags, rank (place among all eligible citizens), kthScore, gapToKth (the score lacking to",
        "the K-th place; gapToTop is the same value under its old name), and matchedVia and labels when they have",
        "an entry. --format text: a block of sentences per pair, to read aloud; --format html --out F: a printable",
        "page per pair for the citizen (with --pairs, F is a directory). --lang da|en.",
        "Exit codes: 0 ok, 2 usage or I/O problem (nothing done), 3 bad input lines or unknown ids",
        "(reported; the other pairs are explained)."})
public final class ExplainCommand extends EngineCommand {
  /** {@code --citizens}, {@code --orders}. */
  @Mixin
  SourceOptions sources = new SourceOptions();

  /** {@code --out}. */
  @Mixin
  OutOption outOption = new OutOption();

  /** Pairs file parser: ids only. */
  static final RecordFile.Parser<PairJson.Pair> PAIRS = new RecordFile.Parser<>() {
    @Override public PairJson.Pair parse(String text, boolean truncatedHint) throws LineProblem {
      return PairJson.parse(text, truncatedHint);
    }
    @Override public String id(PairJson.Pair p) {
      return p.citizen() + "\u0000" + p.order();
    }
  };

  @Option(names = "--citizen", paramLabel = "ID", description = "The citizen of the one pair to explain (with --order).")
  String citizenId;

  @Option(names = "--order", paramLabel = "ID", description = "The job order of the one pair to explain (with --citizen).")
  String orderId;

  @Option(names = "--pairs", paramLabel = "FILE",
      description = "Pairs to explain, one JSON object per line: {\"citizen\":\"ID\",\"order\":\"ID\"}.")
  Path pairs;

  @Option(names = "--top", paramLabel = "K", defaultValue = "10",
      description = "The shortlist length kthScore and gapToKth refer to (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin
  NarrationOptions narration = new NarrationOptions();

  @Option(names = "--review-contact", paramLabel = "TEXT",
      description = "With --format html: who the citizen contacts to have the proposal reviewed"
          + " (e.g. \"Jobcenter Glostrup, tlf. …\"); default: the citizen's job centre.")
  String reviewContact;

  /** @param ctx the surroundings */
  public ExplainCommand(CliContext ctx) {
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

  /** One requested pair and where it was asked for: a line of {@code --pairs}, or 0 for the command line. */
  private record Request(long line, PairJson.Pair pair) {}

  /** A request whose ids were found. */
  private record Resolved(Citizen citizen, JobOrder order) {}

  /** A resolved request and its explanation. */
  private record Explained(Resolved resolved, PairExplanation explanation) {}

  @Override
  public Integer call() throws Exception {
    if (pairs == null && (citizenId == null || orderId == null)) {
      throw CliException.usage(citizenId == null && orderId == null
          ? "give the pair to explain as --citizen ID --order ID, or pairs as --pairs FILE"
          : citizenId == null ? "--order: needs --citizen ID" : "--citizen: needs --order ID");
    }
    if (pairs != null && (citizenId != null || orderId != null)) {
      throw CliException.usage("--pairs: give either --pairs FILE or --citizen ID --order ID, not both");
    }
    checkOptions(top);
    narration.check(true);
    boolean html = narration.format() == NarrationOptions.Format.html;
    boolean text = narration.format() == NarrationOptions.Format.text;
    if (html && out() == null) {
      throw CliException.usage("--format html: needs --out FILE (one pair) or --out DIR (with --pairs: one page per pair)");
    }
    RecordFile<PairJson.Pair> pairFile = pairs == null ? null
        : new RecordFile<>(pairs, "--pairs", "pairs", PAIRS, JsonLinesReader.DEFAULT_MAX_LINE_BYTES);
    if (pairFile != null) {
      pairFile.checkReadable();
    }
    RecordFile<JobOrder> orderFile = orderFile();
    RecordFile<Citizen> citizenFile = citizenFile();
    HtmlPages pages = html ? HtmlPages.prepare(out(), pairs != null) : null;
    try (Output output = Output.open(html ? null : out(), ctx.out()); MatchEngine engine = buildEngine()) {
      // The pairs first: a bad pairs file under --strict stops the run before anything is indexed.
      List<Request> requests = new ArrayList<>();
      RecordFile.Summary pairSummary = null;
      if (pairFile != null) {
        pairSummary = pairFile.read(ctx.err(), true, false, Progress.off(), (line, p) -> requests.add(new Request(line, p)));
        if (run.strict && pairSummary.hasProblems()) {
          return strictRefusal(pairFile, pairSummary);
        }
      } else {
        requests.add(new Request(0, new PairJson.Pair(citizenId, orderId)));
      }
      Inputs inputs = readInputs(orderFile, citizenFile);
      if (inputs.refusal() != null) {
        return inputs.refusal();
      }
      Orders orders = inputs.orders();
      RecordFile.Summary citizenSummary = indexCitizens(citizenFile, engine, inputs.citizensChecked());

      Map<String, JobOrder> orderById = new HashMap<>();
      for (JobOrder o : orders.list()) {
        orderById.put(o.id(), o);
      }
      List<Resolved> resolved = new ArrayList<>(requests.size());
      long unknown = 0;
      for (Request r : requests) {
        Optional<Citizen> c = engine.citizen(r.pair().citizen());
        JobOrder o = orderById.get(r.pair().order());
        if (c.isEmpty()) {
          unknownId(pairFile, r, "citizen", "--citizen", r.pair().citizen(), citizenFile.name());
        }
        if (o == null) {
          unknownId(pairFile, r, "order", "--order", r.pair().order(), orderFile.name());
        }
        if (c.isEmpty() || o == null) {
          unknown++;
          continue;
        }
        resolved.add(new Resolved(c.get(), o));
      }
      if (run.strict && unknown > 0) {
        ctx.err().println((pairFile == null ? "explain" : pairFile.name())
            + ": --strict: a pair names an unknown citizen or order; nothing was written");
        return ExitCode.DATA;
      }

      long t0 = ctx.nanoClock().getAsLong();
      Narrator narrator = narration.narrator(engine.taxonomy());
      String policy = engine.policy().label();
      LocalDate day = engine.today();
      ExplainLineWriter writer = new ExplainLineWriter(html || text ? OutputStream.nullOutputStream() : output.stream(),
          policy, narrator.labels());
      NarrationWriter blocks = new NarrationWriter(output.stream(), narrator.footer(policy, day));
      ExplanationPage page = ExplanationPage.of(narrator, reviewContact);
      long[] written = {0};
      try (OrderedPipeline<Explained> pipeline = new OrderedPipeline<>(threadCount(), x -> {
        if (html) {
          pages.write(x.resolved().citizen().id(), x.resolved().order().id(),
              page.render(x.explanation(), x.resolved().citizen(), x.resolved().order(), policy, day));
        } else if (text) {
          blocks.write(narrator.explain(x.explanation(), x.resolved().order()));
          blocks.flush();
        } else {
          writer.write(x.explanation(), x.resolved().order());
        }
        written[0]++;
        checkStdout();
      })) {
        for (Resolved r : resolved) {
          pipeline.submit(() -> new Explained(r, engine.explainPair(r.citizen(), r.order(), top)));
        }
        pipeline.finish();
      }
      verbose(t0, "explained %,d %s", written[0], written[0] == 1 ? "pair" : "pairs");
      writer.close();
      output.commit();
      checkStdout();

      if (pairFile != null) {
        summarize(pairFile, pairSummary);
        if (unknown > 0) {
          ctx.err().println(String.format(Locale.ROOT, "%s: %,d of %,d pairs name an unknown citizen or order (not explained)",
              pairFile.name(), unknown, requests.size()));
        }
      }
      summarize(orderFile, orders.summary());
      summarize(citizenFile, citizenSummary);
      boolean problems = unknown > 0 || (pairSummary != null && pairSummary.hasProblems())
          || orders.summary().hasProblems() || citizenSummary.hasProblems();
      return problems ? ExitCode.DATA : ExitCode.OK;
    }
  }

  /** Reports an id that names no record read, as {@code FILE:LINE: field: …} or {@code --option: …}. */
  private void unknownId(RecordFile<?> pairFile, Request r, String field, String option, String id, String source) {
    String where = pairFile == null ? option : pairFile.name() + ":" + r.line() + ": " + field;
    ctx.err().println(where + ": unknown id '" + printable(id) + "': no such " + field + " in " + source);
  }

  /** An id as echoed in a message: one plain line (no controls or bidi overrides), at most 64 characters. */
  private static String printable(String id) {
    boolean longer = id.codePointCount(0, id.length()) > 64;
    String head = longer ? id.substring(0, id.offsetByCodePoints(0, 64)) : id;
    return Checks.printable(head) + (longer ? "…" : "");
  }
}
