package dk.jobmatch.bench.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.bench.PopulationGenerator;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import dk.jobmatch.tuning.Metric;
import dk.jobmatch.tuning.PolicyTuner;
import dk.jobmatch.tuning.TuningListener;
import dk.jobmatch.tuning.TuningOptions;
import dk.jobmatch.tuning.TuningResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tuning recovers known numbers: outcomes are generated from a "true" policy that differs from
 * the defaults, on a generated population (the synthetic taxonomy of {@link PopulationGenerator});
 * the tuner, started from the defaults, must beat the defaults on the held-back orders and come
 * close to the truth. Deterministic: fixed seeds, printed with the report.
 */
@Tag("tuning")
class PolicyTunerRecoveryTest {
  /** The hidden truth (goal and distance weigh more, skills and occupation less than by default). */
  static final ScoringPolicy TRUTH = OutcomeGenerator.TRUTH;

  /** How close each learned weight must come to the truth (absolute). */
  static final double WEIGHT_TOLERANCE = 0.05;

  @Test
  void recoversTheTrueWeightsAndBeatsTheDefaultsOnHeldBackOrders(@TempDir Path dir) throws IOException {
    long seed = 20261130;
    OutcomeGenerator.Generated g = OutcomeGenerator.generate(seed, 1500, 300, TRUTH, ShortageLookup.none(), 0.02);
    // the regularisation chosen by cross-validation on the training orders, weights only
    TuningOptions options = TuningOptions.builder().seed(1).crossValidate(true).fitConstants(Set.of()).build();
    TuningResult r = new PolicyTuner(Taxonomy.none(), ShortageLookup.none(), g.generator().asOf(), options)
        .tune(g.citizens(), g.orders(), g.outcomes(), ScoringPolicy.defaults(), "tuned", "1", TuningListener.NONE);
    String report = "seed " + seed + "\n" + r.describe();
    System.out.println(report);

    // (a) better than the defaults on the held-back orders, and not by chance
    TuningResult.Row test = r.row("test", Metric.NDCG);
    assertTrue(test.tuned().mean() > test.start().mean(), report);
    assertTrue(test.difference().low() > 0, "95% interval of the gain excludes 0\n" + report);

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
}
