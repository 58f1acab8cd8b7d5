package dk.jobmatch.bench.quality;

import dk.jobmatch.bench.quality.QualityDataset.LabelledCitizen;
import dk.jobmatch.bench.quality.QualityDataset.LabelledOrder;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The baselines the engine is measured against, each what a team might write without this
 * project. All see the same records as the engine; an order that lists no skills is given its
 * occupation's skills from the taxonomy, as the engine does.
 *
 * <ul>
 *   <li>{@link #random()}: a seeded random order — the floor;
 *   <li>{@link #jaccard()}: Jaccard similarity of the citizen's and the order's skill sets;
 *   <li>{@link #idfCoverage()}: the IDF-weighted share of the order's skills the citizen holds
 *       (IDF over the citizens);
 *   <li>{@link #bm25()}: plain Lucene BM25 over skill terms (citizens as documents for rank,
 *       orders as documents for suggest), as the performance peer does;
 *   <li>{@link #simpleDomain()}: the "simple domain scorer" — {@code 0.5·skills + 0.25·experience +
 *       0.25·goals}, where skills is IDF-weighted coverage with half credit for an ESCO-related
 *       skill held instead, and experience and goals are 1 for the order's ISCO unit group, 0.5
 *       for its minor group.
 * </ul>
 *
 * <p>Every factory returns an immutable, thread-safe {@link Ranker}.
 */
public final class Baselines {
  private Baselines() {}

  /** All five baselines, in table order. */
  public static List<Ranker> all() {
    return List.of(random(), jaccard(), idfCoverage(), bm25(), simpleDomain());
  }

  /** Random ranking (a fixed hash of the pair). */
  public static Ranker random() {
    return new Pairwise("random") {
      @Override
      double score(Features f, int c, int o) {
        long z = (c * 0x9E3779B97F4A7C15L) ^ (o * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return ((z ^ (z >>> 29)) >>> 11) * 0x1.0p-53;
      }
    };
  }

  /** Jaccard similarity of skill sets. */
  public static Ranker jaccard() {
    return new Pairwise("skill Jaccard") {
      @Override
      double score(Features f, int c, int o) {
        int[] a = f.citizenSkills[c];
        int[] b = f.orderSkills[o];
        int common = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
          if (a[i] == b[j]) {
            common++;
            i++;
            j++;
          } else if (a[i] < b[j]) {
            i++;
          } else {
            j++;
          }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
      }
    };
  }

  /** IDF-weighted coverage of the order's skills. */
  public static Ranker idfCoverage() {
    return new Pairwise("IDF skill coverage") {
      @Override
      double score(Features f, int c, int o) {
        return f.coverage(c, o, 0);
      }
    };
  }

  /** The simple domain scorer: skills with related credit, experience and goals by ISCO group. */
  public static Ranker simpleDomain() {
    return new Pairwise("simple domain scorer") {
      @Override
      double score(Features f, int c, int o) {
        String g = f.orderGroup[o];
        return 0.5 * f.coverage(c, o, 0.5) + 0.25 * groupMatch(f.experienceGroups[c], g)
            + 0.25 * groupMatch(f.goalGroups[c], g);
      }
    };
  }

  private static double groupMatch(String[] held, String order) {
    if (order == null || order.length() < 3) {
      return 0;
    }
    double best = 0;
    for (String h : held) {
      if (h == null || h.length() < 3) {
        continue;
      }
      if (order.length() >= 4 && h.length() >= 4 && h.regionMatches(0, order, 0, 4)) {
        return 1;
      }
      if (h.regionMatches(0, order, 0, 3)) {
        best = 0.5;
      }
    }
    return best;
  }

  /** Plain Lucene BM25 over skill terms. */
  public static Ranker bm25() {
    return new Ranker() {
      @Override
      public String name() {
        return "BM25";
      }

      @Override
      public Prepared prepare(QualityDataset d) {
        List<List<String>> citizenTerms = d.citizens().stream()
            .map(c -> c.citizen().skills().stream().map(SkillHolding::id).toList()).toList();
        List<List<String>> orderTerms = d.orders().stream()
            .map(o -> effectiveSkills(o.order(), d.taxonomy().taxonomy()).stream().map(RequiredSkill::id).toList())
            .toList();
        Bm25 byCitizen = Bm25.build(d.citizens().stream().map(c -> c.citizen().id()).toList(), citizenTerms);
        Bm25 byOrder = Bm25.build(d.orders().stream().map(o -> o.order().id()).toList(), orderTerms);
        Map<String, Integer> orderIndex = new HashMap<>();
        for (int i = 0; i < d.orders().size(); i++) {
          orderIndex.put(d.orders().get(i).order().id(), i);
        }
        return new Prepared() {
          @Override
          public List<String> rank(LabelledOrder order, int k) {
            return byCitizen.search(orderTerms.get(orderIndex.get(order.order().id())), k);
          }

          @Override
          public List<String> suggest(LabelledCitizen citizen, int k) {
            return byOrder.search(citizenTerms.get(QualityBenchmark.citizenIndex(citizen.citizen().id())), k);
          }

          @Override
          public void close() {
            byCitizen.close();
            byOrder.close();
          }
        };
      }
    };
  }

  /** The skills an order is matched on: its own, or its occupation's from the taxonomy (first listing wins). */
  static List<RequiredSkill> effectiveSkills(JobOrder o, Taxonomy t) {
    if (!o.requiredSkills().isEmpty()) {
      return o.requiredSkills();
    }
    Map<String, RequiredSkill> unique = new LinkedHashMap<>();
    for (RequiredSkill r : t.skillsOf(o.occupation())) {
      unique.putIfAbsent(r.id(), r);
    }
    return List.copyOf(unique.values());
  }

  /** A Lucene BM25 index of term lists, searched with one SHOULD clause per query term. */
  private static final class Bm25 {
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private Bm25(DirectoryReader reader) {
      this.reader = reader;
      this.searcher = new IndexSearcher(reader);
    }

    static Bm25 build(List<String> ids, List<List<String>> terms) {
      try {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
          for (int i = 0; i < ids.size(); i++) {
            Document doc = new Document();
            doc.add(new StoredField("id", ids.get(i)));
            doc.add(new TextField("skills", String.join(" ", terms.get(i)), Field.Store.NO));
            w.addDocument(doc);
          }
          w.forceMerge(1);
        }
        return new Bm25(DirectoryReader.open(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    List<String> search(List<String> query, int k) {
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      for (String t : new java.util.LinkedHashSet<>(query)) {
        q.add(new TermQuery(new Term("skills", t)), BooleanClause.Occur.SHOULD);
      }
      try {
        ScoreDoc[] hits = searcher.search(q.build(), k).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<String> out = new ArrayList<>(hits.length);
        for (ScoreDoc h : hits) {
          out.add(stored.document(h.doc).get("id"));
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The dataset in compact form for pairwise scorers: skills as sorted integer ids, occupations as
   * ISCO digits, per order the skills that credit each required skill.
   */
  static final class Features {
    final int[][] citizenSkills;
    final String[][] experienceGroups;
    final String[][] goalGroups;
    final int[][] orderSkills;
    final String[] orderGroup;
    /** Per order, per required skill: its IDF (essential and optional alike). */
    final double[][] orderIdf;
    /** Per order: sorted skill ids that credit some required skill, with the required skill and whether exact. */
    final int[][] creditKeys;
    final int[][][] creditReq;
    final boolean[][][] creditExact;

    Features(QualityDataset d) {
      Taxonomy t = d.taxonomy().taxonomy();
      Map<String, Integer> vocab = new HashMap<>();
      int n = d.citizens().size();
      citizenSkills = new int[n][];
      experienceGroups = new String[n][];
      goalGroups = new String[n][];
      for (int i = 0; i < n; i++) {
        var c = d.citizens().get(i).citizen();
        citizenSkills[i] = c.skills().stream().mapToInt(s -> vocab.computeIfAbsent(s.id(), k -> vocab.size()))
            .sorted().distinct().toArray();
        experienceGroups[i] = c.experience().stream().map(Experience::occupation).map(r -> digits(t, r)).toArray(String[]::new);
        goalGroups[i] = c.jobGoals().stream().map(JobGoal::occupation).map(r -> digits(t, r)).toArray(String[]::new);
      }
      int[] df = new int[vocab.size()];
      for (int[] s : citizenSkills) {
        for (int x : s) {
          df[x]++;
        }
      }
      int m = d.orders().size();
      orderSkills = new int[m][];
      orderGroup = new String[m];
      orderIdf = new double[m][];
      creditKeys = new int[m][];
      creditReq = new int[m][][];
      creditExact = new boolean[m][][];
      for (int j = 0; j < m; j++) {
        JobOrder o = d.orders().get(j).order();
        orderGroup[j] = digits(t, o.occupation());
        List<RequiredSkill> req = effectiveSkills(o, t);
        int[] ids = new int[req.size()];
        double[] idf = new double[req.size()];
        TreeMap<Integer, List<int[]>> credit = new TreeMap<>();
        for (int r = 0; r < req.size(); r++) {
          String id = req.get(r).id();
          Integer v = vocab.get(id);
          ids[r] = v == null ? -1 - r : v;
          int count = v == null ? 0 : df[v];
          idf[r] = Math.log((n + 1.0) / (count + 1.0)) + 1;
          if (v != null) {
            credit.computeIfAbsent(v, k -> new ArrayList<>()).add(new int[] {r, 1});
          }
          for (String rel : t.relatedSkills(id).keySet()) {
            Integer rv = vocab.get(rel);
            if (rv != null) {
              credit.computeIfAbsent(rv, k -> new ArrayList<>()).add(new int[] {r, 0});
            }
          }
        }
        orderSkills[j] = Arrays.stream(ids).filter(x -> x >= 0).sorted().distinct().toArray();
        orderIdf[j] = idf;
        creditKeys[j] = credit.keySet().stream().mapToInt(Integer::intValue).toArray();
        creditReq[j] = new int[credit.size()][];
        creditExact[j] = new boolean[credit.size()][];
        int k = 0;
        for (List<int[]> l : credit.values()) {
          creditReq[j][k] = l.stream().mapToInt(a -> a[0]).toArray();
          creditExact[j][k] = new boolean[l.size()];
          for (int x = 0; x < l.size(); x++) {
            creditExact[j][k][x] = l.get(x)[1] == 1;
          }
          k++;
        }
      }
    }

    private static String digits(Taxonomy t, OccupationRef r) {
      return t.resolve(r).digits();
    }

    /**
     * IDF-weighted coverage of order {@code o}'s skills by citizen {@code c}: a held required
     * skill earns 1, a held ESCO-related one {@code relatedCredit}.
     */
    double coverage(int c, int o, double relatedCredit) {
      double[] idf = orderIdf[o];
      if (idf.length == 0) {
        return 0;
      }
      double[] best = new double[idf.length];
      int[] keys = creditKeys[o];
      for (int s : citizenSkills[c]) {
        int at = Arrays.binarySearch(keys, s);
        if (at < 0) {
          continue;
        }
        int[] req = creditReq[o][at];
        boolean[] exact = creditExact[o][at];
        for (int x = 0; x < req.length; x++) {
          double v = exact[x] ? 1 : relatedCredit;
          if (v > best[req[x]]) {
            best[req[x]] = v;
          }
        }
      }
      double got = 0;
      double total = 0;
      for (int r = 0; r < idf.length; r++) {
        got += idf[r] * best[r];
        total += idf[r];
      }
      return got / total;
    }
  }

  /** A baseline that scores every pair and keeps the top k (ties by id). */
  private abstract static class Pairwise implements Ranker {
    private final String name;

    Pairwise(String name) {
      this.name = name;
    }

    abstract double score(Features f, int citizen, int order);

    @Override
    public String name() {
      return name;
    }

    @Override
    public Prepared prepare(QualityDataset d) {
      Features f = new Features(d);
      Map<String, Integer> orderIndex = new HashMap<>();
      for (int i = 0; i < d.orders().size(); i++) {
        orderIndex.put(d.orders().get(i).order().id(), i);
      }
      return new Prepared() {
        @Override
        public List<String> rank(LabelledOrder order, int k) {
          int o = orderIndex.get(order.order().id());
          double[] s = new double[d.citizens().size()];
          for (int c = 0; c < s.length; c++) {
            s[c] = score(f, c, o);
          }
          return top(s, k).stream().map(c -> d.citizens().get(c).citizen().id()).toList();
        }

        @Override
        public List<String> suggest(LabelledCitizen citizen, int k) {
          int c = QualityBenchmark.citizenIndex(citizen.citizen().id());
          double[] s = new double[d.orders().size()];
          for (int o = 0; o < s.length; o++) {
            s[o] = score(f, c, o);
          }
          return top(s, k).stream().map(o -> d.orders().get(o).order().id()).toList();
        }

        @Override
        public void close() {}
      };
    }

    /** Indices of the k highest scores, best first, ties by index (ids are in index order). */
    static List<Integer> top(double[] s, int k) {
      Integer[] idx = new Integer[s.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> {
        int c = Double.compare(s[b], s[a]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      return Arrays.asList(idx).subList(0, Math.min(k, idx.length));
    }
  }
}
