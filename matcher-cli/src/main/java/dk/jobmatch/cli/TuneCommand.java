package dk.jobmatch.cli;

import dk.jobmatch.cli.io.JsonLinesReader;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.tuning.OutcomeLabel;
import dk.jobmatch.tuning.PolicyTuner;
import dk.jobmatch.tuning.Propensity;
import dk.jobmatch.tuning.TuningMethod;
import dk.jobmatch.tuning.TuningListener;
import dk.jobmatch.tuning.TuningOptions;
import dk.jobmatch.tuning.TuningResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tune}: fits a scoring policy to a job centre's past outcomes (see {@link PolicyTuner}),
 * prints the train/test report on standard output and writes the tuned policy to {@code --out}.
 *
 * <p>Not thread-safe: one instance runs once. Failures are reported through {@link CliException}
 * (exit 2) or the exit code 3 for rejected lines.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Fit a scoring policy to past outcomes and write it to --out.",
        "Finds weights and constants that rank the hired and interviewed above the other candidates with an outcome",
        "(weighted by the rank they were proposed at, when given), on a training split of the orders; ranks every",
        "eligible citizen for the held-back orders under the start and the tuned policy (nDCG@10, recall@10/50/100,",
        "median rank, MRR, paired 95%% intervals); ends with a verdict.",
        "Outcomes: JSON Lines {\"order\":…,\"citizen\":…,\"outcome\":\"HIRED\"|\"INTERVIEWED\"|\"REJECTED\"[,\"rank\":N]}.",
        "Exit codes: 0 ok, 2 usage or I/O problem (nothing written), 3 bad input lines (reported; valid lines used)."})
public final class TuneCommand extends EngineCommand {
  /** {@code --citizens}, {@code --orders}. */
  @Mixin
  SourceOptions sources = new SourceOptions();

  /** {@code --out}. */
  @Mixin
  OutOption outOption = new OutOption();

