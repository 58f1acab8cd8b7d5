package dk.jobmatch.bench;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The peer that a team without this project would write: a plain Lucene index with one document
 * per citizen whose skill ids are whitespace-separated terms of a {@link TextField}, searched with
 * a {@link BooleanQuery} of one {@code SHOULD} {@link TermQuery} per required skill, scored by
 * Lucene's default BM25, top-k via {@link IndexSearcher#search(Query, int)}, and the citizen ids
 * of the hits read from stored fields.
 *
 * <p>It applies no hard gates, no occupation, goal, education or distance fit and builds no
 * explanation, so it does strictly less work than the engine: a fair lower bound for what a
 * Lucene query over the same terms costs. Like the engine's default, the index lives in memory
 * ({@link ByteBuffersDirectory}) with Lucene's default merge policy.
 *
 * <p>Searching is thread-safe; {@link #close()} must not race with searches.
 */
public final class Bm25Peer implements Closeable {
  static final String ID = "id";
  static final String SKILLS = "skills";

  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private Bm25Peer(Directory dir) throws IOException {
    this.dir = dir;
    this.reader = DirectoryReader.open(dir);
    this.searcher = new IndexSearcher(reader);
  }

  /**
   * Indexes the citizens into a new in-memory index and opens a searcher on it.
   *
   * @throws UncheckedIOException if Lucene fails (it should not, in memory)
   */
  public static Bm25Peer build(Iterable<Citizen> citizens) {
    return build(citizens, new ByteBuffersDirectory());
  }

  /**
   * Indexes the citizens into {@code dir} (committed), and opens a searcher on it.
   *
   * @throws UncheckedIOException if Lucene fails to write or open the index
   */
  public static Bm25Peer build(Iterable<Citizen> citizens, Directory dir) {
    try {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        StringBuilder sb = new StringBuilder(1024);
        for (Citizen c : citizens) {
          sb.setLength(0);
          for (SkillHolding s : c.skills()) {
            sb.append(s.id()).append(' ');
          }
          Document d = new Document();
          d.add(new StringField(ID, c.id(), Field.Store.YES));
          d.add(new TextField(SKILLS, sb.toString(), Field.Store.NO));
          w.addDocument(d);
        }
        // One segment, like a finished build of the engine: with Lucene's default merge policy a
        // 1,000,000-document build ends in ~8 segments, and every segment runs its own top-k
        // with its own threshold, which made this peer unstable (see BENCHMARKS.md).
        w.forceMerge(1);
        w.commit();
      }
      return new Bm25Peer(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The ids of the {@code k} citizens with the highest BM25 score over the order's required
   * skills, best first (Lucene breaks ties by document order).
   *
   * @throws UncheckedIOException if Lucene fails to read the index
   */
  public List<String> search(JobOrder order, int k) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (RequiredSkill s : order.requiredSkills()) {
      q.add(new TermQuery(new Term(SKILLS, s.id())), BooleanClause.Occur.SHOULD);
    }
    try {
      TopDocs top = searcher.search(q.build(), k);
      StoredFields stored = searcher.storedFields();
      List<String> ids = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        ids.add(stored.document(sd.doc).get(ID));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Documents in the index. */
  public int size() {
    return reader.numDocs();
  }

  /** Segments in the index (search cost grows with them). */
  public int segments() {
    return reader.leaves().size();
  }

  /**
   * Bytes of index files.
   *
   * @throws UncheckedIOException if a file length cannot be read
   */
  public long indexBytes() {
    try {
      long sum = 0;
      for (String f : dir.listAll()) {
        sum += dir.fileLength(f);
      }
      return sum;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
