package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact rankings on a small hand-made population (docs/scoring.md in miniature). */
class RankingTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  static final double GLOSTRUP_LAT = 55.6660;
  static final double GLOSTRUP_LON = 12.3990;
  /** Roughly one kilometre of latitude. */
  static final double KM = 1 / 111.2;

  static final String MEDICIN = "skill:medicinadministration";
  static final String SAAR = "skill:saarpleje";
  static final String DOK = "skill:dokumentation";

  MatchEngine engine;

  static Citizen.Builder citizen(String id, double kmNorth) {
    return Citizen.builder(id).location(new Location("2600", GLOSTRUP_LAT + kmNorth * KM, GLOSTRUP_LON))
        .maxCommuteKm(30.0).hoursPerWeek(25, 37);
  }

  static List<Citizen> population() {
    return List.of(
        citizen("nurse-all-skills", 2).experience("isco:2221", 5, 2025).jobGoal("isco:2221", 1)
            .skill(MEDICIN).skill(SAAR).skill(DOK).education(5, "sygeplejerske", 2015).build(),
        citizen("nurse-missing-saar", 2).experience("isco:2221", 5, 2025).jobGoal("isco:2221", 1)
            .skill(MEDICIN).skill(DOK).education(5, "sygeplejerske", 2015).build(),
        citizen("pedagogue", 15).experience("isco:2342", 6, 2025).jobGoal("isco:2342", 1)
            .skill(DOK).education(5, "pædagog", 2010).build(),
        citizen("nurse-fleksjob", 2).experience("isco:2221", 10, 2024).jobGoal("isco:2221", 1)
            .skill(MEDICIN).skill(SAAR).skill(DOK).education(5, null, 2000).fleksjob(Fleksjob.approved(15)).build(),
        Citizen.builder("nurse-in-aarhus").location(new Location("8000", 56.1572, 10.2107)).maxCommuteKm(30.0)
            .experience("isco:2221", 8, 2025).jobGoal("isco:2221", 1)
            .skill(MEDICIN).skill(SAAR).skill(DOK).education(5, null, 2012).build(),
        citizen("fortrinsadgang-holder", 5).skill(MEDICIN, 2010).skill(SAAR, 2010)
            .education(5, "sygeplejerske", 2005).compensation(CompensationScheme.FORTRINSADGANG).build());
  }

  static JobOrder.Builder nurseOrder(boolean publicEmployer) {
    return JobOrder.builder("jo-nurse", "isco:2221").title("Sygeplejerske, hjemmeplejen")
        .employer(new Employer("12345678", null, "Glostrup Kommune", publicEmployer, false,
            new Location("2600", GLOSTRUP_LAT, GLOSTRUP_LON)))
        .rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill(MEDICIN).essentialSkill(SAAR).optionalSkill(DOK)
        .minEducationLevel(5).hoursPerWeek(30, 37);
  }

  @BeforeEach
  void setUp() {
    engine = MatchEngine.builder().asOf(AS_OF).build();
    engine.upsertAll(population());
    engine.refresh();
  }

  @AfterEach
  void tearDown() throws Exception {
    engine.close();
  }

  static List<String> ids(List<Match> matches) {
    return matches.stream().map(Match::citizenId).toList();
  }

  @Test
  void nurseWithAllSkillsAboveNurseMissingAnEssentialSkillAbovePedagogue() {
    List<Match> top = engine.rank(nurseOrder(false).build(), 10);
    // Private employer: fortrinsadgang does not apply; fleksjob and Aarhus are gated out.
    assertEquals(List.of("nurse-all-skills", "nurse-missing-saar", "fortrinsadgang-holder", "pedagogue"), ids(top));
    Match best = top.get(0);
    assertEquals(List.of(MEDICIN, SAAR, DOK), best.explanation().matchedSkills());
    assertEquals(List.of(), best.explanation().missingSkills());
    Match second = top.get(1);
    assertEquals(List.of(SAAR), second.explanation().missingEssentialSkills());
    assertTrue(second.has(Flag.MISSING_ESSENTIAL_SKILLS));
    assertFalse(top.get(2).has(Flag.FORTRINSADGANG), "private employer");
    assertTrue(top.get(2).has(Flag.STALE_SKILLS));
    // Every component explained, contributions add up to the score.
    double sum = best.explanation().components().values().stream().mapToDouble(c -> c.contribution()).sum();
    assertEquals(best.score(), sum, 1e-12);
    assertEquals(Component.values().length, best.explanation().components().size());
    assertEquals(1.0, best.explanation().value(Component.SKILLS), 1e-12);
    assertEquals(1.0, best.explanation().value(Component.OCCUPATION), 1e-12);
  }

  @Test
  void fleksjobCitizenNeverAppearsForAnOrderThatDoesNotAcceptFleksjob() {
    assertFalse(ids(engine.rank(nurseOrder(false).build(), 100)).contains("nurse-fleksjob"));
    List<Match> accepting = engine.rank(nurseOrder(false).acceptsFleksjob(true).build(), 100);
    assertTrue(ids(accepting).contains("nurse-fleksjob"));
    Match m = accepting.stream().filter(x -> x.citizenId().equals("nurse-fleksjob")).findFirst().orElseThrow();
    assertTrue(m.has(Flag.FLEKSJOB_FIT));
    assertEquals(1.0, m.explanation().value(Component.INCLUSION));
    // A fleksjob order is for fleksjob-approved citizens only.
    List<Match> fleksOrder = engine.rank(nurseOrder(false).employmentType(EmploymentType.FLEKSJOB).hoursPerWeek(10, 15).build(), 100);
    assertEquals(List.of("nurse-fleksjob"), ids(fleksOrder));
  }

  @Test
  void candidateBeyondTheCommuteDistanceNeverAppears() {
    assertFalse(ids(engine.rank(nurseOrder(false).build(), 100)).contains("nurse-in-aarhus"));
    ScoringPolicy relaxed = ScoringPolicy.defaults().toBuilder().relax(Gate.COMMUTE).build();
    try (MatchEngine e = MatchEngine.builder().asOf(AS_OF).policy(relaxed).build()) {
      e.upsertAll(population());
      e.refresh();
      assertTrue(ids(e.rank(nurseOrder(false).build(), 100)).contains("nurse-in-aarhus"), "relaxed gate");
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void fortrinsadgangHolderIsOnAPublicEmployersListEvenBeyondK() {
    List<Match> top2 = engine.rank(nurseOrder(true).build(), 2);
    assertEquals(List.of("nurse-all-skills", "nurse-missing-saar", "fortrinsadgang-holder"), ids(top2));
    assertTrue(top2.get(2).has(Flag.FORTRINSADGANG));
    // Within k it is flagged too, and not repeated.
    List<Match> top3 = engine.rank(nurseOrder(true).build(), 3);
    assertEquals(List.of("nurse-all-skills", "nurse-missing-saar", "fortrinsadgang-holder"), ids(top3));
    assertTrue(top3.get(2).has(Flag.FORTRINSADGANG));
    // Not qualified when an essential skill is missing entirely: no extra seat.
    JobOrder harder = nurseOrder(true).essentialSkill("skill:iv-behandling").build();
    assertEquals(List.of("nurse-all-skills", "nurse-missing-saar"), ids(engine.rank(harder, 2)));
  }

  @Test
  void upskillingCandidateOneEducationLevelShort() {
    JobOrder order = nurseOrder(false).minEducationLevel(6).build();
    ShortageLookup shortage = ShortageLookup.ofDigits(Map.of("2221", ShortageCategory.MANGEL));
    try (MatchEngine e = MatchEngine.builder().asOf(AS_OF).shortage(shortage).build()) {
      e.upsertAll(population());
      e.refresh();
      Match m = e.rank(order, 1).get(0);
      assertEquals("nurse-all-skills", m.citizenId());
      assertTrue(m.has(Flag.UPSKILLING_CANDIDATE));
      assertTrue(m.has(Flag.SHORTAGE));
      assertEquals(0.75, m.explanation().value(Component.EDUCATION), 1e-12);
      assertEquals(0.5, engine.rank(order, 1).get(0).explanation().value(Component.EDUCATION), 1e-12,
          "without shortage the upskilling credit is lower");
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void engineAgreesWithReferenceOnTheHandMadePopulation() {
    ReferenceScorer ref = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(), AS_OF);
    for (JobOrder o : List.of(nurseOrder(true).build(), nurseOrder(false).acceptsFleksjob(true).build())) {
      assertEquals(ref.rank(population(), o, 3), engine.rank(o, 3));
    }
  }

  @Test
  void deletedCitizenNeverAppearsAgainEvenBeforeRefresh() {
    assertTrue(engine.delete("nurse-all-skills"));
    assertFalse(ids(engine.rank(nurseOrder(true).build(), 100)).contains("nurse-all-skills"));
    engine.refresh();
    assertFalse(ids(engine.rank(nurseOrder(true).build(), 100)).contains("nurse-all-skills"));
    assertFalse(engine.delete("nurse-all-skills"));
    assertEquals(5, engine.citizenCount());
  }

  @Test
  void updateReplacesTheCitizen() {
    Citizen moved = population().get(0).toBuilder().location(new Location("8000", 56.1572, 10.2107)).build();
    engine.upsert(moved);
    engine.refresh();
    assertFalse(ids(engine.rank(nurseOrder(false).build(), 100)).contains("nurse-all-skills"));
    assertEquals(6, engine.citizenCount());
    assertEquals(moved, engine.citizen("nurse-all-skills").orElseThrow());
  }

  @Test
  void newCitizenIsVisibleAtOnceWithoutRefresh() {
    Citizen c = population().get(0).toBuilder().build();
    Citizen twin = Citizen.builder("a-twin").location(c.location()).maxCommuteKm(30.0).hoursPerWeek(25, 37)
        .experience(c.experience()).jobGoals(c.jobGoals()).skills(c.skills()).education(c.education()).build();
    engine.upsert(twin);
    assertEquals("a-twin", engine.rank(nurseOrder(false).build(), 1).get(0).citizenId(), "tie broken by id");
    assertEquals(twin, engine.citizen("a-twin").orElseThrow());
  }

  @Test
  void shortageOrdersRankHigherInSuggestions() {
    ShortageLookup shortage = ShortageLookup.ofDigits(Map.of("2221", ShortageCategory.MANGEL));
    try (MatchEngine e = MatchEngine.builder().asOf(AS_OF).shortage(shortage).build()) {
      // Two orders equal for this citizen in every respect but the occupation's shortage status.
      Citizen flexible = citizen("flex", 1).education(5, null, 2015).build();
      e.upsertOrder(JobOrder.builder("a-no-shortage", "isco:2342").employer(nurseOrder(false).build().employer()).build());
      e.upsertOrder(JobOrder.builder("b-shortage", "isco:2221").employer(nurseOrder(false).build().employer()).build());
      List<Match> s = e.suggest(flexible, 2);
      assertEquals(List.of("b-shortage", "a-no-shortage"), s.stream().map(Match::orderId).toList());
      assertTrue(s.get(0).has(Flag.SHORTAGE));
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void aRelatedSkillEarnsPartialCreditAndIsNamedInTheExplanation() {
    // In this taxonomy skill s(i+1) is related to s(i) with credit 0.5.
    try (MatchEngine e = MatchEngine.builder().asOf(AS_OF).taxonomy(RandomPopulation.relatedTaxonomy()).build()) {
      e.upsertAll(List.of(citizen("holds-s1", 1).skill("skill:s1").build(), citizen("holds-s2", 1).skill("skill:s2").build(),
          citizen("holds-s40", 1).skill("skill:s40").build()));
      e.refresh();
      JobOrder order = JobOrder.builder("jo-s1", "isco:9999").essentialSkill("skill:s1").build();
      List<Match> top = e.rank(order, 10);
      assertEquals(List.of("holds-s1", "holds-s2", "holds-s40"), ids(top));
      assertEquals(java.util.Map.of(), top.get(0).explanation().matchedVia());
      assertEquals(java.util.Map.of("skill:s1", "skill:s2"), top.get(1).explanation().matchedVia());
      assertEquals(0.5, top.get(1).explanation().value(Component.SKILLS), 1e-12);
      assertEquals(List.of("skill:s1"), top.get(2).explanation().missingEssentialSkills());
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void explanationsAcceptEmptyPlainMaps() {
    var e = new dk.jobmatch.scoring.Explanation(Map.of(), List.of(), List.of(), List.of(), java.util.Set.of());
    assertTrue(e.components().isEmpty());
    assertEquals(Map.of(), e.matchedVia());
  }

  @Test
  void badArgumentsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.rank(nurseOrder(false).build(), 0));
    assertTrue(e.getMessage().startsWith("k: '0'"), e.getMessage());
    assertThrows(NullPointerException.class, () -> engine.rank(null, 5));
    assertThrows(IllegalArgumentException.class, () -> engine.suggest("no-such-citizen", 5));
    assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().weight(Component.SKILLS, 0.9).build(), "weights must sum to 1");
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().weight(Component.SKILLS, -0.1).weight(Component.OCCUPATION, 0.65).build());
    assertTrue(w.getMessage().startsWith("weights.skills"), w.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MatchEngine.builder().refreshInterval(java.time.Duration.ZERO));
  }
}
