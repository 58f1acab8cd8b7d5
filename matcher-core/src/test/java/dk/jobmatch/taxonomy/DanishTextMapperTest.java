package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Danish free text against the sample taxonomy. */
class DanishTextMapperTest {
  static DanishTextMapper mapper;

  @BeforeAll
  static void build() {
    mapper = DanishTextMapper.build(SampleTaxonomy.get());
  }

  private static DanishTextMapper.Candidate topOccupation(String title) {
    List<DanishTextMapper.Candidate> c = mapper.mapOrderText(title, null).occupations();
    assertFalse(c.isEmpty(), "no occupation for " + title);
    return c.get(0);
  }

  @Test
  void sosuAssistantAtNightMapsToTheSosuAssistant() {
    DanishTextMapper.OrderMapping m = mapper.mapOrderText("Social- og sundhedsassistent til nattevagt", null);
    DanishTextMapper.Candidate top = m.occupations().get(0);
    assertEquals(OccupationRef.disco("532220"), top.occupation());
    assertEquals("5322", SampleTaxonomy.get().resolve(top.occupation()).unitGroup());
    assertEquals("Social- og sundhedsassistent", top.label());
    assertEquals(List.of("Social", "sundhedsassistent"), top.matchedWords());
    assertTrue(top.complete());
    assertEquals(1.0, top.coverage());
    assertEquals("\"Social\", \"sundhedsassistent\" → Social- og sundhedsassistent", top.explanation());
    // The helper shares one of the two words: a weaker candidate, ranked below.
    DanishTextMapper.Candidate second = m.occupations().get(1);
    assertEquals("disco:532210", second.id());
    assertFalse(second.complete());
    assertEquals(0.5, second.coverage());
    assertTrue(second.score() < top.score());
  }

  @ParameterizedTest
  @CsvSource({
    // stemming: plural and definite forms
    "Sygeplejersker søges,disco:222110,Sygeplejerske",
    "Sygeplejersken,disco:222110,Sygeplejerske",
    "Lagermedarbejder,disco:432100,Lagermedarbejder",
    "Lagermedarbejdere til pluk og pak,disco:432100,Lagermedarbejder",
    "Lagerarbejdere,disco:933300,Lagerarbejder",
    // Scandinavian normalisation: ae/æ, oe/ø, aa/å, ä/æ, ö/ø
    "Paedagog til vuggestue,disco:234200,Pædagog",
    "Koekkenmedhjaelper,disco:941210,Køkkenmedhjælper",
    "Rengöringsassistent,disco:911210,Rengøringsassistent",
    "Paedagogmedhjälper,disco:531120,Pædagogmedhjælper",
    // compounds: a label word inside a longer word
    "Nattevagtssygeplejerske,disco:222110,Sygeplejerske",
    // alternative labels
    "SOSU-hjælper i hjemmeplejen,disco:532210,SOSU-hjælper",
    "Gaffeltruckfører,disco:834400,Gaffeltruckfører",
    "Buschauffør,disco:833110,Buschauffør",
  })
  void findsTheOccupation(String title, String id, String label) {
    DanishTextMapper.Candidate top = topOccupation(title);
    assertEquals(id, top.id(), title);
    assertEquals(label, top.label(), title);
  }

  @Test
  void aCompoundMatchSaysWhichWordMatched() {
    DanishTextMapper.Candidate top = topOccupation("Nattevagtssygeplejerske");
    assertEquals(List.of("Nattevagtssygeplejerske"), top.matchedWords());
    assertEquals(0.8, top.coverage(), 1e-9);
    assertTrue(top.complete());
  }

  @Test
  void orderTextFindsSkillsInTheDescription() {
    DanishTextMapper.OrderMapping m = mapper.mapOrderText("Kantinekok",
        "Madlavning fra bunden i storkøkken, hygiejnebevis er et krav.");
    assertEquals("disco:512000", m.occupations().get(0).id());
    List<String> complete = m.skills().stream().filter(DanishTextMapper.Candidate::complete)
        .map(DanishTextMapper.Candidate::id).toList();
    assertEquals(List.of("skill:foedevarehygiejne", "skill:madlavning", "skill:storkoekken"),
        complete.stream().sorted().toList());
    DanishTextMapper.Candidate hygiene = m.skills().stream().filter(c -> c.id().equals("skill:foedevarehygiejne"))
        .findFirst().orElseThrow();
    assertEquals("Hygiejnebevis", hygiene.label());
    assertEquals(List.of("hygiejnebevis"), hygiene.matchedWords());
  }

