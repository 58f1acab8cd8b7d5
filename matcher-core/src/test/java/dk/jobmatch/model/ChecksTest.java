package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;
import static dk.jobmatch.model.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {

  @Test
  void failFormatsFieldValueAndRule() {
    assertEquals("hours: '7' must be even", Checks.fail("hours", 7, "must be even").getMessage());
  }

  @Test
  void requiredRefusesNullNamingTheField() {
    assertEquals("x: is required", assertRejected("x", () -> Checks.required("x", null)));
    assertEquals("v", Checks.required("x", "v"));
  }

  @Test
  void idAcceptsOpaqueIds() {
    for (String ok : List.of("c-000123", "jo-2026-0042", "a", "urn:x:y/z#1@2+3.4_5", "A".repeat(128))) {
      assertEquals(ok, Checks.id("id", ok));
    }
  }

  @Test
  void idRefusesEmptyAndNull() {
    assertRejected("id", "", () -> Checks.id("id", ""));
    assertEquals("id: is required", assertRejected("id", () -> Checks.id("id", null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"c 1", "c;1", "c<1>", "c\"1", "c'1", "c\n1", "c\t1", "c,1", "c\\1", "c%1"})
  void idRefusesCharactersOutsideTheAllowedSet(String bad) {
    String message = assertRejected("id", bad, () -> Checks.id("id", bad));
    assertTrue(message.contains("._:/#@+-"), message);
  }

  @Test
  void idRefusesMoreThan128CharactersWithoutQuotingTheValue() {
    String longId = "x".repeat(129);
    String message = assertRejected("id", () -> Checks.id("id", longId));
    assertTrue(!message.contains("xxxx"), message);
  }

  @Test
  void intRangeIsInclusive() {
    assertEquals(1, Checks.range("n", 1, 1, 3));
    assertEquals(3, Checks.range("n", 3, 1, 3));
    assertRejected("n", "0", () -> Checks.range("n", 0, 1, 3));
    assertRejected("n", "4", () -> Checks.range("n", 4, 1, 3));
  }

  @Test
  void doubleRangeRefusesNonFiniteValues() {
    assertEquals(2.5, Checks.range("d", 2.5, 0, 3));
    assertRejected("d", "NaN", () -> Checks.range("d", Double.NaN, 0, 3));
    assertRejected("d", "Infinity", () -> Checks.range("d", Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY));
    assertRejected("d", "-0.001", () -> Checks.range("d", -0.001, 0, 3));
  }

  @Test
  void yearIsNullableAndBounded() {
    assertNull(Checks.year("y", null));
    assertEquals(1900, Checks.year("y", 1900));
    assertEquals(2100, Checks.year("y", 2100));
    assertRejected("y", "1899", () -> Checks.year("y", 1899));
    assertRejected("y", "2101", () -> Checks.year("y", 2101));
  }

  @Test
  void maxLengthReportsTheLength() {
    assertNull(Checks.maxLength("t", null, 3));
    assertEquals("abc", Checks.maxLength("t", "abc", 3));
    String message = assertRejected("t", "abcd", () -> Checks.maxLength("t", "abcd", 3));
    assertTrue(message.contains("(was 4)"), message);
  }

  @Test
  void listCopiesIsImmutableAndRefusesNullElementsByIndex() {
    List<String> source = new ArrayList<>(List.of("a", "b"));
    List<String> copy = Checks.list("xs", source);
    source.add("c");
    assertEquals(List.of("a", "b"), copy);
    assertThrows(UnsupportedOperationException.class, () -> copy.add("d"));
    assertEquals(List.of(), Checks.list("xs", null));
    assertEquals("xs[1]: must not be null", assertRejected("xs", () -> Checks.list("xs", Arrays.asList("a", null))));
  }

  @Test
  void setCopiesAndIsImmutable() {
    Set<String> copy = Checks.set("s", List.of("a", "b", "a"));
    assertEquals(Set.of("a", "b"), copy);
    assertThrows(UnsupportedOperationException.class, () -> copy.add("c"));
    assertEquals(Set.of(), Checks.set("s", null));
    assertRejected("s", () -> Checks.set("s", Arrays.asList("a", null)));
  }

  @Test
  void enumValueAcceptsExactSpelling() {
    assertSame(TargetGroup.A_DAGPENGE, Checks.enumValue("targetGroup", TargetGroup.class, "A_DAGPENGE"));
    assertSame(EmploymentType.FLEKSJOB, Checks.enumValue("employmentType", EmploymentType.class, "FLEKSJOB"));
    assertSame(CompensationScheme.FORTRINSADGANG,
        Checks.enumValue("compensation", CompensationScheme.class, "FORTRINSADGANG"));
    assertSame(RarArea.OESTJYLLAND, Checks.enumValue("rarArea", RarArea.class, "OESTJYLLAND"));
    assertSame(CefrLevel.C2, Checks.enumValue("languages.level", CefrLevel.class, "C2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a_dagpenge", "A-DAGPENGE", "ADAGPENGE", "A_DAGPENGE ", " A_DAGPENGE", "", "KONTANTHJÆLP",
      "UNKNOWN"})
  void enumValueRefusesOtherSpellingsOfTargetGroup(String bad) {
    String message = assertRejected("targetGroup", bad, () -> Checks.enumValue("targetGroup", TargetGroup.class, bad));
    // The message lists the allowed spellings so the user can correct the input.
    assertTrue(message.contains("A_DAGPENGE") && message.contains("REVALIDERING"), message);
  }

  @Test
  void enumValueRefusesUnknownSpellingsOfEveryEnumeration() {
    assertRejected("employmentType", "FULL_TIME",
        () -> Checks.enumValue("employmentType", EmploymentType.class, "FULL_TIME"));
    assertRejected("employmentType", "ordinary",
        () -> Checks.enumValue("employmentType", EmploymentType.class, "ordinary"));
    assertRejected("compensation", "fortrinsadgang",
        () -> Checks.enumValue("compensation", CompensationScheme.class, "fortrinsadgang"));
    assertRejected("rarArea", "ØSTJYLLAND", () -> Checks.enumValue("rarArea", RarArea.class, "ØSTJYLLAND"));
    assertRejected("languages.level", "b2", () -> Checks.enumValue("languages.level", CefrLevel.class, "b2"));
    assertRejected("languages.level", "B3", () -> Checks.enumValue("languages.level", CefrLevel.class, "B3"));
  }

  @Test
  void enumValueRefusesNullAndNeverQuotesTheValue() {
    assertEquals("targetGroup: is required",
        assertRejected("targetGroup", () -> Checks.enumValue("targetGroup", TargetGroup.class, null)));
    String message = assertRejected("rarArea",
        () -> Checks.enumValue("rarArea", RarArea.class, "H".repeat(500)));
    assertTrue(!message.contains("HH"), message);
  }
}
