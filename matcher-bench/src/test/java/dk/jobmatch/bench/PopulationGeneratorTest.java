package dk.jobmatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ShortageCategory;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PopulationGeneratorTest {

  private static List<String> lines(List<Citizen> citizens, List<JobOrder> orders) throws Exception {
    StringWriter w = new StringWriter();
    JsonLines.writeCitizens(w, citizens);
    JsonLines.writeOrders(w, orders);
    return w.toString().lines().toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 42L, 20_261_102L, -7L})
  void sameSeedGivesIdenticalCitizensAndOrders(long seed) throws Exception {
    PopulationGenerator a = PopulationGenerator.builder(seed).synthetic().build();
    PopulationGenerator b = PopulationGenerator.builder(seed).synthetic().build();
    List<Citizen> ca = a.citizens(2_000);
    List<Citizen> cb = b.citizens(2_000);
    List<JobOrder> oa = a.orders(300);
    List<JobOrder> ob = b.orders(300);
    assertEquals(ca, cb, "citizens differ for seed " + seed);
    assertEquals(oa, ob, "orders differ for seed " + seed);
    assertEquals(lines(ca, oa), lines(cb, ob), "JSON Lines differ for seed " + seed);
  }

  @Test
  void differentSeedsGiveDifferentPopulations() {
    List<Citizen> a = PopulationGenerator.builder(1).synthetic().build().citizens(200);
    List<Citizen> b = PopulationGenerator.builder(2).synthetic().build().citizens(200);
    assertNotEquals(a, b);
  }

  @Test
  void citizenDependsOnlyOnSeedAndIndexNotOnCountOrParallelism() {
    PopulationGenerator g = PopulationGenerator.builder(9).synthetic().build();
    List<Citizen> big = g.citizens(12_000); // parallel above 10,000
    List<Citizen> sequential = IntStream.range(0, 12_000).mapToObj(g::citizen).toList();
    assertEquals(sequential, big);
    assertEquals(big.subList(0, 100), g.citizens(100));
    assertEquals(big.subList(5_000, 5_100), g.citizens(5_000, 5_100));
    assertEquals("c-0000000", big.get(0).id());
    assertEquals("c-0011999", big.get(11_999).id());
    assertEquals(g.orders(50).subList(10, 20), g.orders(10, 20));
    assertEquals("jo-000049", g.orders(50).get(49).id());
  }

  @Test
  void populationHasGlostrupProportionsAndPlausibleConditions() {
    PopulationGenerator g = PopulationGenerator.builder(3).synthetic().build();
    List<Citizen> cs = g.citizens(30_000);
    Map<TargetGroup, Integer> counts = new EnumMap<>(TargetGroup.class);
    for (Citizen c : cs) {
      counts.merge(c.targetGroup(), 1, Integer::sum);
      Location l = c.location();
      double km = l.distanceKm(new Location(null, PopulationGenerator.GLOSTRUP_LAT, PopulationGenerator.GLOSTRUP_LON));
      assertTrue(km <= 40.01, c.id() + " lives " + km + " km away");
      assertEquals(c.targetGroup() == TargetGroup.LEDIGHEDSYDELSE, c.fleksjobApproved(), c.id());
      if (c.fleksjobApproved()) {
        assertTrue(c.hoursPerWeek().max() <= c.fleksjob().maxHoursPerWeek(), c.id());
      }
      c.jobGoals().forEach(j -> assertEquals(OccupationRef.Scheme.ISCO, j.occupation().scheme()));
      c.experience().forEach(e -> assertEquals(4, e.occupation().code().length()));
    }
    // Glostrup Q1 2022: sygedagpenge 520 and A-dagpenge 334 of 1,466 full-time persons.
    assertEquals(520.0 / 1466, counts.get(TargetGroup.SYGEDAGPENGE) / 30_000.0, 0.015);
    assertEquals(334.0 / 1466, counts.get(TargetGroup.A_DAGPENGE) / 30_000.0, 0.015);
    assertEquals(7.0 / 1466, counts.getOrDefault(TargetGroup.REVALIDERING, 0) / 30_000.0, 0.003);
    long fortrins = cs.stream().filter(c -> c.compensation().contains(CompensationScheme.FORTRINSADGANG)).count();
    assertTrue(fortrins > 0 && fortrins < 300, "fortrinsadgang holders: " + fortrins);
    long jobReady = cs.stream().filter(Citizen::jobReady).count();
    assertTrue(jobReady > 9_000 && jobReady < 18_000, "job-ready: " + jobReady);
  }

  @Test
  void ordersIncludePublicFleksjobAndShortageOrders() {
    PopulationGenerator g = PopulationGenerator.builder(4).synthetic().build();
    List<JobOrder> os = g.orders(2_000);
    long pub = os.stream().filter(JobOrder::publicEmployer).count();
    long fleks = os.stream().filter(o -> o.employmentType() == EmploymentType.FLEKSJOB).count();
    long accepts = os.stream().filter(JobOrder::fleksjobFeasible).count();
    long shortage = os.stream()
        .filter(o -> g.shortage().category(OccupationCode.ofDigits(o.occupation().code()), o.rarArea(), g.asOf())
            .map(ShortageCategory::isShortage).orElse(false))
        .count();
    assertTrue(pub > 300 && pub < 900, "public: " + pub);
    assertTrue(fleks > 80 && fleks < 250, "fleksjob orders: " + fleks);
    assertTrue(accepts > fleks, "orders accepting fleksjob: " + accepts);
    assertTrue(shortage > 300 && shortage < 700, "shortage orders: " + shortage);
    os.forEach(o -> assertTrue(!o.requiredSkills().isEmpty(), o.id()));
  }

  @Test
  void escoPopulationUsesRealSkillUrisAndIscoGroups() {
    Optional<Path> dir = PopulationGenerator.defaultEscoDir();
    Assumptions.assumeTrue(dir.isPresent(),
        "ESCO export not found at ../shared/data/esco-v1.1.1 (or $JOBMATCH_ESCO); skipping the ESCO-backed check");
    PopulationGenerator a = PopulationGenerator.builder(11).esco(dir.get()).build();
    PopulationGenerator b = PopulationGenerator.builder(11).esco(dir.get()).build();
    assertTrue(a.usesEsco());
    assertTrue(a.occupationCount() > 2_900, "occupations: " + a.occupationCount());
    List<Citizen> cs = a.citizens(1_000);
    assertEquals(cs, b.citizens(1_000));
    assertEquals(a.orders(100), b.orders(100));
    for (Citizen c : cs) {
      c.skills().forEach(s -> assertTrue(s.id().startsWith("http://data.europa.eu/esco/skill/"), s.id()));
      c.jobGoals().forEach(j -> assertTrue(j.occupation().toString().matches("isco:\\d{4}"), j.toString()));
    }
    a.orders(100).forEach(o -> assertTrue(o.occupation().toString().matches("isco:\\d{4}"), o.id()));
  }

  @Test
  void citizenJsonLineHasTheDesignFormat() {
    Citizen c = Citizen.builder("c-0000123")
        .targetGroup(TargetGroup.LEDIGHEDSYDELSE)
        .jobReady(false)
        .unemployedSince(LocalDate.of(2026, 3, 1))
        .location("2600", 55.666, 12.399)
        .maxCommuteKm(30.0)
        .hoursPerWeek(4, 15)
        .jobGoal("isco:5322", 1)
        .experience("isco:5322", 3.5, 2024)
        .skill("http://data.europa.eu/esco/skill/x", 2025)
        .education(3, "social- og sundhedsassistent", 2012)
        .certificate("FIRST_AID")
        .certificate("DRIVING_B")
        .language("da", CefrLevel.B2)
        .fleksjob(Fleksjob.approved(15))
        .compensation(CompensationScheme.FORTRINSADGANG)
        .compensation(CompensationScheme.AIDS)
        .build();
    assertEquals("{\"id\":\"c-0000123\",\"targetGroup\":\"LEDIGHEDSYDELSE\",\"jobReady\":false,\"searchable\":true,"
        + "\"unemployedSince\":\"2026-03-01\",\"location\":{\"postalCode\":\"2600\",\"lat\":55.666,\"lon\":12.399},"
        + "\"maxCommuteKm\":30,\"hoursPerWeek\":{\"min\":4,\"max\":15},"
        + "\"jobGoals\":[{\"occupation\":\"isco:5322\",\"priority\":1}],"
        + "\"experience\":[{\"occupation\":\"isco:5322\",\"years\":3.5,\"lastYear\":2024}],"
        + "\"skills\":[{\"id\":\"http://data.europa.eu/esco/skill/x\",\"lastUsedYear\":2025}],"
        + "\"education\":{\"level\":3,\"field\":\"social- og sundhedsassistent\",\"completedYear\":2012},"
        + "\"certificates\":[\"DRIVING_B\",\"FIRST_AID\"],\"languages\":[{\"code\":\"da\",\"level\":\"B2\"}],"
        + "\"fleksjob\":{\"approved\":true,\"maxHoursPerWeek\":15},\"compensation\":[\"AIDS\",\"FORTRINSADGANG\"]}",
        JsonLines.citizen(c));
  }

  @Test
  void orderJsonLineHasTheDesignFormat() {
    JobOrder o = JobOrder.builder("jo-2026-0042", "disco:532210")
        .title("Social- og sundhedsassistent, nattevagt")
        .employer(new Employer("12345678", "1003456789", "Glostrup Kommune", true, true,
            new Location("2600", 55.66, 12.4)))
        .rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill("s1")
        .optionalSkill("s2")
        .minEducationLevel(3)
        .certificate("DRIVING_B")
        .language("da", CefrLevel.B1)
        .hoursPerWeek(30, 37)
        .positions(2)
        .maxCandidates(10)
        .startDate(LocalDate.of(2027, 1, 1))
        .deadline(LocalDate.of(2026, 12, 15))
        .build();
    assertEquals("{\"id\":\"jo-2026-0042\",\"title\":\"Social- og sundhedsassistent, nattevagt\","
        + "\"occupation\":\"disco:532210\",\"employer\":{\"cvr\":\"12345678\",\"pNumber\":\"1003456789\","
        + "\"name\":\"Glostrup Kommune\",\"public\":true,\"disabilityFriendly\":true,"
        + "\"location\":{\"postalCode\":\"2600\",\"lat\":55.66,\"lon\":12.4}},\"rarArea\":\"HOVEDSTADEN\","
        + "\"employmentType\":\"ORDINARY\",\"acceptsFleksjob\":false,"
        + "\"requiredSkills\":[{\"id\":\"s1\",\"essential\":true},{\"id\":\"s2\",\"essential\":false}],"
        + "\"education\":{\"minLevel\":3},\"certificates\":[\"DRIVING_B\"],"
        + "\"languages\":[{\"code\":\"da\",\"minLevel\":\"B1\"}],\"hoursPerWeek\":{\"min\":30,\"max\":37},"
        + "\"positions\":2,\"maxCandidates\":10,\"startDate\":\"2027-01-01\",\"deadline\":\"2026-12-15\"}",
        JsonLines.order(o));
  }
}
