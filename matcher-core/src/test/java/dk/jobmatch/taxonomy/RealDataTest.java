package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.RequiredSkill;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loaders against the real ESCO v1.1.1 export and DISCO-08 list in {@code ../shared/data}
 * (skipped with a message when absent). The export is loaded once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataTest {
  EscoTaxonomy esco;
  DiscoClassification disco;
  Path discoDir;

  @BeforeAll
  void load() throws IOException {
    esco = EscoTaxonomy.load(TestFiles.sharedData("esco-v1.1.1"));
    discoDir = TestFiles.sharedData("disco-08");
    disco = DiscoClassification.load(discoDir.resolve("disco.csv"));
  }

  @Test
  void escoCountsMatchTheDataReadme() {
    EscoTaxonomy.Stats s = esco.stats();
    assertEquals(3_007, s.occupations());
    assertEquals(13_896, s.skills());
    assertEquals(619, s.iscoGroups());
    // 123,855 rows; 67 of them name an occupation missing from occupations_en.csv and are skipped.
    assertEquals(123_855, s.occupationSkillRelations() + s.skippedOccupationSkillRelations());
    assertEquals(67, s.skippedOccupationSkillRelations());
    assertEquals(64_946 + 58_909, s.essentialRelations() + s.optionalRelations() + s.skippedOccupationSkillRelations());
    assertEquals(1, s.skippedOtherRelations()); // the same occupation's broader relation
    assertTrue(esco.problems().get(0).contains("occupationSkillRelations.csv:"), esco.problems().get(0));
    assertTrue(esco.problems().get(0).contains("a9e54177-a185-404d-b6e6-15663d31137e"), esco.problems().get(0));
  }

  private OccupationRef occupationLabelled(String label) {
    return esco.occupationLabels().entrySet().stream()
        .filter(e -> e.getValue().get(0).equals(label))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ESCO occupation labelled " + label));
  }

  @Test
  void nursesResolveTo2221AndHaveTheirEssentialSkills() {
    OccupationRef general = occupationLabelled("nurse responsible for general care");
    OccupationRef specialist = occupationLabelled("specialist nurse");
    assertEquals("2221", esco.resolve(general).digits());
    assertEquals("2221", esco.resolve(specialist).digits());
    assertEquals(general.code(), esco.resolve(general).escoUri());

    List<RequiredSkill> skills = esco.skillsOf(general);
    Set<String> essentialLabels = skills.stream().filter(RequiredSkill::essential)
        .map(s -> esco.skillLabel(s.id()).orElseThrow()).collect(Collectors.toSet());
    assertEquals(88, essentialLabels.size());
    assertEquals(98, skills.size());
    assertTrue(essentialLabels.containsAll(Set.of("implement nursing care", "infection control", "first aid",
        "hygiene in a health care setting")), essentialLabels.toString());
    // Essential first.
    assertTrue(skills.get(0).essential());
    assertFalse(skills.get(skills.size() - 1).essential());

    // The unit group's derived requirements include what all its nurses share.
    Set<String> group = esco.skillsOf(OccupationRef.isco("2221")).stream().filter(RequiredSkill::essential)
        .map(s -> esco.skillLabel(s.id()).orElseThrow()).collect(Collectors.toSet());
    assertTrue(group.contains("implement nursing care"), group.toString());
  }

  @Test
  void relatedSkillsAreBoundedAndExcludeTheSkill() {
    int withRelations = 0;
    for (String skill : esco.skillLabels().keySet()) {
      Map<String, Double> rel = esco.relatedSkills(skill);
      assertTrue(rel.size() <= EscoTaxonomy.MAX_RELATED);
      assertFalse(rel.containsKey(skill));
      double last = Double.MAX_VALUE;
      for (double c : rel.values()) {
        assertTrue(c > 0 && c < 1);
        assertTrue(c <= last, "credits must be in descending order");
        last = c;
      }
      if (!rel.isEmpty()) {
        withRelations++;
      }
    }
    assertTrue(withRelations > 5_000, "skills with related skills: " + withRelations);
  }

  @Test
  void discoRollsUp532220() {
    assertEquals(List.of("5322", "532", "53", "5"), disco.ancestors("532220"));
    assertEquals(Optional.of("5322"), disco.parent("532220"));
    assertEquals(Optional.of("Social- og sundhedsarbejde i private hjem, assistenter"), disco.title("532220"));
    assertEquals(OptionalInt.of(5), disco.level("532220"));
    assertEquals(List.of("532210", "532220"), disco.children("5322"));
    assertEquals(1_171, disco.size());
    assertEquals(List.of("5", "53", "532", "5322", "532220"), OccupationCode.ofDigits("532220").levels());
  }

  @Test
  void discoDecoratesEsco() {
    Taxonomy t = disco.decorate(esco);
    assertEquals(Optional.of("Sygeplejerskearbejde"), t.occupationLabel(OccupationRef.isco("2221")));
    assertEquals(Optional.of("specialist nurse"), t.occupationLabel(occupationLabelled("specialist nurse")));
    assertTrue(t.knows(OccupationRef.disco("532220")));
    assertFalse(t.knows(OccupationRef.disco("532230")));
    assertTrue(t.covers(OccupationRef.Scheme.DISCO));
    assertEquals(List.of("Social- og sundhedsarbejde i private hjem, assistenter"),
        t.occupationLabels().get(OccupationRef.disco("532220")));
    assertEquals(esco.skillsOf(OccupationRef.isco("5322")), t.skillsOf(OccupationRef.disco("532220")));
  }

  @Test
  void educationGroupsCarryTheirLevel() throws IOException {
    List<EducationLevels.EducationGroup> groups = EducationLevels.loadGroups(discoDir.resolve("disced-education-groups.csv"));
    assertEquals(102, groups.size());
    EducationLevels.EducationGroup osp = groups.stream().filter(g -> g.number().equals("3010")).findFirst().orElseThrow();
    assertEquals(3, osp.level());
    assertEquals("Omsorg, sundhed og pædagogik (OSP)", osp.title());
    assertEquals(null, groups.get(0).level()); // 0510 pre-school
  }

  @Test
  void shortageLinesByEscoUriAreCheckedAgainstEsco(@TempDir Path tmp) throws IOException {
    OccupationRef nurse = occupationLabelled("nurse responsible for general care");
    Path csv = TestFiles.write(tmp.resolve("s.csv"), "occupation,rarArea,category,validFrom,validTo\n"
        + nurse + ",HOVEDSTADEN,MANGEL,2026-01-01,\n");
    ShortageRegistry r = ShortageRegistry.load(csv, esco);
    // An unresolved ESCO occupation is placed through the taxonomy.
    assertEquals(Optional.of(ShortageCategory.MANGEL),
        r.category(new OccupationCode(null, nurse.code()), RarArea.HOVEDSTADEN, LocalDate.of(2026, 6, 1)));
    TestFiles.write(csv, "occupation,rarArea,category,validFrom,validTo\n"
        + OccupationRef.ESCO_PREFIX + "00000000-0000-0000-0000-000000000000,HOVEDSTADEN,MANGEL,2026-01-01,\n");
    DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
        () -> ShortageRegistry.load(csv, esco));
    assertEquals(2, e.line());
  }
}
