package dk.jobmatch.bench.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.bench.PopulationGenerator;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import dk.jobmatch.tuning.Metric;
import dk.jobmatch.tuning.PolicyTuner;
import dk.jobmatch.tuning.Propensity;
import dk.jobmatch.tuning.RankingMetrics;
import dk.jobmatch.tuning.TuningListener;
import dk.jobmatch.tuning.TuningMethod;
import dk.jobmatch.tuning.TuningOptions;
import dk.jobmatch.tuning.TuningResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tuning recovers known numbers: outcomes are generated from a "true" policy that differs from
 * the defaults, on a generated population (the synthetic taxonomy of {@link PopulationGenerator});
 * the tuner, started from the defaults, must come close to the truth. Deterministic: fixed seeds,
 * printed with the report.
 */
@Tag("tuning")
class PolicyTunerRecoveryTest {
  /** The hidden truth (goal and distance weigh more, skills and occupation less than by default). */
  static final ScoringPolicy TRUTH = OutcomeGenerator.TRUTH;

  /** How close each learned weight must come to the truth (absolute). */
  static final double WEIGHT_TOLERANCE = 0.05;

  /**
   * The size of a generated history: big enough that the truth is identifiable within {@link
   * #WEIGHT_TOLERANCE}, small enough that both tests take seconds, not a minute.
   */
  static final int CITIZENS = 1500;

  static final int ORDERS = 300;

  /** The weights phase's budget (the default is 3,000): six weights converge well within it. */
  static final int WEIGHT_EVALUATIONS = 1000;

  @Test
  void recoversTheTrueWeightsAndBeatsTheDefaultsOnHeldBackOrders(@TempDir Path dir) throws IOException {
    long seed = 20261130;
    OutcomeGenerator.Generated g = OutcomeGenerator.generate(seed, CITIZENS, ORDERS, TRUTH, ShortageLookup.none(), 0.02);
    // the regularisation chosen by cross-validation on the training orders, weights only
    TuningOptions options = TuningOptions.builder().seed(1).crossValidate(true).fitConstants(Set.of())
        .weightEvaluations(WEIGHT_EVALUATIONS).build();
    TuningResult r = new PolicyTuner(Taxonomy.none(), ShortageLookup.none(), g.generator().asOf(), options)
        .tune(g.citizens(), g.orders(), g.outcomes(), ScoringPolicy.defaults(), "tuned", "1", TuningListener.NONE);
    String report = "seed " + seed + "\n" + r.describe();
    System.out.println(report);

    // (a) better than the defaults at the top of the held-back orders, and nowhere significantly worse
    TuningResult.Row test = r.row(Metric.NDCG);
    assertTrue(test.tuned().mean() > test.start().mean(), report);
    assertTrue(r.row(Metric.MEDIAN_RANK).tuned().mean() < r.row(Metric.MEDIAN_RANK).start().mean(), report);
    assertTrue(r.verdict().worse().isEmpty(), report);

    // (b) the identifiable weights come back; shortage is the same for every candidate of an order
    assertTrue(r.notLearned().contains(Component.SHORTAGE), report);
    assertEquals(ScoringPolicy.defaults().weight(Component.SHORTAGE), r.tuned().weight(Component.SHORTAGE));
    for (Component c : r.learned()) {
      assertEquals(TRUTH.weight(c), r.tuned().weight(c), WEIGHT_TOLERANCE, c + "\n" + report);
    }

    // the tuned policy, written, reads back identically
    Path file = dir.resolve("tuned.json");
    PolicyFile.write(r.tuned(), file);
    assertEquals(r.tuned(), PolicyFile.read(file));
  }

