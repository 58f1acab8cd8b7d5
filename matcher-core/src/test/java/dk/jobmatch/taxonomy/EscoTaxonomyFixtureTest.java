package dk.jobmatch.taxonomy;

import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.params.ParameterizedTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ESCO loader on a hand-written export in the official layout. */
class EscoTaxonomyFixtureTest {
  static final String O = "http://data.europa.eu/esco/occupation/";
  static final String S = "http://data.europa.eu/esco/skill/";
  static final OccupationRef NURSE = OccupationRef.parse(O + "test-nurse");
  static final OccupationRef SPECIALIST = OccupationRef.parse(O + "test-specialist-nurse");
  static final OccupationRef WAREHOUSE = OccupationRef.parse(O + "test-warehouse");
  static final OccupationRef APPRENTICE = OccupationRef.parse(O + "test-forklift-apprentice");

  static EscoTaxonomy esco;

  @TempDir Path tmp;

  @BeforeAll
  static void load() throws IOException {
    esco = EscoTaxonomy.load(TestFiles.ESCO_MINI);
  }

  @Test
  void countsEverything() {
    EscoTaxonomy.Stats s = esco.stats();
    assertEquals("en", s.language());
    assertEquals(4, s.occupations());
    assertEquals(8, s.skills());
    assertEquals(8, s.iscoGroups());
    assertEquals(13, s.occupationSkillRelations());
    assertEquals(9, s.essentialRelations());
    assertEquals(4, s.optionalRelations());
    assertEquals(3, s.skillSkillRelations());
    assertEquals(8, s.broaderSkillRelations());
    assertEquals(10, s.broaderOccupationRelations());
    assertEquals(0, s.skippedOccupationSkillRelations() + s.skippedOtherRelations());
    assertTrue(s.approxBytes() > 0);
    assertEquals(List.of(), esco.problems());
  }

  @Test
  void resolvesOccupationsToTheirIscoGroup() {
    assertEquals(new OccupationCode("2221", NURSE.code()), esco.resolve(NURSE));
    // No iscoGroup of its own: placed through its broader occupation.
    assertEquals(new OccupationCode("4321", APPRENTICE.code()), esco.resolve(APPRENTICE));
    OccupationRef unknown = OccupationRef.parse(O + "not-there");
    assertEquals(new OccupationCode(null, unknown.code()), esco.resolve(unknown));
    assertEquals(OccupationCode.ofDigits("532220"), esco.resolve(OccupationRef.disco("532220")));
  }

  @Test
  void readsQuotedMultiLineLabelsAfterAByteOrderMark() {
    // The BOM must not end up in the first header name (else conceptType/conceptUri would be missing).
    Map<OccupationRef, List<String>> labels = esco.occupationLabels();
    assertEquals(List.of(NURSE, SPECIALIST, WAREHOUSE, APPRENTICE), List.copyOf(labels.keySet()));
    // The preferred label repeated among the alternatives is dropped; hidden labels are not loaded.
    assertEquals(List.of("nurse responsible for general care", "general nurse", "registered nurse"), labels.get(NURSE));
    assertEquals(List.of("administer medication", "give medication", "dispense medicines"),
        esco.skillLabels().get(S + "test-medication"));
    assertEquals(Optional.of("nurse responsible for general care"), esco.occupationLabel(NURSE));
    assertEquals(Optional.of("Nursing professionals"), esco.occupationLabel(OccupationRef.isco("2221")));
    assertEquals(Optional.of("hygiene in a health care setting"), esco.skillLabel(S + "test-hygiene"));
    assertEquals(Optional.empty(), esco.skillLabel("skill:unknown"));
  }

  @Test
  void skillsHaveTypeAndReuseLevel() {
    assertEquals(Optional.of(ReuseLevel.OCCUPATION_SPECIFIC), esco.reuseLevel(S + "test-medication"));
    assertEquals(Optional.of(ReuseLevel.TRANSVERSAL), esco.reuseLevel(S + "test-teamwork"));
    assertEquals(Optional.empty(), esco.reuseLevel(S + "test-pick-orders")); // blank in the file
    assertEquals(Optional.of(EscoTaxonomy.SkillType.KNOWLEDGE), esco.skillType(S + "test-stock-control"));
    assertEquals(Optional.of(EscoTaxonomy.SkillType.SKILL_COMPETENCE), esco.skillType(S + "test-forklift"));
  }

  @Test
  void occupationSkillsAreEssentialFirstThenByUri() {
    assertEquals(List.of(
            RequiredSkill.essential(S + "test-hygiene"),
            RequiredSkill.essential(S + "test-medication"),
            RequiredSkill.essential(S + "test-wound-care"),
            RequiredSkill.optional(S + "test-teamwork")),
        esco.skillsOf(NURSE));
    assertEquals(List.of(), esco.skillsOf(OccupationRef.parse(O + "not-there")));
  }

