package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The recovery rule of {@link PairedCommit}, with a crash simulated between the two finishes. */
class PairedCommitTest {

  private static IndexWriter open(Directory d, PairedCommit.Start start) throws IOException {
    return new IndexWriter(d, start.configure(new IndexWriterConfig()));
  }

  private static void add(IndexWriter w, String id) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.YES));
    w.addDocument(doc);
  }

  private static int docs(IndexWriter w) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(w)) {
      return r.numDocs();
    }
  }

  private static void commitBoth(IndexWriter a, IndexWriter b, long n) throws IOException {
    PairedCommit.prepare(a, n);
    PairedCommit.prepare(b, n);
    a.commit();
    b.commit();
  }

  /** Commit {@code n}: both prepared, only the first finished, then the process dies. */
  private static void crashBetweenFinishes(IndexWriter a, IndexWriter b, long n) throws IOException {
    PairedCommit.prepare(a, n);
    PairedCommit.prepare(b, n);
    a.commit();
    a.rollback();
    b.rollback();
  }

  @Test
  void aCrashBetweenTheTwoFinishesReopensBothAtThePreviousCommit() throws IOException {
    Directory ca = new ByteBuffersDirectory();
    Directory cb = new ByteBuffersDirectory();
    PairedCommit.Recovery r0 = PairedCommit.recover(ca, cb);
    assertEquals(0, r0.number(), "no index yet: number 0");
    IndexWriter a = open(ca, r0.first());
    IndexWriter b = open(cb, r0.second());
    add(a, "c1");
    add(b, "o1");
    commitBoth(a, b, 1);
    add(a, "c2");
    add(b, "o2");
    commitBoth(a, b, 2);
    add(a, "c3");
    add(b, "o3");
    crashBetweenFinishes(a, b, 3);

    PairedCommit.Recovery r = PairedCommit.recover(ca, cb);
    assertEquals(2, r.number());
    assertFalse(r.first().empty());
    assertNotNull(r.first().commit(), "the first index opens at its older commit");
    assertNull(r.second().commit(), "the second index opens at its newest commit");
    a = open(ca, r.first());
    b = open(cb, r.second());
    assertEquals(2, docs(a), "citizens of commit 2");
    assertEquals(2, docs(b), "orders of commit 2");
    // The next commit (number 3 again) supersedes the unacknowledged one; a crash in its middle
    // still falls back to commit 2.
    add(a, "c3b");
    add(b, "o3b");
    crashBetweenFinishes(a, b, 3);
    r = PairedCommit.recover(ca, cb);
    assertEquals(2, r.number());
    a = open(ca, r.first());
    b = open(cb, r.second());
    assertEquals(2, docs(a));
    assertEquals(2, docs(b));
    add(a, "c3c");
    commitBoth(a, b, 3);
    a.close();
    b.close();
    r = PairedCommit.recover(ca, cb);
    assertEquals(3, r.number());
    assertNull(r.first().commit());
    assertNull(r.second().commit());
    a = open(ca, r.first());
    assertEquals(3, docs(a));
    a.close();
  }

  @Test
  void aCrashInTheFirstCommitReopensEmpty() throws IOException {
    Directory ca = new ByteBuffersDirectory();
    Directory cb = new ByteBuffersDirectory();
    PairedCommit.Recovery r0 = PairedCommit.recover(ca, cb);
    IndexWriter a = open(ca, r0.first());
    IndexWriter b = open(cb, r0.second());
    add(a, "c1");
    add(b, "o1");
    crashBetweenFinishes(a, b, 1);
    PairedCommit.Recovery r = PairedCommit.recover(ca, cb);
    assertEquals(0, r.number());
    assertTrue(r.first().empty(), "the first index's unacknowledged commit is dropped");
    a = open(ca, r.first());
    assertEquals(0, docs(a));
    a.close();
  }
}