  /**
   * The bias of learning from a logged history: the defaults proposed their top 30 per order
   * (looked at with probability 1/rank), the outcomes follow the truth. Fitting the order the
   * outcomes state, with inverse propensity weights, recovers the truth and ranks the truly
   * suitable higher deep in the list than the defaults; the old method, which counts everyone the
   * defaults did not propose as not chosen, is pulled back toward the defaults.
   */
  @Test
  void learnsTheTruthFromProposalsMadeByAnotherPolicy() {
    long seed = 20261207;
    ScoringPolicy start = ScoringPolicy.defaults();
    OutcomeGenerator.Generated g = OutcomeGenerator.proposed(seed, CITIZENS, ORDERS, TRUTH, start, 30, 1.0, 0.02);
    TuningOptions.Builder b = TuningOptions.builder().seed(1).fitConstants(Set.of()).regularisation(0.01)
        .weightEvaluations(WEIGHT_EVALUATIONS);
    PolicyTuner observed = new PolicyTuner(Taxonomy.none(), ShortageLookup.none(), g.generator().asOf(),
        b.method(TuningMethod.OBSERVED_ORDER).propensity(Propensity.stated(1.0)).build());
    PolicyTuner old = new PolicyTuner(Taxonomy.none(), ShortageLookup.none(), g.generator().asOf(),
        b.method(TuningMethod.UNLABELLED_AS_NEGATIVE).propensity(null).build());
    TuningResult rn = observed.tune(g.citizens(), g.orders(), g.outcomes(), start, "new", "1", TuningListener.NONE);
    TuningResult ro = old.tune(g.citizens(), g.orders(), g.outcomes(), start, "old", "1", TuningListener.NONE);

    // judged on fresh orders against the truth, over the whole population
    List<JobOrder> fresh = g.generator().orders(ORDERS, ORDERS + 100);
    double[] recallStart = recall100(g, fresh, start, seed);
    double[] recallNew = recall100(g, fresh, rn.tuned(), seed);
    double[] recallOld = recall100(g, fresh, ro.tuned(), seed);
    RankingMetrics.Paired newVsStart = RankingMetrics.paired(recallStart, recallNew, 1000, 0.95, seed);
    String report = String.format(Locale.ROOT, "seed %d%nnew:%n%s%nold:%n%s%nrecall@100 vs truth on fresh orders: start %.4f,"
        + " new %.4f, old %.4f; new - start %+.4f [%+.4f, %+.4f]%n", seed, rn.describe(), ro.describe(),
        RankingMetrics.mean(recallStart), RankingMetrics.mean(recallNew), RankingMetrics.mean(recallOld),
        newVsStart.meanDifference(), newVsStart.difference()[0], newVsStart.difference()[1]);
    System.out.println(report);

    double oldMiss = 0;
    for (Component c : rn.learned()) {
      assertEquals(TRUTH.weight(c), rn.tuned().weight(c), WEIGHT_TOLERANCE, "new method, " + c + "\n" + report);
      oldMiss = Math.max(oldMiss, Math.abs(TRUTH.weight(c) - ro.tuned().weight(c)));
    }
    assertTrue(oldMiss > WEIGHT_TOLERANCE, "the old method is biased toward the proposer\n" + report);
    assertTrue(newVsStart.difference()[0] >= 0, "no loss of recall@100 against the start policy\n" + report);
    assertTrue(RankingMetrics.mean(recallNew) > RankingMetrics.mean(recallOld), report);
  }

  /** Per order, the share of its truly suitable citizens (worth 1 or 2) in the policy's top 100. */
  private static double[] recall100(OutcomeGenerator.Generated g, List<JobOrder> orders, ScoringPolicy p, long seed) {
    ReferenceScorer truth = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), TRUTH, g.generator().asOf());
    ReferenceScorer scorer = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), p, g.generator().asOf());
    ReferenceScorer.Population pop = truth.prepare(g.citizens());
    SplittableRandom r = new SplittableRandom(seed + 1); // the same worth for every policy judged
    double[] out = new double[orders.size()];
    for (int i = 0; i < orders.size(); i++) {
      Map<String, Integer> worth = OutcomeGenerator.worth(pop, truth, orders.get(i), r, 0.02);
      List<Match> ranked = scorer.rank(pop, orders.get(i), 100);
      int[] grades = ranked.stream().limit(100).mapToInt(m -> worth.getOrDefault(m.citizenId(), 0)).toArray();
      out[i] = RankingMetrics.recall(grades, worth.size(), 1, 100);
    }
    return out;
  }
}
