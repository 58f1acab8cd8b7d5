package dk.jobmatch.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A bounded heap of the best {@code k} scored citizens in {@linkplain
 * dk.jobmatch.internal.Ranking ranking order}. Not thread-safe; one per search.
 *
 * @lucene.internal
 */
public final class TopK {
  /** Worst first. */
  private static final Comparator<Scored> WORST_FIRST = (a, b) -> Shortlists.compare(b, a);

  private final int k;
  private final PriorityQueue<Scored> heap;

  /** A heap for the best {@code k}. */
  public TopK(int k) {
    this.k = k;
    this.heap = new PriorityQueue<>(Math.min(k, 1024) + 1, WORST_FIRST);
  }

  /**
   * The exhaustive top {@code k}: every citizen of {@code features} scored exactly against
   * {@code o}; those failing a gate or scoring 0 are left out. Best first.
   */
  public static List<Scored> of(CompiledOrder o, Iterable<CitizenFeatures> features, int k) {
    TopK top = new TopK(k);
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(o);
    for (CitizenFeatures f : features) {
      double s = FeatureScorer.score(o, f, scratch);
      if (s > 0) {
        top.offer(s, f);
      }
    }
    return top.sorted();
  }

  /** Offers a candidate; returns whether it entered the top k. */
  public boolean offer(double score, CitizenFeatures c) {
    Scored s = new Scored(score, c);
    if (heap.size() < k) {
      heap.add(s);
      return true;
    }
    if (Shortlists.compare(s, heap.peek()) < 0) {
      heap.poll();
      heap.add(s);
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

  /** The entries, best first. */
  public List<Scored> sorted() {
    List<Scored> entries = new ArrayList<>(heap);
    entries.sort(Shortlists::compare);
    return entries;
  }
}
