package dk.jobmatch.batch;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A small seeded generator of citizens and orders for engine-based batch tests (core tests
 * cannot use matcher-bench's generator). Each of 12 occupations has its own 8 skills; citizens
 * are trained in one occupation and hold most of its skills; orders ask for 2–5 of their
 * occupation's skills. Popular occupations get more orders than candidates, which is what makes
 * independent top-k congested. Two occupations are shortage occupations.
 */
final class SeededPopulation {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);
  static final String[] OCCUPATIONS = {
    "2221", "5322", "4110", "5223", "9112", "8322", "7112", "2341", "5120", "9333", "4321", "3512"};
  /** Relative number of citizens per occupation (the first ones are popular among orders too). */
  static final int[] SUPPLY = {2, 3, 6, 6, 8, 4, 4, 2, 5, 6, 4, 2};
  static final int[] DEMAND = {8, 8, 3, 3, 2, 3, 3, 5, 3, 2, 3, 2};
  static final ShortageLookup SHORTAGE =
      ShortageLookup.ofDigits(Map.of("2221", ShortageCategory.MANGEL, "5322", ShortageCategory.MANGEL, "2341",
          ShortageCategory.PARADOKS, "4110", ShortageCategory.MINDRE_GODE));

  private final long seed;

  SeededPopulation(long seed) {
    this.seed = seed;
  }

  private static int pick(SplittableRandom rnd, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = rnd.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  static String skill(int occupation, int j) {
    return "skill:o" + occupation + "s" + j;
  }

  private static Location near(SplittableRandom rnd) {
    return new Location(null, 55.6666 + (rnd.nextDouble() - 0.5) * 0.3, 12.3984 + (rnd.nextDouble() - 0.5) * 0.5);
  }

  List<Citizen> citizens(int n) {
    List<Citizen> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
      int occ = pick(rnd, SUPPLY);
      Citizen.Builder b = Citizen.builder(String.format("c-%06d", i))
          .targetGroup(TargetGroup.values()[rnd.nextInt(5)])
          .location(near(rnd))
          .maxCommuteKm(15.0 + rnd.nextInt(40))
          .jobGoal("isco:" + OCCUPATIONS[occ], 1)
          .experience("isco:" + OCCUPATIONS[occ], rnd.nextInt(100) / 10.0, 2020 + rnd.nextInt(6))
          .education(2 + rnd.nextInt(5), null, null);
      Set<Integer> skills = new LinkedHashSet<>();
      int k = 2 + rnd.nextInt(7);
      for (int j = 0; j < k; j++) {
        skills.add(rnd.nextInt(8));
      }
      skills.forEach(j -> b.skill(skill(occ, j)));
      if (rnd.nextInt(20) == 0) {
        b.compensation(CompensationScheme.FORTRINSADGANG);
      }
      if (rnd.nextInt(10) == 0) {
        b.compensation(CompensationScheme.AIDS);
      }
      out.add(b.build());
    }
    return out;
  }

  List<JobOrder> orders(int n) {
    List<JobOrder> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SplittableRandom rnd = new SplittableRandom(~seed * 999_983L + i);
      int occ = pick(rnd, DEMAND);
      boolean pub = rnd.nextInt(3) == 0;
      JobOrder.Builder b = JobOrder.builder(String.format("jo-%05d", i), "isco:" + OCCUPATIONS[occ])
          .employer(new Employer(null, null, null, pub, rnd.nextInt(4) == 0, near(rnd)))
          .maxCandidates(rnd.nextInt(4) == 0 ? null : 1 + rnd.nextInt(6))
          .positions(1 + rnd.nextInt(2))
          .minEducationLevel(rnd.nextInt(2) == 0 ? null : 2 + rnd.nextInt(4));
      Set<Integer> skills = new LinkedHashSet<>();
      int k = 2 + rnd.nextInt(4);
      for (int j = 0; j < k; j++) {
        skills.add(rnd.nextInt(8));
      }
      for (int j : skills) {
        if (rnd.nextInt(3) == 0) {
          b.optionalSkill(skill(occ, j));
        } else {
          b.essentialSkill(skill(occ, j));
        }
      }
      out.add(b.build());
    }
    return out;
  }
}
