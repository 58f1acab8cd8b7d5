package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --shortage}, {@code --disco} and {@code --esco} wired to the taxonomy loaders. */
class ReferenceDataTest {
  @TempDir Path dir;

  private Path example(String name) {
    return CliRun.write(dir, name, EndToEndTest.resource(name).toArray(String[]::new));
  }

  private Path shortageExample() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/dk/jobmatch/taxonomy/shortage-hovedstaden-example.csv")) {
      return CliRun.writeRaw(dir, "shortage.csv", in.readAllBytes());
    }
  }

  @Test
  void shortageFileFlagsTheSosuOrderInHovedstaden() throws IOException {
    CliRun r = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01", "--shortage", shortageExample().toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    List<String> lines = r.outLines();
    assertEquals(4, lines.size(), r.describe());
    // jo-1 is disco:532210 (SOSU, under isco:5322 = MANGEL in Hovedstaden); jo-2 (isco:9333) is not listed
    for (String l : lines) {
      boolean sosu = l.startsWith("{\"order\":\"jo-1\"");
      assertEquals(sosu, l.contains("\"SHORTAGE\""), l);
    }
    CliRun s = CliRun.of("suggest", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--as-of", "2026-11-01", "--shortage", shortageExample().toString());
    assertEquals(ExitCode.OK, s.exitCode(), s.describe());
    assertTrue(s.outLines().get(0).matches(".*\"order\":\"jo-1\".*\"shortage\":1\\.0\\}.*\"SHORTAGE\".*"), s.describe());
  }

  @Test
  void malformedShortageFileNamesOptionFileAndLine() {
    Path bad = CliRun.write(dir, "bad.csv", "occupation,rarArea,category,validFrom,validTo",
        "isco:2221,HOVEDSTADEN,MANGEL,2026-01-01,", "isco:5322,HOVEDSTADEN,SHORTAGE,2026-01-01,");
    CliRun r = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--shortage", bad.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.errLines().get(0).startsWith("error: --shortage: " + bad + ":3: "), r.describe());
    assertEquals("", r.out());
  }

  @Test
  void discoListLoadsAndBadDiscoFileIsAUsageError() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String disco = "SEKVENS;KODE;NIVEAU;TITEL;GENERELLE_NOTER;INKLUDERER;INKLUDERER_OGSÅ;EKSKLUDERER;PARAGRAF;MÅLEENHED\n"
        + "1;\"5\";1;Service- og salgsarbejde;;;;;;\n"
        + "2;\"53\";2;Omsorgsarbejde;;;;;;\n"
        + "3;\"532\";3;Personlig pleje;;;;;;\n"
        + "4;\"5322\";4;Hjemmehjælpsarbejde;;;;;;\n"
        + "5;\"532210\";5;Social- og sundhedsarbejde, hjælpere;;;;;;\n";
    Path good = dir.resolve("disco.csv");
    Files.write(good, concat(bom, disco.getBytes(StandardCharsets.UTF_8)));
    CliRun r = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01", "--disco", good.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    // DISCO adds titles, not scores: the lines are those without DISCO plus the order's occupation title.
    List<String> expected = new ArrayList<>();
    for (String line : EndToEndTest.resource("expected-match.jsonl")) {
      expected.add(line.startsWith("{\"order\":\"jo-1\"")
          ? line.replace(",\"policy\":", ",\"labels\":{\"disco:532210\":\"Social- og sundhedsarbejde, hjælpere\"},\"policy\":")
          : line);
    }
    assertEquals(expected, r.outLines(), "DISCO adds titles, not scores");

    Path bad = CliRun.writeRaw(dir, "bad-disco.csv", "this is not a DISCO list\n".getBytes(StandardCharsets.UTF_8));
    CliRun b = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--disco", bad.toString());
    assertEquals(ExitCode.USAGE, b.exitCode(), b.describe());
    assertTrue(b.err().startsWith("error: --disco: "), b.describe());
    assertFalse(b.err().contains("\tat "), "no stack trace: " + b.err());
  }

  @Test
  void escoDirectoryWithoutTheExportIsAUsageError() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("esco"));
    CliRun r = CliRun.of("match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--esco", empty.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.errLines().get(0).startsWith("error: --esco: file not found: "), r.describe());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
