package dk.jobmatch.report;

import static dk.jobmatch.batch.Cases.match;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.batch.BatchListener;
import dk.jobmatch.batch.BatchMatcher;
import dk.jobmatch.batch.BatchOptions;
import dk.jobmatch.batch.BatchResult;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.report.BatchReport.Bin;
import dk.jobmatch.report.BatchReport.CoverageRow;
import dk.jobmatch.report.BatchReport.GroupExposure;
import dk.jobmatch.report.BatchReport.ShortageGap;
import dk.jobmatch.report.BatchReport.SkillNeed;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of a small hand-made batch, every number worked out by hand in the comments.
 *
 * <p>C = 1. Orders: S1 (nurse, shortage, 2 places, 1 position) with x .9 (missing sk:a), y .6
 * (one education level short), z .5 (missing sk:a, sk:b); S2 (nurse, shortage, 2 places, 2
 * positions) with x .8 (missing sk:b); N1 (care helper, 2 places) with x .95, w .7; N2 (care
 * helper, 1 place) with nobody. With the default bonuses the optimum gives x to S2 (objective
 * 8.6 against 6.75 when x goes to N1 and 6.2 when x goes to S1): S1 = [y, z], S2 = [x], N1 = [w].
 * Independent top-k would give S1 = [x, y], S2 = [x], N1 = [x, w].
 */
class BatchReportTest {
  static JobOrder s1;
  static JobOrder s2;
  static JobOrder n1;
  static JobOrder n2;
  static BatchResult result;
  static List<Citizen> population;
  static BatchReport report;

  static final Taxonomy LABELS = new Taxonomy() {
    @Override
    public OccupationCode resolve(OccupationRef ref) {
      return Taxonomy.none().resolve(ref);
    }

    @Override
    public Map<String, Double> relatedSkills(String skillId) {
      return Map.of();
    }

    @Override
    public Optional<ReuseLevel> reuseLevel(String skillId) {
      return Optional.empty();
    }

    @Override
    public List<RequiredSkill> skillsOf(OccupationRef occupation) {
      return List.of();
    }

    @Override
    public Optional<String> skillLabel(String skillId) {
      return skillId.equals("sk:a") ? Optional.of("administer medication") : Optional.empty();
    }

    @Override
    public Optional<String> occupationLabel(OccupationRef occupation) {
      return occupation.toString().equals("isco:2221") ? Optional.of("Nursing professionals") : Optional.empty();
    }
  };

  @BeforeAll
  static void run() throws Exception {
    s1 = JobOrder.builder("S1", "isco:2221").maxCandidates(2).positions(1).build();
    s2 = JobOrder.builder("S2", "disco:222110").maxCandidates(2).positions(2).build();
    n1 = JobOrder.builder("N1", "isco:5322").maxCandidates(2).build();
    n2 = JobOrder.builder("N2", "isco:5322").maxCandidates(1).build();
    Map<JobOrder, List<Match>> lists = new LinkedHashMap<>();
    lists.put(s1, List.of(
        match(s1, "x", 0.9, List.of("sk:a"), Flag.MISSING_ESSENTIAL_SKILLS),
        match(s1, "y", 0.6, Flag.UPSKILLING_CANDIDATE),
        match(s1, "z", 0.5, List.of("sk:a", "sk:b"), Flag.MISSING_ESSENTIAL_SKILLS)));
    lists.put(s2, List.of(match(s2, "x", 0.8, List.of("sk:b"), Flag.MISSING_ESSENTIAL_SKILLS)));
    lists.put(n1, List.of(match(n1, "x", 0.95), match(n1, "w", 0.7)));
    lists.put(n2, List.of());
    result = new BatchMatcher(BatchOptions.builder().perCitizen(1).build()).allocate(lists,
        o -> o.occupation().toString().startsWith("isco:53") ? ShortageCategory.GODE : ShortageCategory.MANGEL,
        BatchListener.NONE);
    population = List.of(
        Citizen.builder("x").targetGroup(TargetGroup.A_DAGPENGE).compensation(CompensationScheme.AIDS).build(),
        Citizen.builder("y").targetGroup(TargetGroup.KONTANTHJAELP).build(),
        Citizen.builder("z").targetGroup(TargetGroup.A_DAGPENGE).compensation(CompensationScheme.AIDS)
            .compensation(CompensationScheme.PERSONAL_ASSISTANCE).build(),
        Citizen.builder("w").build(),
        Citizen.builder("v").targetGroup(TargetGroup.KONTANTHJAELP).build(),
        Citizen.builder("u").targetGroup(TargetGroup.SYGEDAGPENGE).searchable(false).build());
    report = BatchReport.builder(result).population(population).taxonomy(LABELS).build();
  }

