package dk.jobmatch.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The numbered change feed of {@link LiveShortlists}: give it as the listener ({@code
 * LiveShortlists.start(engine, feed)}) and every change ({@code apply}, or a single-change
 * method) becomes one <em>generation</em> whose events are numbered {@code seq} 1, 2, … ({@link
 * FeedEvent}). The feed keeps the events of the last {@code retained} generations, so a consumer
 * can {@link #subscribe attach from a generation} it has seen — it first receives every retained
 * event after that generation, then each new one — the way a consumer resumes a Kafka topic at
 * its offset. The persistent CLI index keeps its feed on disk the same way ({@code jobmatch
 * events}).
 *
 * <p>Thread-safe. Subscribers are called on the changing thread, inside {@link LiveShortlists}'s
 * lock and the feed's, after the whole generation is complete, in subscription order; an exception thrown by a
 * subscriber propagates to the caller of the change (the lists and the feed are updated by then).
 */
public final class ChangeFeed implements ShortlistListener {
  /** The default number of generations kept. */
  public static final int DEFAULT_RETAINED = 100;

  private final int retained;
  private final Deque<List<FeedEvent>> history = new ArrayDeque<>();
  private final List<ShortlistEvent> pending = new ArrayList<>();
  private final List<Consumer<FeedEvent>> subscribers = new CopyOnWriteArrayList<>();
  private long generation;

  /**
   * A feed whose next change is generation {@code after + 1}.
   *
   * @param after the last generation before this feed (0 for a new one)
   * @param retained how many generations of events are kept (at least 1)
   * @throws IllegalArgumentException if {@code after} is negative or {@code retained} below 1
   */
  public ChangeFeed(long after, int retained) {
    if (after < 0) {
      throw new IllegalArgumentException("after: must not be negative");
    }
    if (retained < 1) {
      throw new IllegalArgumentException("retained: must be at least 1");
    }
    this.generation = after;
    this.retained = retained;
  }

  /** A new feed ({@code after} 0) keeping {@value #DEFAULT_RETAINED} generations. */
  public ChangeFeed() {
    this(0, DEFAULT_RETAINED);
  }

  @Override
  public synchronized void on(ShortlistEvent event) {
    pending.add(Objects.requireNonNull(event, "event"));
  }

  @Override
  public synchronized void changeApplied() {
    generation++;
    List<FeedEvent> list = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      list.add(new FeedEvent(generation, i + 1, pending.get(i)));
    }
    pending.clear();
    List<FeedEvent> done = List.copyOf(list);
    history.addLast(done);
    while (history.size() > retained) {
      history.removeFirst();
    }
    for (Consumer<FeedEvent> s : subscribers) {
      for (FeedEvent e : done) {
        s.accept(e);
      }
    }
  }

  /**
   * The last complete generation (0 before the first change).
   *
   * @return the generation, 0 before the first change
   */
  public synchronized long generation() {
    return generation;
  }

  /**
   * The oldest generation whose events are kept (the first one after it that exists).
   *
   * @return the generation after which events are still retained
   */
  public synchronized long oldestRetained() {
    return generation - history.size() + 1;
  }

  /**
   * Every retained event after generation {@code after}, in order.
   *
   * @param after the last generation the consumer has seen, at least 0
   * @return an unmodifiable list of the events, oldest first; empty when {@code after} is the
   *     current generation
   * @throws IllegalArgumentException if events after {@code after} are no longer retained (the
   *     consumer must start over from the current lists), or {@code after} is negative
   */
  public synchronized List<FeedEvent> since(long after) {
    if (after < 0) {
      throw new IllegalArgumentException("after: must not be negative");
    }
    if (after < oldestRetained() - 1) {
      throw new IllegalArgumentException("after: the events of generations " + (after + 1) + " to "
          + (oldestRetained() - 1) + " are no longer retained (" + retained + " generations are kept)");
    }
    List<FeedEvent> out = new ArrayList<>();
    for (List<FeedEvent> g : history) {
      if (!g.isEmpty() && g.get(0).generation() > after) {
        out.addAll(g);
      }
    }
    return out;
  }

  /**
   * Attaches a consumer after generation {@code after}: it receives every retained event after
   * it now, then every event of each new generation. Returns the handle that detaches it.
   *
   * @param after the last generation the consumer has seen, at least 0
   * @param consumer receives the events
   * @return a handle whose {@code close()} detaches the consumer; closing it twice does nothing
   *     more
   * @throws IllegalArgumentException as {@link #since(long)}
   * @throws NullPointerException if consumer is null
   */
  public synchronized AutoCloseable subscribe(long after, Consumer<FeedEvent> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    for (FeedEvent e : since(after)) {
      consumer.accept(e);
    }
    subscribers.add(consumer);
    return () -> subscribers.remove(consumer);
  }
}
