package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's documented contract where the fast tests left it unchecked (surviving mutants of
 * the PIT run on {@code engine}, docs/testing.md): argument checks at their limit, what the
 * accessors and {@code deleteOrder} return, a closed engine, the builder's refresh interval and directory, the
 * reference scorer's suggestions, repeated and changed suggestions, and the change feed's limits.
 */
class EngineContractTest {
  private static final Taxonomy TAXONOMY = Taxonomy.none();
  private static final ShortageLookup SHORTAGE = ShortageLookup.ofDigits(Map.of());
  private static final ScoringPolicy POLICY = ScoringPolicy.defaults().toBuilder().name("contract").build();

  private static MatchEngine engine() {
    return MatchEngine.builder().asOf(RankingTest.AS_OF).taxonomy(TAXONOMY).shortage(SHORTAGE).policy(POLICY).build();
  }

  /** A pedagogue order at the same workplace: nothing of a nurse's occupation, goal or skills. */
  private static JobOrder pedagogueOrder() {
    return JobOrder.builder("jo-pedagogue", "isco:2342")
        .employer(new Employer("12345678", null, "Glostrup Kommune", false, false,
            new Location("2600", RankingTest.GLOSTRUP_LAT, RankingTest.GLOSTRUP_LON)))
        .build();
  }

  private static Citizen nurse() {
    return RankingTest.population().get(0);
  }

  @Test
  void kMustBeAtLeastOneAndOneIsAccepted() throws Exception {
    try (MatchEngine e = engine()) {
      e.upsertAll(RankingTest.population());
      e.upsertOrder(RankingTest.nurseOrder(false).build());
      e.refresh();
      assertThrows(IllegalArgumentException.class, () -> e.suggest(nurse(), 0));
      assertEquals(List.of("jo-nurse"), e.suggest(nurse(), 1).stream().map(Match::orderId).toList());
    }
    ReferenceScorer ref = new ReferenceScorer(TAXONOMY, SHORTAGE, POLICY, RankingTest.AS_OF);
    List<Citizen> population = RankingTest.population();
    JobOrder order = RankingTest.nurseOrder(false).build();
    assertThrows(IllegalArgumentException.class, () -> ref.rank(population, order, 0));
    assertThrows(IllegalArgumentException.class, () -> ref.suggest(population, List.of(order), nurse(), 0));
    assertThrows(IllegalArgumentException.class, () -> ref.explainPair(population, nurse(), order, 0));
    assertEquals(1, ref.suggest(population, List.of(order), nurse(), 1).size());
  }

  @Test
  void theAccessorsReturnWhatTheBuilderWasGiven() throws Exception {
    try (MatchEngine e = engine()) {
      assertSame(TAXONOMY, e.taxonomy());
      assertSame(SHORTAGE, e.shortage());
      assertSame(POLICY, e.policy());
      assertEquals(PolicyFingerprint.of(POLICY), e.policyFingerprint());
      assertEquals(RankingTest.AS_OF, e.today());
    }
  }

  @Test
  void deleteOrderSaysWhetherTheOrderWasOpen() throws Exception {
    try (MatchEngine e = engine()) {
      assertFalse(e.deleteOrder("jo-nurse"));
      e.upsertOrder(RankingTest.nurseOrder(false).build());
      assertTrue(e.deleteOrder("jo-nurse"));
      assertFalse(e.deleteOrder("jo-nurse"));
      assertEquals(0, e.orderCount());
    }
  }

  @Test
  void aRefreshIntervalMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> MatchEngine.builder().refreshInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> MatchEngine.builder().refreshInterval(Duration.ofSeconds(-1)));
    MatchEngine.builder().refreshInterval(Duration.ofMillis(1)).refreshInterval(null);
  }

  @Test
  void aMissingDirectoryIsCreated(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("a").resolve("b");
    try (MatchEngine e = MatchEngine.builder().asOf(RankingTest.AS_OF).directory(dir).build()) {
      e.upsert(nurse());
      e.refresh();
      assertEquals(1, e.citizenCount());
    }
    assertTrue(Files.isDirectory(dir));
  }

  @Test
  void suggestionsAreTheSameWhenAskedAgainAndFollowAChangedOrder() throws Exception {
    try (MatchEngine e = engine()) {
      e.upsertAll(RankingTest.population());
      e.upsertOrder(RankingTest.nurseOrder(false).build());
      e.upsertOrder(pedagogueOrder());
      e.refresh();
      Citizen missingSaar = RankingTest.population().get(1);
      List<Match> first = e.suggest(missingSaar, 2);
      assertEquals(List.of("jo-nurse", "jo-pedagogue"), first.stream().map(Match::orderId).toList());
      // Asked again with nothing changed (the compiled orders are reused): the same answer.
      assertEquals(first, e.suggest(missingSaar, 2));
      // The nurse order without the skill the citizen lacks: the citizen now meets every skill asked.
      e.upsertOrder(JobOrder.builder("jo-nurse", "isco:2221")
          .employer(RankingTest.nurseOrder(false).build().employer())
          .essentialSkill(RankingTest.MEDICIN).optionalSkill(RankingTest.DOK).minEducationLevel(5).build());
      Match changed = e.suggest(missingSaar, 1).get(0);
      assertEquals("jo-nurse", changed.orderId());
      assertNotEquals(first.get(0).score(), changed.score());
      assertTrue(changed.score() > first.get(0).score());
    }
  }

  @Test
  void theReferenceScorerSuggestsBestFirst() {
    ReferenceScorer ref = new ReferenceScorer(TAXONOMY, SHORTAGE, POLICY, RankingTest.AS_OF);
    // Given worst first: the pedagogue order shares no occupation, goal or skill with the nurse.
    List<Match> got = ref.suggest(RankingTest.population(), List.of(pedagogueOrder(), RankingTest.nurseOrder(false).build()),
        nurse(), 2);
    assertEquals(List.of("jo-nurse", "jo-pedagogue"), got.stream().map(Match::orderId).toList());
    assertEquals(List.of("jo-nurse"),
        ref.suggest(RankingTest.population(), List.of(pedagogueOrder(), RankingTest.nurseOrder(false).build()), nurse(), 1)
            .stream().map(Match::orderId).toList());
  }

  @Test
  void aClosedEngineRefusesEveryChangeAndSearch() throws Exception {
    MatchEngine e = engine();
    e.upsertAll(RankingTest.population());
    e.upsertOrder(RankingTest.nurseOrder(false).build());
    e.close();
    // Each as documented: IllegalStateException once closed (in memory, so no Lucene index of a
    // directory fails underneath for the engine).
    assertThrows(IllegalStateException.class, () -> e.upsertAll(List.of(nurse())));
    assertThrows(IllegalStateException.class, () -> e.upsertOrder(pedagogueOrder()));
    assertThrows(IllegalStateException.class, () -> e.deleteOrder("jo-nurse"));
    assertThrows(IllegalStateException.class, e::refresh);
    assertThrows(IllegalStateException.class, e::commit);
    assertThrows(IllegalStateException.class, () -> e.suggest(nurse(), 1));
    assertEquals(1, e.orderCount(), "a refused change must not change the orders");
  }

  @Test
  void theChangeFeedAcceptsGenerationZeroAndOneRetained() {
    ChangeFeed feed = new ChangeFeed(0, 1);
    assertEquals(0, feed.generation());
    assertEquals(List.of(), feed.since(0));
    assertThrows(IllegalArgumentException.class, () -> feed.since(-1));
    assertThrows(IllegalArgumentException.class, () -> new ChangeFeed(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ChangeFeed(0, 0));
  }
}
