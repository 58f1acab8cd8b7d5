package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoDeletionPolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@link PairedCommit} the crash test does not reach: which commits the deletion
 * policy keeps (the newest and the newest of a lower number, nothing deleted on opening), the
 * number of a commit without one or with an unreadable one, and what a {@link PairedCommit.Start}
 * does to a writer (empty: the old documents are gone; an older commit: its documents).
 */
class PairedCommitPolicyTest {

  private static void add(IndexWriter w, String id) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.YES));
    w.addDocument(doc);
  }

  private static void commit(IndexWriter w, long n) throws IOException {
    PairedCommit.prepare(w, n);
    w.commit();
  }

  private static List<Long> numbers(Directory d) throws IOException {
    return DirectoryReader.listCommits(d).stream().map(PairedCommit::number).toList();
  }

  @Test
  void thePolicyKeepsTheNewestAndTheNewestOfALowerNumber() throws IOException {
    Directory d = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(d, new PairedCommit.Start(null, false).configure(new IndexWriterConfig()))) {
      add(w, "a");
      commit(w, 1);
      assertEquals(List.of(1L), numbers(d));
      add(w, "b");
      commit(w, 2);
      assertEquals(List.of(1L, 2L), numbers(d));
      add(w, "c");
      commit(w, 3);
      assertEquals(List.of(2L, 3L), numbers(d), "commit 1 is neither the newest nor the fallback");
      // The same number again (the next commit after a recovery that dropped an unacknowledged
      // one): the fallback must have a lower number, so 2 stays and the older 3 goes.
      add(w, "d");
      commit(w, 3);
      List<IndexCommit> commits = DirectoryReader.listCommits(d);
      assertEquals(List.of(2L, 3L), numbers(d));
      try (DirectoryReader r = DirectoryReader.open(commits.get(1))) {
        assertEquals(4, r.numDocs(), "the newest commit 3 is the one with d");
      }
      try (DirectoryReader r = DirectoryReader.open(commits.get(0))) {
        assertEquals(2, r.numDocs(), "the fallback is commit 2");
      }
    }
  }

  @Test
  void openingDeletesNoCommitTheNextCommitDoes() throws IOException {
    Directory d = new ByteBuffersDirectory();
    IndexWriterConfig keepAll = new IndexWriterConfig().setIndexDeletionPolicy(NoDeletionPolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(d, keepAll)) {
      for (long n = 1; n <= 3; n++) {
        add(w, "x" + n);
        commit(w, n);
      }
    }
    assertEquals(List.of(1L, 2L, 3L), numbers(d));
    try (IndexWriter w = new IndexWriter(d, new PairedCommit.Start(null, false).configure(new IndexWriterConfig()))) {
      assertEquals(List.of(1L, 2L, 3L), numbers(d), "opening keeps every commit: the recovery may need one");
      add(w, "x4");
      commit(w, 4);
      assertEquals(List.of(3L, 4L), numbers(d));
    }
  }

  @Test
  void aCommitWithoutANumberOrWithAnUnreadableOneIsNumberZero() throws IOException {
    Directory d = new ByteBuffersDirectory();
    IndexWriterConfig keepAll = new IndexWriterConfig().setIndexDeletionPolicy(NoDeletionPolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(d, keepAll)) {
      add(w, "a");
      w.commit(); // no user data at all
      add(w, "b");
      w.setLiveCommitData(Map.of(PairedCommit.KEY, "not a number").entrySet());
      w.commit();
      add(w, "c");
      commit(w, 41);
    }
    assertEquals(List.of(0L, 0L, 41L), numbers(d));
  }

  private static IndexWriterConfig readOnly() {
    return new IndexWriterConfig().setCommitOnClose(false);
  }

  @Test
  void anEmptyStartDiscardsTheOldDocumentsAndAnOlderCommitOpensAtIt() throws IOException {
    Directory d = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(d, new PairedCommit.Start(null, false).configure(new IndexWriterConfig()))) {
      add(w, "a");
      commit(w, 1);
      add(w, "b");
      commit(w, 2);
    }
    IndexCommit first = DirectoryReader.listCommits(d).get(0);
    assertEquals(1, PairedCommit.number(first));
    // Each writer below is closed without committing: the next one sees the same commits.
    try (IndexWriter w = new IndexWriter(d, new PairedCommit.Start(first, false).configure(readOnly()));
        DirectoryReader r = DirectoryReader.open(w)) {
      assertEquals(1, r.numDocs(), "opened at commit 1: only a");
    }
    try (IndexWriter w = new IndexWriter(d, new PairedCommit.Start(null, false).configure(readOnly()));
        DirectoryReader r = DirectoryReader.open(w)) {
      assertEquals(2, r.numDocs(), "the newest commit: a and b");
    }
    try (IndexWriter w = new IndexWriter(d, new PairedCommit.Start(null, true).configure(readOnly()));
        DirectoryReader r = DirectoryReader.open(w)) {
      assertEquals(0, r.numDocs(), "empty: nothing of the old index");
    }
  }

  @Test
  void recoveryPicksTheNewestNumberBothHoldAndTheNewestCommitOfIt() throws IOException {
    Directory a = new ByteBuffersDirectory();
    Directory b = new ByteBuffersDirectory();
    IndexWriterConfig keepAll = new IndexWriterConfig().setIndexDeletionPolicy(NoDeletionPolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(a, keepAll)) {
      add(w, "a1");
      commit(w, 1);
      add(w, "a2");
      commit(w, 2);
      add(w, "a2b");
      commit(w, 2); // two commits numbered 2: the newer one counts
      add(w, "a5");
      commit(w, 5);
    }
    try (IndexWriter w = new IndexWriter(b, new IndexWriterConfig().setIndexDeletionPolicy(NoDeletionPolicy.INSTANCE))) {
      add(w, "b1");
      commit(w, 1);
      add(w, "b2");
      commit(w, 2);
      add(w, "b3");
      commit(w, 3);
    }
    PairedCommit.Recovery r = PairedCommit.recover(a, b);
    assertEquals(2, r.number(), "5 and 3 are each held by one index only");
    assertFalse(r.first().empty());
    assertNotNull(r.first().commit());
    try (DirectoryReader x = DirectoryReader.open(r.first().commit())) {
      assertEquals(3, x.numDocs(), "the newer of the two commits numbered 2");
    }
    assertNotNull(r.second().commit());
    try (DirectoryReader x = DirectoryReader.open(r.second().commit())) {
      assertEquals(2, x.numDocs());
    }
    // Against an empty directory: number 0, which neither index holds as a commit: both empty.
    PairedCommit.Recovery none = PairedCommit.recover(a, new ByteBuffersDirectory());
    assertEquals(0, none.number());
    assertTrue(none.first().empty());
    assertNull(none.first().commit());
    assertTrue(none.second().empty());
  }
}
