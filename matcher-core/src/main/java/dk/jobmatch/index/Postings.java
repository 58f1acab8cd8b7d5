package dk.jobmatch.index;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The citizen ordinals holding one term (a skill, an occupation or goal hierarchy level, a flag),
 * split by the citizen's {@linkplain CitizenIndex#gateClass gate class}: one growable int array
 * per class, so a search skips at once every class whose flag gates fail for the order, and finds
 * the fortrinsadgang holders among a term's citizens without reading the others.
 * Append-only between compactions: when a citizen stops holding the term (update, delete), or
 * moves to another gate class (its entries are then added again under the new class), the old
 * entry stays until {@link #compact}; a stale or duplicate entry only makes a bound looser, never
 * tighter, so the retrieval stays exact. Not thread-safe: written under the index's write lock,
 * read under its read lock.
 */
final class Postings {
  /** Number of classes: the three flag bits the flag gates read, and fortrinsadgang. */
  static final int CLASSES = 16;
  private static final int[] EMPTY = new int[0];

  /** Per gate class the ordinals (the first {@code sizes[c]} entries are valid). */
  final int[][] ords = new int[CLASSES][];
  final int[] sizes = new int[CLASSES];
  /** All entries, every class. */
  int size;
  /** Entries known to be stale (an estimate: a citizen regaining a term is not subtracted). */
  int stale;

  Postings() {
    Arrays.fill(ords, EMPTY);
  }

  void add(int ord, int gateClass) {
    int[] a = ords[gateClass];
    int n = sizes[gateClass];
    if (n == a.length) {
      a = Arrays.copyOf(a, Math.max(4, n + (n >> 1) + 1));
      ords[gateClass] = a;
    }
    a[n] = ord;
    sizes[gateClass] = n + 1;
    size++;
  }

  /** The entries in these classes. */
  int size(int[] classes) {
    int n = 0;
    for (int c : classes) {
      n += sizes[c];
    }
    return n;
  }

  /**
   * Records that one entry went stale; compacts when more than half are.
   *
   * @param holds whether the citizen of an ordinal still holds the term
   * @param gateClass the citizen's current gate class
   */
  void staled(IntPredicate holds, IntUnaryOperator gateClass) {
    stale++;
    if (stale > 16 && stale * 2 > size) {
      compact(holds, gateClass);
    }
  }

  /**
   * Keeps, in each class, the entries whose citizen still holds the term and is still of that
   * class, sorted, without duplicates.
   */
  void compact(IntPredicate holds, IntUnaryOperator gateClass) {
    size = 0;
    for (int c = 0; c < CLASSES; c++) {
      int[] a = ords[c];
      int[] kept = new int[sizes[c]];
      int n = 0;
      for (int i = 0; i < sizes[c]; i++) {
        if (holds.test(a[i]) && gateClass.applyAsInt(a[i]) == c) {
          kept[n++] = a[i];
        }
      }
      Arrays.sort(kept, 0, n);
      int u = 0;
      for (int i = 0; i < n; i++) {
        if (u == 0 || kept[u - 1] != kept[i]) {
          kept[u++] = kept[i];
        }
      }
      ords[c] = u == 0 ? EMPTY : Arrays.copyOf(kept, u);
      sizes[c] = u;
      size += u;
    }
    stale = 0;
  }

  /** Drops spare capacity after a bulk load. */
  void trim() {
    for (int c = 0; c < CLASSES; c++) {
      int n = sizes[c];
      if (ords[c].length > n + 8 && ords[c].length > n + (n >> 3)) {
        ords[c] = n == 0 ? EMPTY : Arrays.copyOf(ords[c], n);
      }
    }
  }
}
