package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory-backed engine survives a restart with every committed citizen and order. */
class PersistenceTest {
  @TempDir Path dir;

  private MatchEngine open() {
    return MatchEngine.builder().directory(dir).asOf(RankingTest.AS_OF).build();
  }

  @Test
  void reopenFindsEveryCommittedCitizenAndOrder() throws Exception {
    RandomPopulation gen = new RandomPopulation(99);
    List<Citizen> population = gen.citizens(700);
    JobOrder order = RankingTest.nurseOrder(true).build();
    List<Match> before;
    try (MatchEngine e = open()) {
      e.upsertAll(population);
      e.upsertAll(RankingTest.population());
      e.upsertOrder(order);
      e.refresh();
      assertTrue(e.delete("c-5"));
      e.refresh();
      before = e.rank(order, 20);
      e.commit();
    }
    try (MatchEngine e = open()) {
      assertEquals(population.size() + 6 - 1, e.citizenCount());
      assertEquals(List.of(order), e.orders());
      assertEquals(before, e.rank(order, 20));
      assertEquals(population.get(7), e.citizen("c-7").orElseThrow());
      assertFalse(e.citizen("c-5").isPresent(), "deleted before the commit");
      // Erasure after a restart, then purged from the files.
      assertTrue(e.delete("nurse-all-skills"));
      e.purgeDeleted();
    }
    try (MatchEngine e = open()) {
      assertFalse(e.rank(order, 100).stream().anyMatch(m -> m.citizenId().equals("nurse-all-skills")));
      assertEquals(population.size() + 6 - 2, e.citizenCount());
    }
  }

  @Test
  void uncommittedChangesAreNotVisibleToAReaderOfTheCommit() throws Exception {
    try (MatchEngine e = open()) {
      e.upsertAll(RankingTest.population());
      e.commit();
      e.upsert(RankingTest.population().get(0).toBuilder().build());
    }
    // close() commits, so everything is there.
    try (MatchEngine e = open()) {
      assertEquals(6, e.citizenCount());
    }
  }
}
