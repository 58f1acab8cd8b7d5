package dk.jobmatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the scoring formula, computed <em>independently</em>: {@link Golden} below
 * re-implements the documented formula (the table in {@code docs/scoring.md} and the scoring
 * package's Javadoc) directly on {@link Citizen} and {@link JobOrder}, sharing no code with the
 * scoring kernel, and every hand-made case compares its component values, flags and total with
 * the library's. The engine's property tests prove its pruning equal to the reference scorer;
 * these prove the reference scorer computes the formula that is written down.
 *
 * <p>A few cases also pin literal numbers worked out by hand, so that a mistake made the same way
 * in both implementations would still show.
 */
class FormulaGoldenTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
  static final int YEAR = 2026;
  static final double LAT = 55.6660;
  static final double LON = 12.3990;

  // A small taxonomy: three skills with ESCO reuse levels, relations with known credits.
  static final String CARE = "skill:care";           // occupation-specific (1.25)
  static final String MEDS = "skill:meds";           // sector-specific (1.0)
  static final String DOCS = "skill:docs";           // transversal (0.5)
  static final String WOUND = "skill:wound";         // no reuse level: rarity
  static final String CARE_LIKE = "skill:care-like"; // related to CARE, credit 0.5
  static final String MEDS_LIKE = "skill:meds-like"; // related to MEDS, credit 0.4
  static final String UNRELATED = "skill:unrelated";

  static final Map<String, ReuseLevel> REUSE = Map.of(
      CARE, ReuseLevel.OCCUPATION_SPECIFIC, MEDS, ReuseLevel.SECTOR_SPECIFIC, DOCS, ReuseLevel.TRANSVERSAL);
  static final Map<String, Map<String, Double>> RELATED = Map.of(
      CARE, Map.of(CARE_LIKE, 0.5), MEDS, Map.of(MEDS_LIKE, 0.4));
  static final Map<String, String> ESCO_TO_ISCO = Map.of(
      "http://data.europa.eu/esco/occupation/nurse", "2221",
      "http://data.europa.eu/esco/occupation/nurse-specialist", "2221");
  static final Map<String, List<RequiredSkill>> OCCUPATION_SKILLS = Map.of(
      "5322", List.of(RequiredSkill.essential(CARE), RequiredSkill.optional(DOCS), RequiredSkill.essential(CARE)));

  static final Taxonomy TAXONOMY = new Taxonomy() {
    @Override
    public OccupationCode resolve(OccupationRef ref) {
      if (ref.scheme() == OccupationRef.Scheme.ESCO) {
        return new OccupationCode(ESCO_TO_ISCO.get(ref.code()), ref.code());
      }
      return OccupationCode.ofDigits(ref.code());
    }

    @Override
    public Map<String, Double> relatedSkills(String skillId) {
      return RELATED.getOrDefault(skillId, Map.of());
    }

    @Override
    public Optional<ReuseLevel> reuseLevel(String skillId) {
      return Optional.ofNullable(REUSE.get(skillId));
    }

    @Override
    public List<RequiredSkill> skillsOf(OccupationRef occupation) {
      return OCCUPATION_SKILLS.getOrDefault(occupation.code(), List.of());
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

  static final Map<String, ShortageCategory> SHORTAGE_TABLE = Map.of("2221", ShortageCategory.MANGEL,
      "2342", ShortageCategory.PARADOKS);
  static final ShortageLookup SHORTAGE = ShortageLookup.ofDigits(SHORTAGE_TABLE);

  /** The population the rarity of {@code WOUND} is computed over: 1 of 4 citizens holds it. */
  static List<Citizen> background() {
    return List.of(
        Citizen.builder("bg-1").skill(WOUND).build(),
        Citizen.builder("bg-2").skill(UNRELATED).build(),
        Citizen.builder("bg-3").skill(DOCS).build());
  }

  static Employer employer(boolean isPublic, boolean friendly, double kmNorth) {
    return new Employer("12345678", null, "Arbejdsgiver", isPublic, friendly, new Location("2600", LAT + kmNorth / 111.2, LON));
  }

  static Citizen.Builder citizen(String id) {
    return Citizen.builder(id).location(new Location("2600", LAT, LON)).maxCommuteKm(100.0).hoursPerWeek(20, 37);
  }

  static JobOrder.Builder nurseOrder(String id) {
    return JobOrder.builder(id, "isco:2221").employer(employer(false, false, 0)).rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill(CARE).essentialSkill(MEDS).optionalSkill(DOCS).optionalSkill(WOUND).minEducationLevel(5)
        .hoursPerWeek(30, 37);
  }

  record Case(String name, Citizen citizen, JobOrder order) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("every skill, same occupation, first goal",
            citizen("c-all").skill(CARE).skill(MEDS).skill(DOCS).skill(WOUND)
                .experience("isco:2221", 6, 2025).jobGoal("isco:2221", 1).education(5, null, 2015).build(),
            nurseOrder("o-1").build()),
        new Case("related skills, stale skill, sibling occupation, second goal",
            citizen("c-related").skill(CARE_LIKE).skill(MEDS, 2018).skill(UNRELATED)
                .experience("isco:2222", 1, 2019).jobGoal("isco:5322", 1).jobGoal("isco:2223", 2)
                .education(4, null, 2001).build(),
            nurseOrder("o-2").build()),
        new Case("minor, sub-major and major group credit, old experience, low-priority goal",
            citizen("c-hierarchy").skill(DOCS)
                .experience("isco:2231", 12, 2010).experience("isco:2310", 3, null).experience("isco:2511", 0.5, 2026)
                .jobGoal("isco:9999", 1).jobGoal("isco:8888", 2).jobGoal("isco:7777", 3).jobGoal("isco:2230", 4)
                .education(3, null, 2020).build(),
            nurseOrder("o-3").build()),
        new Case("ESCO occupation: exact URI and sibling in the same unit group",
            citizen("c-esco").skill(CARE)
                .experience(new Experience(OccupationRef.parse("http://data.europa.eu/esco/occupation/nurse-specialist"), 2, 2024))
                .jobGoal(new JobGoal(OccupationRef.parse("http://data.europa.eu/esco/occupation/nurse"), 1)).build(),
            JobOrder.builder("o-4", "http://data.europa.eu/esco/occupation/nurse").employer(employer(false, false, 30))
                .essentialSkill(CARE).build()),
        new Case("paradoks shortage, one level short (upskilling), unknown distance",
            Citizen.builder("c-upskill").skill(DOCS).jobGoal("isco:2342", 1).education(5, null, 2010).build(),
            JobOrder.builder("o-5", "isco:2342").essentialSkill(DOCS).minEducationLevel(6).build()),
        new Case("mangel shortage, one level short, distance 15 km",
            citizen("c-upskill-mangel").skill(CARE).skill(MEDS).education(4, null, 2020).build(),
            nurseOrder("o-6").employer(employer(false, false, 15)).build()),
        new Case("fleksjob fit and compensation scheme at a disability-friendly employer",
            citizen("c-inclusion").skill(CARE).fleksjob(Fleksjob.approved(15))
                .compensation(CompensationScheme.AIDS).education(5, null, 2020).build(),
            nurseOrder("o-7").employer(employer(false, true, 5)).acceptsFleksjob(true).build()),
        new Case("fortrinsadgang holder, qualified, public employer",
            citizen("c-fortrin").skill(CARE).skill(MEDS_LIKE).education(6, null, 2019)
                .compensation(CompensationScheme.FORTRINSADGANG).build(),
            nurseOrder("o-8").employer(employer(true, false, 2)).build()),
        new Case("fortrinsadgang holder missing an essential skill: not qualified",
            citizen("c-fortrin-missing").skill(CARE).education(6, null, 2019)
                .compensation(CompensationScheme.FORTRINSADGANG).build(),
            nurseOrder("o-9").employer(employer(true, false, 2)).build()),
        new Case("requirements derived from the occupation (duplicate skill kept once)",
            citizen("c-derived").skill(CARE).experience("isco:5322", 3, 2026).build(),
            JobOrder.builder("o-10", "isco:5322").build()),
        new Case("policy-relevant stale floor: skill unused for 20 years",
            citizen("c-very-stale").skill(CARE, 2000).skill(MEDS, 2022).skill(DOCS, 2020).build(),
            nurseOrder("o-11").build()));
  }

  /**
   * A policy in which every weight and every constant has a value of its own: off its default
   * (also those that are 0 by default), and distinct from every other weight and constant, so a
   * kernel that reads the wrong one of two constants fails. The relations the policy validates
   * are kept (unit group ≥ minor ≥ sub-major ≥ major credit, sibling ≥ minor, priority factors
   * falling, old ≤ aged factor, recent ≤ old years, rarity min ≤ max).
   */
  static ScoringPolicy alternative() {
    ScoringPolicy.Builder b = ScoringPolicy.builder().name("golden").version("alt")
        .weight(Component.SKILLS, 0.28).weight(Component.OCCUPATION, 0.22).weight(Component.GOAL, 0.17)
        .weight(Component.EDUCATION, 0.09).weight(Component.DISTANCE, 0.13).weight(Component.INCLUSION, 0.04)
        .weight(Component.SHORTAGE, 0.07);
    Map<PolicyConstant, Double> v = new java.util.EnumMap<>(PolicyConstant.class);
    v.put(PolicyConstant.ESSENTIAL_WEIGHT, 2.3);
    v.put(PolicyConstant.OPTIONAL_WEIGHT, 1.1);
    v.put(PolicyConstant.SPECIFICITY_TRANSVERSAL, 0.45);
    v.put(PolicyConstant.SPECIFICITY_CROSS_SECTOR, 0.71);
    v.put(PolicyConstant.SPECIFICITY_SECTOR_SPECIFIC, 1.07);
    v.put(PolicyConstant.SPECIFICITY_OCCUPATION_SPECIFIC, 1.33);
    v.put(PolicyConstant.RARITY_MIN_SPECIFICITY, 0.53);
    v.put(PolicyConstant.RARITY_MAX_SPECIFICITY, 1.19);
    v.put(PolicyConstant.RARITY_INFLUENCE, 0.83);
    v.put(PolicyConstant.RELATED_CREDIT_SCALE, 0.93);
    v.put(PolicyConstant.MAX_RELATED_SKILLS, 17.0);
    v.put(PolicyConstant.STALE_AFTER_YEARS, 4.0);
    v.put(PolicyConstant.STALE_DECAY_PER_YEAR, 0.12);
    v.put(PolicyConstant.STALE_FLOOR, 0.47);
    v.put(PolicyConstant.SAME_UNIT_GROUP_CREDIT, 0.88);
    v.put(PolicyConstant.SIBLING_OCCUPATION_CREDIT, 0.79);
    v.put(PolicyConstant.SAME_MINOR_GROUP_CREDIT, 0.34);
    v.put(PolicyConstant.SAME_SUB_MAJOR_GROUP_CREDIT, 0.16);
    v.put(PolicyConstant.SAME_MAJOR_GROUP_CREDIT, 0.06);
    v.put(PolicyConstant.EXPERIENCE_BASE_CREDIT, 0.74);
    v.put(PolicyConstant.EXPERIENCE_FULL_YEARS, 2.6);
    v.put(PolicyConstant.EXPERIENCE_RECENT_YEARS, 6.0);
    v.put(PolicyConstant.EXPERIENCE_OLD_YEARS, 11.0);
    v.put(PolicyConstant.EXPERIENCE_AGED_FACTOR, 0.81);
    v.put(PolicyConstant.EXPERIENCE_OLD_FACTOR, 0.57);
    v.put(PolicyConstant.GOAL_PRIORITY_2_FACTOR, 0.86);
    v.put(PolicyConstant.GOAL_PRIORITY_3_FACTOR, 0.67);
    v.put(PolicyConstant.GOAL_LOWER_PRIORITY_FACTOR, 0.58);
    v.put(PolicyConstant.UPSKILLING_CREDIT, 0.52);
    v.put(PolicyConstant.UPSKILLING_SHORTAGE_CREDIT, 0.76);
    v.put(PolicyConstant.OUTDATED_EDUCATION_YEARS, 14.0);
    v.put(PolicyConstant.DISTANCE_HALF_LIFE_KM, 17.5);
    v.put(PolicyConstant.UNKNOWN_DISTANCE_CREDIT, 0.44);
    v.put(PolicyConstant.PARADOKS_SHORTAGE_CREDIT, 0.62);
    v.forEach(b::set);
    return b.build();
  }

  /** The alternative policy really gives every constant and weight a value of its own (the test of the test). */
  @Test
  void alternativeGivesEveryNumberAValueOfItsOwn() {
    ScoringPolicy alt = alternative();
    List<Double> all = new ArrayList<>();
    for (PolicyConstant c : PolicyConstant.values()) {
      assertTrue(alt.constant(c) != c.defaultValue(), c.key() + " keeps its default");
      assertTrue(alt.constant(c) != 0, c.key() + " is 0");
      all.add(alt.constant(c));
    }
    for (Component c : Component.values()) {
      all.add(alt.weight(c));
    }
    assertEquals(all.size(), new java.util.HashSet<>(all).size(), "two numbers share a value: " + all);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void alternativePolicy(Case c) {
    check(alternative(), c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void referenceScorerComputesTheDocumentedFormula(Case c) {
    check(ScoringPolicy.defaults(), c);
  }

  private static void check(ScoringPolicy policy, Case c) {
    List<Citizen> population = new ArrayList<>(background());
    population.add(c.citizen());
    Golden expected = Golden.compute(policy, population, c.citizen(), c.order());
    Optional<Match> actual = new ReferenceScorer(TAXONOMY, SHORTAGE, policy, AS_OF)
        .explain(population, c.citizen(), c.order());
    assertTrue(actual.isPresent(), "every case passes its gates");
    Explanation e = actual.get().explanation();
    for (Component comp : Component.values()) {
      assertEquals(expected.values.get(comp), e.components().get(comp).value(), 1e-9, comp.jsonName());
      assertEquals(policy.weight(comp) * expected.values.get(comp), e.components().get(comp).contribution(), 1e-9,
          comp.jsonName() + " contribution");
    }
    assertEquals(expected.score(policy), actual.get().score(), 1e-9, "score");
    assertEquals(expected.flags, e.flags(), "flags");
    assertEquals(expected.missingEssential, e.missingEssentialSkills(), "missing essential skills");
  }

  /** The cases exercise every flag and every component with a value strictly between 0 and 1. */
  @Test
  void casesCoverEveryFlagAndPartialCredit() {
    Set<Flag> seen = EnumSet.noneOf(Flag.class);
    Set<Component> partial = EnumSet.noneOf(Component.class);
    cases().forEach(c -> {
      List<Citizen> population = new ArrayList<>(background());
      population.add(c.citizen());
      Golden g = Golden.compute(ScoringPolicy.defaults(), population, c.citizen(), c.order());
      seen.addAll(g.flags);
      g.values.forEach((comp, v) -> {
        if (v > 0 && v < 1) {
          partial.add(comp);
        }
      });
    });
    assertEquals(EnumSet.allOf(Flag.class), seen, "flags exercised");
    assertEquals(EnumSet.of(Component.SKILLS, Component.OCCUPATION, Component.GOAL, Component.EDUCATION,
        Component.DISTANCE, Component.SHORTAGE), partial, "components with partial credit exercised");
  }

  /** Literal values worked out by hand from the documented defaults. */
  @Test
  void handComputedValues() {
    ReferenceScorer ref = new ReferenceScorer(TAXONOMY, SHORTAGE, ScoringPolicy.defaults(), AS_OF);
    Map<String, Case> byName = new LinkedHashMap<>();
    cases().forEach(c -> byName.put(c.citizen().id(), c));

    // c-all: every skill held, 6 years in the occupation last year, first goal, level met, same place,
    // shortage (mangel) 1, no inclusion: 0.30 + 0.20 + 0.20 + 0.10 + 0.10 + 0 + 0.05 = 0.95.
    Match all = explain(ref, byName.get("c-all"));
    assertEquals(0.95, all.score(), 1e-12);

    // Rarity over the 4 citizens (3 background + the case): ρ(k holders) = 0.5 + 0.75·ln(5/(k+1))/ln 5,
    // and with rarityInfluence 1 a skill's specificity is its reuse level's times ρ.
    double rho0 = 0.5 + 0.75 * (Math.log(5.0 / 1.0) / Math.log(5.0)); // no holder: 1.25
    double rho1 = 0.5 + 0.75 * (Math.log(5.0 / 2.0) / Math.log(5.0)); // one holder: ≈ 0.927
    double rho2 = 0.5 + 0.75 * (Math.log(5.0 / 3.0) / Math.log(5.0)); // two holders: ≈ 0.738
    assertEquals(1.25, rho0, 1e-12);
    // c-related (holds CARE_LIKE, MEDS 2018, UNRELATED): CARE (ess, 1.25·ρ0 → ω 2·1.5625 = 3.125),
    // MEDS (ess, 1.0·ρ1 → ω 2ρ1), DOCS (opt, 0.5·ρ1, held by bg-3), WOUND (opt, no reuse level → ρ1).
    // Credits: CARE via CARE_LIKE 0.5; MEDS last used 2018 → 8 years, 5 past the 3-year grace → 0.5;
    // DOCS, WOUND none.
    Match related = explain(ref, byName.get("c-related"));
    assertEquals((3.125 * 0.5 + 2 * rho1 * 0.5) / (3.125 + 2 * rho1 + 0.5 * rho1 + rho1),
        related.explanation().components().get(Component.SKILLS).value(), 1e-12);
    // Experience isco:2222 (same minor group 222 of 2221: 0.3) × amount (0.8 + 0.2·1/2 = 0.9) × recency
    // (7 years ago: 0.8) = 0.216. Goals: 5322 shares nothing; 2223 (priority 2) same minor group 0.3 × 0.85.
    assertEquals(0.3 * 0.9 * 0.8, related.explanation().components().get(Component.OCCUPATION).value(), 1e-12);
    assertEquals(0.3 * 0.85, related.explanation().components().get(Component.GOAL).value(), 1e-12);

    // c-esco: experience in a different ESCO occupation of the order's unit group (nurse-specialist
    // for nurse): sibling credit 0.9 × amount 1 (2 years) × recency 1; the goal names the exact one: 1.
    Match esco = explain(ref, byName.get("c-esco"));
    assertEquals(0.9, esco.explanation().components().get(Component.OCCUPATION).value(), 1e-12);
    assertEquals(1.0, esco.explanation().components().get(Component.GOAL).value(), 1e-12);
    assertEquals(0.75, related.explanation().components().get(Component.EDUCATION).value(), 1e-12, "one short, mangel");

    // c-upskill: paradoks → shortage 0.5; one level short of 6 in a shortage category → 0.75;
    // no home location → unknown distance 0.5.
    Match upskill = explain(ref, byName.get("c-upskill"));
    assertEquals(0.5, upskill.explanation().components().get(Component.SHORTAGE).value(), 1e-12);
    assertEquals(0.75, upskill.explanation().components().get(Component.EDUCATION).value(), 1e-12);
    assertEquals(0.5, upskill.explanation().components().get(Component.DISTANCE).value(), 1e-12);

    // c-upskill-mangel: the workplace 15 km away (one half-life) → distance credit 0.5.
    Match mangel = explain(ref, byName.get("c-upskill-mangel"));
    assertEquals(0.5, mangel.explanation().components().get(Component.DISTANCE).value(), 2e-3);

    // c-very-stale: CARE unused 26 years → floor 0.5; MEDS 4 years → 1 − 0.1·1 = 0.9; DOCS 6 years → 0.7.
    // Holders: CARE, MEDS, WOUND one each (ρ1); DOCS two (bg-3 and the case: ρ2).
    Match stale = explain(ref, byName.get("c-very-stale"));
    double expected = (2.5 * rho1 * 0.5 + 2.0 * rho1 * 0.9 + 0.5 * rho2 * 0.7) / (2.5 * rho1 + 2.0 * rho1 + 0.5 * rho2 + rho1);
    assertEquals(expected, stale.explanation().components().get(Component.SKILLS).value(), 1e-12);
  }

  private static Match explain(ReferenceScorer ref, Case c) {
    List<Citizen> population = new ArrayList<>(background());
    population.add(c.citizen());
    return ref.explain(population, c.citizen(), c.order()).orElseThrow();
  }

  /** The formula, re-implemented from its documentation on the model records. */
  static final class Golden {
    final Map<Component, Double> values = new EnumMap<>(Component.class);
    final Set<Flag> flags = EnumSet.noneOf(Flag.class);
    final List<String> missingEssential = new ArrayList<>();

    double score(ScoringPolicy p) {
      double s = 0;
      for (Component c : Component.values()) {
        s += p.weight(c) * values.get(c);
      }
      return s;
    }

    static Golden compute(ScoringPolicy p, List<Citizen> population, Citizen c, JobOrder o) {
      Golden g = new Golden();
      OccupationCode orderCode = TAXONOMY.resolve(o.occupation());
      ShortageCategory shortage = SHORTAGE.category(orderCode, o.rarArea(), AS_OF).orElse(null);
      double shortageValue = shortage == ShortageCategory.MANGEL ? 1.0
          : shortage == ShortageCategory.PARADOKS ? p.constant(PolicyConstant.PARADOKS_SHORTAGE_CREDIT) : 0.0;

      // Skills.
      List<RequiredSkill> required = o.requiredSkills();
      if (required.isEmpty()) {
        Map<String, RequiredSkill> unique = new LinkedHashMap<>();
        for (RequiredSkill r : TAXONOMY.skillsOf(o.occupation())) {
          unique.putIfAbsent(r.id(), r);
        }
        required = List.copyOf(unique.values());
        if (!required.isEmpty()) {
          g.flags.add(Flag.DERIVED_REQUIREMENTS);
        }
      }
      double weightSum = 0;
      double covered = 0;
      boolean staleUsed = false;
      boolean allEssentialCredited = true;
      for (RequiredSkill r : required) {
        double rarity = rarity(p, population, r.id());
        double influence = p.constant(PolicyConstant.RARITY_INFLUENCE);
        double spec = REUSE.containsKey(r.id())
            ? reuseSpecificity(p, REUSE.get(r.id())) * (1 - influence + influence * rarity) : rarity;
        double omega = (r.essential() ? p.essentialWeight() : p.optionalWeight()) * spec;
        weightSum += omega;
        Map<String, Double> credits = new LinkedHashMap<>();
        credits.put(r.id(), 1.0);
        TAXONOMY.relatedSkills(r.id()).entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
            .limit(p.maxRelatedSkills())
            .forEach(e -> credits.put(e.getKey(), Math.min(1, e.getValue()) * p.constant(PolicyConstant.RELATED_CREDIT_SCALE)));
        double best = 0;
        for (SkillHolding h : c.skills()) {
          Double credit = credits.get(h.id());
          if (credit != null) {
            double fresh = freshness(p, h.lastUsedYear());
            best = Math.max(best, credit * fresh);
            staleUsed |= fresh < 1;
          }
        }
        covered += omega * best;
        if (r.essential() && best == 0) {
          g.missingEssential.add(r.id());
          allEssentialCredited = false;
        }
      }
      double skills = weightSum == 0 ? 0 : Math.min(1, covered / weightSum);
      g.values.put(Component.SKILLS, skills);
      if (staleUsed && skills > 0) {
        g.flags.add(Flag.STALE_SKILLS);
      }
      if (!g.missingEssential.isEmpty()) {
        g.flags.add(Flag.MISSING_ESSENTIAL_SKILLS);
      }

      // Occupation and goal.
      double occ = 0;
      for (Experience e : c.experience()) {
        occ = Math.max(occ, similarity(p, orderCode, TAXONOMY.resolve(e.occupation())) * experience(p, e));
      }
      g.values.put(Component.OCCUPATION, occ);
      double goal = 0;
      for (JobGoal jg : c.jobGoals()) {
        double factor = switch (jg.priority()) {
          case 1 -> 1.0;
          case 2 -> p.constant(PolicyConstant.GOAL_PRIORITY_2_FACTOR);
          case 3 -> p.constant(PolicyConstant.GOAL_PRIORITY_3_FACTOR);
          default -> p.constant(PolicyConstant.GOAL_LOWER_PRIORITY_FACTOR);
        };
        goal = Math.max(goal, similarity(p, orderCode, TAXONOMY.resolve(jg.occupation())) * factor);
      }
      g.values.put(Component.GOAL, goal);

      // Education.
      int level = c.education() == null ? 0 : c.education().level();
      int min = o.minEducationLevel() == null ? 0 : o.minEducationLevel();
      double edu;
      if (min == 0 || level >= min) {
        edu = 1;
      } else if (level == min - 1) {
        edu = shortageValue > 0 ? p.upskillingShortageCredit() : p.upskillingCredit();
        g.flags.add(Flag.UPSKILLING_CANDIDATE);
      } else {
        edu = 0;
      }
      g.values.put(Component.EDUCATION, edu);
      if (c.education() != null && c.education().completedYear() != null
          && YEAR - c.education().completedYear() > p.outdatedEducationYears()) {
        g.flags.add(Flag.OUTDATED_EDUCATION);
      }

      // Distance: from the chord of 3-D unit vectors (not the kernel's haversine), same Earth radius.
      double dist;
      if (c.location() == null || o.workplace() == null) {
        dist = p.unknownDistanceCredit();
      } else {
        double km = greatCircleKm(c.location(), o.workplace());
        dist = Math.pow(0.5, km / p.distanceHalfLifeKm());
      }
      g.values.put(Component.DISTANCE, dist);

      // Inclusion.
      double incl = 0;
      if (c.fleksjobApproved() && (o.acceptsFleksjob() || o.employmentType() == EmploymentType.FLEKSJOB)) {
        incl = 1;
        g.flags.add(Flag.FLEKSJOB_FIT);
      }
      boolean friendly = o.employer() != null && o.employer().disabilityFriendly();
      if (friendly && (c.compensation().contains(CompensationScheme.PERSONAL_ASSISTANCE)
          || c.compensation().contains(CompensationScheme.AIDS))) {
        incl = 1;
        g.flags.add(Flag.COMPENSATION_SCHEME);
      }
      g.values.put(Component.INCLUSION, incl);

      // Shortage.
      g.values.put(Component.SHORTAGE, shortageValue);
      if (shortage == ShortageCategory.MANGEL || shortage == ShortageCategory.PARADOKS) {
        g.flags.add(Flag.SHORTAGE);
      }

      // Fortrinsadgang: a rule for public employers and qualified holders.
      boolean educationMet = min == 0 || level >= min;
      boolean relevant = skills > 0 || occ > 0 || goal > 0;
      if (o.employer() != null && o.employer().isPublic() && c.compensation().contains(CompensationScheme.FORTRINSADGANG)
          && educationMet && allEssentialCredited && relevant) {
        g.flags.add(Flag.FORTRINSADGANG);
      }
      return g;
    }

    static double reuseSpecificity(ScoringPolicy p, ReuseLevel level) {
      return switch (level) {
        case TRANSVERSAL -> p.constant(PolicyConstant.SPECIFICITY_TRANSVERSAL);
        case CROSS_SECTOR -> p.constant(PolicyConstant.SPECIFICITY_CROSS_SECTOR);
        case SECTOR_SPECIFIC -> p.constant(PolicyConstant.SPECIFICITY_SECTOR_SPECIFIC);
        case OCCUPATION_SPECIFIC -> p.constant(PolicyConstant.SPECIFICITY_OCCUPATION_SPECIFIC);
      };
    }

    static double rarity(ScoringPolicy p, List<Citizen> population, String skill) {
      int n = population.size();
      if (n < 2) {
        return 1;
      }
      long holders = population.stream().filter(x -> x.skills().stream().anyMatch(s -> s.id().equals(skill))).count();
      double idf = Math.log((n + 1.0) / (holders + 1.0)) / Math.log(n + 1.0);
      double lo = p.constant(PolicyConstant.RARITY_MIN_SPECIFICITY);
      double hi = p.constant(PolicyConstant.RARITY_MAX_SPECIFICITY);
      return lo + (hi - lo) * Math.max(0, Math.min(1, idf));
    }

    static double freshness(ScoringPolicy p, Integer lastUsed) {
      if (lastUsed == null) {
        return 1;
      }
      int unusedPastGrace = YEAR - lastUsed - p.staleAfterYears();
      if (unusedPastGrace <= 0) {
        return 1;
      }
      return Math.max(p.staleFloor(), 1 - p.staleDecayPerYear() * unusedPastGrace);
    }

    static double experience(ScoringPolicy p, Experience e) {
      double base = p.constant(PolicyConstant.EXPERIENCE_BASE_CREDIT);
      double amount = Math.min(1, base + (1 - base) * e.years() / p.constant(PolicyConstant.EXPERIENCE_FULL_YEARS));
      if (e.lastYear() == null) {
        return amount;
      }
      int ago = YEAR - e.lastYear();
      double recency = ago <= p.constant(PolicyConstant.EXPERIENCE_RECENT_YEARS) ? 1
          : ago <= p.constant(PolicyConstant.EXPERIENCE_OLD_YEARS) ? p.constant(PolicyConstant.EXPERIENCE_AGED_FACTOR)
          : p.constant(PolicyConstant.EXPERIENCE_OLD_FACTOR);
      return amount * recency;
    }

    /**
     * 1 for the same ESCO concept or a code inside the order's group; the sibling credit for another
     * ESCO occupation of the same unit group; else by the deepest shared ISCO level.
     */
    static double similarity(ScoringPolicy p, OccupationCode order, OccupationCode held) {
      if (order == null || held == null) {
        return 0;
      }
      if (order.escoUri() != null && order.escoUri().equals(held.escoUri())) {
        return 1;
      }
      if (order.digits() == null || held.digits() == null) {
        return 0;
      }
      if (order.escoUri() != null && held.escoUri() != null && order.digits().equals(held.digits())) {
        return p.constant(PolicyConstant.SIBLING_OCCUPATION_CREDIT);
      }
      if (held.digits().startsWith(order.digits())) {
        return 1;
      }
      int shared = 0;
      while (shared < Math.min(order.digits().length(), held.digits().length())
          && order.digits().charAt(shared) == held.digits().charAt(shared)) {
        shared++;
      }
      return switch (shared) {
        case 0 -> 0;
        case 1 -> p.constant(PolicyConstant.SAME_MAJOR_GROUP_CREDIT);
        case 2 -> p.constant(PolicyConstant.SAME_SUB_MAJOR_GROUP_CREDIT);
        case 3 -> p.constant(PolicyConstant.SAME_MINOR_GROUP_CREDIT);
        default -> p.constant(PolicyConstant.SAME_UNIT_GROUP_CREDIT);
      };
    }

    /** Great-circle distance from the chord between the two points as 3-D unit vectors. */
    static double greatCircleKm(Location a, Location b) {
      double[] u = unit(a);
      double[] v = unit(b);
      double chord = Math.sqrt(Math.pow(u[0] - v[0], 2) + Math.pow(u[1] - v[1], 2) + Math.pow(u[2] - v[2], 2));
      return 6371.0088 * 2 * Math.asin(Math.min(1, chord / 2));
    }

    static double[] unit(Location l) {
      double lat = Math.toRadians(l.lat());
      double lon = Math.toRadians(l.lon());
      return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }
  }
}
