package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report rendered by headless Chromium: every number the page marks with a {@code
 * data-field} must equal the JSON report's value at that path, and the page must show the key
 * figures and every bar of the charts. Skipped, with a message, where Chromium is not installed
 * ({@code apt-get install -y chromium}); CI installs it.
 */
class BatchReportHtmlTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("jobmatch.chromium", "/usr/bin/chromium"));
  private static final Pattern FIELD =
      Pattern.compile("<(\\w+)[^>]*?data-field=\"([^\"]+)\"([^>]*)>([^<]*)<");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    cmd.addAll(List.of(args));
    Path stdout = dir.resolve("chromium.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s");
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(dir.resolve("chromium.err")));
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void chromiumShowsTheNumbersOfTheJsonReport() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "Chromium not found at " + CHROMIUM + ": install it (apt-get install -y chromium) to render the HTML report");
    Random r = new Random(6);
    Path citizens = CliRun.write(dir, "citizens.jsonl", TestData.lines(
        IntStream.range(0, 400).mapToObj(i -> TestData.citizen(r, String.format("c-%04d", i))).toList()).toArray(String[]::new));
    Path orders = CliRun.write(dir, "orders.jsonl", TestData.lines(
        IntStream.range(0, 60).mapToObj(i -> TestData.order(r, String.format("jo-%03d", i))).toList()).toArray(String[]::new));
    Path shortage;
    try (InputStream in = getClass().getResourceAsStream("/dk/jobmatch/taxonomy/shortage-hovedstaden-example.csv")) {
      shortage = CliRun.writeRaw(dir, "shortage.csv", in.readAllBytes());
    }
    Path json = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    CliRun run = CliRun.of("batch", "--citizens", citizens.toString(), "--orders", orders.toString(), "--as-of",
        "2026-11-01", "--shortage", shortage.toString(), "--report", json.toString(), "--report-html", html.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.describe());
    JsonNode report = JSON.readTree(json.toFile());

    String dom = chromium("--dump-dom", html.toUri().toString());
    assertTrue(dom.contains("<svg"), "no chart in the rendered page");
    assertFalse(dom.contains("<script"), "the page must not need scripts");
    Matcher m = FIELD.matcher(dom);
    Set<String> checked = new HashSet<>();
    while (m.find()) {
      String path = m.group(2);
      String text = m.group(4).trim().replace(",", ""); // thousands separators
      JsonNode expected = at(report, path);
      assertFalse(expected.isMissingNode(), "the page shows " + path + " which the JSON does not have");
      if (m.group(3).contains("data-unit=\"%\"")) {
        assertTrue(text.endsWith(" %"), path + ": " + text);
        double shown = Double.parseDouble(text.substring(0, text.length() - 2)) / 100;
        assertEquals(expected.asDouble(), shown, 1e-9, path);
      } else if (expected.isNumber()) {
        assertEquals(expected.asDouble(), Double.parseDouble(text), 1e-9, path);
      } else {
        assertEquals(expected.asText(), text, path);
      }
      checked.add(path);
    }
    // The key figures and every chart element are there.
    for (String key : List.of("summary.orders", "summary.placesFilled", "summary.placesRequested",
        "coverage.ordersCoveredAfter", "coverage.ordersCoveredBefore", "coverage.ordersWithoutQualified",
        "congestion.before.gini", "congestion.after.gini", "congestion.before.max", "congestion.after.max",
        "upskilling.nearMissPairs")) {
      assertTrue(checked.contains(key), key + " not shown");
    }
    for (int i = 0; i < report.at("/congestion/before/histogram").size(); i++) {
      assertTrue(checked.contains("congestion.before.histogram[" + i + "].citizens"), "histogram bin " + i);
      assertTrue(checked.contains("congestion.after.histogram[" + i + "].citizens"), "histogram bin " + i);
    }
    for (int i = 0; i < report.at("/coverage/byOccupation").size(); i++) {
      assertTrue(checked.contains("coverage.byOccupation[" + i + "].orders"), "occupation " + i);
    }
    assertTrue(report.at("/upskilling/skills").size() > 0, "the data should have upskilling needs");
    for (int i = 0; i < report.at("/upskilling/skills").size(); i++) {
      assertTrue(checked.contains("upskilling.skills[" + i + "].pairs"), "skill " + i);
    }
    for (int i = 0; i < report.at("/exposure/byTargetGroup").size(); i++) {
      assertTrue(checked.contains("exposure.byTargetGroup[" + i + "].placeShare"), "target group " + i);
    }

    // And it renders to an image.
    Path png = dir.resolve("report.png");
    chromium("--window-size=1200,2000", "--screenshot=" + png, html.toUri().toString());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 20_000, "screenshot too small: " + bytes.length);
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
  }

  /** The node at a path like {@code coverage.byOccupation[3].orders}. */
  static JsonNode at(JsonNode root, String path) {
    StringBuilder pointer = new StringBuilder();
    for (String part : path.split("\\.")) {
      Matcher m = Pattern.compile("(\\w+)((\\[\\d+\\])*)").matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException(path);
      }
      pointer.append('/').append(m.group(1));
      Matcher idx = Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
      while (idx.find()) {
        pointer.append('/').append(idx.group(1));
      }
    }
    return root.at(pointer.toString());
  }
}
