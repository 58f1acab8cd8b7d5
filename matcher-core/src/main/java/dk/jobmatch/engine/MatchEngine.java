package dk.jobmatch.engine;

import com.google.common.base.Preconditions;
import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.index.CitizenIndex;
import dk.jobmatch.index.OwnerOnlyDirectory;
import dk.jobmatch.index.PairedCommit;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.index.OrderIndex;
import dk.jobmatch.index.RetrievalSettings;
import dk.jobmatch.index.Retrieved;
import dk.jobmatch.internal.Ranking;
import dk.jobmatch.kernel.Scored;
import dk.jobmatch.kernel.Shortlists;
import dk.jobmatch.kernel.SkillExpansions;
import dk.jobmatch.kernel.PopulationStats;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matching engine: an index of citizens and of open job orders, ranked both ways with
 * explanations.
 *
 * <ul>
 *   <li>{@link #rank(JobOrder, int)}: the best citizens for an order (a shortlist), exactly the
 *       top k of the {@link dk.jobmatch.engine.ReferenceScorer reference scorer} over the same
 *       citizens, plus every qualified fortrinsadgang holder for a public employer;
 *   <li>{@link #suggest(Citizen, int)}: the best open orders for a citizen;
 *   <li>{@link #explainPair(Citizen, JobOrder, int)}: one pair, "why (not)?": every gate with
 *       the values compared, the score, the rank among all candidates and the gap to the k-th;
 *   <li>{@link #explain(Citizen, JobOrder)}: one pair's score and explanation, if it passes.
 * </ul>
 *
 * <p><b>Storage.</b> In memory by default; with {@link Builder#directory(Path)} the citizens and
 * orders live in Lucene indexes under that directory, and reopening the engine after a restart
 * finds every citizen and order of the last {@link #commit()}: citizens and orders are committed
 * together by a two-phase commit (see {@link dk.jobmatch.index.PairedCommit}), so a crash loses at
 * most what was changed since, and the reopened engine holds the citizens and the orders of one
 * and the same commit; {@link #close()} commits.
 *
 * <p><b>Files.</b> A persistent engine keeps its indexes in {@code citizens/} and {@code orders/}
 * under the directory. Where the file system supports POSIX permissions, both directories are
 * created owner-only ({@code rwx------}) and every index file owner-only ({@code rw-------}),
 * whatever the process's umask.
 *
 * <p><b>Start-up snapshot.</b> Opening a persistent engine reads every citizen back from the
 * index and computes its scoring features, seconds at 100,000 citizens. With {@link
 * Builder#startupSnapshot(boolean)}, {@link #close()} also writes, after its commit, a start-up
 * snapshot into {@code citizens/} (one file, {@code jobmatch-startup.snapshot}: every citizen's
 * features, checksummed and tied to that commit), and the next opening reads it instead. Opening
 * always uses a snapshot that is present and valid for the commit it opens, and otherwise reads
 * the citizens as without one: a missing, stale, truncated or corrupt snapshot, or one made with
 * other reference data, costs time, never a different result, and is no error. {@link
 * #purgeDeleted()} deletes it, with the segments it rewrites. Opening loads the citizens'
 * features only; the search postings are built by the first search (a "why not?" before any
 * search scans the features instead), so a run that does not rank does not pay for them.
 *
 * <p><b>Erasure (GDPR art. 17).</b> From the moment {@link #delete(String)} returns, the citizen
 * appears in no result. The bytes leave the disk at {@link #purgeDeleted()}: it rewrites every
 * index segment that holds a deleted (or replaced, by an update) citizen, commits, and releases
 * the old files; when it returns, no file in the index directory holds the deleted citizen's id,
 * skills, certificates or any other stored value — unless a search that started before it is
 * still running, in which case the old files go when that search ends. {@link #commit()} and
 * {@link #close()} alone do not rewrite segments. (The file system may still hold freed blocks;
 * encrypt the volume for protection against disk forensics.)
 *
 * <p><b>Audit.</b> With {@link Builder#auditListener(AuditListener)}, every shortlist produced
 * ({@code rank}, {@code suggest}, each order of a batch) is reported with the policy's
 * {@linkplain PolicyFingerprint fingerprint}, the ids and the explanations.
 *
 * <p><b>Lifecycle.</b> {@link #close()} commits and closes; a second call does nothing. After
 * close, every method that reads or changes the indexes throws {@link IllegalStateException}
 * and changes nothing.
 *
 * <p><b>Visibility.</b> Every change — an added, updated or deleted citizen — is seen by every
 * search that starts after the call returns, and the skill-rarity statistics of that search are
 * those of the population it sees, so a ranking always equals the reference scorer's on the
 * current population. A deleted citizen never appears in a result again (the right to erasure;
 * {@link #purgeDeleted()} also rewrites the index files). {@link #refresh()} is only a hint.
 *
 * <p><b>Thread safety.</b> An engine is thread-safe: any number of threads may rank, suggest and
 * explain concurrently with each other and with updates; updates are serialised internally.
 * Results are immutable.
 *
 * <p><b>Determinism.</b> The same citizens, order, policy and date give the same ranking; ties
 * are broken by id. Set {@link Builder#asOf(LocalDate)} to pin the date.
 */
public final class MatchEngine implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MatchEngine.class);

  private final Taxonomy taxonomy;
  /** The taxonomy as order compilation sees it: same answers, per-skill look-ups remembered. */
  private final Taxonomy compileTaxonomy;
  /** The required skills' expansions over {@link #compileTaxonomy}, computed once per skill. */
  private final SkillExpansions expansions;
  private final ShortageLookup shortage;
  private final ScoringPolicy policy;
  private final Clock clock;
  private final LocalDate asOf;
  private final Vocabularies vocabularies = Vocabularies.create();
  private final ConcurrentHashMap<OccupationRef, OccupationCode> resolved = new ConcurrentHashMap<>();
  /** The references the taxonomy resolved to nothing (a ConcurrentHashMap holds no null). */
  private final java.util.Set<OccupationRef> unresolved = ConcurrentHashMap.newKeySet();
  private final CitizenIndex citizens;
  private final OrderIndex orders;
  private final ScheduledExecutorService refresher;
  private volatile CompiledOrders compiledOrders;
  private final AuditListener audit;
  private final String policyFingerprint;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object commitMutex = new Object();
  /** The number of the last commit of both indexes (see {@link PairedCommit}); under commitMutex. */
  private long commitNumber;
  private final RetrievalSettings retrieval;
  /** Whether {@link #close()} writes a start-up snapshot. */
  private final boolean startupSnapshot;

  private record CompiledOrders(List<JobOrder> source, PopulationStats stats, LocalDate day, List<CompiledOrder> compiled) {}

  private MatchEngine(Builder b) {
    this.taxonomy = b.taxonomy;
    this.compileTaxonomy = new CompileCache(b.taxonomy);
    this.expansions = SkillExpansions.remembering(compileTaxonomy, vocabularies);
    this.shortage = b.shortage;
    this.policy = b.policy;
    this.clock = b.clock;
    this.asOf = b.asOf;
    this.audit = b.audit;
    this.retrieval = b.retrieval;
    this.policyFingerprint = PolicyFingerprint.of(b.policy);
    Directory citizenDir;
    Directory orderDir;
    PairedCommit.Recovery recovery;
    try {
      if (b.directory == null) {
        citizenDir = new ByteBuffersDirectory();
        orderDir = new ByteBuffersDirectory();
      } else {
        if (!java.nio.file.Files.isDirectory(b.directory)) {
          OwnerOnlyDirectory.createDirectories(b.directory);
        }
        citizenDir = OwnerOnlyDirectory.open(b.directory.resolve("citizens"));
        orderDir = OwnerOnlyDirectory.open(b.directory.resolve("orders"));
      }
      recovery = PairedCommit.recover(citizenDir, orderDir);
    } catch (IOException e) {
      throw new UncheckedIOException("directory: cannot open " + b.directory + ": " + e.getMessage(), e);
    }
    this.commitNumber = recovery.number();
    this.citizens = new CitizenIndex(citizenDir, recovery.first(), vocabularies, this::resolve);
    this.orders = new OrderIndex(orderDir, recovery.second());
    if (b.refreshInterval != null) {
      refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jobmatch-refresh");
        t.setDaemon(true);
        return t;
      });
      long ms = Math.max(1, b.refreshInterval.toMillis());
      refresher.scheduleWithFixedDelay(this::backgroundRefresh, ms, ms, TimeUnit.MILLISECONDS);
    } else {
      refresher = null;
    }
    this.startupSnapshot = b.startupSnapshot && b.directory != null;
    LOG.debug("engine opened: {} citizens, {} orders", citizens.size(), orders.all().size());
  }

  /** Whether the search postings are built (opening leaves them to the first search; for tests). */
  boolean postingsBuilt() {
    return citizens.postingsBuilt();
  }

  /** Whether the citizens were read from the start-up snapshot when this engine was opened (for tests). */
  boolean openedFromSnapshot() {
    return citizens.openedFromSnapshot();
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed");
    }
  }

  private List<Match> audited(AuditEvent.Kind kind, String orderId, String citizenId, List<Match> shortlist) {
    if (audit != null) {
      audit.shortlist(new AuditEvent(kind, clock.instant(), today(), policy.label(), policyFingerprint, orderId, citizenId,
          shortlist));
    }
    return shortlist;
  }

  /**
   * Reports a shortlist chosen from this engine's rankings (a batch allocation) to the audit
   * listener, if one is set; does nothing otherwise.
   *
   * @param kind what produced the shortlist, {@link AuditEvent.Kind#BATCH} for an allocation
   * @param orderId the order's id for a shortlist of citizens, else null
   * @param citizenId the citizen's id for a list of orders, else null
   * @param shortlist the matches, best first
   * @throws RuntimeException whatever the listener throws
   * @throws NullPointerException if {@code kind} or {@code shortlist} is null
   */
  public void reportShortlist(AuditEvent.Kind kind, String orderId, String citizenId, List<Match> shortlist) {
    audited(Objects.requireNonNull(kind, "kind"), orderId, citizenId, Objects.requireNonNull(shortlist, "shortlist"));
  }

  /**
   * The fingerprint of the scoring policy, as reported to the audit listener.
   *
   * @return {@link PolicyFingerprint#of} the engine's policy
   */
  public String policyFingerprint() {
    return policyFingerprint;
  }

  /**
   * A builder with an empty taxonomy, no shortage data, the default policy, in memory.
   *
   * @return a new builder, not shared with any other caller
   */
  public static Builder builder() {
    return new Builder();
  }

  private OccupationCode resolve(OccupationRef ref) {
    OccupationCode c = resolved.computeIfAbsent(ref, taxonomy::resolve);
    if (c == null) {
      unresolved.add(ref); // the start-up snapshot checks these too
    }
    return c;
  }

  private void backgroundRefresh() {
    try {
      citizens.refresh();
    } catch (RuntimeException e) {
      LOG.warn("background refresh failed: {}", e.toString());
    }
  }

  /**
   * Adds a citizen, or replaces the one with the same id.
   *
   * @param citizen the citizen
   * @throws NullPointerException if {@code citizen} is null
   * @throws UncheckedIOException if the index cannot be written
   * @throws IllegalStateException if the engine is closed
   */
  public void upsert(Citizen citizen) {
    upsertAll(List.of(Objects.requireNonNull(citizen, "citizen")));
  }

  /**
   * Adds or replaces many citizens; faster than one by one (features are computed in parallel).
   *
   * @param batch the citizens; a later one with the same id wins
   * @throws NullPointerException if the collection or an element is null
   * @throws UncheckedIOException if the index cannot be written
   * @throws IllegalStateException if the engine is closed
   */
  public void upsertAll(Collection<Citizen> batch) {
    ensureOpen();
    for (Citizen c : batch) {
      Objects.requireNonNull(c, "citizen");
    }
    citizens.upsertAll(batch);
  }

  /**
   * Deletes a citizen. From the moment this returns, the citizen appears in no result of a search
   * that starts afterwards; the stored bytes leave the disk at {@link #purgeDeleted()}.
   *
   * @param citizenId the citizen's id
   * @return whether a citizen with that id was indexed
   * @throws IllegalStateException if the engine is closed (nothing is changed)
   */
  public boolean delete(String citizenId) {
    Objects.requireNonNull(citizenId, "citizenId");
    ensureOpen();
    return citizens.delete(citizenId);
  }

  /**
   * Adds an open job order, or replaces the one with the same id; visible to suggestions at once.
   *
   * @param order the order
   * @throws IllegalStateException if the engine is closed
   * @throws NullPointerException if {@code order} is null
   */
  public void upsertOrder(JobOrder order) {
    ensureOpen();
    orders.upsert(Objects.requireNonNull(order, "order"));
  }

  /**
   * Removes a job order (filled or withdrawn); returns whether it was there.
   *
   * @param orderId the order's id
   * @return true if an order with that id was open in this engine
   * @throws IllegalStateException if the engine is closed
   */
  public boolean deleteOrder(String orderId) {
    ensureOpen();
    return orders.delete(Objects.requireNonNull(orderId, "orderId"));
  }

  /**
   * A hint, never a condition: every change is visible to searches as soon as its call returns.
   * Refreshes the reader behind {@link #citizen(String)} ahead of time (it also refreshes by
   * itself when needed).
   *
   * @throws IllegalStateException if the engine is closed
   */
  public void refresh() {
    ensureOpen();
    citizens.refresh();
  }

  /**
   * Makes every change so far durable (persistent engines); a no-op cost in memory. When this
   * returns, a crash loses nothing changed before the call. The citizens and the orders are two
   * Lucene indexes committed together by a two-phase commit: a crash during the call leaves the
   * engine, when reopened, at its previous commit or at this one, citizens and orders alike (see
   * {@code docs/reliability.md}). Changes made by other threads while this call runs may land in
   * this commit or the next.
   *
   * @throws IllegalStateException if the engine is closed
   * @throws UncheckedIOException if the index cannot be written
   */
  public void commit() {
    ensureOpen();
    commitBoth();
  }

  /** One commit of both indexes: both prepare commit n, then both finish it. */
  private void commitBoth() {
    synchronized (commitMutex) {
      long n = commitNumber + 1;
      citizens.prepareCommit(n);
      orders.prepareCommit(n);
      citizens.finishCommit();
      orders.finishCommit();
      commitNumber = n;
    }
  }

  /**
   * Erases deleted citizens and job orders from the disk: rewrites every index segment that holds
   * a deleted or replaced record, commits, and releases the old files. When this returns, no file
   * in the index directory holds a byte of a citizen or order deleted before the call (nor of a
   * replaced version), unless a search that started earlier is still running; its files go when
   * it ends.
   * Costs a rewrite of the affected segments (for a few deletions among many citizens, about the
   * time of writing those segments again).
   *
   * @throws IllegalStateException if the engine is closed
   * @throws UncheckedIOException if the index cannot be written
   */
  public void purgeDeleted() {
    ensureOpen();
    synchronized (commitMutex) {
      citizens.purgeDeleted();
      orders.purgeDeleted();
      // Twice: each index keeps its newest commit and one before it (the recovery rule's
      // fallback); after two commits both kept commits are free of the purged segments.
      commitBoth();
      commitBoth();
      citizens.releasePurged();
      orders.releasePurged();
    }
  }

  /**
   * The best {@code k} citizens for the order, best first (ties by citizen id), each explained;
   * for a public employer's order, every other qualified fortrinsadgang holder follows after the
   * k (see {@link FeatureScorer#qualifiesForFortrinsadgang}: all gates pass, the education level
   * is met, every essential skill is credited). Citizens failing a hard gate never appear. An
   * order closed on the engine's day ({@link #today()}; {@link JobOrder#isOpenOn}: the deadline
   * day itself is open) gets an empty list.
   *
   * @param order the order (open in this engine or not)
   * @param k the most citizens ranked, at least 1
   * @return an unmodifiable list of matches, best first, then the fortrinsadgang holders
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalStateException if the engine is closed
   * @throws RuntimeException whatever the {@linkplain Builder#auditListener audit listener} throws
   */
  public List<Match> rank(JobOrder order, int k) {
    Preconditions.checkArgument(k >= 1, "k: '%s' must be at least 1", k);
    Objects.requireNonNull(order, "order");
    ensureOpen();
    LocalDate day = today();
    if (!order.isOpenOn(day)) {
      return audited(AuditEvent.Kind.RANK, order.id(), null, List.of());
    }
    Retrieved r = retrieve(order, k, day);
    return audited(AuditEvent.Kind.RANK, order.id(), null,
        Shortlists.assemble(r.order(), r.top(), k, r.fortrinsadgangCandidates()));
  }

  /**
   * The retrieval behind {@link #rank}: the exact top {@code k} with scores, not explained, and
   * the fortrinsadgang holders outside it; the settings' listener hears what the search did.
   */
  Retrieved retrieve(JobOrder order, int k, LocalDate day) {
    return retrieve(stats -> compile(order, day, stats), k);
  }

  private Retrieved retrieve(Function<PopulationStats, CompiledOrder> compiler, int k) {
    Retrieved r = citizens.search(compiler, k, retrieval);
    retrieval.listener().accept(r.stats());
    return r;
  }

  /**
   * The best {@code k} open orders for a citizen (indexed or not), best first (ties by order id),
   * each explained. Orders whose deadline has passed are left out. Shortage orders rank higher
   * through the shortage component.
   *
   * @param citizen the citizen (indexed or not)
   * @param k the most orders returned, at least 1
   * @return an unmodifiable list of matches, best first
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if {@code citizen} is null
   * @throws IllegalStateException if the engine is closed
   * @throws RuntimeException whatever the {@linkplain Builder#auditListener audit listener} throws
   */
  public List<Match> suggest(Citizen citizen, int k) {
    Preconditions.checkArgument(k >= 1, "k: '%s' must be at least 1", k);
    ensureOpen();
    CitizenFeatures f = CitizenFeatures.of(Objects.requireNonNull(citizen, "citizen"), vocabularies, this::resolve);
    List<CompiledOrder> compiled = compiledOrders();
    int[] best = Shortlists.bestOrders(compiled, f, k);
    List<Match> out = new ArrayList<>(best.length);
    for (int i : best) {
      out.add(FeatureScorer.explain(compiled.get(i), f));
    }
    return audited(AuditEvent.Kind.SUGGEST, null, citizen.id(), List.copyOf(out));
  }

  /**
   * The best {@code k} open orders for an indexed citizen.
   *
   * @param citizenId the id of an indexed citizen
   * @param k the most orders returned, at least 1
   * @return an unmodifiable list of matches, best first
   * @throws IllegalArgumentException if {@code k < 1} or the citizen is not indexed
   * @throws NullPointerException if {@code citizenId} is null
   * @throws IllegalStateException if the engine is closed
   */
  public List<Match> suggest(String citizenId, int k) {
    Citizen c = citizen(citizenId).orElseThrow(
        () -> new IllegalArgumentException("citizenId: '" + Checks.printable(citizenId) + "' is not indexed"));
    return suggest(c, k);
  }

  private List<CompiledOrder> compiledOrders() {
    List<JobOrder> source = orders.all();
    PopulationStats stats = citizens.stats();
    LocalDate day = today();
    CompiledOrders cached = compiledOrders;
    if (cached != null && cached.source == source && cached.stats == stats && cached.day.equals(day)) {
      return cached.compiled;
    }
    List<CompiledOrder> compiled = new ArrayList<>(source.size());
    for (JobOrder o : source) {
      if (o.isOpenOn(day)) {
        compiled.add(compile(o, day, stats));
      }
    }
    compiledOrders = new CompiledOrders(source, stats, day, List.copyOf(compiled));
    return compiledOrders.compiled;
  }

  /**
   * Scores one pair. Says nothing about why a pair fails: {@link #explainPair(Citizen, JobOrder,
   * int)} reports every gate with the values compared, and the rank.
   *
   * @param citizen the citizen (indexed or not)
   * @param order the order (open in this engine or not)
   * @return the match, or empty if a hard gate fails, the score is 0 or the order is closed on the
   *     engine's day
   * @throws NullPointerException if an argument is null
   */
  public Optional<Match> explain(Citizen citizen, JobOrder order) {
    if (!Objects.requireNonNull(order, "order").isOpenOn(today())) {
      return Optional.empty();
    }
    CitizenFeatures f = CitizenFeatures.of(Objects.requireNonNull(citizen, "citizen"), vocabularies, this::resolve);
    CompiledOrder co = compile(order);
    return Optional.ofNullable(FeatureScorer.explain(co, f));
  }

  /**
   * Explains one pair: why the citizen is or is not a candidate for the order. Every {@link
   * dk.jobmatch.scoring.Gate gate} is reported, in enum order, with the values it compared; when
   * every gate passes, the score with its explanation, the citizen's rank among all indexed
   * citizens who pass every gate (by score, ties by id; the citizen takes the place of an indexed
   * citizen with the same id), the score of the {@code k}-th place and the gap to it. The rank is
   * the place {@link #rank(JobOrder, int)} would list the citizen at, and equals the {@link
   * ReferenceScorer#explainPair reference scorer's} over the same citizens. Sees every change
   * made before the call. For an order closed on the engine's day ({@link #today()}) the pair is
   * not eligible, whatever the gates say, and {@link PairExplanation#closed()} carries the
   * deadline and the day compared (reason {@code ORDER_CLOSED}).
   *
   * <p>Cost: one scoring of the pair plus, for an eligible citizen, top-{@code n} searches with
   * {@code n} growing fourfold from {@code max(k + 1, 32)} until it reaches past the citizen's
   * place; on an engine opened from a directory that has not searched yet, one scan of every
   * citizen with the scoring kernel instead (opening leaves the search postings to the first
   * search).
   *
   * @param citizen the citizen (indexed or not)
   * @param order the order (open in this engine or not)
   * @param k the shortlist length the gap refers to
   * @return every gate and, when eligible, the match, the rank and the gap to the {@code k}-th
   *     place
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if {@code citizen} or {@code order} is null
   * @throws IllegalStateException if the engine is closed
   */
  public PairExplanation explainPair(Citizen citizen, JobOrder order, int k) {
    ensureOpen();
    Preconditions.checkArgument(k >= 1, "k: '%s' must be at least 1", k);
    CitizenFeatures f = CitizenFeatures.of(Objects.requireNonNull(citizen, "citizen"), vocabularies, this::resolve);
    Objects.requireNonNull(order, "order");
    LocalDate day = today();
    PairExplanation result;
    int attempts = 0;
    do {
      // The citizen is scored with the statistics the searches see; a change in between (rare)
      // starts over, so that the rank is that of one population.
      PopulationStats stats = citizens.stats();
      CompiledOrder co = compile(order, day, stats);
      boolean[] changed = {false};
      result = Standing.explain(co, f, k, day, score -> candidatesAhead(co, stats, changed, score, f.id, k));
      if (!changed[0]) {
        return result;
      }
    } while (++attempts < 3);
    return result;
  }

  /**
   * Explains one pair of an indexed citizen; see {@link #explainPair(Citizen, JobOrder, int)}.
   *
   * @param citizenId the id of an indexed citizen
   * @param order the order (open in this engine or not)
   * @param k the shortlist length the gap refers to
   * @return every gate and, when eligible, the match, the rank and the gap to the {@code k}-th
   *     place
   * @throws IllegalArgumentException if {@code k < 1} or the citizen is not indexed
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the engine is closed
   */
  public PairExplanation explainPair(String citizenId, JobOrder order, int k) {
    Citizen c = citizen(Objects.requireNonNull(citizenId, "citizenId")).orElseThrow(
        () -> new IllegalArgumentException("citizenId: '" + citizenId + "' is not indexed"));
    return explainPair(c, order, k);
  }

  /**
   * Explains one pair of an indexed citizen and an open order; see {@link #explainPair(Citizen,
   * JobOrder, int)}.
   *
   * @param citizenId the id of an indexed citizen
   * @param orderId the id of an order open in this engine
   * @param k the shortlist length the gap refers to
   * @return every gate and, when eligible, the match, the rank and the gap to the {@code k}-th
   *     place
   * @throws IllegalArgumentException if {@code k < 1}, the citizen is not indexed or the order is
   *     not open in this engine
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the engine is closed
   */
  public PairExplanation explainPair(String citizenId, String orderId, int k) {
    JobOrder o = order(Objects.requireNonNull(orderId, "orderId")).orElseThrow(
        () -> new IllegalArgumentException("orderId: '" + orderId + "' is not an open order of this engine"));
    return explainPair(citizenId, o, k);
  }

  /**
   * The indexed candidates other than {@code id}, best first: every one that beats {@code score},
   * and all of them or at least the best {@code k}. Uses the exact top-n search, widening n until
   * the list reaches past the citizen's place; before the first search after opening (postings
   * not built yet), a scan of every citizen instead.
   */
  private List<Scored> candidatesAhead(CompiledOrder co, PopulationStats stats, boolean[] changed,
      double score, String id, int k) {
    Function<PopulationStats, CompiledOrder> compiler = s -> {
      if (s == stats) {
        return co;
      }
      changed[0] = true;
      return compile(co.order(), today(), s);
    };
    if (!citizens.postingsBuilt()) {
      // Opened and not searched yet: one scan with the kernel costs less than building the
      // postings of every citizen for one pair (the reference scorer's way, so the same answer).
      return citizens.scan(compiler, id);
    }
    long n = Math.max(k + 1L, 32);
    while (true) {
      List<Scored> top = retrieve(compiler, (int) n).top();
      List<Scored> others = new ArrayList<>(top.size());
      for (Scored c : top) {
        if (!c.id().equals(id)) {
          others.add(c);
        }
      }
      Scored last = others.isEmpty() ? null : others.get(others.size() - 1);
      if (changed[0] || top.size() < n || last == null || !Ranking.beats(last.score(), last.id(), score, id)
          || n >= Integer.MAX_VALUE / 4) {
        return others;
      }
      n *= 4;
    }
  }

  /**
   * An indexed citizen as last upserted, if present.
   *
   * @param id the citizen's id
   * @return the citizen, or empty when not indexed
   */
  public Optional<Citizen> citizen(String id) {
    return citizens.citizen(Objects.requireNonNull(id, "id"));
  }

  /**
   * An open order by id.
   *
   * @param id the order's id
   * @return the order, or empty when it is not open in this engine
   */
  public Optional<JobOrder> order(String id) {
    return orders.get(Objects.requireNonNull(id, "id"));
  }

  /**
   * All open orders, in the order they were first added. Immutable snapshot.
   *
   * @return an unmodifiable list of the open orders
   */
  public List<JobOrder> orders() {
    return orders.all();
  }

  /**
   * The number of indexed citizens (including those not yet refreshed).
   *
   * @return the number of citizens, at least 0
   */
  public int citizenCount() {
    return citizens.size();
  }

  /**
   * The number of open orders.
   *
   * @return the number of orders, at least 0
   */
  public int orderCount() {
    return orders.all().size();
  }

  /**
   * The scoring policy.
   *
   * @return the policy the engine was built with
   */
  public ScoringPolicy policy() {
    return policy;
  }

  /**
   * The taxonomy.
   *
   * @return the taxonomy the engine was built with
   */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /**
   * The shortage look-up.
   *
   * @return the shortage look-up the engine was built with
   */
  public ShortageLookup shortage() {
    return shortage;
  }

  /**
   * The day scored for: the pinned {@code asOf} date, or today by the clock.
   *
   * @return the day results are computed for
   */
  public LocalDate today() {
    return asOf != null ? asOf : LocalDate.now(clock);
  }

  /**
   * Stops background refresh, commits and closes the indexes. A second call does nothing.
   *
   * @throws IOException if the indexes cannot be committed or closed
   */
  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (refresher != null) {
      refresher.shutdownNow();
    }
    try {
      commitBoth();
      if (startupSnapshot) {
        writeStartupSnapshot();
      }
    } finally {
      try {
        citizens.close();
      } finally {
        orders.close();
      }
    }
  }

  /** After the final commit: the snapshot is a cache, so a failure to write it is logged, not thrown. */
  private void writeStartupSnapshot() {
    try {
      java.util.Map<OccupationRef, OccupationCode> resolutions = new java.util.HashMap<>(resolved);
      unresolved.forEach(r -> resolutions.putIfAbsent(r, null));
      if (!citizens.writeSnapshot(resolutions)) {
        LOG.debug("start-up snapshot not written: changes after the last commit");
      }
    } catch (RuntimeException e) {
      LOG.warn("start-up snapshot not written ({}); the next opening reads every citizen", e.getClass().getSimpleName());
    }
  }

  /**
   * The order compiled exactly as {@link #rank(JobOrder, int)} compiles it now: for {@link #today()}
   * and the population statistics searches currently use. For incremental maintenance on top of
   * the engine (e.g. {@link LiveShortlists}); scoring a citizen's {@link
   * #features(Citizen) features} against it with {@link FeatureScorer} gives the score and
   * explanation {@code rank} would give. Thread-safe.
   *
   * @throws NullPointerException if {@code order} is null
   */
  CompiledOrder compile(JobOrder order) {
    return compile(Objects.requireNonNull(order, "order"), today(), citizens.stats());
  }

  /** The one way the engine compiles an order: its taxonomy, shortage, policy, vocabularies and expansions. */
  private CompiledOrder compile(JobOrder order, LocalDate day, PopulationStats stats) {
    return CompiledOrder.compile(order, compileTaxonomy, shortage, policy, day, vocabularies, stats, expansions);
  }

  /**
   * The compact scoring features of a citizen (indexed or not), as the engine computes them.
   * Thread-safe.
   *
   * @throws NullPointerException if {@code citizen} is null
   */
  CitizenFeatures features(Citizen citizen) {
    return CitizenFeatures.of(Objects.requireNonNull(citizen, "citizen"), vocabularies, this::resolve);
  }

  /** The features of an indexed citizen, if present (searchable or not yet refreshed). Thread-safe. */
  Optional<CitizenFeatures> indexedFeatures(String citizenId) {
    return citizens.features(Objects.requireNonNull(citizenId, "citizenId"));
  }

  /**
   * The population statistics searches currently use (skill rarity); a new snapshot object
   * whenever they change. Thread-safe.
   */
  PopulationStats populationStats() {
    return citizens.stats();
  }

  /**
   * The ids of all indexed citizens, in ascending order. Immutable snapshot; thread-safe.
   *
   * @return an unmodifiable list of the ids
   */
  public List<String> citizenIds() {
    return citizens.ids();
  }

  @Override
  public String toString() {
    return "MatchEngine[citizens=" + citizens.size() + ", orders=" + orders.all().size() + "]";
  }

  /** Mutable, not thread-safe builder. */
  public static final class Builder {
    private Taxonomy taxonomy = Taxonomy.none();
    private ShortageLookup shortage = ShortageLookup.none();
    private ScoringPolicy policy = ScoringPolicy.defaults();
    private Path directory;
    private Clock clock = Clock.systemDefaultZone();
    private LocalDate asOf;
    private Duration refreshInterval;
    private AuditListener audit;
    private RetrievalSettings retrieval = RetrievalSettings.DEFAULTS;
    private boolean startupSnapshot;

    private Builder() {}

    /**
     * With a {@link #directory(Path) directory}: whether {@link MatchEngine#close()} writes a
     * start-up snapshot after its commit (default: false), which the next opening reads instead
     * of every citizen (see the class description). Ignored in memory. Opening uses a valid
     * snapshot whatever this says.
     *
     * @param write true to write the snapshot at close
     * @return this builder
     */
    public Builder startupSnapshot(boolean write) {
      this.startupSnapshot = write;
      return this;
    }

    /**
     * The retrieval's settings (default: {@link RetrievalSettings#DEFAULTS}): for experiments and
     * profiles in this module and the benchmarks; exactness never depends on them.
     */
    Builder retrieval(RetrievalSettings s) {
      this.retrieval = Objects.requireNonNull(s, "retrieval");
      return this;
    }

    /**
     * Reports every shortlist produced to {@code listener} (default: none); see {@link
     * AuditListener}.
     *
     * @param listener the listener, called on the thread that produced the shortlist
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder auditListener(AuditListener listener) {
      this.audit = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The occupation and skill taxonomy (default: none).
     *
     * @param t the taxonomy
     * @return this builder
     * @throws NullPointerException if {@code t} is null
     */
    public Builder taxonomy(Taxonomy t) { this.taxonomy = Objects.requireNonNull(t, "taxonomy"); return this; }
    /**
     * Shortage data (default: none).
     *
     * @param s the shortage look-up
     * @return this builder
     * @throws NullPointerException if {@code s} is null
     */
    public Builder shortage(ShortageLookup s) { this.shortage = Objects.requireNonNull(s, "shortage"); return this; }
    /**
     * The scoring policy (default: {@link ScoringPolicy#defaults()}).
     *
     * @param p the policy
     * @return this builder
     * @throws NullPointerException if {@code p} is null
     */
    public Builder policy(ScoringPolicy p) { this.policy = Objects.requireNonNull(p, "policy"); return this; }
    /**
     * A directory for a persistent, crash-safe index (default: in memory).
     *
     * @param p the index directory
     * @return this builder
     * @throws NullPointerException if {@code p} is null
     */
    public Builder directory(Path p) { this.directory = Objects.requireNonNull(p, "directory"); return this; }
    /**
     * The clock giving "today" when no {@link #asOf} date is pinned.
     *
     * @param c the clock (default: the system clock in the default time zone)
     * @return this builder
     * @throws NullPointerException if {@code c} is null
     */
    public Builder clock(Clock c) { this.clock = Objects.requireNonNull(c, "clock"); return this; }
    /**
     * Pins the day scored for (reproducible results).
     *
     * @param d the day, or null to follow the clock
     * @return this builder
     */
    public Builder asOf(LocalDate d) { this.asOf = d; return this; }

    /**
     * Refreshes automatically at this interval (default: only on {@link MatchEngine#refresh()}).
     *
     * @param d the interval, or null for no automatic refresh
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder refreshInterval(Duration d) {
      Preconditions.checkArgument(d == null || (!d.isNegative() && !d.isZero()), "refreshInterval: '%s' must be positive", d);
      this.refreshInterval = d;
      return this;
    }

    /**
     * Builds (and, for a directory, opens) the engine.
     *
     * @return the engine; thread-safe, to be closed by the caller
     * @throws UncheckedIOException if the directory cannot be opened or holds unreadable data
     */
    public MatchEngine build() {
      return new MatchEngine(this);
    }
  }
}
