package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortageRegistryTest {
  static final String HEADER = "occupation,rarArea,category,validFrom,validTo\n";
  static final LocalDate D = LocalDate.of(2026, 9, 1);
  static final RarArea H = RarArea.HOVEDSTADEN;

  @TempDir Path tmp;

  private ShortageRegistry load(String body) throws IOException {
    return ShortageRegistry.load(TestFiles.write(tmp.resolve("shortage.csv"), HEADER + body));
  }

  private static Optional<ShortageCategory> cat(ShortageRegistry r, String digits, RarArea area, LocalDate d) {
    return r.category(OccupationCode.ofDigits(digits), area, d);
  }

  @Test
  void aCodeCoversTheGroupsBelowItAndTheMostSpecificWins() throws IOException {
    ShortageRegistry r = load("""
        isco:53,HOVEDSTADEN,GODE,2026-01-01,
        isco:5322,HOVEDSTADEN,MANGEL,2026-01-01,
        disco:532210,HOVEDSTADEN,PARADOKS,2026-01-01,
        """);
    assertEquals(Optional.of(ShortageCategory.PARADOKS), cat(r, "532210", H, D));
    assertEquals(Optional.of(ShortageCategory.MANGEL), cat(r, "532220", H, D));
    assertEquals(Optional.of(ShortageCategory.MANGEL), cat(r, "5322", H, D));
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "5321", H, D));
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "53", H, D));
    assertEquals(Optional.empty(), cat(r, "5", H, D)); // a broader group is not covered by a narrower line
    assertEquals(Optional.empty(), cat(r, "2221", H, D));
    assertEquals(4, r.entries().get(2).line()); // header on line 1
  }

  @Test
  void areaLinesWinOverEveryAreaLinesAndANullAreaSeesOnlyEveryArea() throws IOException {
    ShortageRegistry r = load("""
        isco:2221,,GODE,2026-01-01,
        isco:2221,HOVEDSTADEN,MANGEL,2026-01-01,
        isco:22,SJAELLAND,MINDRE_GODE,2026-01-01,
        """);
    assertEquals(Optional.of(ShortageCategory.MANGEL), cat(r, "2221", H, D));
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "2221", RarArea.FYN, D));
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "2221", null, D));
    // The more specific occupation wins even over a line for the asked area at a broader level.
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "2221", RarArea.SJAELLAND, D));
    assertEquals(Optional.of(ShortageCategory.MINDRE_GODE), cat(r, "2211", RarArea.SJAELLAND, D));
    assertEquals(Optional.empty(), cat(r, "2211", null, D));
  }

  @Test
  void validityDatesAreInclusiveAndMayBeOpenEnded() throws IOException {
    ShortageRegistry r = load("""
        isco:8332,HOVEDSTADEN,PARADOKS,2026-01-01,2026-06-30
        isco:8332,HOVEDSTADEN,GODE,2026-07-01,
        """);
    assertEquals(Optional.empty(), cat(r, "8332", H, LocalDate.of(2025, 12, 31)));
    assertEquals(Optional.of(ShortageCategory.PARADOKS), cat(r, "8332", H, LocalDate.of(2026, 1, 1)));
    assertEquals(Optional.of(ShortageCategory.PARADOKS), cat(r, "8332", H, LocalDate.of(2026, 6, 30)));
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "8332", H, LocalDate.of(2026, 7, 1)));
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "833210", H, LocalDate.of(2040, 1, 1)));
    assertEquals(2, r.entry(OccupationCode.ofDigits("833210"), H, LocalDate.of(2026, 3, 1)).orElseThrow().line());
  }

  @Test
  void anExpiredSpecificLineFallsBackToTheBroaderOne() throws IOException {
    ShortageRegistry r = load("""
        isco:2221,HOVEDSTADEN,MANGEL,2026-01-01,2026-06-30
        isco:222,HOVEDSTADEN,GODE,2026-01-01,
        """);
    assertEquals(Optional.of(ShortageCategory.MANGEL), cat(r, "2221", H, LocalDate.of(2026, 6, 30)));
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "2221", H, LocalDate.of(2026, 7, 1)));
  }

  @Test
  void escoUriLinesMatchThatOccupationOnly() throws IOException {
    String uri = OccupationRef.ESCO_PREFIX + "test-nurse";
    ShortageRegistry r = load(uri + ",HOVEDSTADEN,MANGEL,2026-01-01,\nisco:2221,HOVEDSTADEN,GODE,2026-01-01,\n");
    assertEquals(Optional.of(ShortageCategory.MANGEL), r.category(new OccupationCode("2221", uri), H, D));
    assertEquals(Optional.of(ShortageCategory.GODE),
        r.category(new OccupationCode("2221", OccupationRef.ESCO_PREFIX + "other"), H, D));
    // Without a taxonomy an unresolved URI cannot be placed in the hierarchy.
    assertEquals(Optional.empty(), r.category(new OccupationCode(null, OccupationRef.ESCO_PREFIX + "other"), H, D));
  }

  @Test
  void withATaxonomyUnknownCodesAreRejectedAndUrisPlaced() throws IOException {
    EscoTaxonomy esco = EscoTaxonomy.load(TestFiles.ESCO_MINI);
    Path f = TestFiles.write(tmp.resolve("s.csv"), HEADER + "isco:2221,HOVEDSTADEN,MANGEL,2026-01-01,\n");
    ShortageRegistry r = ShortageRegistry.load(f, esco);
    assertEquals(Optional.of(ShortageCategory.MANGEL),
        r.category(new OccupationCode(null, OccupationRef.ESCO_PREFIX + "test-specialist-nurse"), H, D));
    TestFiles.write(f, HEADER + "isco:2221,HOVEDSTADEN,MANGEL,2026-01-01,\n" + OccupationRef.ESCO_PREFIX
        + "ghost,HOVEDSTADEN,MANGEL,2026-01-01,\nisco:9999,,GODE,2026-01-01,\n");
    DataFileException e = assertThrows(DataFileException.class, () -> ShortageRegistry.load(f, esco));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains(":3: occupation: '" + OccupationRef.ESCO_PREFIX + "ghost' is not an occupation of the taxonomy"),
        e.getMessage());
    assertTrue(e.getMessage().contains(":4: occupation: 'isco:9999' is not an occupation of the taxonomy"), e.getMessage());
  }

  @Test
  void badLinesAreAllReportedWithFileLineAndField() {
    Path f = TestFiles.write(tmp.resolve("bad.csv"), HEADER + """
        isco:2221,HOVEDSTADEN,MANGEL,2026-01-01,
        isco:22X1,HOVEDSTADEN,MANGEL,2026-01-01,
        isco:2221,HOVEDSTAD,MANGEL,2026-01-01,
        isco:2221,HOVEDSTADEN,MANGLE,2026-01-01,
        isco:2221,HOVEDSTADEN,MANGEL,01-01-2026,
        isco:2221,HOVEDSTADEN,MANGEL,2026-07-01,2026-06-30
        isco:2221,HOVEDSTADEN,MANGEL,,
        ,HOVEDSTADEN,MANGEL,2026-01-01,
        """);
    DataFileException e = assertThrows(DataFileException.class, () -> ShortageRegistry.load(f));
    assertEquals(3, e.line());
    String[] lines = e.getMessage().split("\n");
    assertEquals(7, lines.length, e.getMessage());
    assertEquals(f + ":3: occupation: 'isco:22X1' must be isco: and 1-4 digits", lines[0]);
    assertEquals(f + ":4: rarArea: 'HOVEDSTAD' is not one of [HOVEDSTADEN, BORNHOLM, SJAELLAND, FYN, SYDJYLLAND, "
        + "OESTJYLLAND, VESTJYLLAND, NORDJYLLAND]", lines[1]);
    assertEquals(f + ":5: category: 'MANGLE' is not one of [MANGEL, PARADOKS, GODE, MINDRE_GODE]", lines[2]);
    assertEquals(f + ":6: validFrom: '01-01-2026' must be an ISO date such as 2026-07-01", lines[3]);
    assertEquals(f + ":7: validTo: '2026-06-30' must not be before validFrom 2026-07-01", lines[4]);
    assertEquals(f + ":8: validFrom: is required (an ISO date such as 2026-07-01)", lines[5]);
    assertEquals(f + ":9: occupation: is required", lines[6]);
  }

  @Test
  void overlappingPeriodsForTheSameOccupationAndAreaAreRejected() {
    Path f = TestFiles.write(tmp.resolve("o.csv"), HEADER + """
        isco:2221,HOVEDSTADEN,MANGEL,2026-01-01,2026-12-31
        isco:2221,FYN,GODE,2026-01-01,
        disco:2221,HOVEDSTADEN,GODE,2026-12-31,
        """);
    DataFileException e = assertThrows(DataFileException.class, () -> ShortageRegistry.load(f));
    assertEquals(4, e.line());
    assertEquals("validFrom: '2026-12-31' overlaps line 2 for disco:2221 in HOVEDSTADEN", e.detail());
  }

  @Test
  void headerMustHaveExactlyTheKnownColumnsInAnyOrder() throws IOException {
    Path f = TestFiles.write(tmp.resolve("h.csv"), "rarArea,occupation,category,validFrom,validTo,note\n");
    DataFileException e = assertThrows(DataFileException.class, () -> ShortageRegistry.load(f));
    assertEquals(1, e.line());
    assertTrue(e.detail().startsWith("header: unknown column 'note'"), e.detail());
    TestFiles.write(f, "rarArea,occupation,category,validFrom\n");
    assertTrue(assertThrows(DataFileException.class, () -> ShortageRegistry.load(f)).detail()
        .contains("'validTo' is missing"));
    TestFiles.write(f, "# a comment\nvalidTo,validFrom,category,rarArea,occupation\n,2026-01-01,MANGEL,FYN,isco:2\n");
    ShortageRegistry r = ShortageRegistry.load(f);
    assertEquals(Optional.of(ShortageCategory.MANGEL), cat(r, "2221", RarArea.FYN, D));
    assertEquals(3, r.entries().get(0).line());
    assertThrows(NoSuchFileException.class, () -> ShortageRegistry.load(tmp.resolve("none.csv")));
  }

  @Test
  void theBundledHovedstadenExampleHasTheWelfareShortages() {
    ShortageRegistry r = ShortageRegistry.hovedstadenExample();
    LocalDate d = LocalDate.of(2026, 11, 1);
    for (String welfare : new String[] {"2221", "222110", "2341", "234120", "2342", "2330", "5311", "531120", "5321",
        "5322", "532210", "532220"}) {
      assertEquals(Optional.of(ShortageCategory.MANGEL), cat(r, welfare, H, d), welfare);
    }
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "531110", H, d)); // dagpleje, more specific
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "5329", H, d)); // covered by isco:53
    assertEquals(Optional.of(ShortageCategory.PARADOKS), cat(r, "833210", H, LocalDate.of(2026, 12, 31)));
    assertEquals(Optional.of(ShortageCategory.GODE), cat(r, "833210", H, LocalDate.of(2027, 1, 1)));
    assertEquals(Optional.of(ShortageCategory.MINDRE_GODE), cat(r, "522300", H, d));
    assertEquals(Optional.empty(), cat(r, "2221", RarArea.FYN, d));
    assertEquals(Optional.empty(), cat(r, "2221", H, LocalDate.of(2025, 12, 31)));
    assertEquals(r, ShortageRegistry.hovedstadenExample());
    assertTrue(r.size() >= 25);
  }
}
