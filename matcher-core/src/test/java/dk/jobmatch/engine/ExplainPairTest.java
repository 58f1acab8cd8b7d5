package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Why not?" on hand-made pairs: for every gate a pair failing exactly that gate, with the
 * values compared, and the same pair under a policy relaxing the gate; the rank, the k-th
 * score and the gap of eligible citizens on a small population worked out by hand.
 */
class ExplainPairTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  /** Along a meridian 0.4° is 0.4 · π/180 · 6371.0088 km = 44.4788 km. */
  static final Location HOME = new Location("2600", 55.0, 12.4);
  static final Location NEAR_WORK = new Location("2600", 55.1, 12.4);
  static final Location FAR_WORK = new Location("2600", 55.4, 12.4);

  /** A citizen who passes every gate of {@link #order()}. */
  static Citizen.Builder citizen() {
    return citizen("c-1");
  }

  static Citizen.Builder citizen(String id) {
    return speaking(id).language("da", CefrLevel.C1);
  }

  /** The citizen of {@link #citizen(String)} without languages. */
  static Citizen.Builder speaking(String id) {
    return Citizen.builder(id).jobReady(true).searchable(true).location(HOME).maxCommuteKm(30.0)
        .hoursPerWeek(30, 37).certificate("DRIVING_B").skill("skill:a")
        .experience("isco:5322", 4, 2025).jobGoal("isco:5322", 1).education(3, null, 2015);
  }

  static JobOrder.Builder order() {
    return requiring().language("da", CefrLevel.B1);
  }

  /** The order of {@link #order()} without languages. */
  static JobOrder.Builder requiring() {
    return JobOrder.builder("o-1", OccupationRef.parse("isco:5322"))
        .employer(new Employer(null, null, null, false, false, NEAR_WORK))
        .employmentType(EmploymentType.ORDINARY).hoursPerWeek(30, 37).certificate("DRIVING_B")
        .startDate(LocalDate.of(2027, 1, 1)).requiredSkill(RequiredSkill.essential("skill:a"));
  }

  /** A pair failing exactly {@code gate}. */
  record Case(UnaryOperator<Citizen.Builder> citizen, UnaryOperator<JobOrder.Builder> order, Map<String, Object> values) {}

  static Case failing(Gate gate) {
    return switch (gate) {
      case SEARCHABLE -> new Case(c -> c.searchable(false), o -> o, map("searchable", false));
      case COMMUTE -> new Case(c -> c, o -> o.employer(new Employer(null, null, null, false, false, FAR_WORK)),
          map("distanceKm", 44.5, "maxCommuteKm", 30.0));
      case HOURS -> new Case(c -> c.hoursPerWeek(10, 15), o -> o.hoursPerWeek(37, 37),
          map("orderHoursPerWeek", map("min", 37, "max", 37), "citizenHoursPerWeek", map("min", 10, "max", 15)));
      case FLEKSJOB -> new Case(c -> c.fleksjob(Fleksjob.approved(15)), o -> o,
          map("fleksjobApproved", true, "fleksjobMaxHoursPerWeek", 15, "employmentType", "ORDINARY", "acceptsFleksjob", false));
      case CERTIFICATES -> new Case(c -> c, o -> o.certificate("DRIVING_C"),
          map("requiredCertificates", List.of("DRIVING_B", "DRIVING_C"), "missingCertificates", List.of("DRIVING_C")));
      case LANGUAGES -> new Case(c -> speaking("c-1").language("da", CefrLevel.B1),
          o -> requiring().language("da", CefrLevel.C1).language("en", CefrLevel.B2),
          map("requiredLanguages", List.of(map("code", "da", "minLevel", "C1"), map("code", "en", "minLevel", "B2")),
              "unmetLanguages", List.of(map("code", "da", "level", "B1", "minLevel", "C1"),
                  map("code", "en", "level", null, "minLevel", "B2"))));
      case AVAILABILITY -> new Case(c -> c.availableFrom(LocalDate.of(2027, 2, 1)), o -> o,
          map("availableFrom", LocalDate.of(2027, 2, 1), "startDate", LocalDate.of(2027, 1, 1)));
      case EMPLOYMENT_TYPE -> new Case(c -> c.jobReady(false), o -> o,
          map("employmentType", "ORDINARY", "jobReady", false, "fleksjobApproved", false, "acceptsFleksjob", false));
    };
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static MatchEngine engine(ScoringPolicy policy) {
    return MatchEngine.builder().policy(policy).asOf(AS_OF).build();
  }

  @Test
  void theBaseCasePassesEveryGateAndReportsTheValuesCompared() throws Exception {
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      PairExplanation e = engine.explainPair(citizen().build(), order().build(), 10);
      assertTrue(e.eligible(), e::toString);
      assertEquals(Arrays.asList(Gate.values()), e.gates().stream().map(GateCheck::gate).toList());
      for (GateCheck g : e.gates()) {
        assertTrue(g.passed() && !g.relaxed(), g::toString);
      }
      assertEquals(map("searchable", true), e.gate(Gate.SEARCHABLE).values());
      assertEquals(map("distanceKm", 11.1, "maxCommuteKm", 30.0), e.gate(Gate.COMMUTE).values());
      assertEquals(map("orderHoursPerWeek", map("min", 30, "max", 37), "citizenHoursPerWeek", map("min", 30, "max", 37)),
          e.gate(Gate.HOURS).values());
      assertEquals(map("fleksjobApproved", false, "employmentType", "ORDINARY", "acceptsFleksjob", false),
          e.gate(Gate.FLEKSJOB).values());
      assertEquals(map("requiredCertificates", List.of("DRIVING_B"), "missingCertificates", List.of()),
          e.gate(Gate.CERTIFICATES).values());
      assertEquals(map("requiredLanguages", List.of(map("code", "da", "minLevel", "B1")), "unmetLanguages", List.of()),
          e.gate(Gate.LANGUAGES).values());
      assertEquals(map("availableFrom", null, "startDate", LocalDate.of(2027, 1, 1)), e.gate(Gate.AVAILABILITY).values());
      assertEquals(map("employmentType", "ORDINARY", "jobReady", true, "fleksjobApproved", false, "acceptsFleksjob", false),
          e.gate(Gate.EMPLOYMENT_TYPE).values());
      Match m = e.match().orElseThrow();
      assertEquals(engine.explain(citizen().build(), order().build()).orElseThrow(), m);
      // Nobody indexed: first place, and no k-th place to close a gap to.
      assertEquals(1, e.rank());
      assertEquals(0, e.gapToTop());
      assertEquals(OptionalDouble.empty(), e.kthScore());
    }
  }

  @ParameterizedTest
  @EnumSource(Gate.class)
  void aPairFailingOneGateNamesItWithTheValuesCompared(Gate gate) throws Exception {
    Case c = failing(gate);
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      PairExplanation e = engine.explainPair(c.citizen().apply(citizen()).build(), c.order().apply(order()).build(), 10);
      assertFalse(e.eligible(), gate + ": " + e);
      assertEquals(List.of(gate), e.failedGates(), gate.name());
      GateCheck check = e.gate(gate);
      assertFalse(check.passed());
      assertFalse(check.relaxed());
      assertEquals(c.values(), check.values(), gate.name());
      assertTrue(e.match().isEmpty());
      assertEquals(0, e.rank());
      assertEquals(0, e.gapToTop());
      assertTrue(engine.explain(c.citizen().apply(citizen()).build(), c.order().apply(order()).build()).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Gate.class)
  void aRelaxedGateIsReportedAsRelaxedAndPassed(Gate gate) throws Exception {
    Case c = failing(gate);
    try (MatchEngine engine = engine(ScoringPolicy.defaults().toBuilder().relax(gate).build())) {
      PairExplanation e = engine.explainPair(c.citizen().apply(citizen()).build(), c.order().apply(order()).build(), 10);
      assertTrue(e.eligible(), gate + ": " + e);
      GateCheck check = e.gate(gate);
      assertTrue(check.passed() && check.relaxed(), check::toString);
      assertEquals(c.values(), check.values(), gate + ": the values are reported all the same");
      for (GateCheck other : e.gates()) {
        assertEquals(other.gate() == gate, other.relaxed(), other::toString);
      }
      assertEquals(1, e.rank());
    }
  }

  @Test
  void aFleksjobOrderFailsACitizenWithoutApprovalOnTwoGates() throws Exception {
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      PairExplanation e = engine.explainPair(citizen().build(), order().employmentType(EmploymentType.FLEKSJOB).build(), 10);
      assertEquals(List.of(Gate.FLEKSJOB, Gate.EMPLOYMENT_TYPE), e.failedGates());
      assertEquals(map("fleksjobApproved", false, "employmentType", "FLEKSJOB", "acceptsFleksjob", false),
          e.gate(Gate.FLEKSJOB).values());
    }
  }

  @Test
  void aFleksjobOrderAboveTheApprovedHoursFailsOnHours() throws Exception {
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      PairExplanation e = engine.explainPair(citizen().jobReady(false).fleksjob(Fleksjob.approved(15)).build(),
          order().employmentType(EmploymentType.FLEKSJOB).hoursPerWeek(20, 30).build(), 10);
      assertEquals(List.of(Gate.HOURS), e.failedGates());
      assertEquals(map("orderHoursPerWeek", map("min", 20, "max", 30), "citizenHoursPerWeek", map("min", 30, "max", 37),
          "fleksjobMaxHoursPerWeek", 15), e.gate(Gate.HOURS).values());
      assertTrue(e.gate(Gate.FLEKSJOB).passed());
      assertTrue(e.gate(Gate.EMPLOYMENT_TYPE).passed());
    }
  }

  @Test
  void wageSubsidyDoesNotNeedJobReadiness() throws Exception {
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      PairExplanation e = engine.explainPair(citizen().jobReady(false).build(),
          order().employmentType(EmploymentType.WAGE_SUBSIDY).build(), 10);
      assertTrue(e.eligible(), e::toString);
      assertEquals(map("employmentType", "WAGE_SUBSIDY", "jobReady", false, "fleksjobApproved", false, "acceptsFleksjob", false),
          e.gate(Gate.EMPLOYMENT_TYPE).values());
    }
  }

  @Test
  void detailsNotGivenPassAndShowAsNull() throws Exception {
    Citizen bare = Citizen.builder("c-1").jobReady(true).searchable(true).build();
    JobOrder open = JobOrder.builder("o-1", OccupationRef.parse("isco:5322")).build();
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      PairExplanation e = engine.explainPair(bare, open, 10);
      assertTrue(e.eligible(), e::toString);
      assertEquals(map("distanceKm", null, "maxCommuteKm", null), e.gate(Gate.COMMUTE).values());
      assertEquals(map("orderHoursPerWeek", null, "citizenHoursPerWeek", null), e.gate(Gate.HOURS).values());
      assertEquals(map("availableFrom", null, "startDate", null), e.gate(Gate.AVAILABILITY).values());
      // A known distance without a limit is still shown.
      PairExplanation located = engine.explainPair(citizen().maxCommuteKm(null).build(), order().build(), 10);
      assertEquals(map("distanceKm", 11.1, "maxCommuteKm", null), located.gate(Gate.COMMUTE).values());
    }
  }

  @Test
  void aDistanceJustOverTheLimitShowsEnoughDecimalsToSeeWhy() throws Exception {
    // 0.27° along a meridian is 30.0227 km: rounded to 0.1 km it would read 30.0, as if it fitted.
    Citizen c = citizen().location(new Location("2600", 55.0, 12.4)).build();
    JobOrder o = order().employer(new Employer(null, null, null, false, false, new Location("2600", 55.27, 12.4))).build();
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      PairExplanation e = engine.explainPair(c, o, 10);
      assertEquals(List.of(Gate.COMMUTE), e.failedGates());
      assertEquals(map("distanceKm", 30.02, "maxCommuteKm", 30.0), e.gate(Gate.COMMUTE).values());
    }
  }

  /**
   * Five citizens with the same profile except the distance to the workplace, so the scores fall
   * with the distance; one of them is not searchable. K = 2.
   */
  @Test
  void rankKthScoreAndGapOnAHandMadePopulation() throws Exception {
    List<Citizen> population = new ArrayList<>();
    double[] offsets = {0.01, 0.02, 0.03, 0.04, 0.05};
    for (int i = 0; i < offsets.length; i++) {
      population.add(citizen("c-" + i).location(new Location("2600", 55.1 - offsets[i], 12.4)).searchable(i != 2).build());
    }
    JobOrder o = order().build();
    ReferenceScorer reference = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(), AS_OF);
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      engine.upsertAll(population);
      engine.refresh();
      List<Match> top = engine.rank(o, 10);
      assertEquals(List.of("c-0", "c-1", "c-3", "c-4"), top.stream().map(Match::citizenId).toList());
      double second = top.get(1).score();

      PairExplanation first = engine.explainPair("c-0", o, 2);
      assertEquals(1, first.rank());
      assertEquals(0, first.gapToTop());
      assertEquals(OptionalDouble.of(second), first.kthScore());

      PairExplanation third = engine.explainPair("c-3", o, 2);
      assertEquals(3, third.rank());
      assertEquals(OptionalDouble.of(second), third.kthScore());
      assertEquals(second - top.get(2).score(), third.gapToTop());
      assertTrue(third.gapToTop() > 0);

      PairExplanation last = engine.explainPair("c-4", o, 2);
      assertEquals(4, last.rank());
      assertEquals(second - top.get(3).score(), last.gapToTop());

      PairExplanation withinTop = engine.explainPair("c-4", o, 4);
      assertEquals(4, withinTop.rank());
      assertEquals(0, withinTop.gapToTop());
      assertEquals(OptionalDouble.of(top.get(3).score()), withinTop.kthScore());

      PairExplanation fewerThanK = engine.explainPair("c-4", o, 5);
      assertEquals(0, fewerThanK.gapToTop());
      assertEquals(OptionalDouble.empty(), fewerThanK.kthScore());

      PairExplanation gated = engine.explainPair("c-2", o, 2);
      assertEquals(List.of(Gate.SEARCHABLE), gated.failedGates());

      // A citizen who is not indexed takes its place among the indexed ones; one with an
      // indexed citizen's id replaces that citizen.
      Citizen newcomer = citizen("c-9").location(new Location("2600", 55.1 - 0.025, 12.4)).build();
      PairExplanation outsider = engine.explainPair(newcomer, o, 2);
      assertEquals(3, outsider.rank());
      Citizen moved = citizen("c-0").location(new Location("2600", 55.1 - 0.055, 12.4)).build();
      assertEquals(4, engine.explainPair(moved, o, 2).rank());

      for (String id : List.of("c-0", "c-1", "c-2", "c-3", "c-4")) {
        Citizen c = population.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        for (int k = 1; k <= 6; k++) {
          assertEquals(reference.explainPair(population, c, o, k), engine.explainPair(id, o, k), id + " k=" + k);
        }
      }
      assertEquals(reference.explainPair(population, newcomer, o, 2), outsider);
    }
  }

  @Test
  void fortrinsadgangSeatsAreNotCounted() throws Exception {
    // A public employer: rank(order, 1) lists c-a, then the qualified holder c-f as an extra seat,
    // although c-b scores higher than c-f. c-b's rank is 2 all the same, c-f's 3.
    JobOrder o = order().employer(new Employer(null, null, null, true, false, NEAR_WORK)).build();
    List<Citizen> population = List.of(
        citizen("c-a").location(new Location("2600", 55.09, 12.4)).build(),
        citizen("c-b").location(new Location("2600", 55.08, 12.4)).build(),
        citizen("c-f").location(new Location("2600", 55.07, 12.4)).compensation(CompensationScheme.FORTRINSADGANG).build());
    ReferenceScorer reference = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(), AS_OF);
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      engine.upsertAll(population);
      engine.refresh();
      List<Match> shortlist = engine.rank(o, 1);
      assertEquals(List.of("c-a", "c-f"), shortlist.stream().map(Match::citizenId).toList());
      PairExplanation b = engine.explainPair("c-b", o, 1);
      assertEquals(2, b.rank());
      assertEquals(shortlist.get(0).score() - b.match().orElseThrow().score(), b.gapToTop());
      PairExplanation f = engine.explainPair("c-f", o, 1);
      assertEquals(3, f.rank());
      assertTrue(f.match().orElseThrow().has(dk.jobmatch.scoring.Flag.FORTRINSADGANG));
      assertEquals(OptionalDouble.of(shortlist.get(0).score()), f.kthScore());
      assertTrue(f.gapToTop() > 0, "on the list as an extra seat, yet below the K-th place");
      for (Citizen c : population) {
        assertEquals(reference.explainPair(population, c, o, 1), engine.explainPair(c.id(), o, 1), c.id());
      }
    }
  }

  @Test
  void tiesAreBrokenByIdAsInTheRanking() throws Exception {
    List<Citizen> twins = List.of(citizen("c-b").build(), citizen("c-a").build(), citizen("c-c").build());
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      engine.upsertAll(twins);
      engine.refresh();
      JobOrder o = order().build();
      assertEquals(1, engine.explainPair("c-a", o, 1).rank());
      PairExplanation b = engine.explainPair("c-b", o, 1);
      assertEquals(2, b.rank());
      assertEquals(0, b.gapToTop(), "an equal score lacks nothing");
      assertEquals(3, engine.explainPair("c-c", o, 2).rank());
    }
  }

  @Test
  void unknownIdsAndBadArgumentsAreRejected() throws Exception {
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      engine.upsertOrder(order().build());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.explainPair("c-x", order().build(), 10));
      assertTrue(e.getMessage().startsWith("citizenId: 'c-x'"), e.getMessage());
      engine.upsert(citizen().build());
      engine.refresh();
      assertTrue(engine.explainPair("c-1", "o-1", 10).eligible());
      assertThrows(IllegalArgumentException.class, () -> engine.explainPair("c-1", "o-x", 10));
      assertThrows(IllegalArgumentException.class, () -> engine.explainPair(citizen().build(), order().build(), 0));
      assertThrows(NullPointerException.class, () -> engine.explainPair((Citizen) null, order().build(), 1));
    }
    MatchEngine closed = engine(ScoringPolicy.defaults());
    closed.close();
    assertThrows(IllegalStateException.class, () -> closed.explainPair(citizen().build(), order().build(), 10));
  }

  @Test
  void toStringLeavesOutTheValues() throws Exception {
    Case c = failing(Gate.COMMUTE);
    try (MatchEngine engine = engine(ScoringPolicy.defaults())) {
      PairExplanation e = engine.explainPair(c.citizen().apply(citizen()).build(), c.order().apply(order()).build(), 10);
      assertEquals("PairExplanation[citizen=c-1, order=o-1, eligible=false, failed=[COMMUTE]]", e.toString());
      assertEquals("GateCheck[COMMUTE, passed=false, relaxed=false, values=[distanceKm, maxCommuteKm]]",
          e.gate(Gate.COMMUTE).toString());
    }
  }
}
