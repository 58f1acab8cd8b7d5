package dk.jobmatch.model;

import static dk.jobmatch.model.Rejections.assertNotQuoted;
import static dk.jobmatch.model.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of the small value records that citizens and job orders are made of. */
class ValueRecordsTest {
  private static final OccupationRef NURSE = OccupationRef.isco("2221");

  // --- Location ---------------------------------------------------------------------------

  @Test
  void locationAcceptsGlostrupAndNoPostalCode() {
    Location glostrup = new Location("2600", 55.666, 12.399);
    assertEquals("2600", glostrup.postalCode());
    assertNull(new Location(null, 55.666, 12.399).postalCode());
    assertEquals(0.0, glostrup.distanceKm(glostrup));
  }

  @ParameterizedTest
  @ValueSource(strings = {"260", "26000", "26a0", "", " 2600", "DK-2600"})
  void locationRefusesPostalCodesThatAreNotFourDigits(String bad) {
    assertRejected("location.postalCode", bad, () -> new Location(bad, 55.66, 12.40));
  }

  @Test
  void locationRefusesCoordinatesOutOfRange() {
    assertRejected("location.lat", "90.5", () -> new Location("2600", 90.5, 12.40));
    assertRejected("location.lat", "-91.0", () -> new Location("2600", -91, 12.40));
    assertRejected("location.lat", "NaN", () -> new Location("2600", Double.NaN, 12.40));
    assertRejected("location.lon", "180.1", () -> new Location("2600", 55.66, 180.1));
    assertRejected("location.lon", "-Infinity", () -> new Location("2600", 55.66, Double.NEGATIVE_INFINITY));
  }

  @Test
  void locationDistanceIsHaversine() {
    // Glostrup station to Copenhagen Central, about 10.5 km as the crow flies.
    double d = new Location("2600", 55.6627, 12.3976).distanceKm(new Location("1570", 55.6726, 12.5646));
    assertEquals(10.55, d, 0.05);
  }

  // --- HoursRange -------------------------------------------------------------------------

  @Test
  void hoursRangeAcceptsEqualBoundsAndOverlaps() {
    HoursRange r = new HoursRange(37, 37);
    assertTrue(r.overlaps(new HoursRange(30, 37)));
    assertFalse(r.overlaps(new HoursRange(10, 36)));
    assertTrue(new HoursRange(0, 80).overlaps(r));
  }

  @Test
  void hoursRangeRefusesNegativeTooManyAndInverted() {
    assertRejected("hoursPerWeek.min", "-1", () -> new HoursRange(-1, 10));
    assertRejected("hoursPerWeek.max", "81", () -> new HoursRange(10, 81));
    assertRejected("hoursPerWeek.max", "-5", () -> new HoursRange(0, -5));
    String message = assertRejected("hoursPerWeek", "37..20", () -> new HoursRange(37, 20));
    assertTrue(message.contains("min must not exceed max"), message);
  }

