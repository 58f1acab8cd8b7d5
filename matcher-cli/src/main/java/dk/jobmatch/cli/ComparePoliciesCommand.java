package dk.jobmatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.tuning.PolicyComparison;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compare-policies}: how the shortlists of a set of orders differ under two policies
 * (see {@link PolicyComparison}), as one JSON document on standard output or {@code --out}.
 *
 * <p>Not thread-safe: one instance runs once. Failures are reported through {@link CliException}
 * (exit 2) or the exit code 3 for rejected lines.
 */
@Command(name = "compare-policies", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Compare the shortlists of the orders under two scoring policies.",
        "--policy (A, default: the built-in policy) against --policy-b (B). One JSON document: policyA, policyB, k,",
        "overall (overlap at k, places gained and lost), byTargetGroup, and per order the two shortlists, overlap,",
        "gained and lost.",
        "Exit codes: 0 ok, 2 usage or I/O problem (nothing written), 3 bad input lines (reported; valid lines used)."})
public final class ComparePoliciesCommand extends EngineCommand {
  /** {@code --citizens}, {@code --orders}. */
  @Mixin
  SourceOptions sources = new SourceOptions();

  /** {@code --out}. */
  @Mixin
  OutOption outOption = new OutOption();

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(names = "--policy-b", required = true, paramLabel = "FILE",
      description = "The policy to compare with --policy (a policy file, as for --policy).")
  Path policyB;

  @Option(names = "--top", paramLabel = "K", defaultValue = "10",
      description = "Shortlist length compared (default: ${DEFAULT-VALUE}).")
  int top;

  /** @param ctx the surroundings */
  public ComparePoliciesCommand(CliContext ctx) {
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
    if (out() != null && samePath(out(), policyB)) {
      throw CliException.usage("--out: is the same file as --policy-b (" + out()
          + "); writing it would replace the input. Choose another file");
    }
    ScoringPolicy a = policy();
    ScoringPolicy b = readPolicy("--policy-b", policyB);
    try (Output output = Output.open(out(), ctx.out()); MatchEngine engine = buildEngine()) {
      Inputs inputs = readInputs(orderFile(), citizenFile());
      if (inputs.refusal() != null) {
        return inputs.refusal();
      }
      Orders orders = inputs.orders();
      RecordFile<Citizen> citizenFile = citizenFile();
      CitizenMap read = readCitizens(inputs);
      Map<String, Citizen> citizens = read.byId();
      RecordFile.Summary citizenSummary = read.summary();
      long t0 = ctx.nanoClock().getAsLong();
      PolicyComparison.Result r = new PolicyComparison(engine.taxonomy(), engine.shortage(), engine.today())
          .compare(citizens.values(), orders.list(), a, b, top);
      verbose(t0, "compared %,d job orders under %s and %s", orders.list().size(), a.label(), b.label());
      output.stream().write((JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8));
      output.commit();
      checkStdout();
      summarize(orderFile(), orders.summary());
      summarize(citizenFile, citizenSummary);
      return orders.summary().hasProblems() || citizenSummary.hasProblems() ? ExitCode.DATA : ExitCode.OK;
    }
  }
}
