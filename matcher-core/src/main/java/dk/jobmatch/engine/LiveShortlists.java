package dk.jobmatch.engine;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.kernel.PopulationStats;
import dk.jobmatch.kernel.Scored;
import dk.jobmatch.kernel.Shortlists;
import dk.jobmatch.index.Retrieved;
import dk.jobmatch.internal.Ranking;
import dk.jobmatch.engine.ShortlistEvent.Kind;
import dk.jobmatch.engine.ShortlistEvent.Reason;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Standing shortlists for every open order, and standing top suggestions for every citizen, kept
 * current as citizens and orders change, with an event for each change of a list.
 *
 * <p><b>What is standing.</b> For every open order (held by the engine, deadline not passed as of
 * {@link MatchEngine#today()}) the list {@link MatchEngine#rank(JobOrder, int) rank(order, K)}
 * would return now, K being the order's {@code maxCandidates}, else {@value #DEFAULT_K}: the top K
 * and, for a public employer, every other qualified fortrinsadgang holder after them. For every
 * indexed citizen the list {@link MatchEngine#suggest(Citizen, int) suggest(citizen, S)} would
 * return (S set at {@link #start(MatchEngine, ShortlistListener, int)}, default {@value
 * #DEFAULT_SUGGESTIONS}). After every change, each standing list equals that fresh answer exactly.
 *
 * <p><b>Events.</b> Each {@link #apply(List) apply} (and each single-change method) compares the
 * lists before and after and reports, in this order: citizens that {@link Kind#LEFT left} the lists
 * of orders that were deleted ({@link Reason#ORDER_CLOSED}) or expired ({@link
 * Reason#ORDER_EXPIRED}); then, order by order (in the engine's order), citizens that left and
 * citizens that {@link Kind#ENTERED entered}; then, citizen by citizen, orders {@link
 * Kind#SUGGESTED suggested} (entered the citizen's top suggestions). A change of place inside a
 * list is no event. Several changes applied together report the net difference.
 *
 * <p><b>Incremental maintenance.</b> Each order keeps its top {@code 2K} (at least {@code K+5})
 * and every qualified fortrinsadgang holder. A changed citizen is scored against each open order
 * with the scoring kernel (one exact score per order, no search); it enters a buffer it beats and
 * leaves the one it no longer belongs to. Only when a buffer falls below K members (and there may
 * be eligible citizens outside it) is that order ranked again with {@link MatchEngine#rank}. A
 * changed order is ranked afresh. Suggestions are not stored: a changed citizen's top suggestions
 * are computed before and after (one exact score per open order, twice); a changed order is
 * scored against every citizen, and for those eligible for it before or after, their suggestions
 * before and after are computed the same way. Starting therefore costs one {@code rank} per open
 * order, nothing per citizen.
 *
 * <p><b>Skill rarity.</b> Required skills weigh by their rarity in the population ({@link
 * PopulationStats}; alone without a reuse level, modulating it by the policy's {@code
 * rarityInfluence} otherwise), which moves when citizens are added, deleted or change skills,
 * and moves every affected score slightly. The lists follow the engine exactly by detection:
 * after a change, an order whose rarity inputs (population, counts of its required skills) moved
 * is compiled again; if its skill weights differ in any bit, its buffer is rescored with the new
 * weights and the members provably above every outsider are kept (see {@code reweigh}); only if
 * fewer than K remain is it ranked afresh. Batch many changes in one {@link #apply(List)} to pay
 * this once.
 *
 * <p><b>Suggested orders.</b> {@code SUGGESTED} is reported, exactly, for every citizen whose
 * suggestions may have moved through a change of the citizen or of an order: the changed
 * citizens, and every citizen eligible before or after for an order that was added, updated,
 * closed or expired (or whose shortage status or scoring year moved). An order moving into
 * someone's top suggestions only because skill rarity drifted (another citizen's change
 * reweighted it) is not reported — it is no news to a job agent, and finding every such move
 * would mean scoring every citizen against every open order on each change — though {@link
 * #suggestions(String)} always gives the current list.
 *
 * <p><b>Thread safety.</b> Thread-safe: changes are serialised; readers see the lists of the last
 * completed change. All changes to the engine must go through this object while it is in use
 * (changes made directly to the engine are not seen until they touch a listed citizen or order).
 * Events are delivered on the changing thread, inside the lock.
 */
public final class LiveShortlists {
  /** One change to apply with {@link LiveShortlists#apply(List)}. Immutable. */
  public sealed interface Change {
    /**
     * Adds a citizen or replaces the one with the same id.
     *
     * @param citizen the citizen
     */
    record UpsertCitizen(Citizen citizen) implements Change {
      /**
       * Checks the citizen.
       *
       * @throws NullPointerException if citizen is null
       */
      public UpsertCitizen {
        Objects.requireNonNull(citizen, "citizen");
      }
    }

    /**
     * Deletes a citizen (an unknown id is ignored).
     *
     * @param citizenId the citizen's id
     */
    record DeleteCitizen(String citizenId) implements Change {
      /**
       * Checks the id.
       *
       * @throws NullPointerException if citizenId is null
       */
      public DeleteCitizen {
        Objects.requireNonNull(citizenId, "citizenId");
      }
    }

    /**
     * Adds an order or replaces the one with the same id (keeping its position).
     *
     * @param order the order
     */
    record UpsertOrder(JobOrder order) implements Change {
      /**
       * Checks the order.
       *
       * @throws NullPointerException if order is null
       */
      public UpsertOrder {
        Objects.requireNonNull(order, "order");
      }
    }

    /**
     * Deletes an order (an unknown id is ignored).
     *
     * @param orderId the order's id
     */
    record DeleteOrder(String orderId) implements Change {
      /**
       * Checks the id.
       *
       * @throws NullPointerException if orderId is null
       */
      public DeleteOrder {
        Objects.requireNonNull(orderId, "orderId");
      }
    }
  }

  /** The shortlist length for an order without {@code maxCandidates}. */
  public static final int DEFAULT_K = 10;
  /** The default number of top suggestions watched per citizen (for {@code SUGGESTED} events). */
  public static final int DEFAULT_SUGGESTIONS = 10;

  private final MatchEngine engine;
  private final ShortlistListener listener;
  private final int suggestTop;
  private Map<String, OrderState> open = new LinkedHashMap<>();
  private LocalDate day;
  private long reranks;
  /** Orders brought to new rarity weights by rescoring their buffer instead of a rank (tests). */
  long reweighs;

  /** One open order's standing list. */
  private static final class OrderState {
    final JobOrder order;
    final int k;
    final int cap;
    CompiledOrder co;
    /** Best first; the exact top {@code buffer.size()}, or every eligible citizen if {@code complete}. */
    final List<Scored> buffer;
    boolean complete;
    /** Every qualified fortrinsadgang holder (public employers only). */
    final Map<String, CitizenFeatures> holders;
    int population;
    int[] rarityIds;
    int[] rarityCounts;
    List<Match> visible;

    OrderState(JobOrder order, int k, int cap, CompiledOrder co, List<Scored> buffer, boolean complete,
        Map<String, CitizenFeatures> holders) {
      this.order = order;
      this.k = k;
      this.cap = cap;
      this.co = co;
      this.buffer = buffer;
      this.complete = complete;
      this.holders = holders;
    }
  }

  /** The arguments {@link #start} and {@link #resume} share, checked here once. */
  private LiveShortlists(MatchEngine engine, ShortlistListener listener, int suggestTop) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (suggestTop < 0) {
      throw new IllegalArgumentException("suggestions: must not be negative");
    }
    this.suggestTop = suggestTop;
  }

  /**
   * Starts standing lists over everything the engine holds now (refreshing it first), with
   * {@value #DEFAULT_SUGGESTIONS} suggestions per citizen. Emits no events.
   *
   * @param engine the engine whose citizens and open orders are watched
   * @param listener receives the events of every later change
   * @return the lists
   * @throws NullPointerException if an argument is null
   */
  public static LiveShortlists start(MatchEngine engine, ShortlistListener listener) {
    return start(engine, listener, DEFAULT_SUGGESTIONS);
  }

  /**
   * Starts standing lists over everything the engine holds now (refreshing it first). Costs one
   * {@code rank} per open order. Emits no events.
   *
   * @param suggestions how many top suggestions per citizen are watched (0: none, and no {@code
   *     SUGGESTED} events)
   * @param engine the engine whose citizens and open orders are watched
   * @param listener receives the events of every later change
   * @return the lists
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code suggestions} is negative
   */
  public static LiveShortlists start(MatchEngine engine, ShortlistListener listener, int suggestions) {
    LiveShortlists live = new LiveShortlists(engine, listener, suggestions);
    synchronized (live) {
      engine.refresh();
      live.day = engine.today();
      for (JobOrder o : engine.orders()) {
        if (!live.expired(o)) {
          OrderState st = live.fresh(o);
          live.open.put(o.id(), st);
        }
      }
    }
    return live;
  }

  /**
   * One open order's standing state, for storing the lists beside a persistent index and {@link
   * #resume resuming} from them instead of ranking every order again. Immutable.
   *
   * @param orderId the order
   * @param k the shortlist length the state was kept for
   * @param complete whether {@code citizenIds} holds every eligible citizen (else the exact top)
   * @param citizenIds the kept candidates, best first
   * @param scores their exact scores, in the same order
   * @param holders the qualified fortrinsadgang holders kept besides them (public employers)
   */
  public record Stored(String orderId, int k, boolean complete, List<String> citizenIds, List<Double> scores,
      List<String> holders) {
    /**
     * Checks the fields and copies the lists.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code citizenIds} and {@code scores} differ in length
     */
    public Stored {
      Objects.requireNonNull(orderId, "orderId");
      citizenIds = List.copyOf(citizenIds);
      scores = List.copyOf(scores);
      holders = List.copyOf(holders);
      if (citizenIds.size() != scores.size()) {
        throw new IllegalArgumentException("scores: must have one score per citizen id");
      }
    }
  }

  /**
   * The standing state of every open order, in the engine's order, for {@link #resume}.
   *
   * @return an unmodifiable list, one state per open order
   */
  public synchronized List<Stored> stored() {
    List<Stored> out = new ArrayList<>(open.size());
    for (OrderState st : open.values()) {
      List<String> ids = new ArrayList<>(st.buffer.size());
      List<Double> scores = new ArrayList<>(st.buffer.size());
      for (Scored c : st.buffer) {
        ids.add(c.id());
        scores.add(c.score());
      }
      out.add(new Stored(st.order.id(), st.k, st.complete, ids, scores, new ArrayList<>(st.holders.keySet())));
    }
    return List.copyOf(out);
  }

  /**
   * Starts standing lists from stored states (see {@link #stored()}) instead of ranking every open
   * order, when they fit the engine now: the same open orders (refreshing the engine first, as of
   * {@link MatchEngine#today()}), the same K per order, every kept citizen indexed with exactly
   * the stored score (bit for bit, scored afresh with the kernel) and every kept holder still
   * qualifying. The caller vouches that nothing else moved since they were stored (same citizens,
   * same orders, same policy and reference data). Emits no events.
   *
   * @param engine the engine whose citizens and open orders are watched
   * @param listener receives the events of every later change
   * @param suggestions how many top suggestions per citizen are watched, at least 0
   * @param stored the states {@link #stored()} returned, one per open order
   * @return the lists, or empty if the stored states do not fit (then {@link #start} them)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code suggestions} is negative
   */
  public static java.util.Optional<LiveShortlists> resume(MatchEngine engine, ShortlistListener listener,
      int suggestions, List<Stored> stored) {
    return resume(engine, listener, suggestions, stored, true);
  }

  /**
   * Starts standing lists from stored states as {@link #resume(MatchEngine, ShortlistListener, int,
   * List)} does, optionally without scoring the kept citizens afresh.
   *
   * <p>With {@code checkScores} false every other check is made (the same open orders, the same K,
   * every kept citizen still indexed, every kept holder still qualifying), but the stored scores are
   * taken as they are. The caller then vouches, besides what the four-argument method asks, that
   * the scores were computed by the very same scoring code on the same Java runtime, so that scoring
   * afresh would give them bit for bit (the command line tags its stored lists with a digest of its
   * own code and the runtime for that, and checks the scores whenever the digest differs).
   *
   * @param engine the engine whose citizens and open orders are watched
   * @param listener receives the events of every later change
   * @param suggestions how many top suggestions per citizen are watched, at least 0
   * @param stored the states {@link #stored()} returned, one per open order
   * @param checkScores whether every kept score is checked bit for bit against the kernel
   * @return the lists, or empty if the stored states do not fit (then {@link #start} them)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code suggestions} is negative
   */
  public static java.util.Optional<LiveShortlists> resume(MatchEngine engine, ShortlistListener listener,
      int suggestions, List<Stored> stored, boolean checkScores) {
    Objects.requireNonNull(stored, "stored");
    LiveShortlists live = new LiveShortlists(engine, listener, suggestions);
    synchronized (live) {
      engine.refresh();
      live.day = engine.today();
      Map<String, Stored> byId = new HashMap<>();
      for (Stored s : stored) {
        byId.put(s.orderId(), s);
      }
      PopulationStats stats = engine.populationStats();
      int seen = 0;
      for (JobOrder o : engine.orders()) {
        if (live.expired(o)) {
          continue;
        }
        Stored s = byId.get(o.id());
        if (s == null || s.k() != k(o)) {
          return java.util.Optional.empty();
        }
        seen++;
        int k = k(o);
        CompiledOrder co = engine.compile(o);
        List<Scored> buffer = new ArrayList<>(s.citizenIds().size());
        for (int i = 0; i < s.citizenIds().size(); i++) {
          CitizenFeatures f = engine.indexedFeatures(s.citizenIds().get(i)).orElse(null);
          if (f == null || (checkScores && Double.doubleToLongBits(FeatureScorer.score(co, f))
              != Double.doubleToLongBits(s.scores().get(i)))) {
            return java.util.Optional.empty();
          }
          buffer.add(new Scored(s.scores().get(i), f));
        }
        buffer.sort(Shortlists::compare);
        Map<String, CitizenFeatures> holders = new HashMap<>();
        for (String id : s.holders()) {
          CitizenFeatures f = engine.indexedFeatures(id).orElse(null);
          if (f == null || !co.publicEmployer || !holder(holders, co, f)) {
            return java.util.Optional.empty();
          }
        }
        OrderState st = new OrderState(o, k, Math.max(2 * k, k + 5), co, buffer, s.complete(), holders);
        if (!st.complete && buffer.size() < k) {
          return java.util.Optional.empty();
        }
        live.noteRarity(st, stats);
        st.visible = visible(st);
        live.open.put(o.id(), st);
      }
      if (seen != byId.size()) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(live);
  }

  /**
   * Adds or replaces a citizen and updates the lists; see {@link #apply(List)}.
   *
   * @param citizen the citizen
   * @throws NullPointerException if {@code citizen} is null
   */
  public void upsert(Citizen citizen) {
    apply(List.of(new Change.UpsertCitizen(citizen)));
  }

  /**
   * Deletes a citizen and updates the lists; returns whether it was indexed.
   *
   * @param citizenId the citizen's id
   * @return true if a citizen with that id was indexed
   * @throws NullPointerException if {@code citizenId} is null
   */
  public synchronized boolean delete(String citizenId) {
    boolean known = engine.indexedFeatures(Objects.requireNonNull(citizenId, "citizenId")).isPresent();
    apply(List.of(new Change.DeleteCitizen(citizenId)));
    return known;
  }

  /**
   * Adds or replaces an order and updates the lists; see {@link #apply(List)}.
   *
   * @param order the order
   * @throws NullPointerException if {@code order} is null
   */
  public void upsertOrder(JobOrder order) {
    apply(List.of(new Change.UpsertOrder(order)));
  }

  /**
   * Deletes an order (filled or withdrawn) and updates the lists; returns whether it was held.
   *
   * @param orderId the order's id
   * @return true if an order with that id was held
   * @throws NullPointerException if {@code orderId} is null
   */
  public synchronized boolean deleteOrder(String orderId) {
    boolean known = engine.order(Objects.requireNonNull(orderId, "orderId")).isPresent();
    apply(List.of(new Change.DeleteOrder(orderId)));
    return known;
  }

  /**
   * Closes the lists of orders whose deadline has passed as of {@link MatchEngine#today()} (and,
   * when the day has moved, brings every list to the new day). Call it when the date may have
   * changed; every change does it too.
   */
  public void expire() {
    apply(List.of());
  }

  /**
   * Applies changes in order (a later change of the same id wins), refreshes the engine, updates
   * every standing list and reports the net difference as events.
   *
   * @param changes the changes, applied as one generation
   * @throws NullPointerException if the list or an element is null
   * @throws java.io.UncheckedIOException if the engine cannot write its index
   */
  public synchronized void apply(List<? extends Change> changes) {
    Set<String> changedCitizens = new LinkedHashSet<>();
    Set<String> upsertedOrders = new HashSet<>();
    // Each touched citizen's features before the changes, for the suggestions she had.
    Map<String, CitizenFeatures> oldFeatures = new HashMap<>();
    if (suggestTop > 0) {
      for (Change c : changes) {
        String id = c instanceof Change.UpsertCitizen u ? u.citizen().id()
            : c instanceof Change.DeleteCitizen d ? d.citizenId() : null;
        if (id != null && !oldFeatures.containsKey(id)) {
          oldFeatures.put(id, engine.indexedFeatures(id).orElse(null));
        }
      }
    }
    List<Citizen> pending = new ArrayList<>();
    for (Change c : changes) {
      Objects.requireNonNull(c, "change");
      if (c instanceof Change.UpsertCitizen u) {
        pending.add(u.citizen());
        changedCitizens.add(u.citizen().id());
        continue;
      }
      flush(pending);
      switch (c) {
        case Change.DeleteCitizen d -> {
          if (engine.delete(d.citizenId())) {
            changedCitizens.add(d.citizenId());
          }
        }
        case Change.UpsertOrder u -> {
          engine.upsertOrder(u.order());
          upsertedOrders.add(u.order().id());
        }
        case Change.DeleteOrder d -> {
          if (engine.deleteOrder(d.orderId())) {
            upsertedOrders.remove(d.orderId());
          }
        }
        case Change.UpsertCitizen u -> throw new AssertionError();
      }
    }
    flush(pending);
    engine.refresh();
    reconcile(changedCitizens, upsertedOrders, oldFeatures);
    listener.changeApplied();
  }

  private void flush(List<Citizen> pending) {
    if (!pending.isEmpty()) {
      engine.upsertAll(List.copyOf(pending));
      pending.clear();
    }
  }

  /**
   * The standing shortlist of an open order (empty if the order is not open).
   *
   * @param orderId the order's id
   * @return an unmodifiable list, best first
   */
  public synchronized List<Match> shortlist(String orderId) {
    OrderState st = open.get(Objects.requireNonNull(orderId, "orderId"));
    return st == null ? List.of() : st.visible;
  }

  /**
   * The standing top suggestions of a citizen: what {@link MatchEngine#suggest(Citizen, int)} gives
   * now (empty if the citizen is not indexed, or suggestions are off). Computed on demand from the
   * standing orders.
   *
   * @param citizenId the citizen's id
   * @return an unmodifiable list of matches, best first
   */
  public synchronized List<Match> suggestions(String citizenId) {
    CitizenFeatures f = engine.indexedFeatures(Objects.requireNonNull(citizenId, "citizenId")).orElse(null);
    if (f == null || suggestTop == 0) {
      return List.of();
    }
    List<CompiledOrder> orders = new ArrayList<>(open.size());
    for (OrderState st : open.values()) {
      orders.add(st.co);
    }
    List<Match> out = new ArrayList<>();
    for (int i : top(orders, f)) {
      Match m = FeatureScorer.explain(orders.get(i), f);
      if (m != null) {
        out.add(m);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The ids of the orders with a standing list, in the engine's order.
   *
   * @return an unmodifiable list of order ids
   */
  public synchronized List<String> openOrders() {
    return List.copyOf(open.keySet());
  }

  /**
   * How many times an order was ranked afresh with {@link MatchEngine#rank} since the start (a
   * diagnostic).
   *
   * @return the number of fresh rankings, at least 0
   */
  public synchronized long reranks() {
    return reranks;
  }

  // ---------------------------------------------------------------------------------------------

  private boolean expired(JobOrder o) {
    return !o.isOpenOn(day);
  }

  private static int k(JobOrder o) {
    return o.maxCandidates() != null ? o.maxCandidates() : DEFAULT_K;
  }

  /** Ranks an order afresh. */
  private OrderState fresh(JobOrder o) {
    reranks++;
    int k = k(o);
    int cap = Math.max(2 * k, k + 5);
    Retrieved r = engine.retrieve(o, cap, day);
    CompiledOrder co = r.order();
    Map<String, CitizenFeatures> holders = new HashMap<>();
    if (co.publicEmployer) {
      for (Scored c : r.top()) {
        holder(holders, co, c.citizen());
      }
      for (CitizenFeatures f : r.fortrinsadgangCandidates()) {
        holder(holders, co, f);
      }
    }
    OrderState st = new OrderState(o, k, cap, co, new ArrayList<>(r.top()), r.top().size() < cap, holders);
    noteRarity(st, engine.populationStats());
    st.visible = visible(st);
    return st;
  }

  /** Keeps {@code f} among the holders if it qualifies for fortrinsadgang (the kernel's rule); returns whether. */
  private static boolean holder(Map<String, CitizenFeatures> holders, CompiledOrder co, CitizenFeatures f) {
    if (FeatureScorer.qualifiesForFortrinsadgang(co, f)) {
      holders.put(f.id, f);
      return true;
    }
    return false;
  }

  /** Records the inputs of the order's rarity weights: the population and its skills' counts. */
  private void noteRarity(OrderState st, PopulationStats stats) {
    String[] req = st.co.requiredIds;
    int[] ids = new int[req.length];
    int n = 0;
    for (String id : req) {
      // Every required skill: rarity weighs skills with and without a reuse level (rarityInfluence).
      ids[n++] = st.co.skillNames.lookup(id);
    }
    st.rarityIds = Arrays.copyOf(ids, n);
    st.rarityCounts = new int[n];
    for (int i = 0; i < n; i++) {
      st.rarityCounts[i] = stats.count(st.rarityIds[i]);
    }
    st.population = stats.population();
  }

  /** Whether the statistics moved for this order's rarity-weighted skills. */
  private static boolean rarityMoved(OrderState st, PopulationStats stats) {
    if (st.rarityIds.length == 0) {
      return false;
    }
    if (stats.population() != st.population) {
      return true;
    }
    for (int i = 0; i < st.rarityIds.length; i++) {
      if (stats.count(st.rarityIds[i]) != st.rarityCounts[i]) {
        return true;
      }
    }
    return false;
  }

  /** The list a caller sees: the kernel's shortlist assembler over the buffer and the holders. */
  private static List<Match> visible(OrderState st) {
    return Shortlists.assemble(st.co, st.buffer, st.k, st.holders.values());
  }

  /**
   * Updates an order's buffer for one changed citizen (features null: deleted).
   *
   * @return -1 if the buffer fell below K and the order must be ranked afresh, 1 if the buffer or
   *     the holders changed, 0 if nothing did
   */
  private static int offer(OrderState st, String citizenId, CitizenFeatures f) {
    boolean changed = false;
    for (int i = 0; i < st.buffer.size(); i++) {
      if (st.buffer.get(i).id().equals(citizenId)) {
        st.buffer.remove(i);
        changed = true;
        break;
      }
    }
    changed |= st.holders.remove(citizenId) != null;
    double score = f == null ? -1 : FeatureScorer.score(st.co, f);
    if (score > 0) {
      if (st.co.publicEmployer && holder(st.holders, st.co, f)) {
        changed = true;
      }
      Scored last = st.buffer.isEmpty() ? null : st.buffer.get(st.buffer.size() - 1);
      if (st.complete || (last != null && Ranking.beats(score, citizenId, last.score(), last.id()))) {
        Scored c = new Scored(score, f);
        int at = Collections.binarySearch(st.buffer, c, Shortlists::compare);
        st.buffer.add(at < 0 ? -at - 1 : at, c);
        changed = true;
        if (st.buffer.size() > st.cap) {
          st.buffer.remove(st.buffer.size() - 1);
          st.complete = false;
        }
      }
    }
    return st.complete || st.buffer.size() >= st.k ? (changed ? 1 : 0) : -1;
  }

  /**
   * Brings an order to new skill weights (rarity moved, nothing else) without a search, when that
   * is provably exact. Every score moves by at most ε = {@link CompiledOrder#scoreChangeBound}
   * (the kernel's bound, from the bounds the retrieval prunes with). A citizen outside the buffer
   * scored at most the buffer's last old score, so now at most that plus ε: the buffer members,
   * rescored exactly, whose new score is above that bound are the exact top. If at least K
   * remain (or the buffer held every eligible citizen), the list is exact.
   *
   * @return false if the order must be ranked afresh
   */
  private boolean reweigh(OrderState st, CompiledOrder co, PopulationStats stats) {
    double moved = co.scoreChangeBound(st.co);
    if (moved == Double.POSITIVE_INFINITY || (!st.complete && st.buffer.isEmpty())) {
      return false;
    }
    double bound = st.complete ? Double.NEGATIVE_INFINITY : st.buffer.get(st.buffer.size() - 1).score() + moved + 1e-9;
    List<Scored> rescored = new ArrayList<>(st.buffer.size());
    for (Scored m : st.buffer) {
      CitizenFeatures f = engine.indexedFeatures(m.id()).orElse(null);
      double n = f == null ? -1 : FeatureScorer.score(co, f);
      if (n > 0) {
        rescored.add(new Scored(n, f));
      }
    }
    rescored.sort(Shortlists::compare);
    int keep = 0;
    while (keep < rescored.size() && rescored.get(keep).score() > bound) {
      keep++;
    }
    if (!st.complete && keep < st.k) {
      return false;
    }
    Map<String, CitizenFeatures> holders = new HashMap<>();
    for (String id : st.holders.keySet()) {
      engine.indexedFeatures(id).ifPresent(f -> holder(holders, co, f));
    }
    st.buffer.clear();
    st.buffer.addAll(rescored.subList(0, keep));
    st.holders.clear();
    st.holders.putAll(holders);
    st.co = co;
    noteRarity(st, stats);
    return true;
  }

  /** The indexes of the best {@code suggestTop} orders for a citizen, best first (ties by order id). */
  private int[] top(List<CompiledOrder> orders, CitizenFeatures f) {
    return Shortlists.bestOrders(orders, f, suggestTop);
  }

  private void reconcile(Set<String> changedCitizens, Set<String> upsertedOrders, Map<String, CitizenFeatures> oldFeatures) {
    LocalDate today = engine.today();
    boolean dayChanged = !today.equals(day);
    day = today;
    PopulationStats stats = engine.populationStats();
    Map<String, CitizenFeatures> features = new HashMap<>();
    for (String id : changedCitizens) {
      features.put(id, engine.indexedFeatures(id).orElse(null));
    }
    List<ShortlistEvent> events = new ArrayList<>();
    // Orders whose scores changed for every citizen (new, updated, reweighted, closed): old and new compilations.
    Map<String, CompiledOrder[]> changedOrders = new LinkedHashMap<>();
    List<CompiledOrder> before = new ArrayList<>(open.size());
    for (OrderState st : open.values()) {
      before.add(st.co);
    }
    Map<String, OrderState> next = new LinkedHashMap<>();
    Map<String, JobOrder> held = new LinkedHashMap<>();
    for (JobOrder o : engine.orders()) {
      held.put(o.id(), o);
    }
    // Orders closed or expired first.
    for (OrderState old : open.values()) {
      JobOrder now = held.get(old.order.id());
      if (now == null || expired(now)) {
        Reason r = now == null ? Reason.ORDER_CLOSED : Reason.ORDER_EXPIRED;
        for (int i = 0; i < old.visible.size(); i++) {
          events.add(new ShortlistEvent(Kind.LEFT, old.order.id(), old.visible.get(i).citizenId(), i + 1, r));
        }
        changedOrders.put(old.order.id(), new CompiledOrder[] {old.co, null});
      }
    }
    for (JobOrder o : held.values()) {
      if (expired(o)) {
        continue;
      }
      OrderState old = open.get(o.id());
      List<Match> was = old == null ? List.of() : old.visible;
      OrderState st;
      Reason enteredReason = null;
      if (old == null || upsertedOrders.contains(o.id())) {
        st = fresh(o);
        enteredReason = old == null ? Reason.ORDER_OPENED : Reason.ORDER_CHANGED;
        changedOrders.put(o.id(), new CompiledOrder[] {old == null ? null : old.co, st.co});
      } else {
        st = old;
        boolean rerank = false;
        boolean ruleMoved = false;
        CompiledOrder co = null;
        if (dayChanged || rarityMoved(old, stats)) {
          co = engine.compile(o);
          CompiledOrder.Difference d = co.difference(old.co);
          if (d == CompiledOrder.Difference.NONE) {
            noteRarity(old, stats);
          } else {
            rerank = true;
            ruleMoved = d == CompiledOrder.Difference.RULES;
          }
        }
        if (rerank && !ruleMoved && reweigh(old, co, stats)) {
          reweighs++;
          rerank = false; // only the rarity weights moved, and rescoring the buffer settled it
          st.visible = visible(st);
        }
        if (rerank) {
          st = fresh(o);
          if (ruleMoved) {
            // A new year or a new shortage status: the order scores differently for everyone.
            // (Rarity drift alone is no news to a job agent; see the class comment.)
            changedOrders.put(o.id(), new CompiledOrder[] {old.co, st.co});
          }
        } else {
          boolean ok = true;
          boolean dirty = false;
          for (String id : changedCitizens) {
            int r = offer(st, id, features.get(id));
            ok &= r >= 0;
            dirty |= r != 0;
          }
          if (!ok) {
            st = fresh(o);
          } else if (dirty) {
            st.visible = visible(st);
          }
        }
      }
      next.put(o.id(), st);
      diff(was, st, enteredReason, changedCitizens, features, events);
    }
    open = next;
    if (suggestTop > 0) {
      suggestions(changedCitizens, changedOrders, before, features, oldFeatures, events);
    }
    for (ShortlistEvent e : events) {
      listener.on(e);
    }
  }

  private void diff(List<Match> before, OrderState st, Reason enteredReason, Set<String> changedCitizens,
      Map<String, CitizenFeatures> features, List<ShortlistEvent> events) {
    if (before == st.visible) {
      return;
    }
    Set<String> now = new HashSet<>();
    for (Match m : st.visible) {
      now.add(m.citizenId());
    }
    Set<String> was = new HashSet<>();
    for (int i = 0; i < before.size(); i++) {
      String id = before.get(i).citizenId();
      was.add(id);
      if (!now.contains(id)) {
        CitizenFeatures f = features.containsKey(id) ? features.get(id) : engine.indexedFeatures(id).orElse(null);
        Reason r = f == null ? Reason.DELETED
            : FeatureScorer.score(st.co, f) <= 0 ? Reason.GATE_FAILS : Reason.BETTER_CANDIDATES;
        events.add(new ShortlistEvent(Kind.LEFT, st.order.id(), id, i + 1, r));
      }
    }
    for (int i = 0; i < st.visible.size(); i++) {
      String id = st.visible.get(i).citizenId();
      if (!was.contains(id)) {
        Reason r = enteredReason != null ? enteredReason
            : changedCitizens.contains(id) ? Reason.CITIZEN_CHANGED : Reason.PLACE_FREED;
        events.add(new ShortlistEvent(Kind.ENTERED, st.order.id(), id, i + 1, r));
      }
    }
  }

  /**
   * SUGGESTED events: for every citizen whose suggestions may have moved — the changed citizens,
   * and every citizen eligible for a changed order before or after — the top suggestions before
   * and after; an order in the new list and not in the old one is suggested.
   */
  private void suggestions(Set<String> changedCitizens, Map<String, CompiledOrder[]> changedOrders,
      List<CompiledOrder> before, Map<String, CitizenFeatures> features, Map<String, CitizenFeatures> oldFeatures,
      List<ShortlistEvent> events) {
    if (changedCitizens.isEmpty() && changedOrders.isEmpty()) {
      return;
    }
    List<CompiledOrder> after = new ArrayList<>(open.size());
    for (OrderState st : open.values()) {
      after.add(st.co);
    }
    // Only the changed citizens, unless orders changed: then every citizen, in the engine's order.
    Iterable<String> ids = changedOrders.isEmpty() ? changedCitizens : engine.citizenIds();
    for (String id : ids) {
      boolean changed = changedCitizens.contains(id);
      CitizenFeatures now = changed ? features.get(id) : engine.indexedFeatures(id).orElse(null);
      if (now == null) {
        continue;
      }
      CitizenFeatures then = changed ? oldFeatures.get(id) : now;
      if (!changed && !affected(changedOrders, then, now)) {
        continue;
      }
      Set<String> had = new HashSet<>();
      if (then != null) {
        for (int i : top(before, then)) {
          had.add(before.get(i).order.id());
        }
      }
      int[] has = top(after, now);
      for (int r = 0; r < has.length; r++) {
        String oid = after.get(has[r]).order.id();
        if (!had.contains(oid)) {
          events.add(new ShortlistEvent(Kind.SUGGESTED, oid, id, r + 1, null));
        }
      }
    }
  }

  /** Whether a citizen is eligible for a changed order before or after the change. */
  private static boolean affected(Map<String, CompiledOrder[]> changedOrders, CitizenFeatures then, CitizenFeatures now) {
    for (CompiledOrder[] c : changedOrders.values()) {
      if ((c[0] != null && FeatureScorer.score(c[0], then) > 0) || (c[1] != null && FeatureScorer.score(c[1], now) > 0)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized String toString() {
    return "LiveShortlists[orders=" + open.size() + "]";
  }
}
