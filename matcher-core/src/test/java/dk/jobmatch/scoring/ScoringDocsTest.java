package dk.jobmatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/scoring.md} documents every constant and default weight; this test holds the page
 * to {@link PolicyConstant} and {@link ScoringPolicy#defaults()}, so the documentation cannot
 * drift from the code.
 */
class ScoringDocsTest {
  static List<String> rows() throws IOException {
    Path doc = Path.of("../docs/scoring.md");
    return Files.readAllLines(doc, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("| ")).toList();
  }

  @Test
  void everyConstantIsDocumentedWithItsDefaultAndRange() throws IOException {
    Map<String, String[]> byKey = new HashMap<>();
    for (String row : rows()) {
      String[] cells = row.split("\\|");
      if (cells.length >= 6 && cells[2].trim().startsWith("`")) {
        byKey.put(cells[2].trim().replace("`", ""), cells);
      }
    }
    for (PolicyConstant c : PolicyConstant.values()) {
      String[] cells = byKey.get(c.key());
      assertTrue(cells != null, "docs/scoring.md has no row for " + c.key());
      assertEquals(c.defaultValue(), Double.parseDouble(cells[3].trim()), 1e-12, c.key() + " default");
      String[] range = cells[4].replace("(whole)", "").trim().split("–");
      assertEquals(c.min(), Double.parseDouble(range[0].trim()), 1e-12, c.key() + " min");
      assertEquals(c.max(), Double.parseDouble(range[1].trim()), 1e-12, c.key() + " max");
      assertEquals(c.integral(), cells[4].contains("(whole)"), c.key() + " whole");
    }
    assertEquals(PolicyConstant.values().length, byKey.size(), "rows for constants that no longer exist");
  }

  @Test
  void defaultWeightsAreDocumented() throws IOException {
    int found = 0;
    for (String row : rows()) {
      String[] cells = row.split("\\|");
      for (Component c : Component.values()) {
        if (cells.length > 3 && cells[1].trim().equals("`" + c.jsonName() + "`")) {
          assertEquals(ScoringPolicy.defaults().weight(c), Double.parseDouble(cells[2].trim()), 1e-12, c.jsonName());
          found++;
        }
      }
    }
    assertEquals(Component.values().length, found, "one weight row per component");
  }
}
