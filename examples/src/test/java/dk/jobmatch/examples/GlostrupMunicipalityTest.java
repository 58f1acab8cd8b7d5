package dk.jobmatch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's data: population size and proportions, plausibility, determinism, taxonomy alignment. */
class GlostrupMunicipalityTest {
  private static final GlostrupMunicipality M = GlostrupMunicipality.build();
  private static final Location GLOSTRUP = new Location("2600", 55.666, 12.399);

  @Test
  void scaledCountsUseTheLargestRemainder() {
    // 300/1466 of Glostrup's Q1 2022 full-time persons, worked out by hand: the floors sum to 296
    // and the four largest remainders (.87 .73 .56 .43) go to these four groups.
    Map<TargetGroup, Integer> expected = new EnumMap<>(TargetGroup.class);
    expected.put(TargetGroup.A_DAGPENGE, 68);
    expected.put(TargetGroup.KONTANTHJAELP, 42);
    expected.put(TargetGroup.UDDANNELSESHJAELP, 21);
    expected.put(TargetGroup.SELVFORSOERGELSE_HJEMREJSE, 5);
    expected.put(TargetGroup.SYGEDAGPENGE, 106);
    expected.put(TargetGroup.JOBAFKLARING, 16);
    expected.put(TargetGroup.RESSOURCEFORLOEB, 25);
    expected.put(TargetGroup.LEDIGHEDSYDELSE, 15);
    expected.put(TargetGroup.REVALIDERING, 2);
    assertEquals(expected, GlostrupMunicipality.scaledCounts(300));
    assertEquals(1466, GlostrupMunicipality.scaledCounts(1466).values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(GlostrupMunicipality.FULL_TIME_PERSONS_2022, GlostrupMunicipality.scaledCounts(1466));
  }

  @Test
  void populationHasTheSizeAndTargetGroupProportions() {
    List<Citizen> citizens = M.citizens();
    assertEquals(GlostrupMunicipality.POPULATION, citizens.size());
    Map<TargetGroup, Integer> counts = new EnumMap<>(TargetGroup.class);
    for (Citizen c : citizens) {
      counts.merge(c.targetGroup(), 1, Integer::sum);
    }
    assertEquals(GlostrupMunicipality.scaledCounts(GlostrupMunicipality.POPULATION), counts);
  }

  @Test
  void idsAreUniqueSequentialAndCarryNoGroup() {
    List<String> ids = M.citizens().stream().map(Citizen::id).toList();
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(String.format("c-%04d", i + 1), ids.get(i));
    }
    // The groups are dealt in shuffled order: the first 106 ids are not all of one group.
    assertTrue(M.citizens().subList(0, 106).stream().map(Citizen::targetGroup).distinct().count() > 3);
  }

  @Test
  void exactlyTheLedighedsydelseCitizensAreApprovedForFleksjob() {
    for (Citizen c : M.citizens()) {
      assertEquals(c.targetGroup() == TargetGroup.LEDIGHEDSYDELSE, c.fleksjobApproved(), c.id());
      if (c.fleksjobApproved()) {
        assertTrue(c.hoursPerWeek().max() <= c.fleksjob().maxHoursPerWeek(), c.id());
      }
    }
  }

  @Test
  void homesAreAroundGlostrup() {
    Set<String> postalCodes = Set.of("2600", "2605", "2610", "2620", "2625", "2630", "2635", "2640", "2650", "2660",
        "2700", "2730", "2750", "2760");
    int inGlostrup = 0;
    for (Citizen c : M.citizens()) {
      assertTrue(postalCodes.contains(c.location().postalCode()), c.id());
      assertTrue(c.location().distanceKm(GLOSTRUP) < 15, c.id());
      if (c.location().postalCode().equals("2600")) {
        inGlostrup++;
      }
    }
    assertTrue(inGlostrup >= 100 && inGlostrup <= 180, "in 2600: " + inGlostrup);
  }

  @Test
  void populationIsVaried() {
    List<Citizen> citizens = M.citizens();
    long jobReady = citizens.stream().filter(Citizen::jobReady).count();
    assertTrue(jobReady > 90 && jobReady < 240, "job-ready " + jobReady);
    long fortrinsadgang = citizens.stream().filter(c -> c.compensation().contains(CompensationScheme.FORTRINSADGANG))
        .count();
    assertTrue(fortrinsadgang >= 4 && fortrinsadgang <= 40, "fortrinsadgang " + fortrinsadgang);
    Set<Integer> levels = citizens.stream().filter(c -> c.education() != null).map(c -> c.education().level())
        .collect(Collectors.toSet());
    assertEquals(Set.of(1, 2, 3, 4, 5), levels);
    assertTrue(citizens.stream().allMatch(c -> c.hoursPerWeek() != null && !c.languages().isEmpty()));
    assertTrue(citizens.stream().filter(c -> !c.jobGoals().isEmpty()).count() > 240);
    assertTrue(citizens.stream().filter(c -> !c.experience().isEmpty()).count() > 200);
    assertTrue(citizens.stream().filter(c -> c.certificates().contains("DRIVING_CE")).count() >= 3);
    assertTrue(citizens.stream().filter(c -> c.certificates().contains("FORKLIFT")).count() >= 5);
  }

