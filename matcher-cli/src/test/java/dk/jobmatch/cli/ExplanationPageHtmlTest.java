package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The citizen's page ({@code explain --format html}) rendered by headless Chromium at the width
 * of an A4 sheet (210 mm = 794 CSS px): the answer's sentences are on the page as text, the page
 * does not scroll sideways, no element clips its content, and the screenshot shows nothing at the
 * right edge. Skipped, with a message, where Chromium is not installed ({@code apt-get install -y
 * chromium}); CI installs it.
 */
class ExplanationPageHtmlTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("jobmatch.chromium", "/usr/bin/chromium"));
  /** A4 width at 96 CSS px per inch: 210 / 25.4 * 96. */
  static final int A4_WIDTH_PX = 794;
  static final int A4_HEIGHT_PX = 1123;

  /**
   * Measures the rendered page: horizontal overflow of the document, elements whose content is
   * wider or taller than their box while their overflow is not visible (clipped), and elements
   * reaching past the right edge of the window. Written into the DOM, which Chromium dumps.
   */
  private static final String CHECK = """
      <script>
      (function () {
        var problems = [];
        var doc = document.documentElement;
        if (doc.scrollWidth > window.innerWidth) {
          problems.push('horizontal scroll: ' + doc.scrollWidth + ' > ' + window.innerWidth);
        }
        var all = document.body.querySelectorAll('*');
        for (var i = 0; i < all.length; i++) {
          var el = all[i];
          if (el.tagName === 'SCRIPT') continue;
          var cs = getComputedStyle(el);
          var r = el.getBoundingClientRect();
          if (r.right > window.innerWidth + 0.5) {
            problems.push('past the right edge: ' + el.tagName + ' ' + Math.round(r.right));
          }
          if (cs.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
            problems.push('clipped: ' + el.tagName + ' ' + el.scrollWidth + ' > ' + el.clientWidth);
          }
          if (cs.textOverflow === 'ellipsis') {
            problems.push('ellipsis: ' + el.tagName);
          }
        }
        var out = document.createElement('pre');
        out.id = 'layout-check';
        out.textContent = 'CHECK[' + problems.join(' | ') + ']CHECK';
        document.body.appendChild(out);
      })();
      </script>
      """;
  private static final Pattern RESULT = Pattern.compile("id=\"layout-check\">CHECK\\[(.*?)\\]CHECK", Pattern.DOTALL);

  @TempDir Path dir;

  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    cmd.addAll(List.of(args));
    Path stdout = dir.resolve("chromium.out");
    Path stderr = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s");
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(stderr));
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The pages of the narration test data plus an order whose requirements are long unbroken codes. */
  private List<Path> pages(String lang) throws IOException {
    String longSkill = "opvaskemaskinerengøringsdokumentationsegenkontrolansvarligmedkemikaliedoseringogvedligeholdelse";
    Path orders = dir.resolve("orders-" + lang + ".jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(NarrationCommandTest.data("orders.jsonl"), StandardCharsets.UTF_8));
    lines.add("{\"id\":\"jo-8\",\"title\":\"Opvasker med særligt ansvar for maskinparken i storkøkkenet\","
        + "\"occupation\":\"isco:9412\",\"employer\":{\"location\":{\"postalCode\":\"2600\",\"lat\":55.66,\"lon\":12.40}},"
        + "\"requiredSkills\":[\"" + longSkill + "\",\"http://data.europa.eu/esco/skill/test-hygiene\"],"
        + "\"certificates\":[\"HYGIEJNEBEVIS_FOEDEVARER_NIVEAU_3_EGEN\"]}");
    Files.write(orders, lines, StandardCharsets.UTF_8);
    Path pairs = CliRun.write(dir, "pairs-" + lang + ".jsonl", "{\"citizen\":\"c-101\",\"order\":\"jo-7\"}",
        "{\"citizen\":\"c-103\",\"order\":\"jo-7\"}", "{\"citizen\":\"c-107\",\"order\":\"jo-7\"}",
        "{\"citizen\":\"c-105\",\"order\":\"jo-8\"}");
    Path out = dir.resolve("pages-" + lang);
    CliRun r = CliRun.of("explain", "--citizens", NarrationCommandTest.data("citizens.jsonl").toString(), "--orders",
        orders.toString(), "--esco", NarrationCommandTest.ESCO.toString(), "--as-of", "2026-11-01", "--quiet", "--top", "2",
        "--pairs", pairs.toString(), "--format", "html", "--lang", lang, "--out", out.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    return List.of(out.resolve("c-101_jo-7.html"), out.resolve("c-103_jo-7.html"), out.resolve("c-107_jo-7.html"),
        out.resolve("c-105_jo-8.html"));
  }

  @Test
  void pagesFitAnA4SheetWithTheirTextInDanishAndEnglish() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "Chromium not found at " + CHROMIUM + ": install it (apt-get install -y chromium) to render the citizen's page");
    List<String> expectedDa = List.of(
        "Hvorfor blev jeg ikke foreslået til dette job?",
        "Nej – du kan ikke foreslås til dette job, fordi 2 krav ikke er opfyldt.",
        "Du mangler kørekort kategori B (bil), som arbejdsgiveren kræver. Når du har det, opfylder du kravet.",
        "Arbejdsgiveren kræver dansk på mindst niveau B2 (du har B1). Når dit sprogniveau er højt nok, opfylder du kravet.",
        "Hvis du er uenig");
    List<String> expectedEn = List.of(
        "Why was I not proposed for this job?",
        "No – you cannot be proposed for this job because 2 requirements are not met.",
        "You do not have driving licence category B (car), which the employer requires. Once you have it, you meet this requirement.",
        "If you disagree");
    for (String lang : List.of("da", "en")) {
      List<Path> pages = pages(lang);
      for (Path page : pages) {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), page + ": the page must not need scripts");
        Path checked = dir.resolve("checked-" + lang + "-" + page.getFileName());
        Files.writeString(checked, html.replace("</body>", CHECK + "</body>"), StandardCharsets.UTF_8);
        String dom = chromium("--window-size=" + A4_WIDTH_PX + "," + A4_HEIGHT_PX, "--dump-dom", checked.toUri().toString());
        Matcher m = RESULT.matcher(dom);
        assertTrue(m.find(), page + ": the layout check did not run:\n" + dom);
        assertEquals("", m.group(1), lang + " " + page.getFileName() + ": layout problems at A4 width");
        if (page.getFileName().toString().startsWith("c-103")) {
          String text = dom.replace("&amp;", "&");
          for (String s : lang.equals("da") ? expectedDa : expectedEn) {
            assertTrue(text.contains(s), lang + ": not on the page: " + s);
          }
        }
        if (page.getFileName().toString().startsWith("c-101") || page.getFileName().toString().startsWith("c-107")) {
          continue; // the screenshot of the not-eligible page and of the long-word page suffice (Chromium is slow)
        }

        Path png = dir.resolve(lang + "-" + page.getFileName() + ".png");
        chromium("--window-size=" + A4_WIDTH_PX + "," + A4_HEIGHT_PX, "--screenshot=" + png, page.toUri().toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null, png + " is not an image");
        assertEquals(A4_WIDTH_PX, img.getWidth(), "screenshot width");
        // The body keeps a margin: nothing is drawn in the rightmost 8 px (text running off the sheet would be).
        int inked = 0;
        for (int x = img.getWidth() - 8; x < img.getWidth(); x++) {
          for (int y = 0; y < img.getHeight(); y++) {
            if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
              inked++;
            }
          }
        }
        assertEquals(0, inked, lang + " " + page.getFileName() + ": pixels at the right edge of the A4 width");
        // And the page is not blank: a good share of the sheet carries text.
        long dark = 0;
        for (int x = 0; x < img.getWidth(); x += 2) {
          for (int y = 0; y < img.getHeight(); y += 2) {
            if ((img.getRGB(x, y) & 0xFF) < 0x80) {
              dark++;
            }
          }
        }
        assertTrue(dark > 2_000, lang + " " + page.getFileName() + ": the screenshot is nearly blank (" + dark + " dark samples)");
      }
    }
  }
}
