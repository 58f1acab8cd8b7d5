package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleTaxonomyTest {
  static final Taxonomy T = SampleTaxonomy.get();

  /** The ids other modules rely on (listed in notes/tax-README.md); renaming one is a breaking change. */
  static final List<String> OCCUPATIONS = List.of("disco:222110", "disco:532210", "disco:532220", "disco:532130",
      "disco:234200", "disco:531120", "disco:531110", "disco:234120", "disco:233010", "disco:263500", "disco:432100",
      "disco:933300", "disco:834400", "disco:833210", "disco:833110", "disco:832220", "disco:522300", "disco:523000",
      "disco:911210", "disco:911220", "disco:711210", "disco:711510", "disco:931390", "disco:741100", "disco:411000",
      "disco:412000", "disco:334310", "disco:251220", "disco:351200", "disco:941210", "disco:512000", "disco:932900");

  @TempDir Path tmp;

  @Test
  void theStableOccupationIdsAreAllThereInOrder() {
    assertEquals(OCCUPATIONS, T.occupationLabels().keySet().stream().map(OccupationRef::toString).toList());
    assertSame(T, SampleTaxonomy.get());
  }

  @Test
  void everyOccupationHasDanishLabelsAndFiveToTwelveSkills() {
    for (String id : OCCUPATIONS) {
      OccupationRef ref = OccupationRef.parse(id);
      assertTrue(T.occupationLabel(ref).isPresent(), id);
      List<RequiredSkill> skills = T.skillsOf(ref);
      assertTrue(skills.size() >= 5 && skills.size() <= 12, id + " has " + skills.size() + " skills");
      assertTrue(skills.get(0).essential(), id);
      for (RequiredSkill s : skills) {
        assertTrue(T.skillLabel(s.id()).isPresent(), s.id());
        assertTrue(T.reuseLevel(s.id()).isPresent(), s.id());
      }
    }
  }

  @Test
  void welfareOccupationsAreWhereTheDemoExpectsThem() {
    OccupationRef sosuAssistant = OccupationRef.disco("532220");
    assertEquals(Optional.of("Social- og sundhedsassistent"), T.occupationLabel(sosuAssistant));
    assertEquals(OccupationCode.ofDigits("532220"), T.resolve(sosuAssistant));
    assertEquals("5322", T.resolve(sosuAssistant).unitGroup());
    assertEquals(Optional.of("Sygeplejerske"), T.occupationLabel(OccupationRef.disco("222110")));
    assertTrue(T.skillsOf(sosuAssistant).contains(RequiredSkill.essential("skill:medicin-administration")));
    assertTrue(T.skillsOf(OccupationRef.disco("222110")).contains(RequiredSkill.essential("skill:sygepleje")));
    assertEquals(Optional.of(ReuseLevel.OCCUPATION_SPECIFIC), T.reuseLevel("skill:medicin-administration"));
    assertEquals(Optional.of(ReuseLevel.TRANSVERSAL), T.reuseLevel("skill:samarbejde"));
    assertEquals(Optional.of("Medicinadministration"), T.skillLabel("skill:medicin-administration"));
  }

  @Test
  void unitGroupSkillsAreTheMajorityOfTheListedOccupations() {
    // SOSU helper and assistant share 5322: what either lists as essential is essential for the group
    // (half of two), what only one lists as optional is optional.
    List<RequiredSkill> group = T.skillsOf(OccupationRef.isco("5322"));
    Set<String> essential = group.stream().filter(RequiredSkill::essential).map(RequiredSkill::id).collect(Collectors.toSet());
    assertEquals(Set.of("skill:dokumentation-omsorg", "skill:forflytning", "skill:hygiejne-smitte",
        "skill:medicin-administration", "skill:observation-sundhed", "skill:omsorg", "skill:personlig-pleje",
        "skill:praktisk-hjaelp"), essential);
    assertTrue(group.contains(RequiredSkill.optional("skill:demens")));
    assertEquals(group, T.skillsOf(OccupationRef.disco("532290"))); // an unlisted level-5 code of the group
    assertEquals(List.of(), T.skillsOf(OccupationRef.isco("53")));
    assertEquals(List.of(), T.skillsOf(OccupationRef.isco("9999")));
  }

  @Test
  void relatedSkillsAreSymmetricOrderedAndExcludeTheSkill() {
    assertEquals(Map.of("skill:pudsning", 0.5, "skill:betonarbejde", 0.4), T.relatedSkills("skill:murerarbejde"));
    assertEquals(List.of("skill:pudsning", "skill:betonarbejde"), List.copyOf(T.relatedSkills("skill:murerarbejde").keySet()));
    for (Map.Entry<String, List<String>> s : T.skillLabels().entrySet()) {
      for (Map.Entry<String, Double> r : T.relatedSkills(s.getKey()).entrySet()) {
        assertEquals(r.getValue(), T.relatedSkills(r.getKey()).get(s.getKey()), s.getKey() + " <-> " + r.getKey());
        assertFalse(r.getKey().equals(s.getKey()));
      }
    }
    assertEquals(Map.of(), T.relatedSkills("skill:unknown"));
  }

  @Test
  void knowsListedCodesAndTheirGroupsButCoversNothing() {
    assertTrue(T.knows(OccupationRef.disco("532220")));
    assertTrue(T.knows(OccupationRef.isco("5322")));
    assertTrue(T.knows(OccupationRef.isco("53")));
    assertFalse(T.knows(OccupationRef.disco("532290")));
    assertFalse(T.knows(OccupationRef.parse(OccupationRef.ESCO_PREFIX + "x")));
    for (OccupationRef.Scheme s : OccupationRef.Scheme.values()) {
      assertFalse(T.covers(s));
    }
    assertEquals(new OccupationCode(null, OccupationRef.ESCO_PREFIX + "x"),
        T.resolve(OccupationRef.parse(OccupationRef.ESCO_PREFIX + "x")));
  }

  private DataFileException bad(String text) {
    Path f = TestFiles.write(tmp.resolve("t.tsv"), text);
    return assertThrows(DataFileException.class, () -> SampleTaxonomy.load(f));
  }

  @Test
  void theFormatFailsLoudly() throws IOException {
    String ok = "# c\noccupation\tisco:1234\tA\talt|alt2\nskill\tskill:a\ttransversal\tA\n"
        + "skill\tskill:b\t\tB\nessential\tisco:1234\tskill:a\noptional\tisco:1234\tskill:b\nrelated\tskill:a\tskill:b\t0.5\n";
    Taxonomy t = SampleTaxonomy.load(TestFiles.write(tmp.resolve("ok.tsv"), ok));
    assertEquals(List.of("A", "alt", "alt2"), t.occupationLabels().get(OccupationRef.isco("1234")));
    assertEquals(List.of(RequiredSkill.essential("skill:a"), RequiredSkill.optional("skill:b")),
        t.skillsOf(OccupationRef.isco("1234")));
    assertEquals(Optional.empty(), t.reuseLevel("skill:b"));

    assertEquals(8, bad(ok + "related\tskill:a\tskill:c\t0.5\n").line());
    assertEquals("skill: 'skill:c' is not declared by a skill line", bad(ok + "related\tskill:a\tskill:c\t0.5\n").detail());
    assertEquals("credit: '1.5' must be a number in (0,1)", bad(ok + "related\tskill:a\tskill:b\t1.5\n").detail());
    assertEquals("occupation: 'isco:1234' appears twice", bad(ok + "occupation\tisco:1234\tB\n").detail());
    assertEquals("kind: 'occupaton' must be occupation, skill, essential, optional or related",
        bad("occupaton\tisco:1\tA\n").detail());
    assertTrue(bad("skill\tskill:a\tvery\tA\n").detail().startsWith("reuseLevel: 'very'"));
    assertEquals("skill: 'skill:a' is listed twice for isco:1234", bad(ok + "essential\tisco:1234\tskill:a\n").detail());
    assertEquals("occupation: 'isco:9' is not declared by an earlier occupation line",
        bad(ok + "essential\tisco:9\tskill:a\n").detail());
    assertEquals("has 2 tab-separated fields; expected occupation <TAB> ref <TAB> label [<TAB> alt|alt]",
        bad("occupation\tisco:1\n").detail());
  }
}
