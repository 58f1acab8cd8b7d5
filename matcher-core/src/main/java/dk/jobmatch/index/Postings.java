package dk.jobmatch.index;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The citizen ordinals holding one term (a skill, an occupation or goal hierarchy level, a flag),
 * as a growable int array. Append-only between compactions: when a citizen stops holding the
 * term (update, delete) its entry stays until {@link #compact}; a stale or duplicate entry only
 * makes a bound looser, never tighter, so the retrieval stays exact. Not thread-safe: written
 * under the index's write lock, read under its read lock.
 */
final class Postings {
  private static final int[] EMPTY = new int[0];

  int[] ords = EMPTY;
  int size;
  /** Entries known to be stale (an estimate: a citizen regaining a term is not subtracted). */
  int stale;

  void add(int ord) {
    if (size == ords.length) {
      ords = Arrays.copyOf(ords, Math.max(4, size + (size >> 1) + 1));
    }
    ords[size++] = ord;
  }

  /** Records that one entry went stale; compacts when more than half are. */
  void staled(IntPredicate holds) {
    stale++;
    if (stale > 16 && stale * 2 > size) {
      compact(holds);
    }
  }

  /** Keeps the entries whose citizen still holds the term, sorted, without duplicates. */
  void compact(IntPredicate holds) {
    int[] kept = new int[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (holds.test(ords[i])) {
        kept[n++] = ords[i];
      }
    }
    Arrays.sort(kept, 0, n);
    int u = 0;
    for (int i = 0; i < n; i++) {
      if (u == 0 || kept[u - 1] != kept[i]) {
        kept[u++] = kept[i];
      }
    }
    ords = Arrays.copyOf(kept, u);
    size = u;
    stale = 0;
  }

  /** Drops spare capacity after a bulk load. */
  void trim() {
    if (ords.length > size + 8 && ords.length > size + (size >> 3)) {
      ords = Arrays.copyOf(ords, size);
    }
  }
}