  @Test
  void allocationIsTheWorkedOutOptimum() {
    Map<String, List<String>> picks = new LinkedHashMap<>();
    result.shortlists().forEach(s -> picks.put(s.order().id(), s.matches().stream().map(Match::citizenId).toList()));
    assertEquals(Map.of("S1", List.of("y", "z"), "S2", List.of("x"), "N1", List.of("w"), "N2", List.of()), picks);
    assertEquals(8.6, result.objective(), 1e-9);
  }

  @Test
  void summary() {
    var s = report.summary();
    assertEquals("MIN_COST_FLOW", s.algorithm());
    assertEquals(1, s.perCitizen());
    assertEquals(4, s.orders());
    assertEquals(7, s.placesRequested());
    assertEquals(4, s.placesFilled());
    assertEquals(0, s.fortrinsadgangPlaces());
    assertEquals(0, s.citizensOverCap());
    assertEquals(5, s.citizensInPool()); // u is not searchable
    assertEquals(4, s.citizensWithCandidacy());
    assertEquals(2.6, s.totalFit(), 1e-9);
    assertEquals(8.6, s.objective(), 1e-9);
  }

  @Test
  void coverage() {
    var c = report.coverage();
    assertEquals(4, c.orders());
    assertEquals(1, c.ordersWithoutQualified()); // N2
    assertEquals(1, c.ordersFewerQualifiedThanRequested()); // S2: 1 candidate for 2 places
    assertEquals(3, c.ordersCoveredBefore());
    assertEquals(3, c.ordersCoveredAfter());
    assertEquals(1, c.ordersEmptyAfter());
    assertEquals(2, c.ordersFewerThanRequestedAfter()); // S2 1/2, N1 1/2
    // S2's DISCO code 222110 groups under ISCO unit group 2221 with S1.
    assertEquals(List.of(
        new CoverageRow("isco:2221", "Nursing professionals", "MANGEL", 2, 4, 3, 0, 1, 0, 1),
        new CoverageRow("isco:5322", null, "GODE", 2, 3, 1, 1, 0, 1, 1)), c.byOccupation());
    assertEquals(List.of(
        new CoverageRow("GODE", null, null, 2, 3, 1, 1, 0, 1, 1),
        new CoverageRow("MANGEL", null, null, 2, 4, 3, 0, 1, 0, 1)), c.byShortageCategory());
  }

