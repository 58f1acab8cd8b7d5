package dk.jobmatch.engine;

import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Seeded random citizens and orders for property tests; small vocabularies so that they collide. */
final class RandomPopulation {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  static final String[] OCCUPATIONS = {
    "2221", "2222", "2342", "2341", "5321", "5322", "5311", "4321", "9333", "8332", "8331", "8322",
    "5223", "9112", "7112", "7115", "4110", "4120", "2512", "3512", "9412", "5120", "222110", "532210", "532220"};
  static final int SKILLS = 80;

  private final SplittableRandom rnd;

  /** Whether homes and workplaces spread over all Denmark and beyond (else around Copenhagen). */
  private final boolean wide;

  RandomPopulation(long seed) {
    this(seed, false);
  }

  /**
   * @param wide homes and workplaces anywhere from 53° to 59° north and 6° to 17° east (in and
   *     around the retrieval's map grid), else within about 30 km of Copenhagen
   */
  RandomPopulation(long seed, boolean wide) {
    this.rnd = new SplittableRandom(seed);
    this.wide = wide;
  }

  static String skill(int i) {
    return "skill:s" + i;
  }

  /** Zipf-like: low ids are popular. */
  private int zipfSkill() {
    double u = rnd.nextDouble();
    return (int) Math.min(SKILLS - 1, Math.floor(Math.pow(SKILLS, u) - 1));
  }

  private OccupationRef occupation() {
    String code = OCCUPATIONS[rnd.nextInt(OCCUPATIONS.length)];
    return code.length() == 6 ? OccupationRef.disco(code) : OccupationRef.isco(rnd.nextInt(10) == 0 ? code.substring(0, 3) : code);
  }

  private Location near() {
    if (wide) {
      return new Location(null, 53 + rnd.nextDouble() * 6, 6 + rnd.nextDouble() * 11);
    }
    return new Location(null, 55.666 + (rnd.nextDouble() - 0.5) * 0.6, 12.399 + (rnd.nextDouble() - 0.5) * 1.0);
  }

