package dk.jobmatch.index;

import dk.jobmatch.kernel.*;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.OccupationCode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * Citizens in a Lucene index, with their compact scoring features beside it.
 *
 * <p><b>Documents.</b> One per citizen: {@code id} (the update/delete key), {@code ord} (a doc
 * value pointing into the feature store; stable for the life of an id), one {@code skill} term
 * per skill held, {@code occ}/{@code goal} terms for every hierarchy level of each experience
 * and job goal ({@code 5}, {@code 53}, {@code 532}, {@code 5322}, {@code 532210}, ESCO URI),
 * {@code flag} terms for the boolean gates, and the stored binary source for reopening.
 *
 * <p><b>Search.</b> The order becomes a disjunction whose clause scores are <em>upper
 * bounds</em> of the score a citizen can earn through that clause (constant-score term queries
 * with the bound as boost; a disjunction-max per required skill over the skill and its related
 * skills, and per occupation over the hierarchy levels). A collector rescoring every
 * candidate exactly from the feature store keeps a top-k heap and tells Lucene the minimum
 * competitive bound (k-th exact score minus what a citizen can earn outside the terms), so
 * Lucene's MaxScore/WAND skips candidates that provably cannot enter. If the k-th score does not
 * beat that non-term bound, the citizens matching no term are scanned too. The result is
 * therefore exactly the reference scorer's.
 *
 * <p><b>Visibility.</b> Feature updates and deletions take effect for searches at once;
 * newly added citizens become searchable at the next {@link #refresh()}.
 *
 * <p>Thread-safe: writes are serialised, searches run concurrently with each other and with
 * writes.
 *
 * @lucene.internal
 */
public final class CitizenIndex implements Closeable {
  static final String ID = "id";
  static final String ORD = "ord";
  static final String SKILL = "skill";
  static final String OCC = "occ";
  static final String GOAL = "goal";
  static final String FLAG = "flag";
  static final String SRC = "src";
  static final String CERT = "cert";
  static final String LANG = "lang";
  static final String EDUCATION = "education";
  private static final double EPS = 1e-5;
  private static final int MAX_CLAUSES = 1000;

  private static final FieldType TERM = new FieldType();

  static {
    TERM.setIndexOptions(IndexOptions.DOCS);
    TERM.setOmitNorms(true);
    TERM.setTokenized(false);
    TERM.freeze();
  }

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager manager;
  private final Vocabularies vocabularies;
  private final Function<OccupationRef, OccupationCode> resolver;
  private final FeatureStore store = new FeatureStore();
  private final ObjectIntHashMap<String> ords = new ObjectIntHashMap<>();
  private int nextOrd;
  private int[] skillCounts = new int[1024];
  private volatile PopulationStats stats = PopulationStats.EMPTY;
  private boolean closed;

  /**
   * Opens (or creates) the index in {@code directory}, loading every committed citizen.
   *
   * @throws UncheckedIOException if the directory cannot be opened or holds unreadable records
   */
  public CitizenIndex(Directory directory, Vocabularies vocabularies, Function<OccupationRef, OccupationCode> resolver) {
    this.directory = directory;
    this.vocabularies = vocabularies;
    this.resolver = resolver;
    try {
      IndexWriterConfig cfg = new IndexWriterConfig();
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      // Do not wait for merges on refresh: visibility within milliseconds matters more.
      cfg.setMaxFullFlushMergeWaitMillis(0);
      cfg.setRAMBufferSizeMB(64);
      // Erasure: forceMergeDeletes must rewrite every segment holding a deleted document, however
      // small a fraction of the segment it is (the default skips segments under 10 % deleted).
      TieredMergePolicy merges = new TieredMergePolicy();
      merges.setForceMergeDeletesPctAllowed(0);
      cfg.setMergePolicy(merges);
      this.writer = new IndexWriter(directory, cfg);
      this.manager = new SearcherManager(writer, true, false, null);
      load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the citizen index: " + e.getMessage(), e);
    }
  }

  private void load() throws IOException {
    IndexSearcher s = manager.acquire();
    try {
      for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
        StoredFields fields = ctx.reader().storedFields();
        NumericDocValues ordValues = ctx.reader().getNumericDocValues(ORD);
        var live = ctx.reader().getLiveDocs();
        for (int doc = 0; doc < ctx.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          BytesRef src = fields.document(doc).getBinaryValue(SRC);
          Citizen c = ModelCodec.decodeCitizen(src.bytes, src.offset, src.length);
          ordValues.advanceExact(doc);
          int ord = (int) ordValues.longValue();
          CitizenFeatures f = CitizenFeatures.of(c, vocabularies, resolver);
          store.set(ord, f);
          ords.put(c.id(), ord);
          count(f, 1);
          nextOrd = Math.max(nextOrd, ord + 1);
        }
      }
    } finally {
      manager.release(s);
    }
    snapshotStats();
  }

  /** Adds or replaces (same id) citizens. */
  public synchronized void upsertAll(Collection<Citizen> citizens) {
    ensureOpen();
    List<CitizenFeatures> features = citizens.size() > 256
        ? citizens.parallelStream().map(c -> CitizenFeatures.of(c, vocabularies, resolver)).toList()
        : citizens.stream().map(c -> CitizenFeatures.of(c, vocabularies, resolver)).toList();
    List<Citizen> list = citizens instanceof List<Citizen> l ? l : List.copyOf(citizens);
    int[] ordOf = new int[list.size()];
    boolean[] isNew = new boolean[list.size()];
    boolean[] superseded = new boolean[list.size()];
    ObjectIntHashMap<String> lastIndex = new ObjectIntHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      int prev = lastIndex.getIfAbsentPut(list.get(i).id(), i);
      if (prev != i) {
        // The same id twice in one batch: the later one wins.
        superseded[prev] = true;
        lastIndex.put(list.get(i).id(), i);
      }
    }
    for (int i = 0; i < list.size(); i++) {
      if (superseded[i]) {
        continue;
      }
      Citizen c = list.get(i);
      CitizenFeatures f = features.get(i);
      int ord = ords.getIfAbsent(c.id(), -1);
      boolean fresh = ord < 0;
      if (fresh) {
        ord = nextOrd++;
        ords.put(c.id(), ord);
      } else {
        CitizenFeatures old = store.get(ord);
        if (old != null) {
          count(old, -1);
        }
      }
      store.set(ord, f);
      count(f, 1);
      ordOf[i] = ord;
      isNew[i] = fresh;
    }
    // IndexWriter is thread-safe: documents are built and added in parallel for large batches.
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, list.size());
    (list.size() > 256 ? range.parallel() : range).filter(i -> !superseded[i]).forEach(i -> {
      try {
        Document doc = document(list.get(i), ordOf[i]);
        if (isNew[i]) {
          writer.addDocument(doc);
        } else {
          writer.updateDocument(new Term(ID, list.get(i).id()), doc);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Deletes a citizen; it stops appearing in results at once. Returns whether it was there. */
  public synchronized boolean delete(String id) {
    ensureOpen();
    int ord = ords.getIfAbsent(id, -1);
    if (ord < 0) {
      return false;
    }
    CitizenFeatures old = store.get(ord);
    store.set(ord, null);
    ords.remove(id);
    if (old != null) {
      count(old, -1);
    }
    try {
      writer.deleteDocuments(new Term(ID, id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  /** Whether a citizen with this id is indexed. */
  public synchronized boolean contains(String id) {
    return ords.containsKey(id);
  }

  /** The number of indexed citizens. */
  public synchronized int size() {
    return ords.size();
  }

  /** The features of an indexed citizen, if present. */
  public synchronized Optional<CitizenFeatures> features(String id) {
    int ord = ords.getIfAbsent(id, -1);
    return ord < 0 ? Optional.empty() : Optional.ofNullable(store.get(ord));
  }

  /** Reads an indexed citizen back from its stored source (needs a refresh after adding). */
  public Optional<Citizen> citizen(String id) {
    if (!contains(id)) {
      return Optional.empty();
    }
    try {
      IndexSearcher s = manager.acquire();
      try {
        var hits = s.search(new TermQuery(new Term(ID, id)), 1);
        if (hits.scoreDocs.length == 0) {
          return Optional.empty();
        }
        BytesRef src = s.storedFields().document(hits.scoreDocs[0].doc).getBinaryValue(SRC);
        return Optional.of(ModelCodec.decodeCitizen(src.bytes, src.offset, src.length));
      } finally {
        manager.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes added citizens searchable and takes a new statistics snapshot. */
  public void refresh() {
    try {
      manager.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (this) {
      snapshotStats();
    }
  }

  /** Commits to the directory: after this, a crash loses nothing added before. */
  public synchronized void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rewrites every segment holding a deleted (or replaced) citizen, commits, and refreshes so
   * that the searcher lets go of the old segments; the writer deletes their files as soon as no
   * reader holds them (at once, unless a search that started earlier is still running).
   */
  public synchronized void purgeDeleted() {
    ensureOpen();
    try {
      writer.forceMergeDeletes(true);
      writer.commit();
      manager.maybeRefreshBlocking();
      writer.deleteUnusedFiles();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    snapshotStats();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the citizen index is closed");
    }
  }

  /** The statistics snapshot of the last refresh. */
  public PopulationStats stats() {
    return stats;
  }

  private void snapshotStats() {
    stats = new PopulationStats(ords.size(), Arrays.copyOf(skillCounts, skillCounts.length));
  }

  private void count(CitizenFeatures f, int delta) {
    for (int s : f.skills) {
      if (s >= skillCounts.length) {
        skillCounts = Arrays.copyOf(skillCounts, Math.max(skillCounts.length * 2, s + 1));
      }
      skillCounts[s] += delta;
    }
  }

  private Document document(Citizen c, int ord) {
    Document d = new Document();
    d.add(new StringField(ID, c.id(), Field.Store.NO));
    d.add(new NumericDocValuesField(ORD, ord));
    for (SkillHolding s : c.skills()) {
      d.add(new Field(SKILL, s.id(), TERM));
    }
    Set<String> occ = new HashSet<>();
    for (Experience e : c.experience()) {
      occ.addAll(terms(e.occupation()));
    }
    for (String t : occ) {
      d.add(new Field(OCC, t, TERM));
    }
    Set<String> goals = new HashSet<>();
    for (JobGoal g : c.jobGoals()) {
      goals.addAll(terms(g.occupation()));
    }
    for (String t : goals) {
      d.add(new Field(GOAL, t, TERM));
    }
    if (c.searchable()) {
      d.add(new Field(FLAG, "searchable", TERM));
    }
    if (c.fleksjobApproved()) {
      d.add(new Field(FLAG, "fleksjob", TERM));
    }
    if (c.compensation().contains(dk.jobmatch.model.CompensationScheme.FORTRINSADGANG)) {
      d.add(new Field(FLAG, "fortrinsadgang", TERM));
    }
    if (c.jobReady()) {
      d.add(new Field(FLAG, "jobready", TERM));
    }
    for (String cert : c.certificates()) {
      d.add(new Field(CERT, cert, TERM));
    }
    for (dk.jobmatch.model.LanguageSkill l : c.languages()) {
      // One term per level up to the one held, so "at least B1" is a single term.
      for (dk.jobmatch.model.CefrLevel level : dk.jobmatch.model.CefrLevel.values()) {
        if (level.compareTo(l.level()) <= 0) {
          d.add(new Field(LANG, l.code() + ":" + level, TERM));
        }
      }
    }

    d.add(new IntField(EDUCATION, c.education() == null ? 0 : c.education().level(), Field.Store.NO));
    d.add(new StoredField(SRC, ModelCodec.encode(c)));
    return d;
  }

  private List<String> terms(OccupationRef ref) {
    OccupationCode code = resolver.apply(ref);
    List<String> out = new ArrayList<>(code.levels());
    if (code.escoUri() != null) {
      out.add(code.escoUri());
    }
    return out;
  }

  // ---------------------------------------------------------------- search

  /**
   * The exact top {@code k} for the order (score &gt; 0, ties by id), explained, followed for a
   * public employer by every other qualified fortrinsadgang holder.
   */
  public List<Match> search(CompiledOrder o, int k) {
    IndexSearcher searcher;
    try {
      searcher = manager.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      TopK top = new TopK(k);
      Plan plan = shouldClauses(o);
      List<Query> should = plan.should();
      double nonTerm = o.nonTermUpperBound() + plan.droppedBound();
      Query filter = filter(o);
      if (!should.isEmpty()) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (Query sq : should) {
          q.add(sq, Occur.SHOULD);
        }
        Query terms = q.build();
        // No gate filter here: a filter would lead the conjunction and defeat MaxScore; gates
        // are checked exactly in rescoring, which rejects a gated-out candidate in nanoseconds.
        searcher.search(terms, manager(new Rescorer(o, top, nonTerm)));
        if (!top.full() || top.threshold() <= nonTerm + EPS) {
          // Citizens matching no term can still reach nonTerm: scan them too.
          Query rest = new BooleanQuery.Builder().add(filter, Occur.FILTER).add(terms, Occur.MUST_NOT).build();
          forEachCitizen(searcher, rest, scoreInto(o, top));
        }
      } else {
        forEachCitizen(searcher, filter, scoreInto(o, top));
      }
      List<Match> result = new ArrayList<>(); // not sized by k: k may be Integer.MAX_VALUE
      for (CitizenFeatures f : top.sorted()) {
        Match m = FeatureScorer.explain(o, f);
        if (m != null) {
          result.add(m);
        }
      }
      if (o.publicEmployer) {
        result.addAll(fortrinsadgang(searcher, o, filter, top));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        manager.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private List<Match> fortrinsadgang(IndexSearcher searcher, CompiledOrder o, Query filter, TopK top)
      throws IOException {
    Set<String> inTop = new HashSet<>();
    for (CitizenFeatures f : top.members()) {
      inTop.add(f.id);
    }
    List<Match> extra = new ArrayList<>();
    List<CitizenFeatures> holders = new ArrayList<>();
    // Only holders who can be qualified: each essential skill credited, the education level met.
    BooleanQuery.Builder hq = new BooleanQuery.Builder().add(term(FLAG, "fortrinsadgang"), Occur.FILTER)
        .add(filter, Occur.FILTER);
    for (int j = 0; j < o.requiredIds.length; j++) {
      if (o.essential[j]) {
        BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
        for (String skill : o.expansions.get(j).keySet()) {
          anyOf.add(term(SKILL, skill), Occur.SHOULD);
        }
        hq.add(anyOf.build(), Occur.FILTER);
      }
    }
    if (o.minEducation > 0) {
      hq.add(IntField.newRangeQuery(EDUCATION, o.minEducation, Integer.MAX_VALUE), Occur.FILTER);
    }
    Query holdersQuery = hq.build();
    forEachCitizen(searcher, holdersQuery, holders::add);
    for (CitizenFeatures f : holders) {
      if (!inTop.contains(f.id) && FeatureScorer.qualifiesForFortrinsadgang(o, f)) {
        Match m = FeatureScorer.explain(o, f);
        if (m != null) {
          extra.add(m);
        }
      }
    }
    extra.sort(Match.BY_SCORE_THEN_CITIZEN);
    return extra;
  }

  /** Scores a citizen exactly and offers it to the heap; for scans without pruning. */
  private static java.util.function.Consumer<CitizenFeatures> scoreInto(CompiledOrder o, TopK top) {
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(o);
    return f -> {
      double s = FeatureScorer.score(o, f, scratch);
      if (s > 0) {
        top.offer(s, f);
      }
    };
  }

  /** Hands the live features of every citizen matching {@code query} to {@code sink}, unscored. */
  private void forEachCitizen(IndexSearcher searcher, Query query, java.util.function.Consumer<CitizenFeatures> sink)
      throws IOException {
    searcher.search(query, manager(new Collector() {
      @Override
      public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
        NumericDocValues ordValues = ctx.reader().getNumericDocValues(ORD);
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) throws IOException {
            if (ordValues != null && ordValues.advanceExact(doc)) {
              CitizenFeatures f = store.get((int) ordValues.longValue());
              if (f != null) {
                sink.accept(f);
              }
            }
          }
        };
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }));
  }

  private static CollectorManager<Collector, Void> manager(Collector c) {
    return new CollectorManager<>() {
      private boolean used;

      @Override
      public Collector newCollector() {
        if (used) {
          throw new IllegalStateException("one collector per search: the searcher must not have an executor");
        }
        used = true;
        return c;
      }

      @Override
      public Void reduce(Collection<Collector> collectors) {
        return null;
      }
    };
  }

  /**
   * The gates Lucene can check from terms and points, as a filter that is equal to or looser
   * than the exact gates (every gate is checked exactly again in rescoring): searchable,
   * fleksjob, employment type, certificates, languages. Hours, availability and the commute
   * (which depends on each citizen's own limit) are left to rescoring: indexing them as points
   * cost more at build time than they saved in the rare scans that use this filter.
   */
  private static Query filter(CompiledOrder o) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    var p = o.policy;
    boolean fleksjobOrder = o.type == dk.jobmatch.model.EmploymentType.FLEKSJOB;
    if (!p.relaxed(Gate.SEARCHABLE)) {
      b.add(term(FLAG, "searchable"), Occur.FILTER);
      clauses++;
    }
    if (!p.relaxed(Gate.FLEKSJOB)) {
      if (fleksjobOrder) {
        b.add(term(FLAG, "fleksjob"), Occur.FILTER);
        clauses++;
      } else if (!o.fleksjobFeasible) {
        b.add(term(FLAG, "fleksjob"), Occur.MUST_NOT);
      }
    }
    if (!p.relaxed(Gate.EMPLOYMENT_TYPE)) {
      switch (o.type) {
        case ORDINARY, APPRENTICESHIP -> {
          b.add(o.fleksjobFeasible ? either(term(FLAG, "jobready"), term(FLAG, "fleksjob")) : term(FLAG, "jobready"),
              Occur.FILTER);
          clauses++;
        }
        case FLEKSJOB -> {
          b.add(term(FLAG, "fleksjob"), Occur.FILTER);
          clauses++;
        }
        default -> { }
      }
    }
    if (!p.relaxed(Gate.CERTIFICATES)) {
      for (String cert : o.order.certificates()) {
        b.add(term(CERT, cert), Occur.FILTER);
        clauses++;
      }
    }
    if (!p.relaxed(Gate.LANGUAGES)) {
      for (var l : o.order.languages()) {
        b.add(term(LANG, l.code() + ":" + l.minLevel()), Occur.FILTER);
        clauses++;
      }
    }
    if (clauses == 0) {
      b.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return b.build();
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  private static Query either(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
  }

  /**
   * One clause per required skill (disjunction-max over the skill and the skills crediting it),
   * one for the occupation and one for the goals, each scoring an upper bound of what a citizen
   * earns through it.
   */
  private record Plan(List<Query> should, double droppedBound) {}

  private static Plan shouldClauses(CompiledOrder o) {
    Plan full = shouldClauses(o, true);
    int leaves = 0;
    for (Map<String, Double> e : o.expansions) {
      leaves += e.size();
    }
    if (leaves <= MAX_CLAUSES) {
      return full;
    }
    // Too many terms for one query (an order derived from ESCO with dozens of skills, each with
    // related skills): query the required skills themselves and count what related skills can
    // earn in the non-term bound, which keeps the pruning exact.
    Plan direct = shouldClauses(o, false);
    return direct.should().size() <= MAX_CLAUSES ? direct : new Plan(List.of(), 0);
  }

  private static Plan shouldClauses(CompiledOrder o, boolean withRelated) {
    List<Query> out = new ArrayList<>();
    double wSkills = o.policy.weight(Component.SKILLS);
    double dropped = 0;
    for (int j = 0; j < o.requiredIds.length; j++) {
      double bound = wSkills * o.requiredWeight[j];
      if (bound <= 0) {
        continue;
      }
      List<Query> alternatives = new ArrayList<>();
      double maxDropped = 0;
      for (Map.Entry<String, Double> e : o.expansions.get(j).entrySet()) {
        if (withRelated || e.getKey().equals(o.requiredIds[j])) {
          alternatives.add(boosted(SKILL, e.getKey(), bound * e.getValue()));
        } else {
          maxDropped = Math.max(maxDropped, e.getValue());
        }
      }
      dropped += bound * maxDropped;
      out.add(alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, 0f));
    }
    out.addAll(hierarchy(o.policy, OCC, o.occupation, o.policy.weight(Component.OCCUPATION)));
    out.addAll(hierarchy(o.policy, GOAL, o.occupation, o.policy.weight(Component.GOAL)));
    return new Plan(out, dropped);
  }

  /**
   * The occupation (or goal) part of the query: one clause per hierarchy level of the order's
   * code, each boosted by the <em>increment</em> of credit that level adds over the one above it
   * ({@code w·0.1} for the major group, {@code w·(0.3−0.1)} for the sub-major group, … up to the
   * full code). A citizen whose code shares a prefix of some level with the order's also holds
   * every shallower prefix (the index has a term per level), so the clauses a citizen matches sum
   * exactly to {@code w·credit(deepest shared level)} — the true bound — while each broad level
   * gets a small maximum score that lets MaxScore treat its dense postings as non-essential.
   */
  private static List<Query> hierarchy(dk.jobmatch.scoring.ScoringPolicy policy, String field, OccupationCode code, double weight) {
    List<Query> out = new ArrayList<>();
    if (code == null || weight <= 0) {
      return out;
    }
    List<String> levels = code.levels();
    double previous = 0;
    for (int i = 0; i < levels.size(); i++) {
      String prefix = levels.get(i);
      double credit = i == levels.size() - 1 ? 1.0 : FeatureScorer.levelCredit(policy, prefix.length());
      if (credit > previous) {
        out.add(boosted(field, prefix, weight * (credit - previous)));
        previous = credit;
      }
    }
    if (levels.isEmpty() && code.escoUri() != null) {
      // Without a place in the hierarchy only the same ESCO occupation earns credit.
      out.add(boosted(field, code.escoUri(), weight));
    }
    return out;
  }

  private static Query boosted(String field, String term, double bound) {
    // Round the bound up to a float so the clause score never falls below the exact credit.
    float b = (float) bound;
    if (b < bound) {
      b = Math.nextUp(b);
    }
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, term))), b);
  }

  /** Rescores every collected candidate exactly and feeds Lucene the minimum competitive bound. */
  private final class Rescorer implements Collector {
    private final CompiledOrder order;
    private final TopK top;
    private final double nonTerm;
    private final FeatureScorer.Scratch scratch;

    Rescorer(CompiledOrder order, TopK top, double nonTerm) {
      this.scratch = new FeatureScorer.Scratch(order);
      this.order = order;
      this.top = top;
      this.nonTerm = nonTerm;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      NumericDocValues ordValues = ctx.reader().getNumericDocValues(ORD);
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable s) throws IOException {
          this.scorer = s;
          updateMinCompetitive();
        }

        @Override
        public void collect(int doc) throws IOException {
          if (top.full() && scorer.score() + nonTerm + EPS < top.threshold()) {
            return;
          }
          if (ordValues == null || !ordValues.advanceExact(doc)) {
            return;
          }
          CitizenFeatures f = store.get((int) ordValues.longValue());
          if (f == null) {
            return;
          }
          double s = FeatureScorer.score(order, f, scratch);
          if (s > 0 && top.offer(s, f)) {
            updateMinCompetitive();
          }
        }

        private void updateMinCompetitive() throws IOException {
          if (scorer != null && top.full()) {
            double min = top.threshold() - nonTerm - EPS;
            if (min > 0) {
              scorer.setMinCompetitiveScore((float) min);
            }
          }
        }
      };
    }
  }

  /** Closes the index; a second call does nothing. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      manager.close();
      writer.close();
    } finally {
      directory.close();
    }
  }
}
