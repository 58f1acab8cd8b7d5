package dk.jobmatch.bench.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.bench.PopulationGenerator;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import dk.jobmatch.tuning.Outcome;
import dk.jobmatch.tuning.OutcomeLabel;
import dk.jobmatch.tuning.PolicyTuner;
import dk.jobmatch.tuning.Propensity;
import dk.jobmatch.tuning.TuningListener;
import dk.jobmatch.tuning.TuningOptions;
import dk.jobmatch.tuning.TuningResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The keep-order rule on a constructed history in which a constant's move gains on the pairs the
 * outcomes inform but reorders many the outcomes are silent about — the shape of the minor-group
 * credit in {@code QUALITY.md}'s tuning experiment. The start policy proposes its top 30 per order;
 * among the proposed, the start policy's own best are hired and interviewed, except that every
 * citizen living far from the order (distance value below {@link #FAR}) is rejected, like the
 * minor group that is never interviewed. Reshaping the distance credit (the half-life, with the
 * weights refitted) then ranks the interviewed above the rejected far ones (informed pairs, a
 * gain) and also reorders far and near citizens deeper in the list, about whom the outcomes say
 * nothing. Without the rule the tuner moves the half-life; with it, it keeps the start's.
 * Deterministic: fixed seeds, printed with the report.
 */
@Tag("tuning")
class KeepOrderRuleTest {
  /** A citizen whose distance value under the start policy is below this is "far". */
  static final double FAR = 0.5;

  @Test
  void holdsBackAMoveThatGainsOnInformedPairsButReordersSilentOnes() {
    long seed = 20261208;
    ScoringPolicy start = ScoringPolicy.defaults();
    PopulationGenerator gen = PopulationGenerator.builder(seed).synthetic().build();
    List<Citizen> cs = gen.citizens(1500);
    List<JobOrder> os = gen.orders(200);
    List<OutcomeLabel> history = history(gen, cs, os, start);
    TuningOptions.Builder b = TuningOptions.builder().seed(1).propensity(Propensity.stated(0))
        .fitConstants(Set.of(PolicyConstant.DISTANCE_HALF_LIFE_KM)).requireEvidence(false).regularisation(0).weightEvaluations(600)
        .constantEvaluations(800);
    TuningResult without = new PolicyTuner(Taxonomy.none(), ShortageLookup.none(), gen.asOf(), b.keepOrder(0).build())
        .tune(cs, os, history, start, "without", "1", TuningListener.NONE);
    TuningResult with = new PolicyTuner(Taxonomy.none(), ShortageLookup.none(), gen.asOf(),
        b.keepOrder(TuningOptions.DEFAULT_KEEP_ORDER).build())
        .tune(cs, os, history, start, "with", "1", TuningListener.NONE);
    String report = "seed " + seed + "\nwithout the rule:\n" + without.describe() + "\nwith the rule:\n" + with.describe();
    System.out.println(report);

    double h0 = start.constant(PolicyConstant.DISTANCE_HALF_LIFE_KM);
    // without the rule the half-life moves on its gain on the informed pairs (the weights refitted
    // with it), and the tuned policy reorders the silent pairs
    assertNotEquals(h0, without.tuned().constant(PolicyConstant.DISTANCE_HALF_LIFE_KM), report);
    assertTrue(without.trainObjective()[1] > without.trainObjective()[0], report);
    assertTrue(without.keptOrder().train() > 0.01, report);
    assertEquals(0, without.keptOrder().weight());
    // with it the same move does not pay for the silent pairs it reorders: the half-life is kept
    assertEquals(h0, with.tuned().constant(PolicyConstant.DISTANCE_HALF_LIFE_KM), report);
    assertEquals(TuningOptions.DEFAULT_KEEP_ORDER, with.keptOrder().weight());
    assertEquals(TuningOptions.DEFAULT_KEEP_ORDER_DEPTH, with.keptOrder().depth());
    assertTrue(with.keptOrder().silentPairs() > 1000, report);
  }

  /**
   * The start policy's top 30 per order; the first three not far are HIRED (the first) and
   * INTERVIEWED; everyone else, and every far citizen, REJECTED.
   */
  static List<OutcomeLabel> history(PopulationGenerator gen, List<Citizen> cs, List<JobOrder> os, ScoringPolicy start) {
    ReferenceScorer scorer = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), start, gen.asOf());
    ReferenceScorer.Population pop = scorer.prepare(cs);
    List<OutcomeLabel> out = new ArrayList<>();
    for (JobOrder o : os) {
      List<Match> list = scorer.rank(pop, o, 30);
      int good = 0;
      for (int i = 0; i < list.size(); i++) {
        Match m = list.get(i);
        boolean far = m.explanation().value(Component.DISTANCE) < FAR;
        Outcome oc = far || good >= 3 ? Outcome.REJECTED : good == 0 ? Outcome.HIRED : Outcome.INTERVIEWED;
        good += far ? 0 : 1;
        out.add(new OutcomeLabel(o.id(), m.citizenId(), oc, i + 1));
      }
    }
    return out;
  }
}
