package dk.jobmatch.model;

import static dk.jobmatch.model.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobOrderTest {
  private static final Employer REGION = new Employer("12345678", "1003456789", "Region Hovedstaden", true, true,
      new Location("2600", 55.66, 12.40));

  /** An order with every field set, as in the JSON example in docs/cli.md. */
  static JobOrder full() {
    return JobOrder.builder("jo-2026-0042", "disco:532210")
        .title("Social- og sundhedsassistent, nattevagt")
        .description("Nattevagt på plejecenter.")
        .employer(REGION)
        .rarArea(RarArea.HOVEDSTADEN)
        .employmentType(EmploymentType.ORDINARY)
        .acceptsFleksjob(false)
        .essentialSkill("skill:personlig-pleje")
        .optionalSkill("skill:medicinhaandtering")
        .minEducationLevel(3)
        .certificate("DRIVING_B")
        .language("da", CefrLevel.B1)
        .hoursPerWeek(30, 37)
        .positions(2)
        .maxCandidates(10)
        .startDate(LocalDate.of(2027, 1, 1))
        .deadline(LocalDate.of(2026, 12, 15))
        .build();
  }

  private static JobOrder.Builder order() {
    return JobOrder.builder("jo-1", "isco:2221");
  }

  @Test
  void builderDefaults() {
    JobOrder o = order().build();
    assertEquals(EmploymentType.ORDINARY, o.employmentType());
    assertEquals(1, o.positions());
    assertNull(o.maxCandidates());
    assertFalse(o.fleksjobFeasible());
    assertFalse(o.publicEmployer());
    assertNull(o.workplace());
  }

  @Test
  void builderSetsEveryField() {
    JobOrder o = full();
    assertEquals(OccupationRef.disco("532210"), o.occupation());
    assertEquals(List.of(RequiredSkill.essential("skill:personlig-pleje"),
        RequiredSkill.optional("skill:medicinhaandtering")), o.requiredSkills());
    assertEquals(3, o.minEducationLevel());
    assertEquals(Set.of("DRIVING_B"), o.certificates());
    assertEquals(List.of(new LanguageRequirement("da", CefrLevel.B1)), o.languages());
    assertEquals(new HoursRange(30, 37), o.hoursPerWeek());
    assertEquals(2, o.positions());
    assertEquals(10, o.maxCandidates());
    assertTrue(o.publicEmployer());
    assertEquals(REGION.location(), o.workplace());
  }

  @Test
  void fleksjobFeasibleForFleksjobOrdersAndAcceptingEmployers() {
    assertTrue(order().acceptsFleksjob(true).build().fleksjobFeasible());
    assertTrue(order().employmentType(EmploymentType.FLEKSJOB).build().fleksjobFeasible());
    assertFalse(order().employmentType(EmploymentType.WAGE_SUBSIDY).build().fleksjobFeasible());
  }

  @Test
  void nullEmploymentTypeMeansOrdinary() {
    assertEquals(EmploymentType.ORDINARY, order().employmentType(null).build().employmentType());
  }

  @Test
  void collectionsAreImmutableAndCopied() {
    JobOrder o = full();
    assertThrows(UnsupportedOperationException.class, () -> o.requiredSkills().add(RequiredSkill.essential("skill:x")));
    assertThrows(UnsupportedOperationException.class, () -> o.certificates().add("FORKLIFT"));
    assertThrows(UnsupportedOperationException.class, () -> o.languages().clear());
    List<RequiredSkill> skills = new ArrayList<>(List.of(RequiredSkill.essential("skill:a")));
    JobOrder direct = new JobOrder("jo-2", null, OccupationRef.isco("2221"), null, null, null, null, false, skills,
        null, null, null, null, 1, null, null, null);
    skills.add(RequiredSkill.essential("skill:b"));
    assertEquals(1, direct.requiredSkills().size());
    assertEquals(Set.of(), direct.certificates());
    assertEquals(List.of(), direct.languages());
  }

  @Test
  void toStringShowsOnlyTheId() {
    JobOrder o = full();
    assertEquals("JobOrder[jo-2026-0042]", o.toString());
    for (String other : List.of("nattevagt", "532210", "Region", "12345678", "personlig", "HOVEDSTADEN", "2027")) {
      assertFalse(o.toString().contains(other), other);
    }
  }

  @Test
  void toBuilderRoundTripsEqual() {
    JobOrder o = full();
    assertEquals(o, o.toBuilder().build());
    assertEquals(o.hashCode(), o.toBuilder().build().hashCode());
    JobOrder minimal = order().build();
    assertEquals(minimal, minimal.toBuilder().build());
    assertEquals(3, o.toBuilder().positions(3).build().positions());
  }

  // --- refusals ---------------------------------------------------------------------------

  @Test
  void refusesEmptyBadAndNullId() {
    assertRejected("id", "", () -> JobOrder.builder("", "isco:2221").build());
    assertRejected("id", "jo 1", () -> JobOrder.builder("jo 1", "isco:2221").build());
    assertRejected("id", () -> JobOrder.builder(null, "isco:2221").build());
  }

  @Test
  void refusesMissingOrMalformedOccupation() {
    assertRejected("occupation", () -> JobOrder.builder("jo-1", (OccupationRef) null).build());
    assertRejected("occupation", () -> JobOrder.builder("jo-1", (String) null));
    assertRejected("occupation", "disco:53221", () -> JobOrder.builder("jo-1", "disco:53221"));
  }

  @Test
  void refusesTitleOver100Characters() {
    assertEquals(100, order().title("t".repeat(100)).build().title().length());
    String message = assertRejected("title", () -> order().title("t".repeat(101)).build());
    assertTrue(message.contains("at most 100 characters (was 101)"), message);
    assertTrue(!message.contains("ttt"), message);
  }

  @Test
  void refusesDescriptionOver5000Characters() {
    order().description("d".repeat(5000)).build();
    String message = assertRejected("description", () -> order().description("d".repeat(5001)).build());
    assertTrue(message.contains("at most 5000 characters (was 5001)"), message);
  }

  @Test
  void refusesPositionsOutside1To10000() {
    order().positions(10_000).build();
    assertRejected("positions", "0", () -> order().positions(0).build());
    assertRejected("positions", "-1", () -> order().positions(-1).build());
    assertRejected("positions", "10001", () -> order().positions(10_001).build());
  }

  @Test
  void refusesMaxCandidatesOutside1To10000() {
    assertEquals(1, order().maxCandidates(1).build().maxCandidates());
    assertRejected("maxCandidates", "0", () -> order().maxCandidates(0).build());
    assertRejected("maxCandidates", "10001", () -> order().maxCandidates(10_001).build());
  }

  @Test
  void refusesDeadlineAfterStart() {
    LocalDate start = LocalDate.of(2027, 1, 1);
    order().startDate(start).deadline(start).build();
    order().deadline(start.plusYears(1)).build();
    String message = assertRejected("deadline", "2027-01-02",
        () -> order().startDate(start).deadline(start.plusDays(1)).build());
    assertTrue(!message.contains("2027-01-01"), message);
  }

  @Test
  void refusesDuplicateRequiredSkills() {
    String message = assertRejected("requiredSkills", "skill:sygepleje",
        () -> order().essentialSkill("skill:sygepleje").optionalSkill("skill:sygepleje").build());
    assertTrue(message.contains("listed twice"), message);
    assertRejected("requiredSkills", () -> order().requiredSkill(null).build());
    assertRejected("requiredSkills.id", "", () -> order().essentialSkill(""));
  }

  @Test
  void refusesDuplicateLanguageRequirements() {
    String message = assertRejected("languages", "da",
        () -> order().language("da", CefrLevel.B1).language("da", CefrLevel.C1).build());
    assertTrue(message.contains("listed twice"), message);
  }

  @Test
  void refusesMinEducationLevelOutside1To8() {
    assertEquals(8, order().minEducationLevel(8).build().minEducationLevel());
    assertNull(order().minEducationLevel(null).build().minEducationLevel());
    assertRejected("education.minLevel", "0", () -> order().minEducationLevel(0).build());
    assertRejected("education.minLevel", "9", () -> order().minEducationLevel(9).build());
  }

  @Test
  void refusesBadCertificatesAndLanguages() {
    assertRejected("certificates", "forklift", () -> order().certificate("forklift").build());
    assertRejected("certificates", () -> order().certificate(null).build());
    assertRejected("languages.code", "Danish", () -> order().language("Danish", CefrLevel.B1));
    assertRejected("languages", () -> order().language(null).build());
  }

  @Test
  void refusesBadHoursAndEmployerThroughTheBuilder() {
    assertRejected("hoursPerWeek", "37..30", () -> order().hoursPerWeek(37, 30));
    assertRejected("employer.cvr", "1234", () -> order().employer(new Employer("1234", null, null, true, false, null)));
  }
}