  @Option(names = "--outcomes", required = true, paramLabel = "FILE",
      description = "Past outcomes, one JSON object per line (UTF-8); a later line for the same pair wins.")
  Path outcomes;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seeds the train/test split, the sample of other candidates, the optimiser and the bootstrap"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--fit", paramLabel = "KEYS", split = ",",
      description = "Formula constants to fit with the weights, by policy-file key, or 'none'"
          + " (default: every continuous constant that can change a ranking; see docs/policy.md).")
  List<String> fit;

  @Option(names = "--propensity", paramLabel = "ETA", defaultValue = "estimate",
      description = "Position bias of outcomes with a rank: p(rank) = rank^-ETA (0-3), or 'estimate' to estimate ETA"
          + " from the outcomes (default: ${DEFAULT-VALUE}).")
  String propensity;

  @Option(names = "--method", paramLabel = "M", defaultValue = "observed",
      description = "'observed': fit the order the outcomes state (default); 'unlabelled-negative': the old method,"
          + " candidates without an outcome count as not chosen (for comparison).")
  String method;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
      description = "Language of the verdict: en or da (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write the report, with the verdict, as one JSON document to FILE.")
  Path report;

  @Option(names = "--regularisation", paramLabel = "L", defaultValue = "0.05",
      description = "Pull toward the start policy: the fit maximises training nDCG minus L x squared distance"
          + " (0-100, default: ${DEFAULT-VALUE}); 'auto' chooses L by 3-fold cross-validation on the training orders.")
  String regularisation;

  @Option(names = "--keep-order", paramLabel = "MU",
      description = "Keep the start policy's order where the outcomes are silent: a constant's move pays, per training"
          + " order, MU x the share of the pairs among the start policy's top 100 that both lack an outcome or share one"
          + " and that it reorders (0-100, default 1; 0 turns the rule off).")
  Double keepOrder;

  @Option(names = "--test-share", paramLabel = "F", defaultValue = "0.3",
      description = "Share of orders held back for the test split (0.05-0.9, default: ${DEFAULT-VALUE}).")
  double testShare;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "100",
      description = "With --method unlabelled-negative only: other eligible citizens sampled per order as candidates"
          + " without an outcome (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--name", paramLabel = "NAME",
      description = "The tuned policy's name (default: the start policy's).")
  String name;

  @Option(names = "--policy-version", paramLabel = "VERSION",
      description = "The tuned policy's version (default: the start policy's version followed by -tuned).")
  String policyVersion;

  /** @param ctx the surroundings */
  public TuneCommand(CliContext ctx) {
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

  private TuningOptions tuningOptions() {
    Set<PolicyConstant> constants = EnumSet.noneOf(PolicyConstant.class);
    if (fit == null) {
      constants.addAll(TuningOptions.DEFAULT_FIT);
    } else if (!(fit.size() == 1 && fit.get(0).equals("none"))) {
      for (String key : fit) {
        PolicyConstant c = PolicyConstant.byKey(key.strip());
        if (c == null) {
          throw CliException.usage("--fit: '" + key.strip() + "' is not a policy constant (see docs/policy.md)");
        }
        constants.add(c);
      }
    }
    boolean auto = regularisation.equals("auto");
    double lambda = TuningOptions.defaults().regularisation();
    if (!auto) {
      try {
        lambda = Double.parseDouble(regularisation);
      } catch (NumberFormatException e) {
        throw CliException.usage("--regularisation: must be a number between 0 and 100, or 'auto'");
      }
    }
    Propensity p = null;
    if (!propensity.equals("estimate")) {
      try {
        p = Propensity.stated(Double.parseDouble(propensity));
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--propensity: must be a number between 0 and 3, or 'estimate'");
      }
    }
    TuningMethod m = switch (method) {
      case "observed" -> TuningMethod.OBSERVED_ORDER;
      case "unlabelled-negative" -> TuningMethod.UNLABELLED_AS_NEGATIVE;
      default -> throw CliException.usage("--method: must be 'observed' or 'unlabelled-negative'");
    };
    try {
      return TuningOptions.builder().seed(seed).method(m).propensity(p).fitConstants(constants).regularisation(lambda).crossValidate(auto)
          .testShare(testShare).unlabelledPerOrder(sample).keepOrder(keepOrder == null ? TuningOptions.DEFAULT_KEEP_ORDER : keepOrder).build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--" + optionOf(e.getMessage()) + ": " + e.getMessage());
    }
  }

  private static String optionOf(String message) {
    String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "";
    return switch (field) {
      case "testShare" -> "test-share";
      case "unlabelledPerOrder" -> "sample";
      case "fitConstants" -> "fit";
      case "keepOrder" -> "keep-order";
      default -> field;
    };
  }

  @Override
  public Integer call() throws Exception {
    if (out() == null) {
      throw CliException.usage("--out: required: the file to write the tuned policy to");
    }
    checkOptions(1);
    if (samePath(out(), outcomes)) {
      throw CliException.usage("--out: is the same file as --outcomes (" + out()
          + "); writing it would replace the input. Choose another file");
    }
    if (!lang.equals("en") && !lang.equals("da")) {
      throw CliException.usage("--lang: must be en or da");
    }
    if (report != null && (samePath(report, outcomes) || samePath(report, out()))) {
      throw CliException.usage("--report: is the same file as --outcomes or --out; choose another file");
    }
    TuningOptions options = tuningOptions();
    RecordFile<OutcomeLabel> outcomeFile = new RecordFile<>(outcomes, "--outcomes", "outcomes", RecordFile.OUTCOMES,
        JsonLinesReader.DEFAULT_MAX_LINE_BYTES);
    outcomeFile.checkReadable();
    ScoringPolicy start = policy();
    String tunedName = name != null ? name : start.name();
    String tunedVersion = policyVersion != null ? policyVersion : start.version() + "-tuned";
    try {
      ScoringPolicy.builder().name(tunedName).version(tunedVersion).build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage((e.getMessage().startsWith("name") ? "--name" : "--policy-version") + ": " + e.getMessage());
    }
    Path target = out().toAbsolutePath();
    if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
      throw CliException.usage("--out: directory not found: " + target.getParent());
    }

    try (MatchEngine engine = buildEngine()) {
      Inputs inputs = readInputs(orderFile(), citizenFile());
      if (inputs.refusal() != null) {
        return inputs.refusal();
      }
      Orders orders = inputs.orders();
      RecordFile<Citizen> citizenFile = citizenFile();
      CitizenMap read = readCitizens(inputs);
      Map<String, Citizen> citizens = read.byId();
      RecordFile.Summary citizenSummary = read.summary();
      List<OutcomeLabel> labels = new ArrayList<>();
      RecordFile.Summary outcomeSummary = outcomeFile.read(ctx.err(), true, true, progress(outcomeFile, "reading"),
          (line, o) -> labels.add(o));
      if (run.strict && outcomeSummary.hasProblems()) {
        return strictRefusal(outcomeFile, outcomeSummary);
      }

      LocalDate day = engine.today();
      PolicyTuner tuner = new PolicyTuner(engine.taxonomy(), engine.shortage(), day, options);
      TuningResult result;
      try {
        result = tuner.tune(citizens.values(), orders.list(), labels, start, tunedName, tunedVersion, listener());
      } catch (IllegalArgumentException e) {
        throw CliException.usage(e.getMessage());
      }
      try {
        PolicyFile.write(result.tuned(), out());
      } catch (IOException e) {
        throw CliException.usage("--out: cannot write " + out() + ": " + RecordFile.describe(e));
      }
      if (report != null) {
        try {
          TuningReportJson.write(result, lang, report);
        } catch (IOException e) {
          throw CliException.usage("--report: cannot write " + report + ": " + RecordFile.describe(e));
        }
      }
      ctx.out().print(result.describe(lang));
      ctx.out().println("Wrote " + out() + " (" + result.tuned().label() + ").");
      ctx.out().flush();

      summarize(orderFile(), orders.summary());
      summarize(citizenFile, citizenSummary);
      summarize(outcomeFile, outcomeSummary);
      return orders.summary().hasProblems() || citizenSummary.hasProblems() || outcomeSummary.hasProblems()
          ? ExitCode.DATA : ExitCode.OK;
    }
  }

  /** Progress on standard error: each phase, and every tenth of a long one. */
  private TuningListener listener() {
    if (run.quiet) {
      return TuningListener.NONE;
    }
    return new TuningListener() {
      private String phase;
      private long total;
      private int nextTenth;

      @Override
      public void phase(String p, long t) {
        phase = p;
        total = t;
        nextTenth = 1;
        if (t >= 100) {
          ctx.err().println(String.format(Locale.ROOT, "tune: %s (%,d)", p, t));
        }
      }

      @Override
      public void progress(long done, double best) {
        if (total >= 100 && nextTenth <= 10 && done * 10 >= total * nextTenth) {
          nextTenth = (int) Math.min(11, done * 10 / total + 1);
          ctx.err().println(String.format(Locale.ROOT, "tune: %s: %d%%%s", phase, Math.min(100, done * 100 / total),
              Double.isNaN(best) ? "" : String.format(Locale.ROOT, ", best training objective %.4f", best)));
        }
      }
    };
  }
}
