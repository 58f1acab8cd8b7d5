package dk.jobmatch.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of every algorithm on random batches, over seeds (each failure message names the
 * seed), and exact optimality of the min-cost flow against brute force on small batches.
 */
class AllocationPropertyTest {
  static List<Long> seeds() {
    List<Long> out = new ArrayList<>();
    for (long s = 1; s <= 60; s++) {
      out.add(s);
    }
    return out;
  }

  private static BatchOptions options(long seed) {
    // Vary C and the objective with the seed: pure fit, default, heavy shortage priority, spread.
    int c = 1 + (int) (seed % 3);
    return switch ((int) (seed % 4)) {
      case 0 -> BatchOptions.builder().perCitizen(c).shortageBonus(0).coverageBonus(0).build();
      case 1 -> BatchOptions.builder().perCitizen(c).build();
      case 2 -> BatchOptions.builder().perCitizen(c).shortageBonus(5).coverageBonus(0.3).build();
      default -> BatchOptions.builder().perCitizen(c + 1).spreadPenalty(0.15).build();
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void capacitiesGatesAndFortrinsadgangHold(long seed) throws Exception {
    var lists = Cases.random(seed, 120, 150, 15, 5);
    BatchOptions base = options(seed);
    BatchResult optimal = new BatchMatcher(base).allocate(lists);
    BatchResult greedy = new BatchMatcher(base.withAlgorithm(Algorithm.GREEDY)).allocate(lists);
    String where = "seed " + seed + " " + base;
    checkFeasible(lists, optimal, base.perCitizen(), where + " optimal");
    checkFeasible(lists, greedy, base.perCitizen(), where + " greedy");
    assertTrue(optimal.objective() >= greedy.objective() - 1e-6,
        where + ": optimal " + optimal.objective() + " < greedy " + greedy.objective());
    if (base.shortageBonus() == 0 && base.coverageBonus() == 0 && base.spreadPenalty() == 0) {
      assertTrue(optimal.totalFit() >= greedy.totalFit() - 1e-6, where);
    }
    checkNoOrderLeftEmptyBesideAFreeCandidate(optimal, base.perCitizen(), base.spreadPenalty() > 0, where);
  }

  static List<Long> manySeeds() {
    List<Long> out = new ArrayList<>();
    for (long s = 1; s <= 300; s++) {
      out.add(s);
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("manySeeds")
  void minCostFlowIsOptimalAgainstBruteForce(long seed) throws Exception {
    var lists = Cases.random(seed * 31, 4, 5, 4, 2);
    BatchOptions base = options(seed);
    BatchResult r = new BatchMatcher(base).allocate(lists);
    double best = bruteForce(lists, base);
    assertEquals(best, r.objective(), 1e-6, "seed " + seed + " " + base);
  }

  /** Every constraint the issue names, checked from the raw input. */
  static void checkFeasible(Map<JobOrder, List<Match>> lists, BatchResult r, int cap, String where) {
    Map<String, Integer> fa = new HashMap<>();
    Map<String, Integer> other = new HashMap<>();
    for (Shortlist s : r.shortlists()) {
      List<Match> input = lists.get(s.order());
      Set<String> inputIds = new HashSet<>();
      input.forEach(m -> inputIds.add(m.citizenId()));
      Set<String> seen = new HashSet<>();
      int faHere = 0;
      for (Match m : s.matches()) {
        if (!inputIds.contains(m.citizenId())) {
          fail(where + ": " + m.citizenId() + " is not a candidate of " + s.order().id());
        }
        if (!seen.add(m.citizenId())) {
          fail(where + ": " + m.citizenId() + " twice on " + s.order().id());
        }
        if (Shortlist.fortrinsadgang(m)) {
          faHere++;
          fa.merge(m.citizenId(), 1, Integer::sum);
        } else {
          other.merge(m.citizenId(), 1, Integer::sum);
        }
      }
      for (Match m : input) {
        if (Shortlist.fortrinsadgang(m) && !seen.contains(m.citizenId())) {
          fail(where + ": fortrinsadgang seat of " + m.citizenId() + " on " + s.order().id() + " lost");
        }
      }
      int others = s.matches().size() - faHere;
      if (others > Math.max(0, s.requested() - faHere)) {
        fail(where + ": " + s.order().id() + " has " + s.matches().size() + " for " + s.requested());
      }
      for (int i = 1; i < s.matches().size(); i++) {
        assertTrue(Match.BY_SCORE_THEN_CITIZEN.compare(s.matches().get(i - 1), s.matches().get(i)) < 0, where);
      }
    }
    for (Map.Entry<String, Integer> e : other.entrySet()) {
      int allowed = Math.max(0, cap - fa.getOrDefault(e.getKey(), 0));
      if (e.getValue() > allowed) {
        fail(where + ": " + e.getKey() + " on " + e.getValue() + " lists beyond fortrinsadgang, cap " + allowed);
      }
    }
  }

  /**
   * At the optimum, an order with an open place has no candidate with spare capacity (else adding
   * the pair would raise the objective): every order that has a qualified, non-saturated candidate
   * gets at least one. With a spread penalty, a further shortlist can cost more than a weak
   * candidate's score, so then only empty orders are checked (the coverage bonus outweighs the
   * penalty).
   */
  static void checkNoOrderLeftEmptyBesideAFreeCandidate(BatchResult r, int cap, boolean emptyOnly, String where) {
    Map<String, Integer> load = new HashMap<>();
    for (Shortlist s : r.shortlists()) {
      for (Match m : s.matches()) {
        load.merge(m.citizenId(), 1, Integer::sum);
      }
    }
    for (Shortlist s : r.shortlists()) {
      if (s.matches().size() >= s.requested() || (emptyOnly && !s.matches().isEmpty())) {
        continue;
      }
      Set<String> on = new HashSet<>();
      s.matches().forEach(m -> on.add(m.citizenId()));
      for (Match c : s.candidates()) {
        if (!on.contains(c.citizenId()) && load.getOrDefault(c.citizenId(), 0) < cap) {
          fail(where + ": " + s.order().id() + " has an open place but " + c.citizenId() + " is free");
        }
      }
    }
  }

  /** The best objective over all feasible subsets of the non-fortrinsadgang pairs. */
  static double bruteForce(Map<JobOrder, List<Match>> lists, BatchOptions o) {
    List<JobOrder> orders = new ArrayList<>(lists.keySet());
    List<int[]> edges = new ArrayList<>(); // {order index, candidate index}
    Map<String, Integer> faPerCitizen = new HashMap<>();
    int[] faPerOrder = new int[orders.size()];
    double fixed = 0;
    for (int i = 0; i < orders.size(); i++) {
      List<Match> ms = lists.get(orders.get(i));
      boolean shortage = ms.stream().anyMatch(m -> m.has(dk.jobmatch.scoring.Flag.SHORTAGE));
      for (int j = 0; j < ms.size(); j++) {
        Match m = ms.get(j);
        if (Shortlist.fortrinsadgang(m)) {
          faPerOrder[i]++;
          faPerCitizen.merge(m.citizenId(), 1, Integer::sum);
          fixed += m.score() + (shortage ? o.shortageBonus() : 0);
        } else {
          edges.add(new int[] {i, j});
        }
      }
    }
    if (edges.size() > 20) {
      throw new IllegalStateException("too many edges for brute force: " + edges.size());
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int mask = 0; mask < (1 << edges.size()); mask++) {
      int[] perOrder = new int[orders.size()];
      Map<String, Integer> perCitizen = new HashMap<>();
      double value = fixed;
      boolean ok = true;
      for (int k = 0; k < edges.size() && ok; k++) {
        if ((mask & (1 << k)) == 0) {
          continue;
        }
        int i = edges.get(k)[0];
        List<Match> ms = lists.get(orders.get(i));
        Match m = ms.get(edges.get(k)[1]);
        boolean shortage = ms.stream().anyMatch(x -> x.has(dk.jobmatch.scoring.Flag.SHORTAGE));
        perOrder[i]++;
        int c = perCitizen.merge(m.citizenId(), 1, Integer::sum);
        int orderCap = Math.max(0, orders.get(i).maxCandidates() - faPerOrder[i]);
        int citizenCap = Math.max(0, o.perCitizen() - faPerCitizen.getOrDefault(m.citizenId(), 0));
        ok = perOrder[i] <= orderCap && c <= citizenCap;
        value += m.score() + (shortage ? o.shortageBonus() : 0);
      }
      if (!ok) {
        continue;
      }
      for (int i = 0; i < orders.size(); i++) {
        if (perOrder[i] + faPerOrder[i] > 0) {
          value += o.coverageBonus();
        }
      }
      Map<String, Integer> all = new HashMap<>(faPerCitizen);
      perCitizen.forEach((id, k) -> all.merge(id, k, Integer::sum));
      for (int k : all.values()) {
        value -= o.spreadPenalty() * k * (k - 1) / 2.0;
      }
      best = Math.max(best, value);
    }
    return best;
  }
}