  // --- OccupationRef ----------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
      "isco:2221, ISCO, 2221",
      "isco:2, ISCO, 2",
      "disco:532210, DISCO, 532210",
      "disco:5322, DISCO, 5322",
      "http://data.europa.eu/esco/occupation/ab1c-23, ESCO, http://data.europa.eu/esco/occupation/ab1c-23"})
  void occupationParsesEachSchemeAndRoundTrips(String text, OccupationRef.Scheme scheme, String code) {
    OccupationRef ref = OccupationRef.parse(text);
    assertEquals(scheme, ref.scheme());
    assertEquals(code, ref.code());
    assertEquals(text, ref.toString());
    assertEquals(ref, OccupationRef.parse(ref.toString()));
    assertEquals(scheme == OccupationRef.Scheme.ESCO ? null : code, ref.digits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"isco:", "isco:12345", "isco:22a1", "isco:-221", "isco: 2221", "isco:２２２１"})
  void occupationRefusesMalformedIsco(String bad) {
    assertRejected("occupation", bad, () -> OccupationRef.parse(bad));
  }

  @ParameterizedTest
  @ValueSource(strings = {"disco:", "disco:12345", "disco:1234567", "disco:53221x"})
  void occupationRefusesMalformedDisco(String bad) {
    // DISCO-08 has no five-digit level: level 5 is the six-digit Danish refinement.
    assertRejected("occupation", bad, () -> OccupationRef.parse(bad));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2221", "ISCO:2221", "esco:2221", "nurse", ""})
  void occupationRefusesUnknownSchemes(String bad) {
    String message = assertRejected("occupation", bad, () -> OccupationRef.parse(bad));
    assertTrue(message.contains("isco:NNNN"), message);
  }

  @Test
  void occupationRefusesUrisThatAreNotEscoOccupations() {
    assertRejected("occupation", "http://data.europa.eu/esco/skill/abc",
        () -> OccupationRef.parse("http://data.europa.eu/esco/skill/abc"));
    assertRejected("occupation", "https://example.org/nurse", () -> OccupationRef.parse("https://example.org/nurse"));
    // The prefix alone names no concept.
    assertRejected("occupation", OccupationRef.ESCO_PREFIX, () -> OccupationRef.parse(OccupationRef.ESCO_PREFIX));
    String tooLong = OccupationRef.ESCO_PREFIX + "x".repeat(200);
    String message = assertRejected("occupation", () -> OccupationRef.parse(tooLong));
    assertTrue(!message.contains("xxx"), message);
  }

  @Test
  void occupationRefusesEscoUrisWithWhitespace() {
    String bad = OccupationRef.ESCO_PREFIX + "a b";
    assertRejected("occupation", () -> OccupationRef.parse(bad));
    assertRejected("occupation", () -> OccupationRef.parse(OccupationRef.ESCO_PREFIX + "abc\n"));
  }

  @Test
  void occupationRefusesNullWithIllegalArgumentException() {
    assertEquals("occupation: is required", assertRejected("occupation", () -> OccupationRef.parse(null)));
    assertRejected("occupation", () -> OccupationRef.isco(null));
    assertRejected("occupation.scheme", () -> new OccupationRef(null, "2221"));
  }

  @Test
  void occupationShorthandsValidateToo() {
    assertEquals(OccupationRef.parse("disco:532210"), OccupationRef.disco("532210"));
    assertRejected("occupation", "isco:53221", () -> OccupationRef.isco("53221"));
    assertRejected("occupation", "disco:53221", () -> OccupationRef.disco("53221"));
  }

  // --- JobGoal, Experience ----------------------------------------------------------------

  @Test
  void jobGoalRefusesMissingOccupationAndPriorityOutside1To99() {
    assertEquals(new JobGoal(NURSE, 99), new JobGoal(NURSE, 99));
    assertRejected("jobGoals.occupation", () -> new JobGoal(null, 1));
    assertRejected("jobGoals.priority", "0", () -> new JobGoal(NURSE, 0));
    assertRejected("jobGoals.priority", "100", () -> new JobGoal(NURSE, 100));
    assertRejected("jobGoals.priority", "-1", () -> new JobGoal(NURSE, -1));
  }

  @Test
  void experienceRefusesBadYearsAndLastYear() {
    assertEquals(3.5, new Experience(NURSE, 3.5, 2024).years());
    assertNull(new Experience(NURSE, 0, null).lastYear());
    assertRejected("experience.occupation", () -> new Experience(null, 1, 2020));
    assertRejected("experience.years", "-0.5", () -> new Experience(NURSE, -0.5, 2020));
    assertRejected("experience.years", "60.5", () -> new Experience(NURSE, 60.5, 2020));
    assertRejected("experience.years", "NaN", () -> new Experience(NURSE, Double.NaN, 2020));
    assertRejected("experience.lastYear", "1899", () -> new Experience(NURSE, 1, 1899));
    assertRejected("experience.lastYear", "2101", () -> new Experience(NURSE, 1, 2101));
  }

  // --- Skills -----------------------------------------------------------------------------

  @Test
  void skillHoldingRefusesEmptyBlankAndOverlongIds() {
    assertEquals(SkillHolding.of("skill:sygepleje"), new SkillHolding("skill:sygepleje", null));
    assertEquals("skills.id: is required", assertRejected("skills.id", () -> new SkillHolding(null, 2020)));
    assertRejected("skills.id", "", () -> new SkillHolding("", 2020));
    assertRejected("skills.id", "   ", () -> new SkillHolding("   ", 2020));
    new SkillHolding("s".repeat(300), null);
    String message = assertRejected("skills.id", () -> new SkillHolding("s".repeat(301), null));
    assertTrue(message.contains("1-300 characters"), message);
    assertRejected("skills.lastUsedYear", "1850", () -> new SkillHolding("skill:x", 1850));
  }

  @Test
  void requiredSkillRefusesEmptyBlankAndOverlongIds() {
    assertTrue(RequiredSkill.essential("skill:x").essential());
    assertFalse(RequiredSkill.optional("skill:x").essential());
    assertRejected("requiredSkills.id", () -> new RequiredSkill(null, true));
    assertRejected("requiredSkills.id", "", () -> RequiredSkill.essential(""));
    assertRejected("requiredSkills.id", "\t", () -> RequiredSkill.optional("\t"));
    assertRejected("requiredSkills.id", () -> RequiredSkill.essential("r".repeat(301)));
  }

  // --- Education --------------------------------------------------------------------------

  @Test
  void educationRefusesLevelOutside1To8AndBadYear() {
    assertEquals(8, new Education(8, "ph.d.", 2001).level());
    assertRejected("education.level", "0", () -> new Education(0, null, null));
    assertRejected("education.level", "9", () -> new Education(9, null, null));
    assertRejected("education.completedYear", "1800", () -> new Education(3, null, 1800));
    assertRejected("education.completedYear", "2101", () -> new Education(3, null, 2101));
  }

  @Test
  void educationRefusesOverlongFieldWithoutQuotingIt() {
    new Education(3, "f".repeat(200), null);
    // The field is free text about a person: the message gives its length, never its content.
    String text = "Social- og sundhedsassistent " + "z".repeat(200);
    String message = assertRejected("education.field", () -> new Education(3, text, null));
    assertNotQuoted(message, "Social- og sundhed");
    assertTrue(message.contains("200") && message.contains(String.valueOf(text.length())), message);
  }

  // --- Languages --------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"DA", "dan", "d", "", "d1", "da "})
  void languageSkillRefusesCodesThatAreNotIso6391(String bad) {
    assertRejected("languages.code", bad, () -> new LanguageSkill(bad, CefrLevel.B2));
  }

  @Test
  void languageSkillRefusesMissingCodeOrLevel() {
    assertRejected("languages.code", () -> new LanguageSkill(null, CefrLevel.B2));
    assertRejected("languages.level", () -> new LanguageSkill("da", null));
  }

  @Test
  void languageRequirementRefusesBadCodeAndMissingLevel() {
    assertEquals(CefrLevel.B1, new LanguageRequirement("da", CefrLevel.B1).minLevel());
    assertRejected("languages.code", "EN", () -> new LanguageRequirement("EN", CefrLevel.B1));
    assertRejected("languages.code", () -> new LanguageRequirement(null, CefrLevel.B1));
    assertRejected("languages.minLevel", () -> new LanguageRequirement("en", null));
  }

  @Test
  void cefrLevelsAreOrdered() {
    assertTrue(CefrLevel.B2.atLeast(CefrLevel.B1));
    assertTrue(CefrLevel.B1.atLeast(CefrLevel.B1));
    assertFalse(CefrLevel.A2.atLeast(CefrLevel.B1));
  }

  // --- Fleksjob ---------------------------------------------------------------------------

  @Test
  void fleksjobApprovalNeeds1To37Hours() {
    assertEquals(15, Fleksjob.approved(15).maxHoursPerWeek());
    Fleksjob.approved(1);
    Fleksjob.approved(37);
    assertRejected("fleksjob.maxHoursPerWeek", "0", () -> Fleksjob.approved(0));
    assertRejected("fleksjob.maxHoursPerWeek", "38", () -> Fleksjob.approved(38));
    assertRejected("fleksjob.maxHoursPerWeek", "-3", () -> new Fleksjob(true, -3));
  }

  @Test
  void notApprovedFleksjobStillRefusesImpossibleHours() {
    assertFalse(new Fleksjob(false, 0).approved());
    assertRejected("fleksjob.maxHoursPerWeek", "-1", () -> new Fleksjob(false, -1));
    assertRejected("fleksjob.maxHoursPerWeek", "81", () -> new Fleksjob(false, 81));
  }

  // --- Employer ---------------------------------------------------------------------------

  @Test
  void employerAcceptsAllOptionalFieldsAbsent() {
    Employer e = new Employer(null, null, null, true, false, null);
    assertTrue(e.isPublic());
    Employer full = new Employer("12345678", "1003456789", "Glostrup Kommune", true, true,
        new Location("2600", 55.666, 12.40));
    assertEquals("12345678", full.cvr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567", "123456789", "1234567a", "", "DK12345678", "12 345 678"})
  void employerRefusesCvrThatIsNotEightDigits(String bad) {
    assertRejected("employer.cvr", bad, () -> new Employer(bad, null, null, false, false, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789", "12345678901", "100345678x", ""})
  void employerRefusesPNumberThatIsNotTenDigits(String bad) {
    assertRejected("employer.pNumber", bad, () -> new Employer("12345678", bad, null, false, false, null));
  }

  @Test
  void employerRefusesOverlongName() {
    new Employer(null, null, "n".repeat(200), false, false, null);
    String message = assertRejected("employer.name", () -> new Employer(null, null, "n".repeat(201), false, false, null));
    assertTrue(message.contains("(was 201)"), message);
  }
}
