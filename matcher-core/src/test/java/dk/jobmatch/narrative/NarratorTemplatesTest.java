package dk.jobmatch.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Both languages have every template, with the same arguments, and every template formats cleanly. */
class NarratorTemplatesTest {
  static final Templates DA = Templates.of(Locale.forLanguageTag("da"));
  static final Templates EN = Templates.of(Locale.forLanguageTag("en"));

  @Test
  void everyKeyExistsInBothLanguages() {
    Set<String> onlyDa = new TreeSet<>(DA.keys());
    onlyDa.removeAll(EN.keys());
    Set<String> onlyEn = new TreeSet<>(EN.keys());
    onlyEn.removeAll(DA.keys());
    assertEquals(Set.of(), onlyDa, "keys in messages_da.properties missing from messages_en.properties");
    assertEquals(Set.of(), onlyEn, "keys in messages_en.properties missing from messages_da.properties");
    assertTrue(DA.keys().size() > 100, "templates not loaded: " + DA.keys().size());
  }

  @Test
  void bothLanguagesTakeTheSameArguments() {
    for (String key : DA.keys()) {
      int da = new MessageFormat(DA.pattern(key), DA.locale()).getFormatsByArgumentIndex().length;
      int en = new MessageFormat(EN.pattern(key), EN.locale()).getFormatsByArgumentIndex().length;
      assertEquals(da, en, key + ": the two languages take a different number of arguments");
    }
  }

  @Test
  void everyTemplateFormatsWithoutLeftovers() {
    List<String> bad = new ArrayList<>();
    for (Templates t : List.of(DA, EN)) {
      for (String key : t.keys()) {
        Object[] args = new Object[] {2, 3, 4, 5, 6, 7};
        String s = t.format(key, args);
        if (s.contains("{") || s.contains("}") || s.contains("''") || s.isBlank()) {
          bad.add(t.locale() + " " + key + ": " + s);
        }
      }
    }
    assertEquals(List.of(), bad);
    assertEquals("One of the job's requirements is not met.", EN.format("gate.other"));
  }

  @Test
  void noJargon() {
    for (Templates t : List.of(DA, EN)) {
      for (String key : t.keys()) {
        String s = t.pattern(key).toLowerCase(Locale.ROOT);
        for (String word : List.of("component", "komponent", "ndcg", "weight", "vægt", "gate", "esco", "policy", "score")) {
          assertFalse(s.contains(word), t.locale() + " " + key + " says '" + word + "'");
        }
      }
    }
  }
}