  @Test
  void unitGroupSkillsAreTheMajorityOfItsOccupations() {
    // Two nurses: a skill essential for one of them is essential for the group (half), one that is
    // only optional anywhere stays optional.
    List<RequiredSkill> expected = List.of(
        RequiredSkill.essential(S + "test-hygiene"),
        RequiredSkill.essential(S + "test-medication"),
        RequiredSkill.essential(S + "test-patient-care"),
        RequiredSkill.essential(S + "test-wound-care"),
        RequiredSkill.optional(S + "test-teamwork"));
    assertEquals(expected, esco.skillsOf(OccupationRef.isco("2221")));
    assertEquals(expected, esco.skillsOf(OccupationRef.disco("222110")));
    assertEquals(List.of(), esco.skillsOf(OccupationRef.isco("22")));
    assertEquals(List.of(NURSE, SPECIALIST), esco.occupationsInGroup("2221"));
  }

  @Test
  void relatedSkillsCombineRelationsAndHierarchyWithFixedCredits() {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put(S + "test-hygiene", 0.5); // essential skill-skill relation
    expected.put(S + "test-wound-care", 0.4); // optional relation beats the 0.25 of a sibling
    expected.put(S + "test-patient-care", 0.3); // the broader skill
    assertEquals(expected, esco.relatedSkills(S + "test-medication"));
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(esco.relatedSkills(S + "test-medication").keySet()));
    // The relation counts in both directions.
    assertEquals(Map.of(S + "test-medication", 0.5), esco.relatedSkills(S + "test-hygiene"));
    // Narrower skills of a broader skill.
    assertEquals(Map.of(S + "test-medication", 0.3, S + "test-wound-care", 0.3), esco.relatedSkills(S + "test-patient-care"));
    // Members of the same skill group give no credit.
    assertEquals(Map.of(), esco.relatedSkills(S + "test-stock-control"));
    assertEquals(Map.of(), esco.relatedSkills("skill:unknown"));
    assertEquals(List.of("http://data.europa.eu/esco/isced-f/1041"), esco.broaderSkills(S + "test-forklift"));
  }

  @Test
  void knowsEscoAndIscoButNotSixDigitDisco() {
    assertTrue(esco.knows(NURSE));
    assertFalse(esco.knows(OccupationRef.parse(O + "not-there")));
    assertTrue(esco.knows(OccupationRef.isco("432")));
    assertFalse(esco.knows(OccupationRef.isco("9999")));
    assertFalse(esco.knows(OccupationRef.disco("532220")));
    assertTrue(esco.covers(OccupationRef.Scheme.ESCO));
    assertFalse(esco.covers(OccupationRef.Scheme.DISCO));
  }

  @Test
  void languageIsDetectedOrChosen() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    Files.copy(dir.resolve("occupations_en.csv"), dir.resolve("occupations_da.csv"));
    IOException e = assertThrows(IOException.class, () -> EscoTaxonomy.load(dir));
    assertTrue(e.getMessage().contains("[da, en]"), e.getMessage());
    // Danish chosen: the concept files fall back to... nothing, skills_da.csv is missing.
    NoSuchFileException missing = assertThrows(NoSuchFileException.class,
        () -> EscoTaxonomy.load(dir, EscoTaxonomy.Options.defaults().withLanguage("da")));
    assertTrue(missing.getMessage().contains("ISCOGroups_da.csv"), missing.getMessage());
    assertEquals(4, EscoTaxonomy.load(dir, EscoTaxonomy.Options.defaults().withLanguage("en")).stats().occupations());
  }

  @Test
  void relationFilesMayHaveOrLackTheLanguageSuffix() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    Files.move(dir.resolve("occupationSkillRelations_en.csv"), dir.resolve("occupationSkillRelations.csv"));
    Files.move(dir.resolve("skillSkillRelations.csv"), dir.resolve("skillSkillRelations_en.csv"));
    EscoTaxonomy t = EscoTaxonomy.load(dir);
    assertEquals(esco.stats().occupationSkillRelations(), t.stats().occupationSkillRelations());
    assertEquals(esco.relatedSkills(S + "test-medication"), t.relatedSkills(S + "test-medication"));
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    Files.delete(dir.resolve("skillSkillRelations.csv"));
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> EscoTaxonomy.load(dir));
    assertTrue(e.getMessage().contains("skillSkillRelations_en.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("skillSkillRelations.csv"), e.getMessage());
    assertThrows(NoSuchFileException.class, () -> EscoTaxonomy.load(tmp.resolve("nowhere")));
  }

  @Test
  void anUnknownUriInARelationIsSkippedAndReportedOrFailsWhenStrict() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    // Line 5 of the relations file refers to a skill that is not in skills_en.csv.
    TestFiles.replace(dir.resolve("occupationSkillRelations_en.csv"), S + "test-teamwork", S + "test-ghost");
    EscoTaxonomy t = EscoTaxonomy.load(dir);
    assertEquals(12, t.stats().occupationSkillRelations());
    assertEquals(1, t.stats().skippedOccupationSkillRelations());
    assertEquals(List.of(dir.resolve("occupationSkillRelations_en.csv") + ":5: skillUri: '" + S
        + "test-ghost' is not in the skills file"), t.problems());

    DataFileException e = assertThrows(DataFileException.class,
        () -> EscoTaxonomy.load(dir, EscoTaxonomy.Options.defaults().withStrictReferences(true)));
    assertEquals(dir.resolve("occupationSkillRelations_en.csv").toString(), e.source());
    assertEquals(5, e.line());
    assertTrue(e.getMessage().endsWith(":5: skillUri: '" + S + "test-ghost' is not in the skills file"), e.getMessage());
  }

  @Test
  void anUnterminatedQuoteNamesTheLineWhereTheRecordStarts() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    // Line 7 (warehouse worker) gets an opening quote that is never closed.
    TestFiles.replace(dir.resolve("occupations_en.csv"), "4321,warehouse worker,stock clerk", "4321,warehouse worker,\"stock clerk");
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertEquals(dir.resolve("occupations_en.csv").toString(), e.source());
    assertEquals(7, e.line());
    assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
  }

  @Test
  void aRecordWithTheWrongNumberOfFieldsIsNamed() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    TestFiles.replace(dir.resolve("skillSkillRelations.csv"), "optional,skill/competence," + S + "test-pick-orders",
        "optional,skill/competence");
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertEquals(4, e.line());
    assertEquals("has 4 fields but the header has 5", e.detail());
  }

  @Test
  void badValuesNameFieldAndLine() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    TestFiles.replace(dir.resolve("occupationSkillRelations_en.csv"), "specialist nurse,optional", "specialist nurse,maybe");
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertTrue(e.getMessage().endsWith("occupationSkillRelations_en.csv:7: relationType: 'maybe' must be essential or optional"),
        e.getMessage());
  }

  @Test
  void badReuseLevelAfterAMultiLineRecordCountsPhysicalLines() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    // skills_en.csv: medication spans lines 2-3, so wound care starts on line 4 (CRLF line ends).
    TestFiles.replace(dir.resolve("skills_en.csv"), "test-wound-care,skill/competence,occupation-specific",
        "test-wound-care,skill/competence,very-specific");
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertEquals(4, e.line());
    assertTrue(e.detail().startsWith("reuseLevel: 'very-specific' must be"), e.detail());
  }

  @Test
  void malformedIscoDigitsAndDuplicatesFail() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    TestFiles.replace(dir.resolve("occupations_en.csv"), "test-specialist-nurse,2221,", "test-specialist-nurse,22X1,");
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertEquals(6, e.line());
    assertEquals("iscoGroup: '22X1' must be 1-4 digits of ISCO-08", e.detail());

    Path dir2 = Files.createDirectory(tmp.resolve("dup"));
    TestFiles.copy(TestFiles.ESCO_MINI, dir2);
    TestFiles.replace(dir2.resolve("occupations_en.csv"), "test-warehouse,4321", "test-nurse,4321");
    DataFileException dup = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir2));
    assertEquals(7, dup.line());
    assertTrue(dup.detail().endsWith("test-nurse' appears twice"), dup.detail());
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    TestFiles.replace(dir.resolve("ISCOGroups_en.csv"), "conceptUri,code,", "conceptUri,kode,");
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertEquals(1, e.line());
    assertTrue(e.detail().startsWith("header: required column 'code' is missing"), e.detail());
  }

  @Test
  void invalidUtf8IsAnError() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    byte[] bytes = Files.readAllBytes(dir.resolve("skillSkillRelations.csv"));
    bytes[bytes.length - 5] = (byte) 0xC3; // a lead byte followed by ASCII
    Files.write(dir.resolve("skillSkillRelations.csv"), bytes);
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertTrue(e.getMessage().contains("skillSkillRelations.csv"), e.getMessage());
    assertTrue(e.detail().contains("UTF-8"), e.detail());
  }

  @Test
  void anEmptyFileNeedsAHeader() throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    Files.write(dir.resolve("broaderRelationsOccPillar.csv"), new byte[0]);
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertTrue(e.detail().contains("header line is required"), e.detail());
  }

  @Test
  void optionsRejectAPathAsLanguage() {
    assertThrows(IllegalArgumentException.class, () -> EscoTaxonomy.Options.defaults().withLanguage("../x"));
    assertNull(EscoTaxonomy.Options.defaults().language());
  }

  @ParameterizedTest
  @ValueSource(strings = {"skillSkillRelations.csv", "occupationSkillRelations_en.csv", "broaderRelationsSkillPillar_en.csv",
      "skills_en.csv"})
  void aFileCutOffMidLineFailsNamingTheFile(String name) throws IOException {
    Path dir = TestFiles.copy(TestFiles.ESCO_MINI, tmp);
    Path file = dir.resolve(name);
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    // Cut in the middle of the last record: at its last comma plus a few characters.
    int lastLineStart = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).stripTrailing().lastIndexOf('\n') + 1;
    int cut = lastLineStart + (bytes.length - lastLineStart) / 2;
    java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, cut));
    DataFileException e = assertThrows(DataFileException.class, () -> EscoTaxonomy.load(dir));
    assertEquals(file.toString(), e.source());
    assertTrue(e.getMessage().contains("does not end with a line break: it was probably cut off"), e.getMessage());
    assertEquals(new String(bytes, 0, cut, java.nio.charset.StandardCharsets.UTF_8).lines().count(), e.line());
  }
}
