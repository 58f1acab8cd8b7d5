package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.OccupationRef;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DISCO-08 on a hand-written list in Danmarks Statistik's layout (BOM, semicolons, quoted codes). */
class DiscoClassificationTest {
  static final Path FILE = TestFiles.FIXTURES.resolve("disco-mini.csv");
  static final String HEADER = "SEKVENS;KODE;NIVEAU;TITEL;GENERELLE_NOTER\n";
  static DiscoClassification disco;

  @TempDir Path tmp;

  @BeforeAll
  static void load() throws IOException {
    disco = DiscoClassification.load(FILE);
  }

  @Test
  void readsTitlesLevelsAndHierarchy() {
    assertEquals(13, disco.size());
    assertEquals(Optional.of("Social- og sundhedsarbejde i private hjem, assistenter"), disco.title("532220"));
    assertEquals(OptionalInt.of(5), disco.level("532220"));
    assertEquals(OptionalInt.of(1), disco.level("9"));
    assertEquals(List.of("5322", "532", "53", "5"), disco.ancestors("532220"));
    assertEquals(Optional.of("5322"), disco.parent("532220"));
    assertEquals(Optional.of("53"), disco.parent("532"));
    assertEquals(Optional.empty(), disco.parent("5"));
    assertEquals(List.of(), disco.ancestors("5"));
    assertEquals(List.of(), disco.ancestors("532230"));
    assertEquals(List.of("532210", "532220"), disco.children("5322"));
    assertEquals(List.of(), disco.children("532220"));
    assertFalse(disco.contains("5321"));
    assertEquals("2", disco.titles().keySet().iterator().next());
  }

  @Test
  void decoratesATaxonomyWithDanishTitlesAndValidation() {
    Taxonomy t = disco.decorate(Taxonomy.none());
    assertEquals(Optional.of("Sygeplejerskearbejde"), t.occupationLabel(OccupationRef.isco("2221")));
    assertEquals(Optional.of("Sygeplejerskearbejde, basisfunktioner"), t.occupationLabel(OccupationRef.disco("222110")));
    assertEquals(Optional.empty(), t.occupationLabel(OccupationRef.disco("532230")));
    assertTrue(t.knows(OccupationRef.disco("532220")));
    assertTrue(t.knows(OccupationRef.isco("532")));
    assertFalse(t.knows(OccupationRef.disco("532230")));
    assertTrue(t.covers(OccupationRef.Scheme.DISCO));
    assertTrue(t.covers(OccupationRef.Scheme.ISCO));
    assertFalse(t.covers(OccupationRef.Scheme.ESCO));
    // An unknown code still resolves: scoring never throws; input validation uses knows().
    assertEquals(OccupationCode.ofDigits("532230"), t.resolve(OccupationRef.disco("532230")));
    // The leaves become labelled occupations for free-text mapping; groups with children do not.
    assertEquals(List.of(OccupationRef.disco("222110"), OccupationRef.disco("222120"), OccupationRef.disco("532210"),
        OccupationRef.disco("532220"), OccupationRef.disco("9")), List.copyOf(t.occupationLabels().keySet()));
  }

  @Test
  void keepsTheBaseLabelsFirst() {
    Taxonomy t = disco.decorate(SampleTaxonomy.get());
    assertEquals(List.of("Social- og sundhedsassistent", "SOSU-assistent", "Sosu-assistent", "Sundhedsassistent",
        "Social- og sundhedsarbejde i private hjem, assistenter"), t.occupationLabels().get(OccupationRef.disco("532220")));
    assertEquals(SampleTaxonomy.get().skillsOf(OccupationRef.disco("532220")), t.skillsOf(OccupationRef.disco("532220")));
    assertEquals(SampleTaxonomy.get().relatedSkills("skill:sygepleje"), t.relatedSkills("skill:sygepleje"));
    assertEquals(Optional.of("Sygepleje"), t.skillLabel("skill:sygepleje"));
  }

  private DataFileException bad(String body) {
    Path f = TestFiles.write(tmp.resolve("disco.csv"), HEADER + body);
    return assertThrows(DataFileException.class, () -> DiscoClassification.load(f));
  }

  @Test
  void malformedListsFailNamingLineAndField() {
    assertEquals("NIVEAU: '6' must be a level 1-5", bad("1;\"5\";1;A;\n2;\"53\";6;B;\n").detail());
    assertEquals(3, bad("1;\"5\";1;A;\n2;\"53\";x;B;\n").line());
    assertEquals("KODE: '5322' must have 6 digits at level 5", bad("1;\"5\";1;A;\n2;\"5322\";5;B;\n").detail());
    assertEquals("KODE: '53' has no parent group 5 in the file", bad("1;\"53\";2;A;\n").detail());
    assertEquals("KODE: '5' appears twice (first on line 2)", bad("1;\"5\";1;A;\n2;\"5\";1;B;\n").detail());
    assertEquals("KODE: '5a' must be 1-6 digits", bad("1;\"5a\";1;A;\n").detail());
    DataFileException fields = bad("1;\"5\";1;A;\n2;\"53\";2\n");
    assertEquals(3, fields.line());
    assertTrue(fields.getMessage().startsWith(tmp.resolve("disco.csv") + ":3: "), fields.getMessage());
    assertTrue(bad("").detail().contains("no DISCO-08 codes"));
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> DiscoClassification.load(tmp.resolve("none.csv")));
  }
}
