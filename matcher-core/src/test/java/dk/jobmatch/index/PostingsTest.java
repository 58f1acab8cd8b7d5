package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of one term's {@link Postings}, with hand-made entries: growth, compaction (what
 * it keeps, in which order, without duplicates), when a stale entry triggers it, and trimming after
 * a bulk load. The engine tests reach compaction only after many updates (GateClassTest), so its
 * rules are pinned here directly.
 */
class PostingsTest {

  /** The valid entries of one class. */
  private static int[] entries(Postings p, int gateClass) {
    return Arrays.copyOf(p.ords[gateClass], p.sizes[gateClass]);
  }

  @Test
  void addKeepsEveryEntryOfEveryClassInArrivalOrder() {
    Postings p = new Postings();
    for (int i = 0; i < 100; i++) {
      p.add(1000 - i, 3);
    }
    p.add(7, 0);
    p.add(7, 15);
    assertEquals(102, p.size);
    assertEquals(100, p.sizes[3]);
    assertEquals(1000, p.ords[3][0]);
    assertEquals(901, p.ords[3][99]);
    assertArrayEquals(new int[] {7}, entries(p, 0));
    assertArrayEquals(new int[] {7}, entries(p, 15));
    assertEquals(101, p.size(new int[] {3, 15}));
    assertEquals(0, p.size(new int[] {1, 2}));
  }

  @Test
  void compactKeepsHeldEntriesOfTheirCurrentClassSortedWithoutDuplicates() {
    Postings p = new Postings();
    // Class 1: 9, 4, 9 (a duplicate), 6 (no longer holds the term), 2 (moved to class 5).
    p.add(9, 1);
    p.add(4, 1);
    p.add(9, 1);
    p.add(6, 1);
    p.add(2, 1);
    // Class 5: 2 again (its entry under the new class), 8 (now of class 1: dropped here).
    p.add(2, 5);
    p.add(8, 5);
    p.stale = 3;
    Set<Integer> holding = new HashSet<>(Set.of(9, 4, 2, 8));
    p.compact(holding::contains, ord -> ord == 2 ? 5 : 1);
    assertArrayEquals(new int[] {4, 9}, entries(p, 1));
    assertArrayEquals(new int[] {2}, entries(p, 5));
    assertEquals(3, p.size);
    assertEquals(0, p.stale);
    // A class left empty has no entries and no capacity.
    p.compact(ord -> false, ord -> 1);
    assertEquals(0, p.size);
    assertEquals(0, p.sizes[1]);
    assertEquals(0, p.ords[1].length);
  }

  @Test
  void aStaleEntryCompactsOnlyWhenMoreThanSixteenAndMoreThanHalfAreStale() {
    // 40 entries: the 17th stale entry is not yet more than half (34 ≤ 40); the 21st is (42 > 40).
    Postings p = new Postings();
    for (int i = 0; i < 40; i++) {
      p.add(i, 0);
    }
    for (int i = 0; i < 20; i++) {
      p.staled(ord -> ord % 2 == 0, ord -> 0);
    }
    assertEquals(40, p.size, "no compaction at 20 stale of 40");
    assertEquals(20, p.stale);
    p.staled(ord -> ord % 2 == 0, ord -> 0);
    assertEquals(20, p.size, "compacted at 21 stale of 40: the 20 even ordinals kept");
    assertEquals(0, p.stale);
    assertEquals(0, p.ords[0][0]);
    assertEquals(38, p.ords[0][19]);

    // 20 entries: more than half at 11, but not more than sixteen until the 17th.
    Postings q = new Postings();
    for (int i = 0; i < 20; i++) {
      q.add(i, 2);
    }
    for (int i = 0; i < 16; i++) {
      q.staled(ord -> ord < 3, ord -> 2);
    }
    assertEquals(20, q.size, "no compaction at 16 stale");
    q.staled(ord -> ord < 3, ord -> 2);
    assertArrayEquals(new int[] {0, 1, 2}, entries(q, 2));
    assertEquals(3, q.size);
  }

  @Test
  void trimDropsSpareCapacityOfMoreThanEightAndMoreThanAnEighth() {
    Postings p = new Postings();
    // 100 entries grow the array 4, 7, 11, 17, 26, 40, 61, 92, 139: 39 spare, more than 8 and
    // more than 100/8 = 12, so trimmed to 100.
    for (int i = 0; i < 100; i++) {
      p.add(i, 4);
    }
    assertEquals(139, p.ords[4].length);
    // 5 entries in an array of 7: 2 spare, kept.
    for (int i = 0; i < 5; i++) {
      p.add(i, 6);
    }
    assertEquals(7, p.ords[6].length);
    // 18 entries in an array of 26: exactly 8 spare, kept.
    for (int i = 0; i < 18; i++) {
      p.add(i, 8);
    }
    assertEquals(26, p.ords[8].length);
    // 27 entries in an array of 40: 13 spare, more than 8 and more than 27/8 = 3: trimmed.
    for (int i = 0; i < 27; i++) {
      p.add(i, 9);
    }
    assertEquals(40, p.ords[9].length);
    // 82 entries in an array of 92: 10 spare, more than 8 but exactly 82/8 = 10: kept.
    for (int i = 0; i < 82; i++) {
      p.add(i, 10);
    }
    assertEquals(92, p.ords[10].length);
    p.trim();
    assertEquals(100, p.ords[4].length);
    assertEquals(99, p.ords[4][99]);
    assertEquals(7, p.ords[6].length);
    assertEquals(26, p.ords[8].length);
    assertEquals(27, p.ords[9].length);
    assertEquals(92, p.ords[10].length);
    assertEquals(26, p.ords[9][26]);
    assertEquals(0, p.ords[0].length);
    assertEquals(232, p.size);
  }
}
