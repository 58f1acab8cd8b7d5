package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.internal.DayClock;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveShortlists}' answers around the lists, on a hand-made engine (two citizens, two
 * orders): what {@code delete} and {@code deleteOrder} return, the rank count at the start, the
 * suggestions of a citizen (equal to the engine's fresh {@code suggest}), of an unknown citizen and
 * with suggestions off, and a negative number of suggestions refused. Written for the mutants PIT
 * left with the fast event tests (see docs/testing.md).
 */
class LiveShortlistsContractTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

  private static Citizen citizen(String id, int years) {
    return Citizen.builder(id).jobReady(true).searchable(true).skill("skill:s1").experience("isco:5322", years, 2025)
        .build();
  }

  private static JobOrder order(String id) {
    return JobOrder.builder(id, "isco:5322").essentialSkill("skill:s1").maxCandidates(1).deadline(DAY.plusDays(2))
        .build();
  }

  @Test
  void answersAroundTheLists() throws Exception {
    try (MatchEngine engine = MatchEngine.builder().clock(new DayClock(DAY)).build()) {
      engine.upsert(citizen("a", 5));
      engine.upsert(citizen("b", 1));
      engine.upsertOrder(order("o-1"));
      engine.upsertOrder(order("o-2"));
      LiveShortlists live = LiveShortlists.start(engine, ShortlistListener.none(), 2);
      assertEquals(2, live.reranks(), "one fresh ranking per open order at the start");
      assertEquals(List.of("o-1", "o-2"), live.openOrders());

      Citizen a = engine.citizen("a").orElseThrow();
      List<Match> fresh = engine.suggest(a, 2);
      assertEquals(2, fresh.size());
      assertEquals(fresh, live.suggestions("a"));
      assertEquals(List.of(), live.suggestions("nobody"));

      assertFalse(live.delete("nobody"), "an unknown citizen: false");
      assertFalse(live.deleteOrder("no-order"), "an unknown order: false");
      assertTrue(live.delete("b"));
      assertTrue(live.deleteOrder("o-2"));
      assertEquals(List.of("o-1"), live.openOrders());
      assertEquals(List.of("a"), live.shortlist("o-1").stream().map(Match::citizenId).toList());
      assertEquals(List.of(), live.shortlist("o-2"), "a deleted order has no list");

      LiveShortlists off = LiveShortlists.start(engine, ShortlistListener.none(), 0);
      assertEquals(List.of(), off.suggestions("a"), "suggestions off");
      assertEquals(List.of("a"), off.shortlist("o-1").stream().map(Match::citizenId).toList());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LiveShortlists.start(engine, ShortlistListener.none(), -1));
      assertEquals("suggestions: must not be negative", e.getMessage());
    }
  }
}
