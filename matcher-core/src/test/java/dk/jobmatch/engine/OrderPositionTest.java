package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orders keep the place of their first add, also after updates and a reopen; citizens are listed by id. */
class OrderPositionTest {
  @TempDir Path dir;

  @Test
  void firstAddOrderSurvivesUpdatesAndReopen() throws Exception {
    try (MatchEngine e = MatchEngine.builder().directory(dir).build()) {
      for (String id : List.of("jo-b", "jo-a", "jo-c", "jo-d")) {
        e.upsertOrder(JobOrder.builder(id, "isco:5322").build());
      }
      e.upsertOrder(JobOrder.builder("jo-b", "isco:5321").build()); // an update keeps the place
      e.deleteOrder("jo-c");
      e.upsertOrder(JobOrder.builder("jo-c", "isco:5322").build()); // deleted, then new: last
      for (String id : List.of("c-2", "c-1", "c-3")) {
        e.upsert(Citizen.builder(id).build());
      }
      e.upsert(Citizen.builder("c-2").jobReady(false).build());
      e.delete("c-1");
      e.upsert(Citizen.builder("c-1").build());
      assertEquals(List.of("jo-b", "jo-a", "jo-d", "jo-c"), e.orders().stream().map(JobOrder::id).toList());
      assertEquals(List.of("c-1", "c-2", "c-3"), e.citizenIds());
    }
    for (int i = 0; i < 2; i++) {
      try (MatchEngine e = MatchEngine.builder().directory(dir).build()) {
        assertEquals(List.of("jo-b", "jo-a", "jo-d", "jo-c"), e.orders().stream().map(JobOrder::id).toList());
        assertEquals("isco:5321", e.order("jo-b").orElseThrow().occupation().toString());
        assertEquals(List.of("c-1", "c-2", "c-3"), e.citizenIds());
        e.upsertOrder(JobOrder.builder("jo-a", "isco:2221").build());
      }
    }
  }
}
