package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.JobOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OrderIndex} on its own: the place of each order's first add (kept by an update, lost by a
 * delete, stored so that a reopened index keeps it, and continued after the highest stored place),
 * an index written before places were stored (document order), what {@code delete} and {@code get}
 * answer, and the purge leaving no deleted order in any segment.
 */
class OrderIndexTest {
  @TempDir Path dir;

  private static JobOrder order(String id, String occupation) {
    return JobOrder.builder(id, occupation).build();
  }

  private static List<String> ids(OrderIndex x) {
    return x.all().stream().map(JobOrder::id).toList();
  }

  private OrderIndex open() throws IOException {
    return new OrderIndex(FSDirectory.open(dir));
  }

  private static void commit(OrderIndex x, long n) {
    x.prepareCommit(n);
    x.finishCommit();
  }

  @Test
  void placesOfTheFirstAddSurviveUpdatesAndReopensAndContinueAfterTheHighest() throws IOException {
    try (OrderIndex x = open()) {
      x.upsert(order("b", "isco:2512"));
      x.upsert(order("a", "isco:2512"));
      x.upsert(order("c", "isco:2512"));
      x.upsert(order("b", "isco:7411")); // an update keeps b's place
      assertEquals(List.of("b", "a", "c"), ids(x));
      assertTrue(x.delete("a"));
      x.upsert(order("a", "isco:2512")); // deleted, then new: last
      assertEquals(List.of("b", "c", "a"), ids(x));
      commit(x, 1);
    }
    try (OrderIndex x = open()) {
      assertEquals(List.of("b", "c", "a"), ids(x), "the stored places, not the documents' order");
      assertEquals("isco:7411", x.get("b").orElseThrow().occupation().toString());
      // New after the reopen: after every stored place (b=0, c=2, a=3), so last.
      x.upsert(order("d", "isco:2512"));
      x.upsert(order("c", "isco:5322")); // an update after the reopen keeps the stored place
      assertEquals(List.of("b", "c", "a", "d"), ids(x));
      commit(x, 2);
    }
    try (OrderIndex x = open()) {
      assertEquals(List.of("b", "c", "a", "d"), ids(x));
      assertEquals("isco:5322", x.get("c").orElseThrow().occupation().toString());
      x.upsert(order("e", "isco:2512"));
      commit(x, 3);
    }
    try (OrderIndex x = open()) {
      assertEquals(List.of("b", "c", "a", "d", "e"), ids(x));
    }
  }

  @Test
  void anIndexWrittenBeforePlacesWereStoredOpensInDocumentOrder() throws IOException {
    // Three orders stored as an older version did: id and source only, no place.
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (String id : List.of("z", "x", "y")) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new StoredField("src", ModelCodec.encode(order(id, "isco:2512"))));
        w.addDocument(doc);
      }
      w.commit();
    }
    try (OrderIndex x = open()) {
      assertEquals(List.of("z", "x", "y"), ids(x));
      x.upsert(order("w", "isco:2512")); // places 0, 1, 2 taken by document order: w is 3
      x.upsert(order("x", "isco:7411"));
      assertEquals(List.of("z", "x", "y", "w"), ids(x));
      commit(x, 1);
    }
    try (OrderIndex x = open()) {
      assertEquals(List.of("z", "x", "y", "w"), ids(x));
      assertEquals("isco:7411", x.get("x").orElseThrow().occupation().toString());
    }
  }

  @Test
  void deleteAndGetAnswerWhatIsHeld() throws IOException {
    try (OrderIndex x = open()) {
      x.upsert(order("a", "isco:2512"));
      List<JobOrder> before = x.all();
      assertFalse(x.delete("unknown"), "an unknown id: false");
      assertEquals(before, x.all());
      assertTrue(x.get("unknown").isEmpty());
      assertTrue(x.get("a").isPresent());
      assertTrue(x.delete("a"));
      assertFalse(x.delete("a"), "deleted already: false");
      assertTrue(x.get("a").isEmpty());
      assertEquals(List.of(), x.all());
      commit(x, 1);
    }
    try (OrderIndex x = open()) {
      assertEquals(List.of(), x.all(), "the deletion was committed");
    }
  }

  @Test
  void aPurgeLeavesNoDeletedOrReplacedOrderInAnySegment() throws IOException {
    try (OrderIndex x = open()) {
      for (String id : List.of("a", "b", "c")) {
        x.upsert(order(id, "isco:2512"));
      }
      commit(x, 1);
      // (Lucene itself may already merge the deletions of so small a segment away on the commit;
      // the purge's promise is the state after it, whatever the segments were.)
      x.delete("a");
      x.delete("b");
      commit(x, 2);
      x.purgeDeleted();
      commit(x, 3);
      commit(x, 4);
      x.releasePurged();
      try (Directory d = FSDirectory.open(dir);
          DirectoryReader r = DirectoryReader.open(d)) {
        assertEquals(0, r.numDeletedDocs(), "after the purge no segment holds a deleted document");
        assertEquals(1, r.maxDoc());
      }
      assertEquals(List.of("c"), ids(x));
    }
  }
}