  List<Citizen> citizens(int n) {
    List<Citizen> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(citizen("c-" + i));
    }
    return out;
  }

  Citizen citizen(String id) {
    Citizen.Builder b = Citizen.builder(id)
        .targetGroup(TargetGroup.values()[rnd.nextInt(TargetGroup.values().length)])
        .jobReady(rnd.nextInt(4) != 0)
        .searchable(rnd.nextInt(20) != 0);
    if (rnd.nextInt(10) != 0) {
      b.location(near());
    }
    if (rnd.nextInt(3) != 0) {
      b.maxCommuteKm((double) (5 + rnd.nextInt(50)));
    }
    if (rnd.nextInt(3) != 0) {
      int min = rnd.nextInt(30);
      b.hoursPerWeek(min, Math.min(80, min + rnd.nextInt(20)));
    }
    if (rnd.nextInt(5) == 0) {
      b.availableFrom(AS_OF.plusDays(rnd.nextInt(120)));
    }
    int goals = rnd.nextInt(3);
    for (int g = 0; g < goals; g++) {
      b.jobGoal(new dk.jobmatch.model.JobGoal(occupation(), g + 1));
    }
    int exp = rnd.nextInt(3);
    for (int e = 0; e < exp; e++) {
      b.experience(new dk.jobmatch.model.Experience(occupation(), rnd.nextInt(120) / 10.0,
          rnd.nextBoolean() ? null : 2000 + rnd.nextInt(27)));
    }
    Set<Integer> skills = new LinkedHashSet<>();
    int ns = rnd.nextInt(12);
    for (int s = 0; s < ns; s++) {
      skills.add(zipfSkill());
    }
    for (int s : skills) {
      b.skill(skill(s), rnd.nextInt(3) == 0 ? 2005 + rnd.nextInt(22) : null);
    }
    if (rnd.nextInt(6) != 0) {
      b.education(1 + rnd.nextInt(8), null, rnd.nextBoolean() ? null : 1985 + rnd.nextInt(40));
    }
    if (rnd.nextInt(3) == 0) {
      b.certificate("DRIVING_B");
    }
    if (rnd.nextInt(8) == 0) {
      b.certificate("FORKLIFT");
    }
    if (rnd.nextInt(4) != 0) {
      b.language("da", CefrLevel.values()[rnd.nextInt(6)]);
    }
    if (rnd.nextInt(3) == 0) {
      b.language("en", CefrLevel.values()[rnd.nextInt(6)]);
    }
    if (rnd.nextInt(8) == 0) {
      b.fleksjob(Fleksjob.approved(5 + rnd.nextInt(25)));
    }
    if (rnd.nextInt(10) == 0) {
      b.compensation(CompensationScheme.values()[rnd.nextInt(3)]);
    }
    if (rnd.nextInt(12) == 0) {
      b.compensation(CompensationScheme.FORTRINSADGANG);
    }
    return b.build();
  }

  JobOrder order(String id) {
    JobOrder.Builder b = JobOrder.builder(id, occupation());
    int ns = rnd.nextInt(9);
    Set<Integer> skills = new LinkedHashSet<>();
    for (int s = 0; s < ns; s++) {
      skills.add(zipfSkill());
    }
    for (int s : skills) {
      b.requiredSkill(new RequiredSkill(skill(s), rnd.nextBoolean()));
    }
    if (rnd.nextInt(3) != 0) {
      b.minEducationLevel(1 + rnd.nextInt(7));
    }
    b.employer(new Employer(null, null, null, rnd.nextInt(3) == 0, rnd.nextInt(4) == 0,
        rnd.nextInt(10) == 0 ? null : near()));
    b.rarArea(RarArea.HOVEDSTADEN);
    EmploymentType[] types = EmploymentType.values();
    b.employmentType(rnd.nextInt(2) == 0 ? EmploymentType.ORDINARY : types[rnd.nextInt(types.length)]);
    b.acceptsFleksjob(rnd.nextInt(4) == 0);
    if (rnd.nextInt(5) == 0) {
      b.certificate("DRIVING_B");
    }
    if (rnd.nextInt(4) == 0) {
      b.language("da", CefrLevel.values()[rnd.nextInt(4)]);
    }
    if (rnd.nextInt(2) == 0) {
      int min = rnd.nextInt(30);
      b.hoursPerWeek(min, Math.min(80, min + rnd.nextInt(15)));
    }
    if (rnd.nextInt(3) == 0) {
      b.startDate(AS_OF.plusDays(rnd.nextInt(90)));
    }
    return b.build();
  }

  /** A taxonomy relating skill i to i+1 and i+7, with reuse levels for every fifth skill. */
  static Taxonomy relatedTaxonomy() {
    return new Taxonomy() {
      @Override
      public OccupationCode resolve(OccupationRef ref) {
        return Taxonomy.none().resolve(ref);
      }

      @Override
      public Map<String, Double> relatedSkills(String skillId) {
        int i = Integer.parseInt(skillId.substring("skill:s".length()));
        Map<String, Double> m = new HashMap<>();
        m.put(skill((i + 1) % SKILLS), 0.5);
        m.put(skill((i + 7) % SKILLS), 0.25);
        return m;
      }

      @Override
      public Optional<ReuseLevel> reuseLevel(String skillId) {
        int i = Integer.parseInt(skillId.substring("skill:s".length()));
        return i % 5 == 0 ? Optional.of(ReuseLevel.values()[i % 4]) : Optional.empty();
      }

      @Override
      public List<RequiredSkill> skillsOf(OccupationRef occupation) {
        return occupation.code().startsWith("9") ? List.of(RequiredSkill.essential(skill(1)), RequiredSkill.optional(skill(2))) : List.of();
      }

      @Override
      public Optional<String> skillLabel(String skillId) {
        return Optional.empty();
      }

      @Override
      public Optional<String> occupationLabel(OccupationRef occupation) {
        return Optional.empty();
      }
    };
  }

  static ShortageLookup shortage() {
    return ShortageLookup.ofDigits(Map.of("2221", ShortageCategory.MANGEL, "532", ShortageCategory.MANGEL,
        "2342", ShortageCategory.PARADOKS, "9112", ShortageCategory.MINDRE_GODE));
  }
}