  @Test
  void generationIsDeterministicAndSeeded() {
    assertEquals(M.citizens(), GlostrupMunicipality.build().citizens());
    assertEquals(M.orders(), GlostrupMunicipality.build().orders());
    GlostrupMunicipality other = GlostrupMunicipality.build(GlostrupMunicipality.POPULATION, 7);
    assertNotEquals(M.citizens(), other.citizens());
    // Featured citizens stay whatever the seed.
    assertEquals(M.citizens().get(41), other.citizens().get(41));
    assertEquals(GlostrupMunicipality.scaledCounts(500).get(TargetGroup.SYGEDAGPENGE),
        (int) GlostrupMunicipality.build(500, 1).citizens().stream()
            .filter(c -> c.targetGroup() == TargetGroup.SYGEDAGPENGE).count());
    assertThrows(IllegalArgumentException.class, () -> GlostrupMunicipality.build(100, 1));
  }

  @Test
  void featuredCitizensAreWhereTheDemoExpectsThem() {
    Map<String, Citizen> byId = M.citizens().stream().collect(Collectors.toMap(Citizen::id, c -> c));
    Citizen nurse = byId.get(GlostrupMunicipality.FEATURED_NURSE);
    assertTrue(nurse.compensation().contains(CompensationScheme.FORTRINSADGANG));
    assertEquals(5, nurse.education().level());
    Citizen care = byId.get(GlostrupMunicipality.FEATURED_CARE_WORKER);
    assertEquals(2, care.education().level());
    assertEquals(TargetGroup.KONTANTHJAELP, care.targetGroup());
    Citizen fleks = byId.get(GlostrupMunicipality.FEATURED_FLEKSJOB);
    assertEquals(12, fleks.fleksjob().maxHoursPerWeek());
    Citizen young = byId.get(GlostrupMunicipality.FEATURED_YOUNG);
    assertFalse(young.jobReady());
    Citizen office = byId.get(GlostrupMunicipality.FEATURED_FORTRINSADGANG_OFFICE);
    assertTrue(office.compensation().contains(CompensationScheme.FORTRINSADGANG));
  }

  @Test
  void ordersCoverTheSectorsAndKinds() {
    List<JobOrder> orders = M.orders();
    assertEquals(12, orders.size());
    assertEquals(12, orders.stream().map(JobOrder::id).distinct().count());
    Set<String> unitGroups = orders.stream().map(o -> M.taxonomy().resolve(o.occupation()).unitGroup())
        .collect(Collectors.toSet());
    // welfare, warehouse, transport, retail, cleaning, office
    assertTrue(unitGroups.containsAll(Set.of("2221", "5322", "2342", "4321", "8332", "5223", "9112", "4110")),
        unitGroups.toString());
    assertEquals(1, orders.stream().filter(o -> o.employmentType() == EmploymentType.FLEKSJOB).count());
    assertEquals(1, orders.stream().filter(o -> o.employmentType() == EmploymentType.INTERNSHIP).count());
    assertEquals(1, orders.stream().filter(o -> o.employmentType() == EmploymentType.WAGE_SUBSIDY).count());
    assertTrue(orders.stream().filter(JobOrder::publicEmployer).count() >= 4);
    assertEquals(1, orders.stream().filter(o -> o.requiredSkills().isEmpty()).count());
    long shortage = orders.stream()
        .filter(o -> M.shortage().category(M.taxonomy().resolve(o.occupation()), o.rarArea(), GlostrupMunicipality.AS_OF)
            .filter(ShortageCategory::isShortage).isPresent())
        .count();
    // nurse ×2, SOSU assistant, pedagogue, pedagogical assistant (mangel), truck driver (paradoks)
    assertEquals(6, shortage);
    for (JobOrder o : orders) {
      assertTrue(o.workplace().distanceKm(GLOSTRUP) < 10, o.id());
      assertTrue(o.startDate().isAfter(GlostrupMunicipality.AS_OF), o.id());
    }
  }

  @Test
  void everyIdInTheDataIsKnownToTheTaxonomy() {
    // The alignment check for switching taxonomies: nothing in the data may lack a label.
    Taxonomy t = M.taxonomy();
    Set<String> skills = new HashSet<>();
    List<OccupationRef> occupations = new ArrayList<>();
    for (Citizen c : M.citizens()) {
      c.skills().stream().map(SkillHolding::id).forEach(skills::add);
      c.jobGoals().stream().map(JobGoal::occupation).forEach(occupations::add);
      c.experience().stream().map(Experience::occupation).forEach(occupations::add);
    }
    for (JobOrder o : M.orders()) {
      o.requiredSkills().stream().map(RequiredSkill::id).forEach(skills::add);
      t.skillsOf(o.occupation()).stream().map(RequiredSkill::id).forEach(skills::add);
      occupations.add(o.occupation());
    }
    for (String s : skills) {
      assertTrue(t.skillLabel(s).isPresent(), s);
    }
    for (OccupationRef o : occupations) {
      assertTrue(t.occupationLabel(o).isPresent(), o.toString());
    }
    assertFalse(t.skillsOf(OccupationRef.parse(DemoVocabulary.NURSE)).isEmpty());
    assertEquals(Optional.empty(), t.skillLabel("skill:unknown"));
    for (DemoVocabulary.Skill s : DemoVocabulary.Skill.values()) {
      assertTrue(t.skillLabel(s.id).isPresent() && t.reuseLevel(s.id).isPresent(), s.id);
    }
  }
}
