package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format text|html} and {@code --lang} of {@code explain}, {@code match} and {@code
 * suggest} on a small ESCO export (the test fixture {@code esco-mini}): the sentences, written by
 * hand here from the input files; names instead of ESCO URIs; the JSON's added fields; and no
 * personal value in what the run logs.
 */
class NarrationCommandTest {
  static final Path ESCO = Path.of("matcher-core/src/test/resources/taxonomy/esco-mini");
  static final String URI = "http://data.europa.eu/esco/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Path data(String name) {
    try {
      return Path.of(NarrationCommandTest.class.getResource("/narration/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> args(String command, String... more) {
    List<String> a = new ArrayList<>(List.of(command, "--citizens", data("citizens.jsonl").toString(), "--orders",
        data("orders.jsonl").toString(), "--esco", ESCO.toString(), "--as-of", "2026-11-01", "--quiet"));
    a.addAll(List.of(more));
    return a;
  }

  static CliRun run(List<String> args) {
    return CliRun.of(args.toArray(String[]::new));
  }

  static CliRun explain(String... more) {
    List<String> a = args("explain", "--pairs", data("pairs.jsonl").toString(), "--top", "2");
    a.addAll(List.of(more));
    return run(a);
  }

  /** The block of one pair in text output. */
  static List<String> block(CliRun r, String subjectStart) {
    List<String> lines = r.outLines();
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(subjectStart)) {
        from = i;
      }
    }
    assertTrue(from >= 0, "no block for " + subjectStart + "\n" + r.out());
    int to = from;
    while (to < lines.size() && !lines.get(to).isEmpty()) {
      to++;
    }
    return lines.subList(from, to);
  }

  @Test
  void explainInDanishSaysEachFailingGateWithTheValuesCompared() {
    CliRun r = explain("--format", "text");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    String footer = "Vurderet efter regelsæt jobmatch-default@3 den 1. november 2026.";
    // c-102 lives in Aarhus (56.15, 10.20): 147.6 km from the workplace in Glostrup, and will go 30 km.
    assertEquals(List.of("Borger c-102 og job jo-7: Sygeplejerske, dagvagt",
        "Nej – du kan ikke foreslås til dette job, fordi et krav ikke er opfyldt.",
        "- Jobbet ligger 148 km fra din bopæl; du har angivet højst 30 km. Hvis du kan tage 148 km til arbejde, opfylder du kravet.",
        footer), block(r, "Borger c-102"));
    // c-103 has no driving licence and Danish at B1; the order asks for DRIVING_B and Danish B2.
    assertEquals(List.of("Borger c-103 og job jo-7: Sygeplejerske, dagvagt",
        "Nej – du kan ikke foreslås til dette job, fordi 2 krav ikke er opfyldt.",
        "- Du mangler kørekort kategori B (bil), som arbejdsgiveren kræver. Når du har det, opfylder du kravet.",
        "- Arbejdsgiveren kræver dansk på mindst niveau B2 (du har B1). Når dit sprogniveau er højt nok, opfylder du kravet.",
        footer), block(r, "Borger c-103"));
    // c-104 can start 1 February 2027; the job starts 1 December 2026.
    assertEquals(List.of("Borger c-104 og job jo-7: Sygeplejerske, dagvagt",
        "Nej – du kan ikke foreslås til dette job, fordi et krav ikke er opfyldt.",
        "- Jobbet starter 1. december 2026, men du kan først starte 1. februar 2027. "
            + "Hvis du kan starte senest 1. december 2026, opfylder du kravet.",
        footer), block(r, "Borger c-104"));
  }

