package dk.jobmatch.batch;

import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.ComponentScore;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Hand-made orders and matches for batch and report tests, without an engine. */
public final class Cases {
  private Cases() {}

  /** An ordinary order in ISCO group {@code isco} with the given shortlist length. */
  public static JobOrder order(String id, int maxCandidates) {
    return JobOrder.builder(id, "isco:5322").maxCandidates(maxCandidates).build();
  }

  /** An order of a public employer (fortrinsadgang applies). */
  public static JobOrder publicOrder(String id, int maxCandidates) {
    return JobOrder.builder(id, "isco:2221")
        .maxCandidates(maxCandidates)
        .employer(new Employer("12345678", null, "Region", true, false, null))
        .build();
  }

  /** A match with a skills-only explanation, the given flags and no missing skills. */
  public static Match match(JobOrder order, String citizen, double score, Flag... flags) {
    return match(order, citizen, score, List.of(), flags);
  }

  /** A match whose explanation lists missing essential skills. */
  public static Match match(JobOrder order, String citizen, double score, List<String> missingEssential, Flag... flags) {
    Set<Flag> set = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.of(flags[0], flags);
    Explanation ex = new Explanation(
        Map.of(Component.SKILLS, new ComponentScore(score, 1.0, score)),
        List.of(), missingEssential, missingEssential, set);
    return new Match(citizen, order.id(), score, ex);
  }

  /** A fluent builder of candidate lists, keeping insertion order. */
  public static final class Lists {
    private final Map<JobOrder, List<Match>> map = new LinkedHashMap<>();

    /** Adds an order with candidates given as alternating citizen id and score. */
    public Lists add(JobOrder order, Object... citizenScore) {
      List<Match> ms = map.computeIfAbsent(order, o -> new ArrayList<>());
      for (int i = 0; i < citizenScore.length; i += 2) {
        ms.add(match(order, (String) citizenScore[i], ((Number) citizenScore[i + 1]).doubleValue()));
      }
      return this;
    }

    /** Adds one prepared match to an order (which must have been added). */
    public Lists add(JobOrder order, Match m) {
      map.computeIfAbsent(order, o -> new ArrayList<>()).add(m);
      return this;
    }

    public Map<JobOrder, List<Match>> build() {
      return map;
    }
  }

  /**
   * A random batch: {@code orders} orders of 1–{@code maxLen} places, each with up to {@code
   * perOrder} candidates drawn from {@code citizens} citizens with a skewed popularity (a few
   * citizens are everyone's favourite, which is what congests independent top-k). Scores are
   * rounded to 2 decimals so that ties occur. Some orders are shortage orders (flag), some are
   * public, and some candidates on public orders hold fortrinsadgang.
   */
  public static Map<JobOrder, List<Match>> random(long seed, int orders, int citizens, int perOrder, int maxLen) {
    Random rnd = new Random(seed);
    Map<JobOrder, List<Match>> map = new LinkedHashMap<>();
    for (int o = 0; o < orders; o++) {
      boolean pub = rnd.nextInt(4) == 0;
      boolean shortage = rnd.nextInt(3) == 0;
      int len = 1 + rnd.nextInt(maxLen);
      JobOrder order = pub ? publicOrder("o" + o, len) : order("o" + o, len);
      int k = rnd.nextInt(perOrder + 1);
      List<Match> ms = new ArrayList<>();
      java.util.Set<Integer> used = new java.util.HashSet<>();
      for (int j = 0; j < k; j++) {
        // Squaring a uniform draw favours low citizen numbers: popular citizens.
        double u = rnd.nextDouble();
        int c = (int) (u * u * citizens);
        if (!used.add(c)) {
          continue;
        }
        double score = Math.max(0.01, Math.round(rnd.nextDouble() * 100) / 100.0);
        List<Flag> flags = new ArrayList<>();
        if (shortage) {
          flags.add(Flag.SHORTAGE);
        }
        if (pub && rnd.nextInt(12) == 0) {
          flags.add(Flag.FORTRINSADGANG);
        }
        ms.add(match(order, "c" + c, score, flags.toArray(new Flag[0])));
      }
      map.put(order, ms);
    }
    return map;
  }
}
