package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.jobmatch.engine.ShortlistEvent.Kind;
import dk.jobmatch.engine.ShortlistEvent.Reason;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbered events, retention and attaching from a generation. */
class ChangeFeedTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

  private static Citizen citizen(String id, boolean goal) {
    Citizen.Builder b = Citizen.builder(id).jobReady(true).searchable(true).skill("skill:s1").experience("isco:5322", 5, 2025);
    return (goal ? b.jobGoal("isco:5322", 1) : b).build();
  }

  private static JobOrder order(String id) {
    return JobOrder.builder(id, "isco:5322").essentialSkill("skill:s1").maxCandidates(1).deadline(DAY.plusDays(2)).build();
  }

  private static ShortlistEvent ev(Kind k, String order, String citizen, int rank, Reason r) {
    return new ShortlistEvent(k, order, citizen, rank, r);
  }

  @Test
  void generationsAreNumberedAndALateConsumerResumes() throws Exception {
    try (MatchEngine engine = MatchEngine.builder().asOf(DAY).build()) {
      ChangeFeed feed = new ChangeFeed(7, 2);
      LiveShortlists live = LiveShortlists.start(engine, feed, 0);
      assertEquals(7, feed.generation());
      live.upsert(citizen("a", false)); // generation 8: no order yet, no event
      live.upsertOrder(order("o-1")); // 9
      live.upsert(citizen("b", true)); // 10
      assertEquals(10, feed.generation());
      assertEquals(9, feed.oldestRetained());
      assertEquals(List.of(
          new FeedEvent(9, 1, ev(Kind.ENTERED, "o-1", "a", 1, Reason.ORDER_OPENED)),
          new FeedEvent(10, 1, ev(Kind.LEFT, "o-1", "a", 1, Reason.BETTER_CANDIDATES)),
          new FeedEvent(10, 2, ev(Kind.ENTERED, "o-1", "b", 1, Reason.CITIZEN_CHANGED))), feed.since(8));
      assertEquals(2, feed.since(9).size());
      assertEquals(List.of(), feed.since(10));
      // Generation 8 fell out of retention: resuming after 7 would miss it.
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> feed.since(7));
      assertEquals("after: the events of generations 8 to 8 are no longer retained (2 generations are kept)", e.getMessage());

      List<FeedEvent> got = new ArrayList<>();
      try (AutoCloseable sub = feed.subscribe(9, got::add)) {
        assertEquals(2, got.size(), "replayed: generation 10");
        live.delete("b"); // 11
        assertEquals(List.of(
            new FeedEvent(10, 1, ev(Kind.LEFT, "o-1", "a", 1, Reason.BETTER_CANDIDATES)),
            new FeedEvent(10, 2, ev(Kind.ENTERED, "o-1", "b", 1, Reason.CITIZEN_CHANGED)),
            new FeedEvent(11, 1, ev(Kind.LEFT, "o-1", "b", 1, Reason.DELETED)),
            new FeedEvent(11, 2, ev(Kind.ENTERED, "o-1", "a", 1, Reason.PLACE_FREED))), got);
      }
      live.delete("a");
      assertEquals(4, got.size(), "detached");
    }
  }

  @Test
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> new ChangeFeed(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ChangeFeed(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new FeedEvent(0, 1, ev(Kind.LEFT, "o", "c", 1, Reason.DELETED)));
  }
}
