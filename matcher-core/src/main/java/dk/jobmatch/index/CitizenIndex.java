package dk.jobmatch.index;

import dk.jobmatch.internal.Geo;
import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.PopulationStats;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.taxonomy.OccupationCode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * Citizens: durably in a Lucene index, and for searching in memory structures of our own.
 *
 * <p><b>Durable store.</b> One Lucene document per citizen: {@code id} (the update/delete key)
 * and the stored binary source ({@link ModelCodec}). Lucene gives commits, crash safety and
 * near-real-time readers (for {@link #citizen(String)}); it is not on the search path.
 *
 * <p><b>Search structures.</b> Every citizen has a dense ordinal (reused after a delete). Per
 * ordinal: the compact {@link CitizenFeatures} and a packed 64-byte record (latitude, longitude,
 * maximum commute, flags and education level, the home on the unit sphere and the haversine value
 * of the commute limit) for the gate and non-term checks before a full score. Per term, the
 * {@link Postings} of ordinals holding it, split by {@linkplain #gateClass gate class}: one per
 * skill, per occupation hierarchy level of the experience and per hierarchy level of the job
 * goals. {@link TermAtATime} ranks over these; every bound it uses comes from the
 * kernel ({@link CompiledOrder#skillBound}, {@link CompiledOrder#hierarchyBounds}, {@link
 * CompiledOrder#nonTermBoundAt}, {@link CompiledOrder#distanceValueBound}).
 *
 * <p><b>Visibility.</b> Every change (upsert, delete) updates the search structures and the
 * population statistics before the call returns, so every search that starts afterwards sees
 * it; {@link #refresh()} only refreshes the Lucene reader behind {@link #citizen(String)}, which
 * also refreshes by itself when it would otherwise read an old version.
 *
 * <p>Thread-safe: writes are serialised; searches run concurrently with each other and take a
 * read lock while they run, so a write waits for running searches and is seen by the next.
 *
 * @lucene.internal
 */
public final class CitizenIndex implements Closeable {
  static final String ID = "id";
  static final String SRC = "src";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager manager;
  private final Vocabularies vocabularies;
  private final Function<OccupationRef, OccupationCode> resolver;
  private final Object writeMutex = new Object();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean readerStale;
  private volatile boolean closed;

  // Guarded by lock (written under the write lock, read under the read lock).
  CitizenFeatures[] features = new CitizenFeatures[1024];
  /**
   * Per ordinal {@link #RECORD} doubles: lat, lon, max commute km, flags | education level &lt;&lt;
   * 8, the home on the unit sphere (x, y, z) and the haversine value of the commute limit.
   */
  double[] records = new double[RECORD * 1024];
  /** Doubles per packed record (one 64-byte cache line). */
  static final int RECORD = 8;
  /**
   * Per ordinal the citizen's cell code: the six flag bits, the education level (4 bits) from bit
   * 6, the {@linkplain #commuteClass commute class} (3 bits) from bit {@link #COMMUTE_SHIFT} and
   * the {@linkplain GeoCells map cell} of the home from bit {@link #CELL_SHIFT} — all the
   * retrieval needs for its first bound of the non-term part and a first check of the commute
   * gate, four bytes per citizen.
   */
  int[] cells = new int[1024];
  /** Where the commute class starts in a {@linkplain #cells cell code}. */
  static final int COMMUTE_SHIFT = 10;
  /** Where the map cell starts in a {@linkplain #cells cell code}. */
  static final int CELL_SHIFT = 13;
  /**
   * The upper limits (km) of the commute classes, ascending; the last is unbounded. A citizen's
   * class is the first whose limit is at least its commute limit (an unknown limit: the last).
   */
  private static final double[] COMMUTE_LIMITS = {5, 10, 15, 20, 30, 45, 70, Double.POSITIVE_INFINITY};
  /** Commute classes (three bits of a cell code). */
  static final int COMMUTE_CLASSES = COMMUTE_LIMITS.length;

  /** The upper limit (km) of a {@linkplain #commuteClass commute class}; the last is unbounded. */
  static double commuteLimit(int commuteClass) {
    return COMMUTE_LIMITS[commuteClass];
  }
  int capacity;
  Postings[] skillPostings = new Postings[1024];
  /**
   * Every citizen, by gate class: what a scan of the citizens no term touched reads, so it skips
   * the classes whose flag gates fail as the term postings do.
   */
  final Postings everyone = new Postings();
  /** Reusable search work arrays ({@link #borrowScratch}). */
  private final java.util.concurrent.ConcurrentLinkedQueue<TermAtATime.Scratch> scratches =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  final Map<String, Postings> occupationPostings = new HashMap<>();
  final Map<String, Postings> goalPostings = new HashMap<>();
  private final ObjectIntHashMap<String> ords = new ObjectIntHashMap<>();
  private final IntArrayList freeOrds = new IntArrayList();
  private int[] skillCounts = new int[1024];
  private long version;
  /** The {@link #version} of the last prepared and of the last finished commit (under writeMutex). */
  private long preparedVersion = -1;
  private long committedVersion = -1;
  private boolean openedFromSnapshot;
  /**
   * Whether the term postings hold every indexed citizen. Opening loads the citizens' features
   * and leaves the postings to the first search ({@link #ensurePostings()}), so that a command
   * that does not search (one "why not?" by a scan, {@code apply} of a few changes) does not build
   * them; changes before then touch the features only. Written under the write lock.
   */
  private volatile boolean postingsBuilt = true;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CitizenIndex.class);
  private volatile Stats stats = new Stats(-1, PopulationStats.EMPTY);

  private record Stats(long version, PopulationStats stats) {}

  /**
   * Opens (or creates) the index in {@code directory}, loading every committed citizen.
   *
   * @throws UncheckedIOException if the directory cannot be opened or holds unreadable records
   */
  public CitizenIndex(Directory directory, Vocabularies vocabularies, Function<OccupationRef, OccupationCode> resolver) {
    this(directory, new PairedCommit.Start(null, false), vocabularies, resolver);
  }

  /**
   * Opens the index in {@code directory} where {@code start} says (see {@link PairedCommit}),
   * loading every citizen of that commit.
   *
   * @throws UncheckedIOException if the directory cannot be opened or holds unreadable records
   */
  public CitizenIndex(Directory directory, PairedCommit.Start start, Vocabularies vocabularies,
      Function<OccupationRef, OccupationCode> resolver) {
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
      start.configure(cfg);
      this.writer = new IndexWriter(directory, cfg);
      this.manager = new SearcherManager(writer, true, false, null);
      postingsBuilt = false; // the loaded citizens' postings wait for the first search
      if (!loadSnapshot(start)) {
        load();
      }
      postingsBuilt = ords.isEmpty(); // nothing loaded: nothing to wait for
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the citizen index: " + e.getMessage(), e);
    }
  }

  private void load() throws IOException {
    List<Citizen> loaded = new ArrayList<>();
    IndexSearcher s = manager.acquire();
    try {
      for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
        StoredFields fields = ctx.reader().storedFields();
        var live = ctx.reader().getLiveDocs();
        for (int doc = 0; doc < ctx.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          BytesRef src = fields.document(doc).getBinaryValue(SRC);
          loaded.add(ModelCodec.decodeCitizen(src.bytes, src.offset, src.length));
        }
      }
    } finally {
      manager.release(s);
    }
    apply(computeFeatures(loaded), null);
  }

  /**
   * Opening from the {@link StartupSnapshot} of the commit being opened, if there is a usable one;
   * false (nothing changed) if not.
   */
  private boolean loadSnapshot(PairedCommit.Start start) throws IOException {
    if (start.empty()) {
      return false;
    }
    StartupSnapshot.Commit commit;
    int liveDocs;
    try {
      SegmentInfos infos = start.commit() != null
          ? SegmentInfos.readCommit(directory, start.commit().getSegmentsFileName())
          : SegmentInfos.readLatestCommit(directory);
      commit = StartupSnapshot.Commit.of(infos);
      liveDocs = infos.totalMaxDoc() - infos.asList().stream().mapToInt(si -> si.getDelCount() + si.getSoftDelCount()).sum();
    } catch (IOException | RuntimeException e) {
      return false; // no commit to describe: the ordinary path reports the problem, if any
    }
    StringBuilder why = new StringBuilder();
    List<CitizenFeatures> loaded = StartupSnapshot.read(directory, commit, liveDocs, vocabularies, resolver, why);
    if (loaded == null) {
      LOG.debug("citizen index opened without its start-up snapshot: {}", why);
      return false;
    }
    apply(loaded, null);
    openedFromSnapshot = true;
    return true;
  }

  /** Whether this index was opened from its start-up snapshot (rather than by decoding every citizen). */
  public boolean openedFromSnapshot() {
    return openedFromSnapshot;
  }

  /**
   * Writes the {@link StartupSnapshot} of the last commit, if every change so far is committed
   * (nothing is written otherwise: the snapshot would describe another state than the commit).
   *
   * @param resolutions every occupation reference resolved for these citizens, and its code
   * @return whether it was written
   * @throws UncheckedIOException if it cannot be written
   */
  public boolean writeSnapshot(java.util.Map<OccupationRef, OccupationCode> resolutions) {
    synchronized (writeMutex) {
      ensureOpen();
      if (version != committedVersion || writer.hasUncommittedChanges()) {
        return false;
      }
      try {
        StartupSnapshot.Commit commit = StartupSnapshot.Commit.of(SegmentInfos.readLatestCommit(directory));
        List<CitizenFeatures> live = new ArrayList<>(ords.size());
        for (int o = 0; o < capacity; o++) {
          if (features[o] != null) {
            live.add(features[o]);
          }
        }
        StartupSnapshot.write(directory, commit, vocabularies, live, resolutions);
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the start-up snapshot: " + e.getMessage(), e);
      }
    }
  }

  private List<CitizenFeatures> computeFeatures(List<Citizen> list) {
    return list.size() > 256
        ? list.parallelStream().map(c -> CitizenFeatures.of(c, vocabularies, resolver)).toList()
        : list.stream().map(c -> CitizenFeatures.of(c, vocabularies, resolver)).toList();
  }

  /** Adds or replaces (same id) citizens; visible to every search that starts after this returns. */
  public void upsertAll(Collection<Citizen> citizens) {
    List<Citizen> list = citizens instanceof List<Citizen> l ? l : List.copyOf(citizens);
    long t0 = System.nanoTime();
    List<CitizenFeatures> computed = computeFeatures(list);
    long t1 = System.nanoTime();
    synchronized (writeMutex) {
      ensureOpen();
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
      lock.readLock().lock();
      try {
        for (int i = 0; i < list.size(); i++) {
          if (!superseded[i]) {
            isNew[i] = !ords.containsKey(list.get(i).id());
          }
        }
      } finally {
        lock.readLock().unlock();
      }
      long t2 = System.nanoTime();
      // Lucene (thread-safe IndexWriter) takes the documents on other threads while this one
      // updates the search structures; both finish before the call returns.
      java.util.concurrent.CompletableFuture<Void> durable = java.util.concurrent.CompletableFuture.runAsync(() -> {
        IntStream range = IntStream.range(0, list.size());
        (list.size() > 256 ? range.parallel() : range).filter(i -> !superseded[i]).forEach(i -> {
          try {
            Document doc = document(list.get(i));
            if (isNew[i]) {
              writer.addDocument(doc);
            } else {
              writer.updateDocument(new Term(ID, list.get(i).id()), doc);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }, list.size() > 256 ? java.util.concurrent.ForkJoinPool.commonPool() : Runnable::run);
      lock.writeLock().lock();
      try {
        apply(computed, superseded);
      } finally {
        lock.writeLock().unlock();
      }
      long t3 = System.nanoTime();
      try {
        durable.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
      readerStale = true;
      if (TIMING) {
        System.err.printf("upsertAll %d: features %.0f ms, structures %.0f ms, lucene (overlapped) %.0f ms%n", list.size(),
            (t1 - t0) / 1e6, (t3 - t2) / 1e6, (System.nanoTime() - t2) / 1e6);
      }
    }
  }

  private static final boolean TIMING = Boolean.getBoolean("jobmatch.timing");

  /** Updates the search structures; under the write lock (or in the constructor). */
  private void apply(List<CitizenFeatures> computed, boolean[] superseded) {
    for (int i = 0; i < computed.size(); i++) {
      if (superseded != null && superseded[i]) {
        continue;
      }
      String id = computed.get(i).id;
      CitizenFeatures f = computed.get(i);
      int ord = ords.getIfAbsent(id, -1);
      CitizenFeatures old = null;
      if (ord < 0) {
        ord = freeOrds.isEmpty() ? capacity++ : freeOrds.removeAtIndex(freeOrds.size() - 1);
        ords.put(id, ord);
        ensureCapacity(capacity);
      } else {
        old = features[ord];
      }
      features[ord] = f;
      setRecord(ord, f);
      if (postingsBuilt) {
        updatePostings(ord, old, f);
      }
      if (old != null) {
        count(old, -1);
      }
      count(f, 1);
    }
    if (computed.size() > 1000 && postingsBuilt) {
      trimPostings();
    }
    version++;
  }

  private void trimPostings() {
    for (Postings p : skillPostings) {
      if (p != null) {
        p.trim();
      }
    }
    everyone.trim();
    occupationPostings.values().forEach(Postings::trim);
    goalPostings.values().forEach(Postings::trim);
  }

  /**
   * Builds the postings of every indexed citizen, in ordinal order, if opening left them to the
   * first search; afterwards a no-op. The postings then hold exactly the current citizens, as
   * incremental maintenance keeps them.
   */
  private void ensurePostings() {
    if (postingsBuilt) {
      return;
    }
    lock.writeLock().lock();
    try {
      if (!postingsBuilt) {
        for (int o = 0; o < capacity; o++) {
          if (features[o] != null) {
            updatePostings(o, null, features[o]);
          }
        }
        trimPostings();
        postingsBuilt = true;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Whether the term postings are built (the first search builds them after opening). */
  public boolean postingsBuilt() {
    return postingsBuilt;
  }

  /**
   * Every indexed citizen other than {@code exceptId} who passes every gate and scores above 0
   * for the order, with the exact score, best first (ties by id): a scan of the features with
   * the scoring kernel, without the postings. The order is compiled by {@code compiler} from the
   * statistics of the very population the scan sees.
   */
  public List<dk.jobmatch.kernel.Scored> scan(Function<PopulationStats, CompiledOrder> compiler, String exceptId) {
    lock.readLock().lock();
    try {
      CompiledOrder o = compiler.apply(statsLocked());
      List<dk.jobmatch.kernel.Scored> out = new ArrayList<>();
      dk.jobmatch.kernel.FeatureScorer.Scratch scratch = new dk.jobmatch.kernel.FeatureScorer.Scratch(o);
      for (int ord = 0; ord < capacity; ord++) {
        CitizenFeatures f = features[ord];
        if (f != null && !f.id.equals(exceptId)) {
          double s = dk.jobmatch.kernel.FeatureScorer.score(o, f, scratch);
          if (s > 0) {
            out.add(new dk.jobmatch.kernel.Scored(s, f));
          }
        }
      }
      out.sort(dk.jobmatch.kernel.Shortlists::compare);
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void ensureCapacity(int n) {
    if (n > features.length) {
      int grown = Math.max(n, features.length + (features.length >> 1));
      features = Arrays.copyOf(features, grown);
      records = Arrays.copyOf(records, RECORD * grown);
      cells = Arrays.copyOf(cells, grown);
    }
  }

  private void setRecord(int ord, CitizenFeatures f) {
    if ((f.flags & ~0x3F) != 0) {
      throw new IllegalStateException("a citizen flag beyond the six the packed record holds");
    }
    int b = RECORD * ord;
    records[b] = f.lat;
    records[b + 1] = f.lon;
    records[b + 2] = f.maxCommuteKm;
    records[b + 3] = (f.flags & 0xFF) | ((f.educationLevel & 0xFF) << 8);
    Geo.unitVector(f.lat, f.lon, records, b + 4);
    records[b + 7] = Geo.haversineAt(f.maxCommuteKm);
    cells[ord] = cellCode(f);
  }

  /** The {@linkplain #cells cell code} of a citizen. */
  static int cellCode(CitizenFeatures f) {
    if ((f.educationLevel & ~0xF) != 0) {
      throw new IllegalStateException("an education level beyond the four bits the cell code holds");
    }
    return (f.flags & 0x3F) | (f.educationLevel << 6) | (commuteClass(f.maxCommuteKm) << COMMUTE_SHIFT)
        | (GeoCells.cell(f.lat, f.lon) << CELL_SHIFT);
  }

  /**
   * The commute class of a commute limit: the first of {@link #COMMUTE_LIMITS} at least as large;
   * the last class for an unbounded or unknown (NaN) limit.
   */
  static int commuteClass(double maxCommuteKm) {
    for (int i = 0; i < COMMUTE_LIMITS.length - 1; i++) {
      if (maxCommuteKm <= COMMUTE_LIMITS[i]) {
        return i;
      }
    }
    return COMMUTE_LIMITS.length - 1;
  }
  /** The {@linkplain #commuteClass commute class} held by a {@linkplain #cells cell code}. */
  static int commuteClassOf(int code) {
    return (code >>> COMMUTE_SHIFT) & ((1 << (CELL_SHIFT - COMMUTE_SHIFT)) - 1);
  }


  /**
   * The gate class of a citizen with these flags, 0–15: the three flag bits the kernel's flag
   * gates read (searchable, job-ready, fleksjob) and, as bit 3, fortrinsadgang. The retrieval
   * skips a class only when the flag gates fail for every flag combination of the class, so the
   * split needs no knowledge of the gates themselves; the fortrinsadgang bit lets it read a
   * term's holders alone.
   */
  static int gateClass(int flags) {
    return (flags & (CitizenFeatures.SEARCHABLE | CitizenFeatures.JOB_READY | CitizenFeatures.FLEKSJOB))
        | ((flags & CitizenFeatures.FORTRINSADGANG) != 0 ? HOLDER_CLASS_BIT : 0);
  }

  /** The bit of a {@linkplain #gateClass gate class} that marks fortrinsadgang holders. */
  static final int HOLDER_CLASS_BIT = 8;

  private int gateClassOf(int ord) {
    CitizenFeatures f = features[ord];
    return f == null ? -1 : gateClass(f.flags);
  }

  private void updatePostings(int ord, CitizenFeatures old, CitizenFeatures f) {
    if (old != null && f != null && gateClass(old.flags) != gateClass(f.flags)) {
      // Every entry moves to the new class: the old ones go stale, all terms are added again.
      updatePostings(ord, old, null);
      updatePostings(ord, null, f);
      return;
    }
    int cls = f == null ? -1 : gateClass(f.flags);
    if (old == null && f != null) {
      everyone.add(ord, cls);
    } else if (old != null && f == null) {
      everyone.staled(o -> features[o] != null, this::gateClassOf);
    }
    // Skills: both arrays sorted; append what is new, mark stale what went.
    int[] was = old == null ? new int[0] : old.skills;
    int[] now = f == null ? new int[0] : f.skills;
    int i = 0;
    int j = 0;
    while (i < was.length || j < now.length) {
      if (j == now.length || (i < was.length && was[i] < now[j])) {
        int s = was[i++];
        skillPostings[s].staled(holdsSkill(s), this::gateClassOf);
      } else if (i == was.length || now[j] < was[i]) {
        int s = now[j++];
        skillPostingsFor(s).add(ord, cls);
      } else {
        i++;
        j++;
      }
    }
    diff(occupationPostings, ord, cls, old == null ? List.of() : terms(old.experience),
        f == null ? List.of() : terms(f.experience), true);
    diff(goalPostings, ord, cls, old == null ? List.of() : terms(old.goals), f == null ? List.of() : terms(f.goals),
        false);
  }

  private Postings skillPostingsFor(int skill) {
    if (skill >= skillPostings.length) {
      skillPostings = Arrays.copyOf(skillPostings, Math.max(skill + 1, skillPostings.length * 2));
    }
    Postings p = skillPostings[skill];
    if (p == null) {
      p = new Postings();
      skillPostings[skill] = p;
    }
    return p;
  }

  private IntPredicate holdsSkill(int skill) {
    return o -> features[o] != null && Arrays.binarySearch(features[o].skills, skill) >= 0;
  }

  private void diff(Map<String, Postings> postings, int ord, int cls, List<String> was, List<String> now,
      boolean experience) {
    for (String t : now) {
      if (!was.contains(t)) {
        postings.computeIfAbsent(t, x -> new Postings()).add(ord, cls);
      }
    }
    for (String t : was) {
      if (!now.contains(t)) {
        postings.get(t).staled(o -> features[o] != null
            && terms(experience ? features[o].experience : features[o].goals).contains(t), this::gateClassOf);
      }
    }
  }

  /** Hierarchy terms per distinct occupation code (a few thousand at most). */
  private final java.util.concurrent.ConcurrentHashMap<OccupationCode, List<String>> termCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The hierarchy terms of a citizen's occupation codes, as the kernel defines them, without repeats. */
  List<String> terms(OccupationCode[] codes) {
    if (codes.length == 0) {
      return List.of();
    }
    if (codes.length == 1) {
      return codes[0] == null ? List.of() : termCache.computeIfAbsent(codes[0], CompiledOrder::hierarchyTerms);
    }
    List<String> out = new ArrayList<>();
    for (OccupationCode c : codes) {
      if (c == null) {
        continue;
      }
      for (String t : termCache.computeIfAbsent(c, CompiledOrder::hierarchyTerms)) {
        if (!out.contains(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** Deletes a citizen; it stops appearing in results at once. Returns whether it was there. */
  public boolean delete(String id) {
    synchronized (writeMutex) {
      ensureOpen();
      lock.writeLock().lock();
      try {
        int ord = ords.getIfAbsent(id, -1);
        if (ord < 0) {
          return false;
        }
        CitizenFeatures old = features[ord];
        features[ord] = null;
        ords.remove(id);
        if (postingsBuilt) {
          updatePostings(ord, old, null);
        }
        count(old, -1);
        freeOrds.add(ord);
        version++;
      } finally {
        lock.writeLock().unlock();
      }
      try {
        writer.deleteDocuments(new Term(ID, id));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      readerStale = true;
      return true;
    }
  }

  /** Whether a citizen with this id is indexed. */
  public boolean contains(String id) {
    lock.readLock().lock();
    try {
      return ords.containsKey(id);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The number of indexed citizens. */
  public int size() {
    lock.readLock().lock();
    try {
      return ords.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The ids of all indexed citizens, in ascending order. */
  public List<String> ids() {
    lock.readLock().lock();
    try {
      List<String> out = new ArrayList<>(ords.size());
      ords.forEachKey(out::add);
      out.sort(null);
      return List.copyOf(out);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The features of an indexed citizen, if present. */
  public Optional<CitizenFeatures> features(String id) {
    lock.readLock().lock();
    try {
      int ord = ords.getIfAbsent(id, -1);
      return ord < 0 ? Optional.empty() : Optional.ofNullable(features[ord]);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Reads an indexed citizen back from its stored source, as of the last change. */
  public Optional<Citizen> citizen(String id) {
    if (!contains(id)) {
      return Optional.empty();
    }
    try {
      if (readerStale) {
        refresh();
      }
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

  /**
   * A hint: refreshes the Lucene reader behind {@link #citizen(String)}. Searches never need it;
   * every change is visible to them at once.
   */
  public void refresh() {
    try {
      readerStale = false;
      manager.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Phase one of commit {@code number} (see {@link PairedCommit}): everything added so far is
   * written and synced; {@link #finishCommit()} makes it the index's commit.
   */
  public void prepareCommit(long number) {
    synchronized (writeMutex) {
      try {
        preparedVersion = version;
        PairedCommit.prepare(writer, number);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Phase two: makes the prepared commit the index's commit. */
  public void finishCommit() {
    synchronized (writeMutex) {
      try {
        writer.commit();
        committedVersion = preparedVersion;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Rewrites every segment holding a deleted (or replaced) citizen; the caller then commits
   * (twice, so that no kept commit references the old segments) and calls {@link #releasePurged()}.
   */
  public void purgeDeleted() {
    synchronized (writeMutex) {
      ensureOpen();
      try {
        StartupSnapshot.delete(directory); // it holds ids and features of deleted citizens
        writer.forceMergeDeletes(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * After a purge and its commits: refreshes so that the searcher lets go of the old segments;
   * the writer deletes their files as soon as no reader holds them (at once, unless a read that
   * started earlier is still running).
   */
  public void releasePurged() {
    synchronized (writeMutex) {
      ensureOpen();
      try {
        readerStale = false;
        manager.maybeRefreshBlocking();
        writer.deleteUnusedFiles();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the citizen index is closed");
    }
  }

  /** The statistics of the current population (every change so far). */
  public PopulationStats stats() {
    lock.readLock().lock();
    try {
      return statsLocked();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Under the read or write lock: a snapshot for the current version, taken at most once per version. */
  private PopulationStats statsLocked() {
    Stats s = stats;
    if (s.version() != version) {
      s = new Stats(version, new PopulationStats(ords.size(), Arrays.copyOf(skillCounts, skillCounts.length)));
      stats = s;
    }
    return s.stats();
  }

  private void count(CitizenFeatures f, int delta) {
    for (int s : f.skills) {
      if (s >= skillCounts.length) {
        skillCounts = Arrays.copyOf(skillCounts, Math.max(skillCounts.length * 2, s + 1));
      }
      skillCounts[s] += delta;
    }
  }

  private static Document document(Citizen c) {
    Document d = new Document();
    d.add(new StringField(ID, c.id(), Field.Store.NO));
    d.add(new StoredField(SRC, ModelCodec.encode(c)));
    return d;
  }

  // ---------------------------------------------------------------- search

  /**
   * The exact top {@code k} for the order (score &gt; 0, ties by id) with their scores, and for a
   * public employer every other holder of fortrinsadgang; nothing is explained here. The order is
   * compiled by {@code compiler} from the statistics of the very population the search sees.
   *
   * @param settings the engine's retrieval settings (its listener is not called here)
   */
  public Retrieved search(Function<PopulationStats, CompiledOrder> compiler, int k, RetrievalSettings settings) {
    ensurePostings();
    lock.readLock().lock();
    try {
      long t = System.nanoTime();
      CompiledOrder o = compiler.apply(statsLocked());
      TermAtATime.Scratch scratch = borrowScratch();
      try {
        return new TermAtATime(this, o, k, ords.size(), settings, System.nanoTime() - t, scratch).run();
      } finally {
        scratches.offer(scratch);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Work arrays for one search, sized for the current ordinals: from the pool of this index (one
   * per search running at once, returned after it), grown when the population has.
   */
  private TermAtATime.Scratch borrowScratch() {
    TermAtATime.Scratch s = scratches.poll();
    return s != null && s.fits(capacity) ? s : new TermAtATime.Scratch(capacity + (capacity >> 3) + 16);
  }

  /** Whether the order was compiled with this index's vocabularies (its skill ids are this index's). */
  boolean internsIn(CompiledOrder o) {
    return o.internedIn(vocabularies);
  }

  /** Interned skill id of a name, or -1. */
  int skillId(String name) {
    return vocabularies.skills().lookup(name);
  }

  Postings skillPostings(int skill) {
    return skill < 0 || skill >= skillPostings.length ? null : skillPostings[skill];
  }

  /** Closes the index; a second call does nothing. */
  @Override
  public void close() throws IOException {
    synchronized (writeMutex) {
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
}
