package dk.jobmatch.batch;

import dk.jobmatch.batch.AllocationProblem.OrderInput;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Builds shortlists for all open orders at once, so that strong candidates are not sent to every
 * employer while other orders get no one.
 *
 * <p>Two entry points:
 *
 * <ul>
 *   <li>{@link #run(MatchEngine, Collection, BatchListener)} ranks every order's candidates
 *       through the engine ({@code engine.rank(order, maxCandidates · depthFactor)}) on a pool of
 *       {@link BatchOptions#parallelism()} threads, then allocates;
 *   <li>{@link #allocate(Map, Function, BatchListener)} takes candidate lists that the caller
 *       already has (or made by hand, in tests) and only allocates.
 * </ul>
 *
 * <p>Rules every algorithm keeps:
 *
 * <ul>
 *   <li><b>Gates</b>: candidates come only from the order's candidate list; a match with score 0
 *       (a failed gate) is rejected as input.
 *   <li><b>Closed orders</b>: in {@link #run}, an order whose deadline is before the engine's day
 *       ({@link JobOrder#isOpenOn}) gets no candidates and an empty shortlist, and is listed in
 *       {@link BatchResult#closedOrders()}.
 *   <li><b>Fortrinsadgang</b>: a candidate whose match carries {@link Flag#FORTRINSADGANG} (a
 *       qualified holder of the right, on a public employer's order) is placed on that shortlist
 *       before anything else. The seat counts against the order's {@code maxCandidates} and
 *       against the citizen's cap C. Because the right is a legal duty of the employer, it is
 *       kept even when such seats alone exceed an order's {@code maxCandidates} or a citizen's C;
 *       the order or the citizen then gets no further places.
 *   <li><b>Capacities</b>: otherwise an order gets at most {@code maxCandidates} (or {@link
 *       BatchOptions#defaultMaxCandidates()}), and a citizen is put forward to at most C ({@link
 *       BatchOptions#perCitizen()}) orders ({@link Algorithm#INDEPENDENT_TOP_K} ignores C by
 *       design).
 *   <li><b>Determinism</b>: orders and citizens are processed by id and the optimisation uses
 *       integer arithmetic, so the same candidate lists give the same shortlists whatever the
 *       iteration order of the input.
 * </ul>
 *
 * <p>What {@link Algorithm#MIN_COST_FLOW} maximises, and how shortage orders are served first, is
 * described in {@link BatchOptions}; how, in {@code MinCostFlowAllocator}'s documentation. For
 * 5,000 orders (about 57,000 places, three candidates ranked per place) allocation takes
 * about a second of CPU; ranking through the engine takes most of a run.
 *
 * <p><b>Cancellation</b>: interrupt the calling thread (for example with {@code
 * Future.cancel(true)} when the run was submitted to an executor); the run stops ranking and
 * allocating within a few orders and throws {@link InterruptedException}.
 *
 * <p>Thread-safe: an instance holds only its options, and runs may proceed concurrently.
 */
public final class BatchMatcher {
  private final BatchOptions options;

  /**
   * A matcher with the given options.
   *
   * @param options the options
   * @throws IllegalArgumentException if options is null
   */
  public BatchMatcher(BatchOptions options) {
    this.options = Checks.required("options", options);
  }

  /** A matcher with {@link BatchOptions#defaults()}. */
  public BatchMatcher() {
    this(BatchOptions.defaults());
  }

  /**
   * The options.
   *
   * @return the options
   */
  public BatchOptions options() {
    return options;
  }

  /**
   * The shortlist length asked for by an order: its {@code maxCandidates}, or the default.
   *
   * @param order the order
   * @return the shortlist length asked for
   */
  public int requested(JobOrder order) {
    return order.maxCandidates() != null ? order.maxCandidates() : options.defaultMaxCandidates();
  }

  /**
   * How many candidates are ranked for an order: {@code requested · depthFactor}.
   *
   * @param order the order
   * @return how many candidates are ranked
   */
  public int depth(JobOrder order) {
    return (int) Math.min(100_000L, (long) requested(order) * options.depthFactor());
  }

  /**
   * Same as {@link #run(MatchEngine, Collection, BatchListener)} without a listener.
   *
   * @param engine the engine holding the citizens
   * @param orders the orders to shortlist
   * @return the shortlists and timings
   * @throws InterruptedException if the calling thread is interrupted
   */
  public BatchResult run(MatchEngine engine, Collection<JobOrder> orders) throws InterruptedException {
    return run(engine, orders, BatchListener.NONE);
  }

  /**
   * Ranks every order's candidates through the engine, in parallel, then allocates. The shortage
   * category of each order comes from the engine's taxonomy and shortage lookup on the engine's
   * date.
   *
   * @param engine the engine; its {@code rank} must be thread-safe (the engine's contract)
   * @param orders the orders, each once; the result keeps their order
   * @param listener progress receiver
   * @return the shortlists
   * @throws IllegalArgumentException if an order id occurs twice or an argument is null
   * @throws InterruptedException if the calling thread is interrupted (the pool is stopped)
   * @throws RuntimeException whatever the engine, the listener or the engine's audit listener
   *     threw, unwrapped
   */
  public BatchResult run(MatchEngine engine, Collection<JobOrder> orders, BatchListener listener)
      throws InterruptedException {
    Checks.required("engine", engine);
    Checks.required("listener", listener);
    List<JobOrder> list = Checks.list("orders", Checks.required("orders", orders));
    Set<String> ids = new HashSet<>();
    for (JobOrder o : list) {
      if (!ids.add(o.id())) {
        throw Checks.fail("orders", o.id(), "is given twice");
      }
    }
    long start = System.nanoTime();
    // Closed on the engine's day: no candidates (engine.rank gives none), counted as closed.
    LocalDate day = engine.today();
    List<String> closed = new ArrayList<>();
    for (JobOrder o : list) {
      if (!o.isOpenOn(day)) {
        closed.add(o.id());
      }
    }
    List<List<Match>> ranked = rankAll(engine, list, listener);
    Duration ranking = Duration.ofNanos(System.nanoTime() - start);
    Function<JobOrder, ShortageCategory> shortage = shortageOf(engine);
    List<OrderInput> inputs = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      inputs.add(input(list.get(i), ranked.get(i), shortage));
    }
    BatchResult result = allocate(inputs, ranking, listener, closed);
    // The audit trail (GDPR art. 22): each order's allocated shortlist, as proposed.
    for (Shortlist s : result.shortlists()) {
      engine.reportShortlist(dk.jobmatch.engine.AuditEvent.Kind.BATCH, s.order().id(), null, s.matches());
    }
    return result;
  }

  /**
   * Same as {@link #allocate(Map, Function, BatchListener)} with shortage taken from the
   * candidates' {@link Flag#SHORTAGE} flags and no listener.
   *
   * @param candidates every order's ranked candidates
   * @return the shortlists and timings
   * @throws InterruptedException if the calling thread is interrupted
   */
  public BatchResult allocate(Map<JobOrder, List<Match>> candidates) throws InterruptedException {
    return allocate(candidates, null, BatchListener.NONE);
  }

  /**
   * Allocates shortlists from given candidate lists, without an engine.
   *
   * @param candidates per order, its qualified candidates (any order; sorted here). The result
   *     keeps the map's iteration order.
   * @param shortage the shortage category of an order, or {@code null} for unknown; when the
   *     function is {@code null} or answers {@code null}, an order counts as a shortage order if
   *     any of its candidates carries {@link Flag#SHORTAGE}. See {@link #shortageOf(Taxonomy,
   *     ShortageLookup, LocalDate)}.
   * @param listener progress receiver
   * @return the shortlists
   * @throws IllegalArgumentException if a match belongs to another order, has a score outside
   *     (0, 1] (a failed gate scores 0), or names a citizen twice for one order
   * @throws InterruptedException if the calling thread is interrupted
   */
  public BatchResult allocate(
      Map<JobOrder, List<Match>> candidates, Function<JobOrder, ShortageCategory> shortage, BatchListener listener)
      throws InterruptedException {
    Checks.required("candidates", candidates);
    Checks.required("listener", listener);
    List<OrderInput> inputs = new ArrayList<>(candidates.size());
    for (Map.Entry<JobOrder, List<Match>> e : candidates.entrySet()) {
      inputs.add(input(Checks.required("order", e.getKey()), Checks.required("candidates", e.getValue()), shortage));
    }
    return allocate(inputs, Duration.ZERO, listener, List.of());
  }

  /**
   * Allocates again from the candidate lists and shortage classification of an earlier result,
   * with this matcher's options (for example another algorithm or another C), without ranking
   * anew.
   *
   * @param previous the result whose candidate lists are allocated again
   * @param listener told of progress
   * @return the new shortlists and timings
   * @throws InterruptedException if the calling thread is interrupted
   */
  public BatchResult reallocate(BatchResult previous, BatchListener listener) throws InterruptedException {
    Checks.required("previous", previous);
    List<OrderInput> inputs = new ArrayList<>(previous.shortlists().size());
    for (Shortlist s : previous.shortlists()) {
      inputs.add(new OrderInput(s.order(), requested(s.order()), s.shortage(), s.shortageCategory(), s.candidates()));
    }
    return allocate(inputs, previous.rankingTime(), listener, previous.closedOrders());
  }

  /**
   * The shortage category of an order's occupation in its RAR area on a date, or {@code null}
   * when unknown. Thread-safe if the taxonomy and lookup are (their contract).
   *
   * @param taxonomy resolves the order's occupation
   * @param shortage the shortage lookup
   * @param date the day asked about
   * @return the category of an order, or {@code null} when unknown
   */
  public static Function<JobOrder, ShortageCategory> shortageOf(
      Taxonomy taxonomy, ShortageLookup shortage, LocalDate date) {
    Checks.required("taxonomy", taxonomy);
    Checks.required("shortage", shortage);
    Checks.required("date", date);
    return o -> shortage.category(taxonomy.resolve(o.occupation()), o.rarArea(), date).orElse(null);
  }

  private static Function<JobOrder, ShortageCategory> shortageOf(MatchEngine engine) {
    if (engine.taxonomy() == null || engine.shortage() == null || engine.today() == null) {
      return null;
    }
    return shortageOf(engine.taxonomy(), engine.shortage(), engine.today());
  }

  private OrderInput input(JobOrder order, List<Match> candidates, Function<JobOrder, ShortageCategory> shortage) {
    List<Match> sorted = new ArrayList<>(candidates.size());
    Set<String> seen = new HashSet<>();
    boolean flagged = false;
    for (Match c : candidates) {
      if (c == null) {
        throw new IllegalArgumentException("candidates[" + order.id() + "]: must not contain null");
      }
      // Candidate lists may come from the caller: the same id rules as a citizen's (no CPR number).
      Checks.id("candidates[" + order.id() + "].citizenId", c.citizenId());
      if (!c.orderId().equals(order.id())) {
        throw Checks.fail("candidates[" + order.id() + "]", c.orderId(), "is a match for another order");
      }
      if (!(c.score() > 0 && c.score() <= 1)) {
        throw Checks.fail("candidates[" + order.id() + "][" + c.citizenId() + "].score", c.score(),
            "must be in (0, 1]: a failed gate is never a candidate");
      }
      if (!seen.add(c.citizenId())) {
        throw Checks.fail("candidates[" + order.id() + "]", c.citizenId(), "is listed twice");
      }
      flagged |= c.has(Flag.SHORTAGE);
      sorted.add(c);
    }
    sorted.sort(Match.BY_SCORE_THEN_CITIZEN);
    ShortageCategory category = shortage == null ? null : shortage.apply(order);
    boolean isShortage = category != null ? category.isShortage() : flagged;
    return new OrderInput(order, requested(order), isShortage, category, sorted);
  }

  private BatchResult allocate(List<OrderInput> inputs, Duration ranking, BatchListener listener, List<String> closed)
      throws InterruptedException {
    long start = System.nanoTime();
    AllocationProblem problem = new AllocationProblem(options, inputs);
    boolean[] chosen;
    if (options.algorithm() == Algorithm.MIN_COST_FLOW) {
      chosen = new MinCostFlowAllocator(problem).solve(listener);
    } else {
      long total = problem.openPlaces();
      listener.phaseStarted(BatchListener.Phase.ALLOCATION, total);
      chosen = options.algorithm() == Algorithm.GREEDY
          ? GreedyAllocator.greedy(problem)
          : GreedyAllocator.independentTopK(problem);
      listener.progress(BatchListener.Phase.ALLOCATION, total, total);
    }
    List<Shortlist> shortlists = problem.shortlists(chosen);
    return new BatchResult(options, shortlists, ranking, Duration.ofNanos(System.nanoTime() - start), closed);
  }

  private List<List<Match>> rankAll(MatchEngine engine, List<JobOrder> orders, BatchListener listener)
      throws InterruptedException {
    int total = orders.size();
    listener.phaseStarted(BatchListener.Phase.CANDIDATES, total);
    Progress progress = new Progress(listener, BatchListener.Phase.CANDIDATES, total);
    AtomicReferenceArray<List<Match>> out = new AtomicReferenceArray<>(total);
    int workers = Math.min(options.parallelism(), total);
    if (workers <= 1) {
      for (int i = 0; i < total; i++) {
        if (Thread.interrupted()) {
          throw new InterruptedException("batch ranking cancelled");
        }
        out.set(i, rank(engine, orders.get(i)));
        progress.advance();
      }
      return asList(out);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ForkJoinPool pool = new ForkJoinPool(workers);
    try {
      List<Future<?>> futures = new ArrayList<>(workers);
      for (int w = 0; w < workers; w++) {
        // Workers pull the next order from a shared counter: orders differ a lot in cost, so a
        // static split would leave one thread idle at the end.
        futures.add(pool.submit(() -> {
          int i;
          while (!stop.get() && (i = next.getAndIncrement()) < total) {
            out.set(i, rank(engine, orders.get(i)));
            progress.advance();
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      stop.set(true);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("ranking failed", cause);
    } catch (InterruptedException e) {
      stop.set(true);
      throw e;
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    return asList(out);
  }

  private static List<List<Match>> asList(AtomicReferenceArray<List<Match>> a) {
    List<List<Match>> out = new ArrayList<>(a.length());
    for (int i = 0; i < a.length(); i++) {
      out.add(a.get(i));
    }
    return out;
  }

  private List<Match> rank(MatchEngine engine, JobOrder order) {
    List<Match> ranked = engine.rank(order, depth(order));
    return ranked == null ? List.of() : ranked;
  }

  /** Serialised, monotone progress reports from many threads, about one per percent. */
  private static final class Progress {
    private final BatchListener listener;
    private final BatchListener.Phase phase;
    private final long total;
    private final long step;
    private final AtomicLong done = new AtomicLong();
    private long reported; // guarded by this

    Progress(BatchListener listener, BatchListener.Phase phase, long total) {
      this.listener = listener;
      this.phase = phase;
      this.total = total;
      this.step = Math.max(1, total / 100);
    }

    void advance() {
      long d = done.incrementAndGet();
      if (d % step == 0 || d == total) {
        report(d);
      }
    }

    private synchronized void report(long d) {
      if (d > reported) {
        reported = d;
        listener.progress(phase, d, total);
      }
    }
  }
}
