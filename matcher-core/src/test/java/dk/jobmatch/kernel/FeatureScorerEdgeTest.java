package dk.jobmatch.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The kernel's rules at their edges, each expectation worked out by hand from the rule as
 * docs/scoring.md states it (the numbers are in the comments): a value exactly at a limit, one
 * step inside and one step outside. The constants are set explicitly, so a change of a default
 * does not move these expectations. Written against the mutants PIT found surviving (see
 * docs/testing.md): a {@code <=} turned into {@code <}, a negated condition, a lost branch.
 */
class FeatureScorerEdgeTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final double EPS = 1e-9;
  private static final Location WORK = new Location("2100", 55.0, 12.0);
  /** 0.1° of latitude north of {@link #WORK}: 6371 km · 0.1 · π/180 ≈ 11.12 km. */
  private static final Location HOME = new Location("2200", 55.1, 12.0);

  /** A policy with every constant these tests read set to a value chosen here. */
  static ScoringPolicy policy() {
    return ScoringPolicy.defaults().toBuilder()
        .set(PolicyConstant.STALE_AFTER_YEARS, 3).set(PolicyConstant.STALE_DECAY_PER_YEAR, 0.1)
        .set(PolicyConstant.STALE_FLOOR, 0.5)
        .set(PolicyConstant.EXPERIENCE_BASE_CREDIT, 0.8).set(PolicyConstant.EXPERIENCE_FULL_YEARS, 2)
        .set(PolicyConstant.EXPERIENCE_RECENT_YEARS, 5).set(PolicyConstant.EXPERIENCE_OLD_YEARS, 10)
        .set(PolicyConstant.EXPERIENCE_AGED_FACTOR, 0.8).set(PolicyConstant.EXPERIENCE_OLD_FACTOR, 0.6)
        .set(PolicyConstant.GOAL_PRIORITY_2_FACTOR, 0.9).set(PolicyConstant.GOAL_PRIORITY_3_FACTOR, 0.75)
        .set(PolicyConstant.GOAL_LOWER_PRIORITY_FACTOR, 0.6)
        .set(PolicyConstant.SAME_UNIT_GROUP_CREDIT, 0.88).set(PolicyConstant.SIBLING_OCCUPATION_CREDIT, 0.85)
        .set(PolicyConstant.SAME_MINOR_GROUP_CREDIT, 0.3).set(PolicyConstant.SAME_SUB_MAJOR_GROUP_CREDIT, 0.1)
        .set(PolicyConstant.SAME_MAJOR_GROUP_CREDIT, 0.05)
        .set(PolicyConstant.UPSKILLING_CREDIT, 0.5).set(PolicyConstant.UPSKILLING_SHORTAGE_CREDIT, 0.75)
        .set(PolicyConstant.OUTDATED_EDUCATION_YEARS, 15)
        .set(PolicyConstant.DISTANCE_HALF_LIFE_KM, 15).set(PolicyConstant.UNKNOWN_DISTANCE_CREDIT, 0.4)
        .set(PolicyConstant.ESSENTIAL_WEIGHT, 2).set(PolicyConstant.OPTIONAL_WEIGHT, 1)
        .set(PolicyConstant.RELATED_CREDIT_SCALE, 1).set(PolicyConstant.MAX_RELATED_SKILLS, 20)
        .build();
  }

  static Citizen.Builder citizen() {
    return Citizen.builder("c-1").jobReady(true).searchable(true).hoursPerWeek(30, 37);
  }

  static JobOrder.Builder order() {
    return JobOrder.builder("o-1", OccupationRef.parse("isco:5322")).employmentType(EmploymentType.ORDINARY)
        .hoursPerWeek(30, 37);
  }

  /** A compiled pair: the citizen's features and the order compiled against the same vocabularies. */
  record Pair(CompiledOrder o, CitizenFeatures c) {}

  static Pair pair(Citizen.Builder citizen, JobOrder.Builder order) {
    return pair(citizen, order, policy(), ShortageLookup.none());
  }

  static Pair pair(Citizen.Builder citizen, JobOrder.Builder order, ScoringPolicy p, ShortageLookup shortage) {
    return pair(citizen, order, p, shortage, Taxonomy.none());
  }

  static Pair pair(Citizen.Builder citizen, JobOrder.Builder order, ScoringPolicy p, ShortageLookup shortage, Taxonomy t) {
    Vocabularies v = Vocabularies.create();
    CitizenFeatures c = CitizenFeatures.of(citizen.build(), v, t::resolve);
    CompiledOrder o = CompiledOrder.compile(order.build(), t, shortage, p, AS_OF, v, PopulationStats.EMPTY);
    return new Pair(o, c);
  }

  static boolean rule(Gate g, UnaryOperator<Citizen.Builder> citizen, UnaryOperator<JobOrder.Builder> order) {
    Pair p = pair(citizen.apply(citizen()), order.apply(order()));
    boolean rule = FeatureScorer.gateRule(g, p.o(), p.c());
    // With every other gate passing, the enforced gates agree with the one rule.
    assertEquals(rule, FeatureScorer.passesGates(p.o(), p.c()), g + ": passesGates agrees with the rule");
    assertEquals(rule, FeatureScorer.gateChecks(p.o(), p.c()).get(g.ordinal()).passed(), g + ": gateChecks agrees");
    assertEquals(rule, FeatureScorer.score(p.o(), p.c()) >= 0, g + ": score is -1 exactly when the gate fails");
    return rule;
  }

  // ---- gates at their edges ----

  @Test
  void hoursRangesThatTouchOverlap() {
    // order 30-37: a citizen's range overlaps iff c.min <= 37 and 30 <= c.max
    assertTrue(rule(Gate.HOURS, c -> c.hoursPerWeek(37, 40), o -> o));
    assertFalse(rule(Gate.HOURS, c -> c.hoursPerWeek(38, 40), o -> o));
    assertTrue(rule(Gate.HOURS, c -> c.hoursPerWeek(20, 30), o -> o));
    assertFalse(rule(Gate.HOURS, c -> c.hoursPerWeek(20, 29), o -> o));
    assertTrue(rule(Gate.HOURS, c -> c.hoursPerWeek(null), o -> o), "unknown citizen hours fit");
    assertTrue(rule(Gate.HOURS, c -> c.hoursPerWeek(10, 12), o -> o.hoursPerWeek(null)), "unknown order hours fit");
    // A range starting at 0 hours is a known range, not an unknown one.
    assertFalse(rule(Gate.HOURS, c -> c.hoursPerWeek(0, 5), o -> o));
    assertFalse(rule(Gate.HOURS, c -> c, o -> o.hoursPerWeek(0, 5)));
    Pair zero = pair(citizen().hoursPerWeek(0, 5), order().hoursPerWeek(0, 8));
    assertEquals(Map.of("orderHoursPerWeek", Map.of("min", 0, "max", 8), "citizenHoursPerWeek", Map.of("min", 0, "max", 5)),
        FeatureScorer.gateChecks(zero.o(), zero.c()).get(Gate.HOURS.ordinal()).values());
  }

  @Test
  void aFleksjobOrderFitsUpToTheApprovedHours() {
    UnaryOperator<Citizen.Builder> fleks15 = c -> c.jobReady(false).fleksjob(Fleksjob.approved(15)).hoursPerWeek(30, 37);
    assertTrue(rule(Gate.HOURS, fleks15, o -> o.employmentType(EmploymentType.FLEKSJOB).hoursPerWeek(15, 20)));
    assertFalse(rule(Gate.HOURS, fleks15, o -> o.employmentType(EmploymentType.FLEKSJOB).hoursPerWeek(16, 20)));
    assertTrue(rule(Gate.HOURS, fleks15, o -> o.employmentType(EmploymentType.FLEKSJOB).hoursPerWeek(null)));
    // An ordinary order accepting fleksjob: the citizen works within the approved hours, whatever the range.
    assertTrue(rule(Gate.HOURS, fleks15, o -> o.acceptsFleksjob(true).hoursPerWeek(37, 37)));
    // ... but an order not accepting fleksjob compares the ranges (and fails the fleksjob gate).
    Pair p = pair(fleks15.apply(citizen()).hoursPerWeek(10, 12), order());
    assertFalse(FeatureScorer.gateRule(Gate.HOURS, p.o(), p.c()));
    assertFalse(FeatureScorer.gateRule(Gate.FLEKSJOB, p.o(), p.c()));
  }

  @Test
  void availableOnTheStartDateIsAvailable() {
    LocalDate start = LocalDate.of(2027, 1, 1);
    assertTrue(rule(Gate.AVAILABILITY, c -> c.availableFrom(start), o -> o.startDate(start)));
    assertTrue(rule(Gate.AVAILABILITY, c -> c.availableFrom(start.minusDays(1)), o -> o.startDate(start)));
    assertFalse(rule(Gate.AVAILABILITY, c -> c.availableFrom(start.plusDays(1)), o -> o.startDate(start)));
    assertTrue(rule(Gate.AVAILABILITY, c -> c.availableFrom(start.plusYears(5)), o -> o), "no start date");
    assertTrue(rule(Gate.AVAILABILITY, c -> c, o -> o.startDate(start)), "no availability date");
  }

  @Test
  void aLanguageAtExactlyTheRequiredLevelIsMet() {
    assertTrue(rule(Gate.LANGUAGES, c -> c.language("da", CefrLevel.B1), o -> o.language("da", CefrLevel.B1)));
    assertTrue(rule(Gate.LANGUAGES, c -> c.language("da", CefrLevel.C2), o -> o.language("da", CefrLevel.B1)));
    assertFalse(rule(Gate.LANGUAGES, c -> c.language("da", CefrLevel.A2), o -> o.language("da", CefrLevel.B1)));
    assertFalse(rule(Gate.LANGUAGES, c -> c.language("en", CefrLevel.C2), o -> o.language("da", CefrLevel.A1)),
        "a language not held is not met, even at the lowest level");
    // Two requirements: both must hold; the second one failing fails the gate.
    assertFalse(rule(Gate.LANGUAGES, c -> c.language("da", CefrLevel.C1).language("en", CefrLevel.A1),
        o -> o.language("da", CefrLevel.B1).language("en", CefrLevel.B1)));
    assertTrue(rule(Gate.LANGUAGES, c -> c.language("en", CefrLevel.B2).language("da", CefrLevel.C1),
        o -> o.language("da", CefrLevel.B1).language("en", CefrLevel.B1)));
    assertTrue(rule(Gate.LANGUAGES, c -> c, o -> o), "no requirement");
    // The unmet requirement names the level held, A1 (the lowest) included.
    Pair a1 = pair(citizen().language("da", CefrLevel.A1), order().language("da", CefrLevel.B1));
    java.util.Map<String, Object> unmet = new java.util.LinkedHashMap<>();
    unmet.put("code", "da");
    unmet.put("level", "A1");
    unmet.put("minLevel", "B1");
    assertEquals(java.util.List.of(unmet),
        FeatureScorer.gateChecks(a1.o(), a1.c()).get(Gate.LANGUAGES.ordinal()).values().get("unmetLanguages"));
  }

  @Test
  void certificatesMustAllBeHeld() {
    assertTrue(rule(Gate.CERTIFICATES, c -> c.certificate("B").certificate("C"), o -> o.certificate("C").certificate("B")));
    assertFalse(rule(Gate.CERTIFICATES, c -> c.certificate("B"), o -> o.certificate("B").certificate("C")));
    assertFalse(rule(Gate.CERTIFICATES, c -> c.certificate("C"), o -> o.certificate("B").certificate("C")));
    assertTrue(rule(Gate.CERTIFICATES, c -> c, o -> o), "no requirement");
  }

  @Test
  void commuteWithinTheCitizensLimit() {
    // HOME to WORK ≈ 11.12 km
    assertTrue(rule(Gate.COMMUTE, c -> c.location(HOME).maxCommuteKm(11.2), o -> o.employer(employer(false, false))));
    assertFalse(rule(Gate.COMMUTE, c -> c.location(HOME).maxCommuteKm(11.0), o -> o.employer(employer(false, false))));
    assertTrue(rule(Gate.COMMUTE, c -> c.location(HOME), o -> o.employer(employer(false, false))), "no limit");
    assertTrue(rule(Gate.COMMUTE, c -> c.maxCommuteKm(1.0), o -> o.employer(employer(false, false))), "no home");
    assertTrue(rule(Gate.COMMUTE, c -> c.location(HOME).maxCommuteKm(1.0), o -> o), "no workplace");
    Pair p = pair(citizen().location(HOME).maxCommuteKm(11.0), order().employer(employer(false, false)));
    assertFalse(FeatureScorer.passesCommute(p.o(), p.c().lat, p.c().lon, p.c().maxCommuteKm));
    Pair relaxed = pair(citizen().location(HOME).maxCommuteKm(11.0), order().employer(employer(false, false)),
        policy().toBuilder().relax(Gate.COMMUTE).build(), ShortageLookup.none());
    assertTrue(FeatureScorer.passesCommute(relaxed.o(), relaxed.c().lat, relaxed.c().lon, relaxed.c().maxCommuteKm));
    assertTrue(FeatureScorer.passesGates(relaxed.o(), relaxed.c()));
  }

  @Test
  void employmentTypesAndFleksjob() {
    UnaryOperator<Citizen.Builder> notReady = c -> c.jobReady(false);
    UnaryOperator<Citizen.Builder> fleks = c -> c.jobReady(false).fleksjob(Fleksjob.approved(37));
    assertFalse(rule(Gate.EMPLOYMENT_TYPE, notReady, o -> o));
    assertFalse(rule(Gate.EMPLOYMENT_TYPE, notReady, o -> o.employmentType(EmploymentType.APPRENTICESHIP)));
    assertTrue(rule(Gate.EMPLOYMENT_TYPE, c -> c, o -> o.employmentType(EmploymentType.APPRENTICESHIP)));
    assertTrue(rule(Gate.EMPLOYMENT_TYPE, notReady, o -> o.employmentType(EmploymentType.INTERNSHIP)));
    assertTrue(rule(Gate.EMPLOYMENT_TYPE, notReady, o -> o.employmentType(EmploymentType.WAGE_SUBSIDY)));
    assertTrue(rule(Gate.EMPLOYMENT_TYPE, fleks, o -> o.acceptsFleksjob(true)), "not job-ready, but fleksjob accepted");
    assertTrue(rule(Gate.FLEKSJOB, fleks, o -> o.employmentType(EmploymentType.FLEKSJOB)));
    assertFalse(rule(Gate.FLEKSJOB, fleks, o -> o), "a fleksjob-approved citizen on an ordinary order");
    assertFalse(rule(Gate.FLEKSJOB, c -> c, o -> o.employmentType(EmploymentType.FLEKSJOB).acceptsFleksjob(true)));
    assertTrue(rule(Gate.FLEKSJOB, c -> c, o -> o.acceptsFleksjob(true)), "not approved: any order but a fleksjob one");
    assertFalse(rule(Gate.SEARCHABLE, c -> c.searchable(false), o -> o));
    assertTrue(rule(Gate.SEARCHABLE, c -> c, o -> o));
    // The flag gates alone, from the packed flags.
    Pair p = pair(citizen().searchable(false), order());
    assertFalse(FeatureScorer.passesFlagGates(p.o(), p.c().flags));
    assertTrue(FeatureScorer.passesFlagGates(p.o(), p.c().flags | CitizenFeatures.SEARCHABLE));
  }

  // ---- component values at their edges ----

  @Test
  void freshnessDecaysAfterStaleAfterYearsDownToTheFloor() {
    ScoringPolicy p = policy(); // stale after 3 years, 0.1 a year, floor 0.5
    assertEquals(1.0, FeatureScorer.freshness(p, 2026, (short) 0), EPS, "unknown");
    assertEquals(1.0, FeatureScorer.freshness(p, 2026, (short) 2026), EPS);
    assertEquals(1.0, FeatureScorer.freshness(p, 2026, (short) 2023), EPS, "exactly 3 years");
    assertEquals(0.9, FeatureScorer.freshness(p, 2026, (short) 2022), EPS, "one year past");
    assertEquals(0.6, FeatureScorer.freshness(p, 2026, (short) 2019), EPS, "four years past");
    assertEquals(0.5, FeatureScorer.freshness(p, 2026, (short) 2018), EPS, "five past: exactly the floor");
    assertEquals(0.5, FeatureScorer.freshness(p, 2026, (short) 2000), EPS, "floor");
    assertEquals(1.0, FeatureScorer.maxFreshness(p), EPS);
  }

  @Test
  void experienceCreditRisesToFullAndAgesInSteps() {
    ScoringPolicy p = policy(); // base 0.8, full at 2 years; recent ≤ 5, old ≤ 10: 0.8, older 0.6
    assertEquals(0.8, FeatureScorer.experienceFactor(p, 2026, 0f, (short) 0), EPS);
    assertEquals(0.9, FeatureScorer.experienceFactor(p, 2026, 1f, (short) 0), EPS, "0.8 + 0.2 · 1/2");
    assertEquals(1.0, FeatureScorer.experienceFactor(p, 2026, 2f, (short) 0), EPS);
    assertEquals(1.0, FeatureScorer.experienceFactor(p, 2026, 6f, (short) 0), EPS, "capped at 1");
    assertEquals(1.0, FeatureScorer.experienceFactor(p, 2026, 2f, (short) 2021), EPS, "ended exactly 5 years ago");
    assertEquals(0.8, FeatureScorer.experienceFactor(p, 2026, 2f, (short) 2020), EPS, "6 years ago");
    assertEquals(0.8, FeatureScorer.experienceFactor(p, 2026, 2f, (short) 2016), EPS, "exactly 10 years ago");
    assertEquals(0.6, FeatureScorer.experienceFactor(p, 2026, 2f, (short) 2015), EPS, "11 years ago");
    assertEquals(0.54, FeatureScorer.experienceFactor(p, 2026, 1f, (short) 2015), EPS, "0.9 · 0.6");
    assertEquals(1.0, FeatureScorer.maxExperienceFactor(p), EPS);
    ScoringPolicy generous = p.toBuilder().set(PolicyConstant.EXPERIENCE_RECENT_YEARS, 0)
        .set(PolicyConstant.EXPERIENCE_OLD_YEARS, 0).build();
    assertEquals(0.6, FeatureScorer.experienceFactor(generous, 2026, 2f, (short) 2025), EPS, "1 year > 0 = old");
  }

  @Test
  void goalPriorities() {
    ScoringPolicy p = policy();
    assertEquals(1.0, FeatureScorer.priorityFactor(p, 1), EPS);
    assertEquals(0.9, FeatureScorer.priorityFactor(p, 2), EPS);
    assertEquals(0.75, FeatureScorer.priorityFactor(p, 3), EPS);
    assertEquals(0.6, FeatureScorer.priorityFactor(p, 4), EPS);
    assertEquals(0.6, FeatureScorer.priorityFactor(p, 9), EPS);
    assertEquals(1.0, FeatureScorer.maxPriorityFactor(p), EPS);
  }

  @Test
  void occupationSimilarityByTheDeepestSharedLevel() {
    ScoringPolicy p = policy();
    OccupationCode o = OccupationCode.ofDigits("5322");
    assertEquals(0.0, FeatureScorer.similarity(p, null, o), EPS);
    assertEquals(0.0, FeatureScorer.similarity(p, o, null), EPS);
    assertEquals(1.0, FeatureScorer.similarity(p, o, OccupationCode.ofDigits("5322")), EPS);
    assertEquals(0.3, FeatureScorer.similarity(p, o, OccupationCode.ofDigits("5321")), EPS, "same minor group 532");
    assertEquals(0.1, FeatureScorer.similarity(p, o, OccupationCode.ofDigits("5311")), EPS, "same sub-major 53");
    assertEquals(0.05, FeatureScorer.similarity(p, o, OccupationCode.ofDigits("5411")), EPS, "same major 5");
    assertEquals(0.0, FeatureScorer.similarity(p, o, OccupationCode.ofDigits("7322")), EPS);
    assertEquals(1.0, FeatureScorer.similarity(p, OccupationCode.ofDigits("53"), o), EPS, "held within the order's group");
    assertEquals(0.1, FeatureScorer.similarity(p, o, OccupationCode.ofDigits("53")), EPS, "held only as the group 53");
    assertEquals(0.88, FeatureScorer.similarity(p, OccupationCode.ofDigits("532210"), OccupationCode.ofDigits("532220")),
        EPS, "DISCO: same ISCO unit group 5322");
    OccupationCode esco1 = new OccupationCode("5322", "http://data.europa.eu/esco/occupation/1");
    OccupationCode esco2 = new OccupationCode("5322", "http://data.europa.eu/esco/occupation/2");
    assertEquals(1.0, FeatureScorer.similarity(p, esco1, new OccupationCode("5322", esco1.escoUri())), EPS);
    assertEquals(0.85, FeatureScorer.similarity(p, esco1, esco2), EPS, "sibling ESCO occupations");
    assertEquals(1.0, FeatureScorer.similarity(p, esco1, o), EPS, "the plain unit group of the order's occupation");
    assertEquals(1.0, FeatureScorer.similarity(p, o, esco2), EPS, "an occupation within the order's unit group");
    assertEquals(0.0, FeatureScorer.similarity(p, new OccupationCode(null, esco1.escoUri()), esco2), EPS, "unplaced");
    assertEquals(0.0, FeatureScorer.similarity(p, esco1, new OccupationCode(null, esco2.escoUri())), EPS, "unplaced");
    assertEquals(0.0, FeatureScorer.levelCredit(p, 0), EPS);
    assertEquals(0.05, FeatureScorer.levelCredit(p, 1), EPS);
    assertEquals(0.1, FeatureScorer.levelCredit(p, 2), EPS);
    assertEquals(0.3, FeatureScorer.levelCredit(p, 3), EPS);
    assertEquals(0.88, FeatureScorer.levelCredit(p, 4), EPS);
    assertEquals(0.88, FeatureScorer.levelCredit(p, 5), EPS);
  }

  @Test
  void distanceHalvesEveryHalfLife() {
    Pair here = pair(citizen().location(WORK), order().employer(employer(false, false)));
    assertEquals(1.0, values(here)[Component.DISTANCE.ordinal()], EPS);
    Pair near = pair(citizen().location(HOME), order().employer(employer(false, false)));
    // 2^(-11.12/15) = 0.598
    assertEquals(0.598, values(near)[Component.DISTANCE.ordinal()], 1e-3);
    assertEquals(0.4, values(pair(citizen(), order().employer(employer(false, false))))[Component.DISTANCE.ordinal()], EPS,
        "unknown home");
    assertEquals(0.4, values(pair(citizen().location(HOME), order()))[Component.DISTANCE.ordinal()], EPS,
        "unknown workplace");
  }

  @Test
  void educationOneLevelShortEarnsTheUpskillingCredit() {
    UnaryOperator<JobOrder.Builder> min3 = o -> o.minEducationLevel(3);
    assertEquals(1.0, education(c -> c.education(4, null, 2020), min3, ShortageLookup.none()), EPS);
    assertEquals(1.0, education(c -> c.education(3, null, 2020), min3, ShortageLookup.none()), EPS);
    assertEquals(0.5, education(c -> c.education(2, null, 2020), min3, ShortageLookup.none()), EPS);
    assertEquals(0.0, education(c -> c.education(1, null, 2020), min3, ShortageLookup.none()), EPS);
    assertEquals(0.0, education(c -> c, min3, ShortageLookup.none()), EPS, "no education");
    assertEquals(1.0, education(c -> c, o -> o, ShortageLookup.none()), EPS, "no requirement");
    ShortageLookup mangel = ShortageLookup.ofDigits(Map.of("5322", ShortageCategory.MANGEL));
    assertEquals(0.75, education(c -> c.education(2, null, 2020), min3, mangel), EPS, "in a shortage occupation");
    assertEquals(1.0, values(pair(citizen(), order(), policy(), mangel))[Component.SHORTAGE.ordinal()], EPS);
    assertEquals(0.0, values(pair(citizen(), order()))[Component.SHORTAGE.ordinal()], EPS);
    // The upskilling flag exactly one level short; outdated education after more than 15 years.
    assertEquals(Set.of(Flag.UPSKILLING_CANDIDATE), flags(citizen().education(2, null, 2020), order().minEducationLevel(3)));
    assertEquals(Set.of(), flags(citizen().education(1, null, 2020), order().minEducationLevel(3)));
    assertEquals(Set.of(), flags(citizen().education(3, null, 2011), order().minEducationLevel(3)), "15 years");
    assertEquals(Set.of(Flag.OUTDATED_EDUCATION), flags(citizen().education(3, null, 2010), order().minEducationLevel(3)));
    assertEquals(Set.of(Flag.SHORTAGE), flags(citizen(), order(), mangel));
  }

  @Test
  void inclusionByFleksjobFitOrACompensationSchemeAtAFriendlyEmployer() {
    UnaryOperator<Citizen.Builder> fleks = c -> c.jobReady(false).fleksjob(Fleksjob.approved(37));
    assertEquals(1.0, inclusion(fleks, o -> o.acceptsFleksjob(true)), EPS);
    assertEquals(1.0, inclusion(c -> c.compensation(CompensationScheme.PERSONAL_ASSISTANCE), o -> o.employer(employer(false, true))),
        EPS);
    assertEquals(1.0, inclusion(c -> c.compensation(CompensationScheme.AIDS), o -> o.employer(employer(false, true))), EPS);
    assertEquals(0.0, inclusion(c -> c.compensation(CompensationScheme.AIDS), o -> o.employer(employer(false, false))), EPS);
    assertEquals(0.0, inclusion(c -> c.compensation(CompensationScheme.FORTRINSADGANG), o -> o.employer(employer(false, true))),
        EPS, "fortrinsadgang is no compensation scheme for inclusion");
    assertEquals(0.0, inclusion(c -> c, o -> o.employer(employer(false, true))), EPS);
    // Packed flags: fleksjob without a feasible order gives nothing.
    Pair p = pair(citizen(), order());
    assertEquals(0.0, FeatureScorer.inclusionValue(p.o(), CitizenFeatures.FLEKSJOB), EPS);
    assertEquals(0.0, inclusion(c -> c, o -> o.acceptsFleksjob(true)), EPS, "an order open to fleksjob, a citizen without");
    assertEquals(Set.of(Flag.COMPENSATION_SCHEME),
        flags(citizen().compensation(CompensationScheme.AIDS), order().employer(employer(false, true))));
    assertEquals(Set.of(Flag.COMPENSATION_SCHEME),
        flags(citizen().compensation(CompensationScheme.PERSONAL_ASSISTANCE), order().employer(employer(false, true))));
    assertEquals(Set.of(), flags(citizen().compensation(CompensationScheme.AIDS), order().employer(employer(false, false))));
    assertEquals(Set.of(Flag.FLEKSJOB_FIT), flags(fleks.apply(citizen()), order().acceptsFleksjob(true)));
  }

  @Test
  void skillsAreWeightedByEssentialityAndDecayWhenStale() {
    UnaryOperator<JobOrder.Builder> ab = o -> o.requiredSkill(RequiredSkill.essential("a")).requiredSkill(RequiredSkill.optional("b"));
    // weights 2 and 1 (neutral specificity with no population): 2/3 and 1/3
    assertEquals(1.0 / 3, skills(c -> c.skill("b"), ab), EPS);
    assertEquals(2.0 / 3, skills(c -> c.skill("a"), ab), EPS);
    assertEquals(1.0, skills(c -> c.skill("a").skill("b").skill("z"), ab), EPS);
    assertEquals(0.0, skills(c -> c.skill("z"), ab), EPS);
    // last used 2020: 3 years past the stale limit → 0.7 of 2/3
    assertEquals(0.7 * 2 / 3, skills(c -> c.skill("a", 2020), ab), EPS);
    // A skill so stale it earns nothing (floor 0): no credit, so no stale-skills flag either.
    ScoringPolicy noFloor = policy().toBuilder().set(PolicyConstant.STALE_FLOOR, 0).set(PolicyConstant.STALE_DECAY_PER_YEAR, 1)
        .build();
    Pair gone = pair(citizen().skill("a", 2000), ab.apply(order()), noFloor, ShortageLookup.none());
    assertEquals(0.0, values(gone)[Component.SKILLS.ordinal()], EPS);
    assertEquals(Set.of(Flag.MISSING_ESSENTIAL_SKILLS), FeatureScorer.explainEligible(gone.o(), gone.c()).explanation().flags());
    assertEquals(Set.of(Flag.STALE_SKILLS), flags(citizen().skill("a", 2020).skill("b"), ab.apply(order())));
    assertEquals(Set.of(), flags(citizen().skill("a", 2023).skill("b"), ab.apply(order())), "exactly 3 years: fresh");
    assertEquals(Set.of(Flag.MISSING_ESSENTIAL_SKILLS), flags(citizen().skill("b"), ab.apply(order())));
  }

  @Test
  void scratchArraysCarryNothingFromOneCitizenToTheNext() {
    UnaryOperator<JobOrder.Builder> a = o -> o.requiredSkill(RequiredSkill.essential("a"));
    Vocabularies v = Vocabularies.create();
    CitizenFeatures holder = CitizenFeatures.of(citizen().skill("a").build(), v, Taxonomy.none()::resolve);
    CitizenFeatures other = CitizenFeatures.of(Citizen.builder("c-2").jobReady(true).searchable(true).skill("z").build(), v,
        Taxonomy.none()::resolve);
    CompiledOrder o = CompiledOrder.compile(a.apply(order()).build(), Taxonomy.none(), ShortageLookup.none(), policy(), AS_OF,
        v, PopulationStats.EMPTY);
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(o);
    double[] out = new double[Component.values().length];
    FeatureScorer.componentValues(o, holder, scratch, out);
    assertEquals(1.0, out[Component.SKILLS.ordinal()], EPS);
    FeatureScorer.componentValues(o, other, scratch, out);
    assertEquals(0.0, out[Component.SKILLS.ordinal()], EPS, "the first citizen's credit is not carried over");
    double first = FeatureScorer.score(o, holder, scratch);
    assertEquals(FeatureScorer.score(o, other), FeatureScorer.score(o, other, scratch), EPS);
    assertEquals(first - policy().weight(Component.SKILLS), FeatureScorer.score(o, other, scratch), EPS);
  }

  /** A taxonomy that knows only these related skills (credit by skill, per required skill). */
  static Taxonomy related(Map<String, Map<String, Double>> related) {
    Taxonomy none = Taxonomy.none();
    return new Taxonomy() {
      @Override public OccupationCode resolve(OccupationRef ref) { return none.resolve(ref); }
      @Override public Map<String, Double> relatedSkills(String skillId) { return related.getOrDefault(skillId, Map.of()); }
      @Override public java.util.Optional<dk.jobmatch.taxonomy.ReuseLevel> reuseLevel(String skillId) {
        return java.util.Optional.empty();
      }
      @Override public java.util.List<RequiredSkill> skillsOf(OccupationRef occupation) { return java.util.List.of(); }
      @Override public java.util.Optional<String> skillLabel(String skillId) { return java.util.Optional.empty(); }
      @Override public java.util.Optional<String> occupationLabel(OccupationRef occupation) { return java.util.Optional.empty(); }
    };
  }

  @Test
  void onATieTheRequiredSkillItselfThenTheAlphabeticallyFirstHeldSkillEarnsTheCredit() {
    Taxonomy t = related(Map.of("r", Map.of("x", 0.5, "y", 0.5, "s", 1.0)));
    UnaryOperator<JobOrder.Builder> r = o -> o.requiredSkill(RequiredSkill.essential("r"));
    // x and y credit r with 0.5 each, whichever is held (and interned) first: x is named.
    for (Citizen.Builder c : java.util.List.of(citizen().skill("x").skill("y"), citizen().skill("y").skill("x"))) {
      Pair p = pair(c, r.apply(order()), policy(), ShortageLookup.none(), t);
      Match m = FeatureScorer.explainEligible(p.o(), p.c());
      assertEquals(Map.of("r", "x"), m.explanation().matchedVia());
      assertEquals(0.5, m.explanation().components().get(Component.SKILLS).value(), EPS);
    }
    // s credits r in full, as r itself does: r itself is named (no "via"), whichever comes first.
    for (Citizen.Builder c : java.util.List.of(citizen().skill("s").skill("r"), citizen().skill("r").skill("s"))) {
      Pair p = pair(c, r.apply(order()), policy(), ShortageLookup.none(), t);
      Match m = FeatureScorer.explainEligible(p.o(), p.c());
      assertEquals(Map.of(), m.explanation().matchedVia());
      assertEquals(java.util.List.of("r"), m.explanation().matchedSkills());
    }
    // s alone: via s.
    Pair s = pair(citizen().skill("s"), r.apply(order()), policy(), ShortageLookup.none(), t);
    assertEquals(Map.of("r", "s"), FeatureScorer.explainEligible(s.o(), s.c()).explanation().matchedVia());
  }

  @Test
  void explanationListsMatchedAndMissingSkills() {
    Pair p = pair(citizen().skill("b").skill("z"),
        order().requiredSkill(RequiredSkill.essential("a")).requiredSkill(RequiredSkill.optional("b"))
            .requiredSkill(RequiredSkill.optional("c")));
    Match m = FeatureScorer.explainEligible(p.o(), p.c());
    assertEquals(java.util.List.of("b"), m.explanation().matchedSkills());
    assertEquals(java.util.List.of("a", "c"), m.explanation().missingSkills());
    assertEquals(java.util.List.of("a"), m.explanation().missingEssentialSkills());
    // 1/(2+1+1) = 0.25 skills; the other components by hand: occupation 0, goal 0, education 1, distance 0.4,
    // inclusion 0, shortage 0 — the total is Σ w·f with the policy's weights.
    ScoringPolicy pol = policy();
    double expected = pol.weight(Component.SKILLS) * 0.25 + pol.weight(Component.EDUCATION) * 1.0
        + pol.weight(Component.DISTANCE) * 0.4;
    assertEquals(expected, m.score(), EPS);
    assertEquals(expected, FeatureScorer.score(p.o(), p.c()), EPS);
    assertEquals(0.25, m.explanation().components().get(Component.SKILLS).value(), EPS);
    assertEquals(pol.weight(Component.SKILLS) * 0.25, m.explanation().components().get(Component.SKILLS).contribution(), EPS);
  }

  @Test
  void occupationAndGoalCredits() {
    // experience in the order's own group for 1 year, ended 2015 (11 years before 2026): 0.9 · 0.6
    assertEquals(0.54, values(pair(citizen().experience("isco:5322", 1, 2015), order()))[Component.OCCUPATION.ordinal()], EPS);
    // the best of two stints: 5321 (minor group, 0.3 · 1) and 5322 (1 · 0.9)
    assertEquals(0.9, values(pair(citizen().experience("isco:5321", 3, null).experience("isco:5322", 1, null), order()))
        [Component.OCCUPATION.ordinal()], EPS);
    assertEquals(0.0, values(pair(citizen().experience("isco:7322", 3, null), order()))[Component.OCCUPATION.ordinal()], EPS);
    assertEquals(0.9, values(pair(citizen().jobGoal("isco:5322", 2), order()))[Component.GOAL.ordinal()], EPS);
    assertEquals(0.9, values(pair(citizen().jobGoal("isco:5322", 2).jobGoal("isco:5321", 1), order()))
        [Component.GOAL.ordinal()], EPS, "max(0.9, 0.3)");
    assertEquals(0.0, values(pair(citizen().jobGoal("isco:7322", 1), order()))[Component.GOAL.ordinal()], EPS);
  }

  // ---- fortrinsadgang ----

  static Citizen.Builder holder() {
    return citizen().compensation(CompensationScheme.FORTRINSADGANG).skill("a").education(3, null, 2020);
  }

  static JobOrder.Builder publicOrder() {
    return order().employer(employer(true, false)).minEducationLevel(3).requiredSkill(RequiredSkill.essential("a"))
        .requiredSkill(RequiredSkill.optional("b"));
  }

  static boolean qualifies(Citizen.Builder c, JobOrder.Builder o) {
    Pair p = pair(c, o);
    boolean q = FeatureScorer.qualifiesForFortrinsadgang(p.o(), p.c());
    Match m = FeatureScorer.explainEligible(p.o(), p.c());
    if (m != null) {
      assertEquals(q, m.explanation().flags().contains(Flag.FORTRINSADGANG), "the flag agrees with the rule");
    }
    return q;
  }

  @Test
  void aQualifiedHolderMeetsEveryCondition() {
    assertTrue(qualifies(holder(), publicOrder()));
    assertTrue(qualifies(holder().education(4, null, 2020), publicOrder()), "above the level");
    assertTrue(qualifies(holder().education(null), publicOrder().minEducationLevel(null)), "no requirement");
  }

  @Test
  void eachConditionOfQualificationCanFailAlone() {
    assertFalse(qualifies(holder(), publicOrder().employer(employer(false, false))), "not a public employer");
    assertFalse(qualifies(citizen().skill("a").education(3, null, 2020), publicOrder()), "no fortrinsadgang");
    assertFalse(qualifies(holder().education(2, null, 2020), publicOrder()), "one education level short");
    assertFalse(qualifies(holder().skill("b").education(3, null, 2020), publicOrder().requiredSkill(RequiredSkill.essential("c"))),
        "an essential skill missing");
    assertFalse(qualifies(holder().searchable(false), publicOrder()), "a gate fails");
    // No required skill credited and no occupational relevance: not qualified.
    JobOrder.Builder noSkills = order().employer(employer(true, false));
    assertFalse(qualifies(holder(), noSkills), "no relevance at all");
    assertTrue(qualifies(holder().experience("isco:5322", 1, null), order().employer(employer(true, false))), "occupation");
    assertTrue(qualifies(holder().jobGoal("isco:5322", 3), order().employer(employer(true, false))), "goal");
    assertTrue(qualifies(citizen().compensation(CompensationScheme.FORTRINSADGANG).skill("b"),
        order().employer(employer(true, false)).requiredSkill(RequiredSkill.optional("b"))), "an optional skill only");
  }

  @Test
  void explainReturnsNullForAGateFailureOrAScoreOfZero() {
    ScoringPolicy.Builder b = ScoringPolicy.defaults().toBuilder();
    for (Component c : Component.values()) {
      b.weight(c, c == Component.SKILLS ? 1 : 0);
    }
    ScoringPolicy skillsOnly = b.build();
    Pair none = pair(citizen().skill("z"), order().requiredSkill(RequiredSkill.essential("a")), skillsOnly, ShortageLookup.none());
    assertNull(FeatureScorer.explain(none.o(), none.c()), "score 0");
    Match zero = FeatureScorer.explainEligible(none.o(), none.c());
    assertNotNull(zero);
    assertEquals(0.0, zero.score(), EPS);
    Pair some = pair(citizen().skill("a"), order().requiredSkill(RequiredSkill.essential("a")), skillsOnly, ShortageLookup.none());
    assertEquals(1.0, FeatureScorer.explain(some.o(), some.c()).score(), EPS);
    Pair gated = pair(citizen().skill("a").searchable(false), order().requiredSkill(RequiredSkill.essential("a")), skillsOnly,
        ShortageLookup.none());
    assertNull(FeatureScorer.explain(gated.o(), gated.c()));
    assertNull(FeatureScorer.explainEligible(gated.o(), gated.c()));
    assertEquals(-1.0, FeatureScorer.score(gated.o(), gated.c()), EPS);
  }

  @Test
  void displayedDistancesCompareWithTheLimitAsTheExactOnesDo() {
    assertEquals(11.1, FeatureScorer.displayKm(11.12, 30), EPS);
    assertEquals(30.04, FeatureScorer.displayKm(30.04, 30), EPS, "30.0 would hide that it is over");
    assertEquals(30.0, FeatureScorer.displayKm(29.96, 30), EPS, "under, and 30.0 is not over either");
    assertEquals(30.001, FeatureScorer.displayKm(30.0005, 30), EPS, "HALF_UP at three decimals");
    assertEquals(30.000000001, FeatureScorer.displayKm(30.000000001, 30), 0, "beyond eight decimals: as it is");
  }

  // ---- helpers ----

  static Employer employer(boolean isPublic, boolean disabilityFriendly) {
    return new Employer(null, null, null, isPublic, disabilityFriendly, WORK);
  }

  static double[] values(Pair p) {
    double[] out = new double[Component.values().length];
    FeatureScorer.componentValues(p.o(), p.c(), new FeatureScorer.Scratch(p.o()), out);
    return out;
  }

  static double skills(UnaryOperator<Citizen.Builder> c, UnaryOperator<JobOrder.Builder> o) {
    return values(pair(c.apply(citizen()), o.apply(order())))[Component.SKILLS.ordinal()];
  }

  static double education(UnaryOperator<Citizen.Builder> c, UnaryOperator<JobOrder.Builder> o, ShortageLookup s) {
    Pair p = pair(c.apply(citizen()), o.apply(order()), policy(), s);
    double v = values(p)[Component.EDUCATION.ordinal()];
    assertEquals(v, FeatureScorer.educationValue(p.o(), p.c().educationLevel), 0);
    return v;
  }

  static double inclusion(UnaryOperator<Citizen.Builder> c, UnaryOperator<JobOrder.Builder> o) {
    Pair p = pair(c.apply(citizen()), o.apply(order()));
    double v = values(p)[Component.INCLUSION.ordinal()];
    assertEquals(v, FeatureScorer.inclusionValue(p.o(), p.c().flags), 0);
    return v;
  }

  static Set<Flag> flags(Citizen.Builder c, JobOrder.Builder o) {
    return flags(c, o, ShortageLookup.none());
  }

  static Set<Flag> flags(Citizen.Builder c, JobOrder.Builder o, ShortageLookup s) {
    Pair p = pair(c, o, policy(), s);
    Match m = FeatureScorer.explainEligible(p.o(), p.c());
    assertNotNull(m, "eligible");
    return m.explanation().flags();
  }
}
