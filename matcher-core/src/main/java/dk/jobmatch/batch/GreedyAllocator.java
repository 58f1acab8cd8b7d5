package dk.jobmatch.batch;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The two baselines the optimal allocation is compared with: the greedy pass and independent
 * top-k. Stateless.
 */
final class GreedyAllocator {
  private GreedyAllocator() {}

  /**
   * Orders in sequence (shortage orders first, then by id) each take their best candidates who
   * are still below the per-citizen cap. Feasible; not optimal, because an early order takes a
   * candidate that a later order needed more.
   */
  static boolean[] greedy(AllocationProblem p) {
    boolean[] chosen = new boolean[p.edgeValue.length];
    int[] load = new int[p.n];
    Integer[] sequence = new Integer[p.m];
    for (int o = 0; o < p.m; o++) {
      sequence[o] = o; // canonical index is already by id
    }
    Arrays.sort(sequence, Comparator.comparing((Integer o) -> !p.inputs.get(p.canonical[o]).shortage()));
    for (int o : sequence) {
      int taken = 0;
      for (int e = p.edgeStart[o]; e < p.edgeStart[o + 1] && taken < p.orderCap[o]; e++) {
        int c = p.edgeCitizen[e];
        if (load[c] < p.citizenCap[c]) {
          chosen[e] = true;
          load[c]++;
          taken++;
        }
      }
    }
    return chosen;
  }

  /** Every order takes its best candidates regardless of the per-citizen cap. */
  static boolean[] independentTopK(AllocationProblem p) {
    boolean[] chosen = new boolean[p.edgeValue.length];
    for (int o = 0; o < p.m; o++) {
      int end = Math.min(p.edgeStart[o + 1], p.edgeStart[o] + p.orderCap[o]);
      for (int e = p.edgeStart[o]; e < end; e++) {
        chosen[e] = true;
      }
    }
    return chosen;
  }
}
