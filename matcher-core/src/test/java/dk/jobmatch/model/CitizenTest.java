package dk.jobmatch.model;

import static dk.jobmatch.model.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenTest {

  /** A citizen with every field set, the way the JSON example in docs/cli.md has it. */
  static Citizen full() {
    return Citizen.builder("c-000123")
        .targetGroup(TargetGroup.A_DAGPENGE)
        .jobReady(true)
        .searchable(true)
        .unemployedSince(LocalDate.of(2026, 3, 1))
        .availableFrom(LocalDate.of(2026, 12, 1))
        .location("2600", 55.6660, 12.3990)
        .maxCommuteKm(30.0)
        .hoursPerWeek(20, 37)
        .jobGoal("isco:5322", 1)
        .jobGoal("disco:532210", 2)
        .experience("isco:5322", 3.5, 2024)
        .skill("skill:personlig-pleje", 2025)
        .skill("skill:medicinhaandtering")
        .education(3, "social- og sundhedsassistent", 2012)
        .certificate("DRIVING_B")
        .language("da", CefrLevel.C2)
        .language("en", CefrLevel.B1)
        .fleksjob(Fleksjob.approved(15))
        .compensation(CompensationScheme.PERSONAL_ASSISTANCE)
        .compensation(CompensationScheme.FORTRINSADGANG)
        .build();
  }

  @Test
  void builderDefaultsJobReadyAndSearchable() {
    Citizen c = Citizen.builder("c-1").build();
    assertTrue(c.jobReady());
    assertTrue(c.searchable());
    assertFalse(c.fleksjobApproved());
    assertEquals(List.of(), c.skills());
    assertEquals(Set.of(), c.compensation());
  }

  @Test
  void builderSetsEveryField() {
    Citizen c = full();
    assertEquals(TargetGroup.A_DAGPENGE, c.targetGroup());
    assertEquals(new Location("2600", 55.6660, 12.3990), c.location());
    assertEquals(30.0, c.maxCommuteKm());
    assertEquals(new HoursRange(20, 37), c.hoursPerWeek());
    assertEquals(List.of(new JobGoal(OccupationRef.isco("5322"), 1), new JobGoal(OccupationRef.disco("532210"), 2)),
        c.jobGoals());
    assertEquals(List.of(new SkillHolding("skill:personlig-pleje", 2025), SkillHolding.of("skill:medicinhaandtering")),
        c.skills());
    assertEquals(3, c.education().level());
    assertEquals(Set.of("DRIVING_B"), c.certificates());
    assertEquals(2, c.languages().size());
    assertTrue(c.fleksjobApproved());
    assertEquals(EnumSet.of(CompensationScheme.PERSONAL_ASSISTANCE, CompensationScheme.FORTRINSADGANG),
        c.compensation());
  }

  @Test
  void collectionsAreImmutable() {
    Citizen c = full();
    assertThrows(UnsupportedOperationException.class, () -> c.jobGoals().add(new JobGoal(OccupationRef.isco("2221"), 3)));
    assertThrows(UnsupportedOperationException.class, () -> c.jobGoals().clear());
    assertThrows(UnsupportedOperationException.class, () -> c.experience().remove(0));
    assertThrows(UnsupportedOperationException.class, () -> c.skills().add(SkillHolding.of("skill:x")));
    assertThrows(UnsupportedOperationException.class, () -> c.certificates().add("FORKLIFT"));
    assertThrows(UnsupportedOperationException.class, () -> c.languages().clear());
    assertThrows(UnsupportedOperationException.class, () -> c.compensation().add(CompensationScheme.AIDS));
    assertThrows(UnsupportedOperationException.class, () -> c.compensation().clear());
    Citizen empty = Citizen.builder("c-2").build();
    assertThrows(UnsupportedOperationException.class, () -> empty.compensation().add(CompensationScheme.AIDS));
    assertThrows(UnsupportedOperationException.class, () -> empty.skills().add(SkillHolding.of("skill:x")));
  }

  @Test
  void constructorCopiesCallerCollections() {
    List<SkillHolding> skills = new ArrayList<>(List.of(SkillHolding.of("skill:a")));
    Set<CompensationScheme> comp = EnumSet.of(CompensationScheme.AIDS);
    Set<String> certs = new HashSet<>(Set.of("FORKLIFT"));
    Citizen c = new Citizen("c-1", null, true, true, null, null, null, null, null, null, null, skills, null, certs,
        null, null, comp);
    skills.add(SkillHolding.of("skill:b"));
    comp.add(CompensationScheme.FORTRINSADGANG);
    certs.add("DRIVING_B");
    assertEquals(List.of(SkillHolding.of("skill:a")), c.skills());
    assertEquals(Set.of(CompensationScheme.AIDS), c.compensation());
    assertEquals(Set.of("FORKLIFT"), c.certificates());
    // Null collections become empty ones.
    assertEquals(List.of(), c.jobGoals());
    assertEquals(List.of(), c.languages());
  }

  @Test
  void builderCanBeReusedWithoutChangingBuiltCitizens() {
    Citizen.Builder b = Citizen.builder("c-1").skill("skill:a");
    Citizen first = b.build();
    b.skill("skill:b");
    assertEquals(1, first.skills().size());
    assertEquals(2, b.build().skills().size());
  }

  @Test
  void toStringShowsOnlyTheId() {
    Citizen c = full();
    assertEquals("Citizen[c-000123]", c.toString());
    for (String personal : List.of("2600", "55.666", "A_DAGPENGE", "5322", "personlig", "sundhed", "DRIVING_B",
        "FORTRINSADGANG", "PERSONAL_ASSISTANCE", "15", "2026", "30.0")) {
      assertFalse(c.toString().contains(personal), personal);
    }
  }

  @Test
  void toBuilderRoundTripsEqual() {
    Citizen c = full();
    assertEquals(c, c.toBuilder().build());
    assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
    Citizen minimal = Citizen.builder("c-9").jobReady(false).searchable(false).build();
    assertEquals(minimal, minimal.toBuilder().build());
    // An update through the builder changes only what it sets.
    Citizen moved = c.toBuilder().location("2605", 55.65, 12.39).build();
    assertNotEquals(c, moved);
    assertEquals(c.skills(), moved.skills());
  }

  // --- refusals ---------------------------------------------------------------------------

  @Test
  void refusesEmptyAndNullId() {
    assertRejected("id", "", () -> Citizen.builder("").build());
    assertEquals("id: is required", assertRejected("id", () -> Citizen.builder(null).build()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"c 1", "c-1;", "c<1>", "c/1?x", "a\u00A0b", "c\n1"})
  void refusesIdsWithBadCharacters(String bad) {
    assertRejected("id", bad, () -> Citizen.builder(bad).build());
  }

  @Test
  void refusesOverlongId() {
    Citizen.builder("c".repeat(128)).build();
    assertRejected("id", () -> Citizen.builder("c".repeat(129)).build());
  }

  @Test
  void refusesDuplicateSkills() {
    String message = assertRejected("skills", "skill:sygepleje",
        () -> Citizen.builder("c-1").skill("skill:sygepleje").skill("skill:anden").skill("skill:sygepleje", 2020).build());
    assertTrue(message.contains("listed twice"), message);
  }

  @Test
  void refusesDuplicateLanguages() {
    String message = assertRejected("languages", "da",
        () -> Citizen.builder("c-1").language("da", CefrLevel.B2).language("da", CefrLevel.C1).build());
    assertTrue(message.contains("listed twice"), message);
  }

  @Test
  void refusesMaxCommuteOutOfRange() {
    assertEquals(0.0, Citizen.builder("c-1").maxCommuteKm(0.0).build().maxCommuteKm());
    assertRejected("maxCommuteKm", "-1.0", () -> Citizen.builder("c-1").maxCommuteKm(-1.0).build());
    assertRejected("maxCommuteKm", "1000.5", () -> Citizen.builder("c-1").maxCommuteKm(1000.5).build());
    assertRejected("maxCommuteKm", "NaN", () -> Citizen.builder("c-1").maxCommuteKm(Double.NaN).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"driving_b", "Driving B", "", "DRIVING-B", "KØREKORT"})
  void refusesCertificatesThatAreNotUpperCaseCodes(String bad) {
    assertRejected("certificates", bad, () -> Citizen.builder("c-1").certificate(bad).build());
  }

  @Test
  void refusesOverlongCertificateCode() {
    Citizen.builder("c-1").certificate("C".repeat(40)).build();
    assertRejected("certificates", () -> Citizen.builder("c-1").certificate("C".repeat(41)).build());
  }

  @Test
  void refusesNullElementsNamingTheCollection() {
    assertEquals("jobGoals[0]: must not be null",
        assertRejected("jobGoals", () -> Citizen.builder("c-1").jobGoal((JobGoal) null).build()));
    assertEquals("experience[1]: must not be null", assertRejected("experience",
        () -> Citizen.builder("c-1").experience("isco:2221", 1, null).experience((Experience) null).build()));
    assertRejected("skills", () -> Citizen.builder("c-1").skill((SkillHolding) null).build());
    assertRejected("languages", () -> Citizen.builder("c-1").language(null).build());
    assertRejected("certificates", () -> Citizen.builder("c-1").certificate(null).build());
    assertRejected("compensation", () -> Citizen.builder("c-1")
        .compensation(Arrays.asList(CompensationScheme.AIDS, null)).build());
  }

  @Test
  void refusesImplausiblyEarlyAvailability() {
    assertRejected("availableFrom", "1950-01-01", () -> Citizen.builder("c-1")
        .unemployedSince(LocalDate.of(2026, 1, 1)).availableFrom(LocalDate.of(1950, 1, 1)).build());
    // Available before the unemployment started is ordinary (notice given while still employed).
    Citizen.builder("c-1").unemployedSince(LocalDate.of(2026, 1, 1)).availableFrom(LocalDate.of(2025, 12, 1)).build();
  }

  @Test
  void builderShorthandsValidateTheirParts() {
    assertRejected("location.lat", "99.0", () -> Citizen.builder("c-1").location("2600", 99, 12.4));
    assertRejected("location.postalCode", "999", () -> Citizen.builder("c-1").location("999", 55.6, 12.4));
    assertRejected("hoursPerWeek", "37..20", () -> Citizen.builder("c-1").hoursPerWeek(37, 20));
    assertRejected("occupation", "isco:53221", () -> Citizen.builder("c-1").jobGoal("isco:53221", 1));
    assertRejected("jobGoals.priority", "0", () -> Citizen.builder("c-1").jobGoal("isco:5322", 0));
    assertRejected("experience.years", "-2.0", () -> Citizen.builder("c-1").experience("isco:5322", -2, null));
    assertRejected("skills.id", " ", () -> Citizen.builder("c-1").skill(" "));
    assertRejected("education.level", "9", () -> Citizen.builder("c-1").education(9, null, null));
    assertRejected("languages.code", "DA", () -> Citizen.builder("c-1").language("DA", CefrLevel.B2));
  }
}
