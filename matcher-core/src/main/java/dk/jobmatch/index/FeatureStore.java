package dk.jobmatch.index;

import dk.jobmatch.kernel.*;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Per-citizen features by ordinal, in chunks so that growth never copies the whole store.
 * Slots are written by the single writer and read lock-free by any number of searchers; a
 * cleared slot (erasure) is seen by every search that starts after the clear.
 *
 * @lucene.internal
 */
final class FeatureStore {
  private static final int SHIFT = 14;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private volatile AtomicReferenceArray<CitizenFeatures>[] chunks = newChunks(16);

  @SuppressWarnings("unchecked")
  private static AtomicReferenceArray<CitizenFeatures>[] newChunks(int n) {
    return (AtomicReferenceArray<CitizenFeatures>[]) new AtomicReferenceArray<?>[n];
  }

  CitizenFeatures get(int ord) {
    AtomicReferenceArray<CitizenFeatures>[] c = chunks;
    int i = ord >>> SHIFT;
    if (i >= c.length || c[i] == null) {
      return null;
    }
    return c[i].get(ord & MASK);
  }

  /** Called by the single writer only. */
  void set(int ord, CitizenFeatures f) {
    int i = ord >>> SHIFT;
    AtomicReferenceArray<CitizenFeatures>[] c = chunks;
    if (i >= c.length) {
      AtomicReferenceArray<CitizenFeatures>[] grown = newChunks(Math.max(c.length * 2, i + 1));
      System.arraycopy(c, 0, grown, 0, c.length);
      c = grown;
    }
    if (c[i] == null) {
      c[i] = new AtomicReferenceArray<>(CHUNK);
    }
    c[i].set(ord & MASK, f);
    chunks = c;
  }
}
