package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.jobmatch.internal.DayClock;
import dk.jobmatch.engine.ShortlistEvent.Kind;
import dk.jobmatch.engine.ShortlistEvent.Reason;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event kind and reason on hand-made cases, with the exact events expected. */
class LiveShortlistsEventsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

  private static Citizen.Builder citizen(String id) {
    return Citizen.builder(id).jobReady(true).searchable(true).skill("skill:s1").experience("isco:5322", 5, 2025);
  }

  private static JobOrder.Builder order(String id) {
    return JobOrder.builder(id, "isco:5322").essentialSkill("skill:s1").maxCandidates(1).deadline(DAY.plusDays(2));
  }

  private static ShortlistEvent entered(String order, String citizen, int rank, Reason r) {
    return new ShortlistEvent(Kind.ENTERED, order, citizen, rank, r);
  }

  private static ShortlistEvent left(String order, String citizen, int rank, Reason r) {
    return new ShortlistEvent(Kind.LEFT, order, citizen, rank, r);
  }

  private static ShortlistEvent suggested(String order, String citizen, int rank) {
    return new ShortlistEvent(Kind.SUGGESTED, order, citizen, rank, null);
  }

  @Test
  void everyKindAndReason() throws Exception {
    DayClock clock = new DayClock(DAY);
    try (MatchEngine engine = MatchEngine.builder().clock(clock).build()) {
      engine.upsert(citizen("a").build());
      engine.upsertOrder(order("o-1").build());
      List<ShortlistEvent> events = new ArrayList<>();
      LiveShortlists live = LiveShortlists.start(engine, events::add, 2);
      assertEquals(List.of(), events);
      assertEquals(List.of("a"), live.shortlist("o-1").stream().map(Match::citizenId).toList());

      // A better citizen arrives: the old one leaves for better candidates; the order is suggested.
      live.upsert(citizen("b").jobGoal("isco:5322", 1).build());
      assertEquals(List.of(left("o-1", "a", 1, Reason.BETTER_CANDIDATES), entered("o-1", "b", 1, Reason.CITIZEN_CHANGED),
          suggested("o-1", "b", 1)), take(events));

      // b stops being searchable: a gate fails, a gets the place back.
      live.upsert(citizen("b").jobGoal("isco:5322", 1).searchable(false).build());
      assertEquals(List.of(left("o-1", "b", 1, Reason.GATE_FAILS), entered("o-1", "a", 1, Reason.PLACE_FREED)), take(events));

      // A new order: its first list, and a's second suggestion (equal score, later id).
      live.upsertOrder(order("o-2").build());
      assertEquals(List.of(entered("o-2", "a", 1, Reason.ORDER_OPENED), suggested("o-2", "a", 2)), take(events));

      // The order now requires a certificate a lacks, then no longer.
      live.upsertOrder(order("o-2").certificate("DRIVING_C").build());
      assertEquals(List.of(left("o-2", "a", 1, Reason.GATE_FAILS)), take(events));
      live.upsertOrder(order("o-2").build());
      assertEquals(List.of(entered("o-2", "a", 1, Reason.ORDER_CHANGED), suggested("o-2", "a", 2)), take(events));

      // The order is filled.
      assertEquals(true, live.deleteOrder("o-2"));
      assertEquals(List.of(left("o-2", "a", 1, Reason.ORDER_CLOSED)), take(events));
      assertEquals(false, live.deleteOrder("o-2"));
      assertEquals(List.of(), take(events));

      // A weaker citizen: no place on the list, but the order is suggested to her.
      live.upsert(Citizen.builder("c").jobReady(true).searchable(true).skill("skill:s1").build());
      assertEquals(List.of(suggested("o-1", "c", 1)), take(events));

      // a is deleted: c moves up.
      assertEquals(true, live.delete("a"));
      assertEquals(List.of(left("o-1", "a", 1, Reason.DELETED), entered("o-1", "c", 1, Reason.PLACE_FREED)), take(events));

      // The deadline passes.
      clock.set(DAY.plusDays(3));
      live.expire();
      assertEquals(List.of(left("o-1", "c", 1, Reason.ORDER_EXPIRED)), take(events));
      assertEquals(List.of(), live.openOrders());
      assertEquals(List.of(), live.shortlist("o-1"));
    }
  }

  @Test
  void fortrinsadgangHoldersStayOnPublicEmployersLists() throws Exception {
    try (MatchEngine engine = MatchEngine.builder().asOf(DAY).build()) {
      engine.upsert(citizen("a").jobGoal("isco:5322", 1).build());
      engine.upsertOrder(order("o-p").employer(new Employer(null, null, null, true, false, null)).build());
      List<ShortlistEvent> events = new ArrayList<>();
      LiveShortlists live = LiveShortlists.start(engine, events::add, 0);
      // A qualified holder who scores lower than a still gets a seat after the top K.
      live.upsert(citizen("h").compensation(CompensationScheme.FORTRINSADGANG).build());
      assertEquals(List.of(entered("o-p", "h", 2, Reason.CITIZEN_CHANGED)), take(events));
      JobOrder o = engine.order("o-p").orElseThrow();
      assertEquals(engine.rank(o, 1), live.shortlist("o-p"));
      assertEquals(List.of("a", "h"), live.shortlist("o-p").stream().map(Match::citizenId).toList());
      // Without the right, the lower-scoring citizen has no seat.
      live.upsert(citizen("h").build());
      assertEquals(List.of(left("o-p", "h", 2, Reason.BETTER_CANDIDATES)), take(events));
    }
  }

  private static List<ShortlistEvent> take(List<ShortlistEvent> events) {
    List<ShortlistEvent> out = List.copyOf(events);
    events.clear();
    return out;
  }
}
