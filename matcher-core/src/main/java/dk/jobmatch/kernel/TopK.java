package dk.jobmatch.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Collections;

/**
 * A bounded heap of the best {@code k} (score, citizen) pairs: higher score first, ties by
 * smaller id. Not thread-safe; one per search.
 *
 * @lucene.internal
 */
public final class TopK {
  record Entry(double score, CitizenFeatures citizen) {}

  /** Worst first: lower score, or equal score and larger id. */
  private static final Comparator<Entry> WORST_FIRST =
      Comparator.comparingDouble(Entry::score).thenComparing(e -> e.citizen().id, Comparator.reverseOrder());

  private final int k;
  private final PriorityQueue<Entry> heap;

  /** A heap for the best {@code k}. */
  public TopK(int k) {
    this.k = k;
    this.heap = new PriorityQueue<>(Math.min(k, 1024) + 1, WORST_FIRST);
  }

  /** Offers a candidate; returns whether it entered the top k. */
  public boolean offer(double score, CitizenFeatures c) {
    if (heap.size() < k) {
      heap.add(new Entry(score, c));
      return true;
    }
    Entry worst = heap.peek();
    if (score > worst.score() || (score == worst.score() && c.id.compareTo(worst.citizen().id) < 0)) {
      heap.poll();
      heap.add(new Entry(score, c));
      return true;
    }
    return false;
  }

  /** Whether the heap holds k entries. */
  public boolean full() {
    return heap.size() >= k;
  }

  /** The k-th best score, or negative infinity while not full. */
  public double threshold() {
    return full() ? heap.peek().score() : Double.NEGATIVE_INFINITY;
  }

  /** Whether this citizen (by identity) is in the heap. */
  public boolean contains(CitizenFeatures c) {
    for (Entry e : heap) {
      if (e.citizen() == c || e.citizen().id.equals(c.id)) {
        return true;
      }
    }
    return false;
  }

  /** Best first. */
  public List<CitizenFeatures> sorted() {
    List<Entry> entries = new ArrayList<>(heap);
    entries.sort(WORST_FIRST.reversed());
    List<CitizenFeatures> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.citizen());
    }
    return out;
  }

  /** The set of citizens held, by identity. */
  public Set<CitizenFeatures> members() {
    Set<CitizenFeatures> s = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Entry e : heap) {
      s.add(e.citizen());
    }
    return s;
  }
}
