package dk.jobmatch.bench.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.bench.PopulationGenerator;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import dk.jobmatch.tuning.Metric;
import dk.jobmatch.tuning.Outcome;
import dk.jobmatch.tuning.OutcomeLabel;
import dk.jobmatch.tuning.PolicyTuner;
import dk.jobmatch.tuning.TuningListener;
import dk.jobmatch.tuning.TuningOptions;
import dk.jobmatch.tuning.TuningResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
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
  /**
   * The hidden truth: goal and distance weigh more, skills and occupation less than by default.
   * Shortage keeps the default 0.05, so the learned weights share 0.95 in both policies.
   */
  static final ScoringPolicy TRUTH = ScoringPolicy.builder().name("truth").version("1")
      .weight(Component.SKILLS, 0.20).weight(Component.OCCUPATION, 0.10).weight(Component.GOAL, 0.35)
      .weight(Component.EDUCATION, 0.05).weight(Component.DISTANCE, 0.20).weight(Component.INCLUSION, 0.05)
      .weight(Component.SHORTAGE, 0.05).build();

  /** How close each learned weight must come to the truth (absolute). */
  static final double WEIGHT_TOLERANCE = 0.05;

  record Generated(List<Citizen> citizens, List<JobOrder> orders, List<OutcomeLabel> outcomes, PopulationGenerator gen) {}

  /**
   * Per order, each eligible citizen's utility is the true score plus Gumbel noise (scale
   * {@code noise}); the best is HIRED, the next three INTERVIEWED, the next six REJECTED, the rest
   * have no outcome.
   */
  static Generated generate(long seed, int citizens, int orders, ScoringPolicy truth, double noise) {
    PopulationGenerator gen = PopulationGenerator.builder(seed).synthetic().build();
    List<Citizen> cs = gen.citizens(citizens);
    List<JobOrder> os = gen.orders(orders);
    ReferenceScorer scorer = new ReferenceScorer(Taxonomy.none(), gen.shortage(), truth, gen.asOf());
    SplittableRandom r = new SplittableRandom(seed);
    List<OutcomeLabel> out = new ArrayList<>();
    for (JobOrder o : os) {
      List<Match> all = scorer.rank(cs, o, cs.size());
      record U(String citizen, double u) {}
      List<U> us = new ArrayList<>();
      for (Match m : all) {
        double g = -Math.log(-Math.log(r.nextDouble(1e-12, 1)));
        us.add(new U(m.citizenId(), m.score() + noise * g));
      }
      us.sort(Comparator.comparingDouble(U::u).reversed().thenComparing(U::citizen));
      for (int i = 0; i < Math.min(10, us.size()); i++) {
        Outcome oc = i == 0 ? Outcome.HIRED : i < 4 ? Outcome.INTERVIEWED : Outcome.REJECTED;
        out.add(new OutcomeLabel(o.id(), us.get(i).citizen(), oc));
      }
    }
    return new Generated(cs, os, out, gen);
  }

  @Test
  void recoversTheTrueWeightsAndBeatsTheDefaultsOnHeldBackOrders(@TempDir Path dir) throws IOException {
    long seed = 20261130;
    Generated g = generate(seed, 1500, 300, TRUTH, 0.02);
    TuningOptions options = TuningOptions.builder().seed(seed).fitConstants(Set.of())
        .build();
    TuningResult r = new PolicyTuner(Taxonomy.none(), g.gen().shortage(), g.gen().asOf(), options)
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
