package dk.jobmatch.engine;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.kernel.Scored;
import dk.jobmatch.internal.Ranking;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.OrderClosed;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * A citizen's place among the other candidates for an order, and the "why not?" explanation
 * built from it; shared by {@link MatchEngine} and {@link ReferenceScorer}, which differ only in
 * how they find the other candidates. Stateless and thread-safe.
 */
final class Standing {
  private Standing() {}

  /**
   * Explains the pair: every gate, and when eligible the match with its rank among the others;
   * an order closed on {@code day} makes the pair not eligible (reason {@code ORDER_CLOSED}).
   *
   * @param others given the citizen's exact score, the other candidates (score above 0, every
   *     gate passed) (the citizen's own id
   *     left out), best first: every one that beats the citizen, and either all candidates or at
   *     least the best {@code k}
   */
  static PairExplanation explain(CompiledOrder o, CitizenFeatures f, int k, LocalDate day,
      DoubleFunction<List<Scored>> others) {
    List<GateCheck> gates = FeatureScorer.gateChecks(o, f);
    JobOrder order = o.order();
    if (!order.isOpenOn(day)) {
      return new PairExplanation(f.id, order.id(), gates, Optional.empty(), k, 0, 0, OptionalDouble.empty(),
          Optional.of(new OrderClosed(order.deadline(), day)));
    }
    Match m = FeatureScorer.explainEligible(o, f);
    if (m == null) {
      return new PairExplanation(f.id, o.order().id(), gates, Optional.empty(), k, 0, 0, OptionalDouble.empty());
    }
    double score = m.score();
    List<Scored> rest = others.apply(score);
    int beating = 0;
    for (Scored c : rest) {
      if (Ranking.beats(c.score(), c.id(), score, f.id)) {
        beating++;
      }
    }
    int rank = beating + 1;
    OptionalDouble kth;
    double gap = 0;
    if (rank > k) {
      // The citizen is below the k-th place, which is then the k-th of the others.
      kth = OptionalDouble.of(rest.get(k - 1).score());
      gap = Math.max(0, kth.getAsDouble() - score);
    } else if (rest.size() + 1 < k) {
      kth = OptionalDouble.empty();
    } else if (rank == k) {
      kth = OptionalDouble.of(score);
    } else {
      // The citizen holds one of the first k - 1 places, pushing the others down by one.
      kth = OptionalDouble.of(rest.get(k - 2).score());
    }
    return new PairExplanation(f.id, o.order().id(), gates, Optional.of(m), k, rank, gap, kth);
  }
}
