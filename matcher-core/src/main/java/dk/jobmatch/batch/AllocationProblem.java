package dk.jobmatch.batch;

import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.ShortageCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate lists of a batch in a canonical, array-based form that the allocators share.
 *
 * <p>Orders are indexed by id and citizens by first appearance in that order, so the result does
 * not depend on the iteration order of the caller's map (determinism). Fortrinsadgang pairs are taken out of the graph as
 * pre-assigned places and reduce both capacities; every other (order, candidate) pair is an edge
 * with an integer value (score and shortage bonus scaled by {@link #SCALE}), so the optimisation
 * is exact and ties are broken the same way on every run.
 */
final class AllocationProblem {
  /** Fixed-point scale of scores: 1e-9 resolution, and sums of 10^5 paths stay far from overflow. */
  static final long SCALE = 1_000_000_000L;

  /** One order's input, in the caller's order. */
  record OrderInput(JobOrder order, int requested, boolean shortage, ShortageCategory category, List<Match> candidates) {}

  final BatchOptions options;
  final List<OrderInput> inputs; // input order
  final int m; // orders
  final int n; // citizens with at least one non-fortrinsadgang edge
  final int[] canonical; // canonical index -> input index (sorted by order id)
  final List<List<Match>> fortrinsadgang; // by canonical index
  final int[] orderCap; // places left after fortrinsadgang, by canonical index
  final long[] coverageValue; // value of the order's first place, by canonical index
  final int[] citizenCap; // orders left after fortrinsadgang
  final int[] citizenBase; // fortrinsadgang seats the citizen already holds (for the spread penalty)
  final long spreadValue; // scaled spread penalty
  final int[] edgeStart; // CSR by canonical order index, edges best first
  final int[] edgeOrder;
  final int[] edgeCitizen;
  final long[] edgeValue;
  final Match[] edgeMatch;
  final long maxEdgeValue;

  AllocationProblem(BatchOptions options, List<OrderInput> inputs) {
    this.options = options;
    this.inputs = List.copyOf(inputs);
    this.m = inputs.size();
    Integer[] idx = new Integer[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparing(i -> inputs.get(i).order().id()));
    canonical = new int[m];
    for (int i = 0; i < m; i++) {
      canonical[i] = idx[i];
      if (i > 0 && inputs.get(idx[i]).order().id().equals(inputs.get(idx[i - 1]).order().id())) {
        throw Checks.fail("orders", inputs.get(idx[i]).order().id(), "is given twice");
      }
    }

    // Fortrinsadgang seats first: they are fixed, and they use capacity on both sides. Citizens
    // are numbered in order of first appearance over the orders in id order and their sorted
    // candidates, which is canonical (independent of the input's iteration order) without sorting
    // the ids.
    List<List<Match>> fixed = new ArrayList<>(m);
    Map<String, Integer> faPerCitizen = new HashMap<>();
    Map<String, Integer> citizenIndex = new HashMap<>();
    int edges = 0;
    for (int o = 0; o < m; o++) {
      List<Match> fa = new ArrayList<>();
      for (Match c : inputs.get(canonical[o]).candidates()) {
        if (Shortlist.fortrinsadgang(c)) {
          fa.add(c);
          faPerCitizen.merge(c.citizenId(), 1, Integer::sum);
        } else {
          citizenIndex.putIfAbsent(c.citizenId(), citizenIndex.size());
          edges++;
        }
      }
      fixed.add(fa.isEmpty() ? List.of() : List.copyOf(fa));
    }
    fortrinsadgang = List.copyOf(fixed);
    n = citizenIndex.size();
    citizenCap = new int[n];
    citizenBase = new int[n];
    for (Map.Entry<String, Integer> e : citizenIndex.entrySet()) {
      int c = e.getValue();
      citizenBase[c] = faPerCitizen.getOrDefault(e.getKey(), 0);
      citizenCap[c] = Math.max(0, options.perCitizen() - citizenBase[c]);
    }
    spreadValue = Math.round(options.spreadPenalty() * SCALE);

    orderCap = new int[m];
    coverageValue = new long[m];
    edgeStart = new int[m + 1];
    edgeOrder = new int[edges];
    edgeCitizen = new int[edges];
    edgeValue = new long[edges];
    edgeMatch = new Match[edges];
    long shortageValue = Math.round(options.shortageBonus() * SCALE);
    long coverage = Math.round(options.coverageBonus() * SCALE);
    long max = 0;
    int e = 0;
    for (int o = 0; o < m; o++) {
      OrderInput in = inputs.get(canonical[o]);
      int fa = fortrinsadgang.get(o).size();
      orderCap[o] = Math.max(0, in.requested() - fa);
      // An order already holding a fortrinsadgang candidate is covered whatever we do.
      coverageValue[o] = fa == 0 ? coverage : 0;
      edgeStart[o] = e;
      for (Match c : in.candidates()) {
        if (Shortlist.fortrinsadgang(c)) {
          continue;
        }
        edgeOrder[e] = o;
        edgeCitizen[e] = citizenIndex.get(c.citizenId());
        edgeValue[e] = Math.round(c.score() * SCALE) + (in.shortage() ? shortageValue : 0);
        edgeMatch[e] = c;
        max = Math.max(max, edgeValue[e]);
        e++;
      }
    }
    edgeStart[m] = e;
    maxEdgeValue = max;
  }

  /** Total places the allocators may fill beyond fortrinsadgang. */
  long openPlaces() {
    long sum = 0;
    for (int cap : orderCap) {
      sum += cap;
    }
    return sum;
  }

  /** The citizens' largest remaining capacity. */
  int maxCitizenCap() {
    int max = 0;
    for (int c : citizenCap) {
      max = Math.max(max, c);
    }
    return max;
  }

  /**
   * Assembles shortlists, in input order, from the chosen edges.
   *
   * @param chosen per edge, whether it is on the shortlist
   */
  List<Shortlist> shortlists(boolean[] chosen) {
    Shortlist[] out = new Shortlist[m];
    for (int o = 0; o < m; o++) {
      OrderInput in = inputs.get(canonical[o]);
      List<Match> picked = new ArrayList<>(fortrinsadgang.get(o));
      for (int e = edgeStart[o]; e < edgeStart[o + 1]; e++) {
        if (chosen[e]) {
          picked.add(edgeMatch[e]);
        }
      }
      picked.sort(Match.BY_SCORE_THEN_CITIZEN);
      out[canonical[o]] = new Shortlist(in.order(), in.requested(), in.shortage(), in.category(), in.candidates(), picked);
    }
    return List.of(out);
  }
}
