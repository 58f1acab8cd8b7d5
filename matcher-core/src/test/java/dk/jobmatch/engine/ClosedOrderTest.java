package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.batch.BatchMatcher;
import dk.jobmatch.batch.BatchResult;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.OrderClosed;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Closed means closed: an order whose deadline (2026-12-31) is before the engine's day gets no
 * shortlist from rank, batch or the standing lists, is suggested to no one, and "why not?"
 * answers not eligible with ORDER_CLOSED and the two dates; on the deadline day itself the order
 * is still open. The engine follows its clock when no day is pinned.
 */
class ClosedOrderTest {
  static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
  static final LocalDate AFTER = LocalDate.of(2027, 1, 5);

  static JobOrder order(String id) {
    return withId(ExplainPairTest.order().deadline(DEADLINE).build(), id);
  }

  static JobOrder withId(JobOrder o, String id) {
    return new JobOrder(id, o.title(), o.occupation(), o.description(), o.employer(), o.rarArea(), o.employmentType(),
        o.acceptsFleksjob(), o.requiredSkills(), o.minEducationLevel(), o.certificates(), o.languages(), o.hoursPerWeek(),
        o.positions(), o.maxCandidates(), o.startDate(), o.deadline());
  }

  static List<Citizen> citizens() {
    List<Citizen> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      out.add(ExplainPairTest.citizen("c-" + i).build());
    }
    return out;
  }

  private static MatchEngine engine(LocalDate day) {
    MatchEngine e = MatchEngine.builder().asOf(day).build();
    e.upsertAll(citizens());
    e.upsertOrder(order("o-closing"));
    return e;
  }

  @Test
  void theDeadlineDayIsOpenAndTheDayAfterIsClosed() {
    JobOrder o = order("o-1");
    assertTrue(o.isOpenOn(DEADLINE.minusDays(1)));
    assertTrue(o.isOpenOn(DEADLINE));
    assertFalse(o.isOpenOn(DEADLINE.plusDays(1)));
    assertTrue(ExplainPairTest.order().build().isOpenOn(AFTER), "no deadline: always open");
  }

  @Test
  void aClosedOrderGetsNothingFromTheEngine() throws Exception {
    JobOrder o = order("o-closing");
    try (MatchEngine open = engine(DEADLINE); MatchEngine closed = engine(AFTER)) {
      assertEquals(5, open.rank(o, 10).size(), "on the deadline day the order is open");
      assertEquals(List.of(), closed.rank(o, 10));
      assertEquals(Optional.empty(), closed.explain(citizens().get(0), o));
      assertTrue(open.explain(citizens().get(0), o).isPresent());
      assertEquals(List.of(), closed.suggest("c-0", 10));
      assertEquals(List.of("o-closing"), open.suggest("c-0", 10).stream().map(Match::orderId).toList());

      PairExplanation why = closed.explainPair("c-0", o, 10);
      assertFalse(why.eligible());
      assertEquals(Optional.of(new OrderClosed(DEADLINE, AFTER)), why.closed());
      assertTrue(why.failedGates().isEmpty(), "every gate passes; the order is closed");
      assertEquals(0, why.rank());
      PairExplanation open1 = open.explainPair("c-0", o, 10);
      assertTrue(open1.eligible());
      assertEquals(Optional.empty(), open1.closed());

      BatchResult batch = new BatchMatcher().run(closed, List.of(o, withId(ExplainPairTest.order().build(), "o-open")));
      assertEquals(List.of("o-closing"), batch.closedOrders());
      assertEquals(0, batch.shortlists().get(0).filled());
      assertTrue(batch.shortlists().get(1).filled() > 0);

      LiveShortlists live = LiveShortlists.start(closed, e -> { });
      assertEquals(List.of(), live.openOrders());
      assertEquals(List.of(), live.shortlist("o-closing"));
      assertEquals(List.of("o-closing"), LiveShortlists.start(open, e -> { }).openOrders());
    }
  }

  @Test
  void theReferenceScorerAgrees() {
    ReferenceScorer closed = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(), AFTER);
    ReferenceScorer open = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(), DEADLINE);
    JobOrder o = order("o-1");
    assertEquals(List.of(), closed.rank(citizens(), o, 10));
    assertEquals(5, open.rank(citizens(), o, 10).size());
    PairExplanation why = closed.explainPair(citizens(), citizens().get(1), o, 10);
    assertEquals(Optional.of(new OrderClosed(DEADLINE, AFTER)), why.closed());
    assertFalse(why.eligible());
    assertEquals(List.of(), closed.suggest(citizens(), List.of(o), citizens().get(1), 10));
  }

  @Test
  void withoutAPinnedDayTheEngineFollowsItsClock() throws Exception {
    Clock afterClock = Clock.fixed(AFTER.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    try (MatchEngine e = MatchEngine.builder().clock(afterClock).build()) {
      e.upsertAll(citizens());
      JobOrder o = order("o-1");
      assertEquals(AFTER, e.today());
      assertEquals(List.of(), e.rank(o, 10));
      assertEquals(Optional.of(new OrderClosed(DEADLINE, AFTER)), e.explainPair("c-0", o, 10).closed());
    }
  }
}
