package dk.jobmatch.bench;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * An ad-hoc experiment (not a JMH benchmark) on why the BM25 peer was unstable at 1,000,000
 * citizens: the same index searched as built (Lucene's default merge policy leaves several
 * segments) and after {@code forceMerge(1)}, reporting per configuration the thread CPU time
 * per query (median, p90, p99) and the hits Lucene counted.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dk.jobmatch.bench.Bm25Probe SIZE [ROUNDS]}.
 */
public final class Bm25Probe {
  private Bm25Probe() {}

  /** Runs the experiment. */
  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<Citizen> population = BenchData.generator().citizens(size);
    JobOrder[] orders = BenchData.queryOrders();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        StringBuilder sb = new StringBuilder();
        for (Citizen c : population) {
          sb.setLength(0);
          for (SkillHolding s : c.skills()) {
            sb.append(s.id()).append(' ');
          }
          Document d = new Document();
          d.add(new StringField(Bm25Peer.ID, c.id(), Field.Store.YES));
          d.add(new TextField(Bm25Peer.SKILLS, sb.toString(), Field.Store.NO));
          w.addDocument(d);
        }
        w.commit();
        measure("as built", dir, orders, rounds);
        w.forceMerge(1);
        w.commit();
        measure("force-merged", dir, orders, rounds);
      }
    }
  }

  private static void measure(String label, Directory dir, JobOrder[] orders, int rounds) throws Exception {
    var threads = ManagementFactory.getThreadMXBean();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      long[] t = new long[orders.length * rounds];
      long hits = 0;
      int n = 0;
      for (int r = 0; r < rounds; r++) {
        for (JobOrder o : orders) {
          BooleanQuery.Builder q = new BooleanQuery.Builder();
          for (RequiredSkill s : o.requiredSkills()) {
            q.add(new TermQuery(new Term(Bm25Peer.SKILLS, s.id())), BooleanClause.Occur.SHOULD);
          }
          long c = threads.getCurrentThreadCpuTime();
          TopDocs top = searcher.search(q.build(), BenchData.TOP_K);
          t[n++] = threads.getCurrentThreadCpuTime() - c;
          hits += top.totalHits.value();
        }
      }
      Arrays.sort(t);
      System.out.printf("%s: %d segments (sizes %s), CPU per query p50 %.3f p90 %.3f p99 %.3f ms, mean hits counted %d%n",
          label, reader.leaves().size(), reader.leaves().stream().map(l -> l.reader().maxDoc()).toList(),
          t[t.length / 2] / 1e6, t[(int) (t.length * 0.9)] / 1e6, t[(int) (t.length * 0.99)] / 1e6, hits / n);
    }
  }
}
