package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EducationLevelsTest {
  @TempDir Path tmp;

  @Test
  void eightLevelsMappedToIsced2011() {
    List<EducationLevels.Level> all = EducationLevels.all();
    assertEquals(8, all.size());
    assertEquals(List.of(2, 3, 3, 5, 6, 6, 7, 8), all.stream().map(EducationLevels.Level::isced2011).toList());
    for (int i = 0; i < 8; i++) {
      assertEquals(i + 1, all.get(i).level());
    }
    assertEquals("Erhvervsfaglig uddannelse", EducationLevels.of(3).danishName());
    assertEquals("Master's degree", EducationLevels.of(7).englishName());
    assertThrows(IllegalArgumentException.class, () -> EducationLevels.of(0));
    assertThrows(IllegalArgumentException.class, () -> EducationLevels.of(9));
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"3,3,0", "3,5,0", "5,4,1", "5,3,2", "8,1,7", "3,null,3", "1,null,1"})
  void gapIsRequiredMinusHeldAndNeverNegative(int required, Integer held, int gap) {
    assertEquals(gap, EducationLevels.gap(required, held));
  }

  @Test
  void gapRejectsLevelsOutsideOneToEight() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EducationLevels.gap(0, 3));
    assertEquals("education.minLevel: '0' must be between 1 and 8", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EducationLevels.gap(3, 9));
  }

  @Test
  void outdatedMeansMoreThanTheGivenYearsAgo() {
    LocalDate asOf = LocalDate.of(2026, 11, 22);
    assertFalse(EducationLevels.outdated(2016, asOf, 10));
    assertTrue(EducationLevels.outdated(2015, asOf, 10));
    assertFalse(EducationLevels.outdated(null, asOf, 10));
    assertFalse(EducationLevels.outdated(2026, asOf, 0));
    assertTrue(EducationLevels.outdated(2025, asOf, 0));
    assertThrows(IllegalArgumentException.class, () -> EducationLevels.outdated(2000, asOf, -1));
  }

  @Test
  void discedCodesGiveTheirLevel() throws IOException {
    assertEquals(OptionalInt.of(3), EducationLevels.levelOfDisced("EDU_disced_3010"));
    assertEquals(OptionalInt.of(5), EducationLevels.levelOfDisced("5089"));
    assertEquals(OptionalInt.empty(), EducationLevels.levelOfDisced("EDU_disced_0510"));
    assertEquals(OptionalInt.empty(), EducationLevels.levelOfDisced("EDU_disced_9099"));
    assertEquals(OptionalInt.empty(), EducationLevels.levelOfDisced("abc"));

    List<EducationLevels.EducationGroup> groups = EducationLevels.loadGroups(TestFiles.FIXTURES.resolve("disced-mini.csv"));
    assertEquals(5, groups.size());
    assertEquals(new EducationLevels.EducationGroup("EDU_disced_3010", "3010", 3, "Omsorg, sundhed og pædagogik (OSP)"),
        groups.get(2));
    assertNull(groups.get(0).level());
    assertNull(groups.get(4).level());

    Path bad = TestFiles.write(tmp.resolve("g.csv"), "code,description\nEDU_disced_3010,A\nEDU_x,B\n");
    DataFileException e = assertThrows(DataFileException.class, () -> EducationLevels.loadGroups(bad));
    assertEquals(3, e.line());
    assertEquals("code: 'EDU_x' must be EDU_disced_ and four digits", e.detail());
  }
}
