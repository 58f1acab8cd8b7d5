package dk.jobmatch.index;

import dk.jobmatch.kernel.*;
import dk.jobmatch.model.JobOrder;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The open job orders: persisted in their own Lucene index (stored source, keyed by id) and
 * held in memory in the order of their first add (also after reopening: the position is stored), because a municipality has thousands of open orders, not
 * millions, and scoring a citizen against all of them exhaustively is both exact and fast
 * (microseconds per order). Thread-safe; reads take a snapshot.
 *
 * @lucene.internal
 */
public final class OrderIndex implements Closeable {
  private static final String SEQ = "seq";
  private final Directory directory;
  private final IndexWriter writer;
  private final Map<String, JobOrder> orders = new LinkedHashMap<>();
  /** Position of each order's first add, persisted so that a reopened index keeps the order. */
  private final Map<String, Long> seqs = new java.util.HashMap<>();
  private long nextSeq;
  private volatile List<JobOrder> snapshot = List.of();

  /**
   * Opens (or creates) the order index in {@code directory}, loading every committed order.
   *
   * @throws UncheckedIOException if the directory cannot be opened
   */
  public OrderIndex(Directory directory) {
    this(directory, new PairedCommit.Start(null, false));
  }

  /**
   * Opens the order index in {@code directory} where {@code start} says (see {@link
   * PairedCommit}), loading every order of that commit.
   *
   * @throws UncheckedIOException if the directory cannot be opened
   */
  public OrderIndex(Directory directory, PairedCommit.Start start) {
    this.directory = directory;
    try {
      IndexWriterConfig cfg = new IndexWriterConfig();
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      // Erasure, as for citizens: forceMergeDeletes rewrites every segment holding a deletion.
      org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
      merges.setForceMergeDeletesPctAllowed(0);
      cfg.setMergePolicy(merges);
      start.configure(cfg);
      this.writer = new IndexWriter(directory, cfg);
      java.util.List<Object[]> loaded = new java.util.ArrayList<>();
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        long docOrder = 0;
        for (LeafReaderContext ctx : reader.leaves()) {
          StoredFields fields = ctx.reader().storedFields();
          var live = ctx.reader().getLiveDocs();
          for (int doc = 0; doc < ctx.reader().maxDoc(); doc++) {
            if (live == null || live.get(doc)) {
              Document d = fields.document(doc);
              BytesRef src = d.getBinaryValue("src");
              JobOrder o = ModelCodec.decodeOrder(src.bytes, src.offset, src.length);
              Number seq = d.getField(SEQ) == null ? null : d.getField(SEQ).numericValue();
              // Indexes written before positions were stored: document order.
              loaded.add(new Object[] {seq == null ? docOrder : seq.longValue(), o});
            }
            docOrder++;
          }
        }
      }
      loaded.sort(java.util.Comparator.comparingLong(a -> (Long) a[0]));
      for (Object[] a : loaded) {
        JobOrder o = (JobOrder) a[1];
        long seq = (Long) a[0];
        orders.put(o.id(), o);
        seqs.put(o.id(), seq);
        nextSeq = Math.max(nextSeq, seq + 1);
      }
      snapshot = List.copyOf(orders.values());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the order index: " + e.getMessage(), e);
    }
  }

  /** Adds or replaces (same id) an order. */
  public synchronized void upsert(JobOrder o) {
    Document d = new Document();
    d.add(new StringField("id", o.id(), Field.Store.NO));
    d.add(new StoredField("src", ModelCodec.encode(o)));
    Long seq = seqs.get(o.id());
    if (seq == null) {
      seq = nextSeq++;
      seqs.put(o.id(), seq);
    }
    d.add(new StoredField(SEQ, seq));
    try {
      writer.updateDocument(new Term("id", o.id()), d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    orders.put(o.id(), o);
    snapshot = List.copyOf(orders.values());
  }

  /** Deletes an order; returns whether it was there. */
  public synchronized boolean delete(String id) {
    if (orders.remove(id) == null) {
      return false;
    }
    seqs.remove(id);
    try {
      writer.deleteDocuments(new Term("id", id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    snapshot = List.copyOf(orders.values());
    return true;
  }

  /** All orders, in the order they were first added. */
  public List<JobOrder> all() {
    return snapshot;
  }

  /** One order by id. */
  public synchronized Optional<JobOrder> get(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  /**
   * Rewrites every segment holding a deleted or replaced order; the caller then commits (twice,
   * so that no kept commit references the old segments) and calls {@link #releasePurged()}.
   */
  public synchronized void purgeDeleted() {
    try {
      writer.forceMergeDeletes(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** After a purge and its commits: deletes the old files at once (this index keeps no open reader). */
  public synchronized void releasePurged() {
    try {
      writer.deleteUnusedFiles();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Phase one of commit {@code number} (see {@link PairedCommit}). */
  public synchronized void prepareCommit(long number) {
    try {
      PairedCommit.prepare(writer, number);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Phase two: makes the prepared commit the index's commit. */
  public synchronized void finishCommit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      directory.close();
    }
  }

}