  @Test
  void explainInEnglishNamesSkillsSchemesAndThePlace() {
    CliRun r = explain("--format", "text", "--lang", "en");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    List<String> c101 = block(r, "Citizen c-101");
    assertEquals("Citizen c-101 and job jo-7: Sygeplejerske, dagvagt", c101.get(0));
    assertTrue(c101.get(1).startsWith("Yes – you are among the 2 best suited candidates for this job (number "), c101.get(1));
    // c-101 holds administer medication and hygiene; wound care and patient care are credited through medication.
    assertTrue(c101.contains("- You have 2 of the 4 skills the job asks for: administer medication and hygiene in a health care setting."),
        String.join("\n", c101));
    assertTrue(c101.contains("- Your skill “administer medication” counts partly for “wound care”, which the job asks for."),
        String.join("\n", c101));
    assertEquals("Assessed under rule set jobmatch-default@3 on November 1, 2026.", c101.get(c101.size() - 1));
    // c-107: fleksjob-approved, fortrinsadgang, and a public employer accepting fleksjob.
    List<String> c107 = block(r, "Citizen c-107");
    assertTrue(c107.get(1).startsWith("Yes – you are on the list because you have preferential access (fortrinsadgang)"),
        c107.get(1));
    assertTrue(c107.contains("- You are approved for a flexi-job (fleksjob), and the employer accepts flexi-jobs."),
        String.join("\n", c107));
    List<String> c103 = block(r, "Citizen c-103");
    assertEquals("- You do not have driving licence category B (car), which the employer requires. "
        + "Once you have it, you meet this requirement.", c103.get(2));
  }

  @Test
  void noEscoUriInTextOrHtmlWhenTheTaxonomyHasALabel() throws IOException {
    for (String lang : List.of("da", "en")) {
      for (CliRun r : List.of(explain("--format", "text", "--lang", lang),
          run(args("match", "--top", "5", "--format", "text", "--lang", lang)),
          run(args("suggest", "--top", "5", "--format", "text", "--lang", lang)))) {
        assertEquals(ExitCode.OK, r.exitCode(), r.describe());
        assertFalse(r.out().isBlank(), r.describe());
        assertFalse(r.out().contains(URI), lang + ": an ESCO URI in text output:\n" + r.out());
      }
      Path pages = dir.resolve("pages-" + lang);
      CliRun h = explain("--format", "html", "--lang", lang, "--out", pages.toString());
      assertEquals(ExitCode.OK, h.exitCode(), h.describe());
      try (Stream<Path> files = Files.list(pages)) {
        List<Path> all = files.sorted().toList();
        assertEquals(List.of("c-101_jo-7.html", "c-102_jo-7.html", "c-103_jo-7.html", "c-104_jo-7.html", "c-105_jo-7.html",
            "c-107_jo-7.html"), all.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : all) {
          String html = Files.readString(p, StandardCharsets.UTF_8);
          assertFalse(html.contains(URI), p + ": an ESCO URI on the page");
          assertTrue(html.contains("<html lang=\"" + lang + "\">"), p.toString());
        }
      }
    }
  }

  @Test
  void jsonGainsLabelsAndMatchedViaBesideTheCodes() throws IOException {
    CliRun r = explain();
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    JsonNode c101 = JSON.readTree(r.outLines().get(0));
    assertEquals("c-101", c101.get("citizen").asText());
    assertEquals(URI + "skill/test-medication", c101.at("/matchedVia/" + esc(URI + "skill/test-wound-care")).asText());
    JsonNode labels = c101.get("labels");
    assertEquals("nurse responsible for general care", labels.get(URI + "occupation/test-nurse").asText());
    assertEquals("administer medication", labels.get(URI + "skill/test-medication").asText());
    assertEquals("wound care", labels.get(URI + "skill/test-wound-care").asText());
    assertEquals("kørekort kategori B (bil)", labels.get("DRIVING_B").asText());
    assertEquals("dansk", labels.get("da").asText());
    assertEquals(c101.get("gapToTop").asDouble(), c101.get("gapToKth").asDouble());
    // The English names of the project's own codes with --lang en; the codes themselves stay.
    JsonNode en = JSON.readTree(explain("--lang", "en").outLines().get(0));
    assertEquals("driving licence category B (car)", en.at("/labels/DRIVING_B").asText());
    assertEquals("Danish", en.at("/labels/da").asText());
    assertEquals(c101.get("gates"), en.get("gates"));

    CliRun m = run(args("match", "--top", "3"));
    assertEquals(ExitCode.OK, m.exitCode(), m.describe());
    JsonNode first = JSON.readTree(m.outLines().get(0));
    assertEquals("nurse responsible for general care", first.at("/labels/" + esc(URI + "occupation/test-nurse")).asText());
    List<String> names = new ArrayList<>();
    first.fieldNames().forEachRemaining(names::add);
    assertEquals("policy", names.get(names.size() - 1), "policy stays the last field");
  }