  @Test
  void congestionBeforeAndAfter() {
    var before = report.congestion().before();
    // Pool x, y, z, w, v with proposals 3, 1, 0, 1, 0: sorted 0,0,1,1,3, Gini 14 / 25.
    assertEquals(5, before.citizens());
    assertEquals(3, before.citizensProposed());
    assertEquals(5, before.proposals());
    assertEquals(3, before.max());
    assertEquals(1.0, before.mean());
    assertEquals(0.56, before.gini());
    assertEquals(0.2667, before.giniAmongProposed()); // 1,1,3: 4 / 15
    assertEquals(List.of(2, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0), before.histogram().stream().map(Bin::citizens).toList());
    var after = report.congestion().after();
    // 1, 1, 1, 1, 0: sorted 0,1,1,1,1, Gini 4 / 20.
    assertEquals(4, after.proposals());
    assertEquals(1, after.max());
    assertEquals(0.8, after.mean());
    assertEquals(0.2, after.gini());
    assertEquals(0.0, after.giniAmongProposed());
    assertEquals(List.of(1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0), after.histogram().stream().map(Bin::citizens).toList());
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6-10", "11-20", "21-50", "51-100", "101+"),
        after.histogram().stream().map(Bin::label).toList());
    assertTrue(after.gini() < before.gini());
  }

  @Test
  void shortageGaps() {
    // S2 offers 2 positions but has 1 qualified candidate: unfillable, and short after.
    assertEquals(List.of(new ShortageGap("isco:2221", "Nursing professionals", "MANGEL", 2, 3, 4, 3, 3, 1, 1, 0)),
        report.shortageGaps());
  }

  @Test
  void upskillingNeeds() {
    var u = report.upskilling();
    assertEquals(2, u.shortageOrders());
    assertEquals(3, u.maxMissingEssential());
    assertEquals(4, u.nearMissPairs()); // x@S1, y@S1, z@S1, x@S2
    assertEquals(3, u.nearMissCitizens());
    assertEquals(1, u.educationShortPairs()); // y
    assertEquals(List.of(
        new SkillNeed("sk:a", "administer medication", 2, 2, 1, List.of("isco:2221")),
        new SkillNeed("sk:b", null, 2, 2, 2, List.of("isco:2221"))), u.skills());
    // With at most one missing skill, z is too far: sk:a from x@S1, sk:b from x@S2.
    var strict = BatchReport.builder(result).population(population).maxMissingEssential(1).build().upskilling();
    assertEquals(3, strict.nearMissPairs());
    assertEquals(2, strict.nearMissCitizens());
    assertEquals(List.of(new SkillNeed("sk:a", null, 1, 1, 1, List.of("isco:2221")),
        new SkillNeed("sk:b", null, 1, 1, 1, List.of("isco:2221"))), strict.skills());
  }

  @Test
  void exposureByTargetGroupAndScheme() {
    Map<String, GroupExposure> tg = new LinkedHashMap<>();
    report.exposure().byTargetGroup().forEach(g -> tg.put(g.group(), g));
    assertEquals(TargetGroup.values().length + 1, tg.size());
    // x, z: pool 2/5, candidates 2/4, before 3/5, after 2/4, ratio 0.5 / 0.4.
    assertEquals(new GroupExposure("A_DAGPENGE", 2, 0.4, 2, 0.5, 3, 0.6, 2, 0.5, 1.25), tg.get("A_DAGPENGE"));
    assertEquals(new GroupExposure("KONTANTHJAELP", 2, 0.4, 1, 0.25, 1, 0.2, 1, 0.25, 0.625), tg.get("KONTANTHJAELP"));
    assertEquals(new GroupExposure("UNKNOWN", 1, 0.2, 1, 0.25, 1, 0.2, 1, 0.25, 1.25), tg.get("UNKNOWN"));
    assertNull(tg.get("SYGEDAGPENGE").ratio()); // u is not searchable: not in the pool
    assertEquals(0, tg.get("SYGEDAGPENGE").poolCitizens());
    Map<String, GroupExposure> cs = new LinkedHashMap<>();
    report.exposure().byCompensationScheme().forEach(g -> cs.put(g.group(), g));
    assertEquals(List.of("PERSONAL_ASSISTANCE", "AIDS", "FORTRINSADGANG", "NONE"), List.copyOf(cs.keySet()));
    assertEquals(new GroupExposure("AIDS", 2, 0.4, 2, 0.5, 3, 0.6, 2, 0.5, 1.25), cs.get("AIDS"));
    assertEquals(new GroupExposure("PERSONAL_ASSISTANCE", 1, 0.2, 1, 0.25, 0, 0.0, 1, 0.25, 1.25),
        cs.get("PERSONAL_ASSISTANCE"));
    assertEquals(new GroupExposure("NONE", 3, 0.6, 2, 0.5, 2, 0.4, 2, 0.5, 0.8333), cs.get("NONE"));
  }

  @Test
  void withoutPopulationThePoolIsTheCandidatesAndAttributesComeFromTheLookUp() {
    Map<String, Citizen> byId = new LinkedHashMap<>();
    population.forEach(c -> byId.put(c.id(), c));
    BatchReport r = BatchReport.builder(result).citizens(id -> Optional.ofNullable(byId.get(id))).build();
    assertEquals(4, r.summary().citizensInPool());
    // x, y, z, w before 3, 1, 0, 1: sorted 0,1,1,3, weights -3,-1,1,3: (−1 + 1 + 9) / (4 · 5).
    assertEquals(0.45, r.congestion().before().gini());
    GroupExposure kh = r.exposure().byTargetGroup().get(TargetGroup.KONTANTHJAELP.ordinal());
    assertEquals(1, kh.poolCitizens());
    // Without a taxonomy DISCO digits still place S2 in ISCO unit group 2221; no labels.
    assertEquals(List.of("isco:2221", "isco:5322"),
        r.coverage().byOccupation().stream().map(CoverageRow::key).toList());
    assertNull(r.coverage().byOccupation().get(0).label());
  }

  @Test
  void giniOfKnownDistributions() {
    assertEquals(0.0, ReportComputation.gini(new int[] {2, 2, 2, 2}, 0, 4));
    assertEquals(0.75, ReportComputation.gini(new int[] {0, 0, 0, 10}, 0, 4), 1e-12);
    assertEquals(0.0, ReportComputation.gini(new int[] {0, 0}, 0, 2));
    assertEquals(0.0, ReportComputation.gini(new int[] {}, 0, 0));
  }
}