  @Test
  void citizensFreeTextMapsToSkills() {
    List<DanishTextMapper.Candidate> c = mapper.mapSkillText(
        "Jeg har truckcertifikat og har arbejdet med rengøring på hospital og kassebetjening");
    List<String> complete = c.stream().filter(DanishTextMapper.Candidate::complete)
        .map(DanishTextMapper.Candidate::id).toList();
    assertTrue(complete.containsAll(List.of("skill:truckkoersel", "skill:hospitalsrengoering", "skill:kassebetjening",
        "skill:rengoering")), complete.toString());
    assertEquals("skill:hospitalsrengoering", c.get(0).id()); // two words of one label beat one
    assertEquals(List.of("rengøring", "hospital"), c.get(0).matchedWords());
    for (DanishTextMapper.Candidate x : c) {
      assertEquals(DanishTextMapper.Kind.SKILL, x.kind());
      assertTrue(x.coverage() >= DanishTextMapper.MIN_COVERAGE);
    }
    assertThrows(IllegalStateException.class, () -> c.get(0).occupation());
  }

  @Test
  void resultsAreDeterministicWithTiesById() {
    List<DanishTextMapper.Candidate> a = mapper.mapSkillText("kassebetjening truckcertifikat");
    assertEquals(a, mapper.mapSkillText("kassebetjening truckcertifikat"));
    // Equal single-word labels score the same; the id decides.
    assertEquals(a.get(0).score(), a.get(1).score());
    assertEquals(List.of("skill:kassebetjening", "skill:truckkoersel"), a.stream().map(DanishTextMapper.Candidate::id).toList());
  }

  @Test
  void limitsAndEmptyText() {
    assertEquals(1, mapper.mapSkillText("kassebetjening truckcertifikat", 1).size());
    assertEquals(List.of(), mapper.mapSkillText("", 5));
    assertEquals(List.of(), mapper.mapSkillText("og til med", 5)); // stop words only
    DanishTextMapper.OrderMapping none = mapper.mapOrderText(null, null);
    assertEquals(List.of(), none.occupations());
    assertEquals(List.of(), none.skills());
    assertThrows(IllegalArgumentException.class, () -> mapper.mapSkillText("kok", -1));
    assertEquals(List.of(), DanishTextMapper.build(Taxonomy.none()).mapSkillText("kassebetjening"));
  }

  @Test
  void enrichAddsSkillsFoundInTheText() {
    JobOrder order = JobOrder.builder("jo-1", "disco:532220")
        .title("Social- og sundhedsassistent med erfaring i sårpleje")
        .description("Du har styr på medicinhåndtering og forflytning.")
        .build();
    JobOrder enriched = mapper.enrich(order);
    assertEquals(List.of(
            RequiredSkill.essential("skill:saarpleje"),
            RequiredSkill.optional("skill:forflytning"),
            RequiredSkill.optional("skill:medicin-administration")),
        enriched.requiredSkills());
    assertEquals(order.id(), enriched.id());
    assertEquals(order.description(), enriched.description());
  }

  @Test
  void enrichLeavesOrdersWithSkillsOrWithoutMatchesUnchanged() {
    JobOrder withSkills = JobOrder.builder("jo-2", "disco:532220").title("Sårpleje").essentialSkill("skill:sygepleje").build();
    assertSame(withSkills, mapper.enrich(withSkills));
    JobOrder nothing = JobOrder.builder("jo-3", "disco:532220").title("Nattevagt søges").build();
    assertSame(nothing, mapper.enrich(nothing));
    JobOrder noText = JobOrder.builder("jo-4", "disco:532220").build();
    assertSame(noText, mapper.enrich(noText));
  }

  @Test
  void discoTitlesBecomeMappableThroughDecoration() throws IOException {
    DiscoClassification disco = DiscoClassification.load(TestFiles.FIXTURES.resolve("disco-mini.csv"));
    DanishTextMapper m = DanishTextMapper.build(disco.decorate(Taxonomy.none()));
    DanishTextMapper.Candidate top = m.mapOccupationText("Sygeplejerskearbejde, specialfunktioner").get(0);
    assertEquals(OccupationRef.disco("222120"), top.occupation());
    assertTrue(top.complete());
  }
}