  /** A JSON pointer segment. */
  static String esc(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  @Test
  void htmlOnlyForExplainAndOnlyWithOut() {
    CliRun m = run(args("match", "--format", "html"));
    assertEquals(ExitCode.USAGE, m.exitCode(), m.describe());
    assertTrue(m.err().contains("--format: html is only for explain"), m.describe());
    CliRun e = explain("--format", "html");
    assertEquals(ExitCode.USAGE, e.exitCode(), e.describe());
    assertTrue(e.err().contains("--format html: needs --out"), e.describe());
    CliRun bad = explain("--lang", "de");
    assertEquals(ExitCode.USAGE, bad.exitCode(), bad.describe());
  }

  @Test
  void onePairAsOnePage() throws IOException {
    Path page = dir.resolve("svar.html");
    CliRun r = run(args("explain", "--citizen", "c-103", "--order", "jo-7", "--format", "html", "--out", page.toString(),
        "--review-contact", "Jobcenter Glostrup, telefon 43 23 60 00"));
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals("", r.out());
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("<h1>Hvorfor blev jeg ikke foreslået til dette job?</h1>"), html);
    assertTrue(html.contains("Kontakt Jobcenter Glostrup, telefon 43 23 60 00, og oplys borger c-103 og job jo-7."), html);
    assertTrue(html.contains("<dt>Regelsæt</dt><dd>jobmatch-default@3</dd>"), html);
    assertTrue(html.contains("<dd>1. november 2026</dd>"), html);
  }

  @Test
  void nothingPersonalInWhatTheRunLogs() {
    // Whatever the libraries log goes to System.err; the CLI's own messages to its error stream.
    PrintStream saved = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    List<CliRun> runs = new ArrayList<>();
    try {
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      List<String> verbose = new ArrayList<>(args("explain", "--pairs", data("pairs.jsonl").toString(), "--top", "2",
          "--format", "text", "--verbose"));
      verbose.remove("--quiet");
      runs.add(run(verbose));
      List<String> html = new ArrayList<>(verbose);
      html.set(html.indexOf("text"), "html");
      html.addAll(List.of("--out", dir.resolve("logged").toString()));
      runs.add(run(html));
    } finally {
      System.setErr(saved);
    }
    StringBuilder all = new StringBuilder(logged.toString(StandardCharsets.UTF_8));
    for (CliRun r : runs) {
      assertEquals(ExitCode.OK, r.exitCode(), r.describe());
      all.append(r.err());
    }
    String text = all.toString();
    assertTrue(text.contains("explained 6 pairs"), "the verbose run reports its phases: " + text);
    // Values about the citizens: homes, distances, levels, skills, certificates, dates, schemes.
    for (String personal : List.of("56.15", "10.2", "8000", "2620", "148", "147", "B1", "C2", "administer medication",
        "test-medication", "DRIVING_B", "kørekort", "2027-02-01", "februar", "fortrinsadgang", "FORTRINSADGANG", "fleksjob")) {
      assertFalse(text.contains(personal), "'" + personal + "' in what the run logged:\n" + text);
    }
  }
}
