package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No personal value leaves the model through a message or toString(); CPR-shaped ids are refused. */
class PrivacyTest {
  @ParameterizedTest
  @ValueSource(strings = {"010190-1234", "0101901234", "311299-0001", "290200-4321", "c-0101901234", "cpr:150576-1234"})
  void cprShapedIdsAreRefusedAskingForAPseudonym(String cpr) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Citizen.builder(cpr).build());
    assertTrue(e.getMessage().startsWith("id: looks like a CPR number"), e.getMessage());
    assertTrue(e.getMessage().contains("pseudonymous"), e.getMessage());
    assertFalse(e.getMessage().contains(cpr), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JobOrder.builder(cpr, "isco:2221").build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"c-1", "c-000123", "320190-1234", "011390-1234", "300290-1234", "01019012345", "c-12345678901",
      "2026-11-30", "citizen-42"})
  void idsThatAreNotCprShapedAreAccepted(String id) {
    assertEquals(id, Citizen.builder(id).build().id());
  }

  @Test
  void recordToStringsShowNoFieldValues() {
    List<Object> records = List.of(
        new Location("2635", 55.6123, 12.3456),
        new Education(5, "zzeducationtext", 2011),
        Fleksjob.approved(17),
        new Employer("87654321", "1234567890", "zzemployername", true, true, new Location("2635", 55.6123, 12.3456)),
        new HoursRange(17, 23),
        new SkillHolding("skill:zzskillvalue", 2019),
        new Experience(OccupationRef.parse("isco:5322"), 7.25, 2019),
        new JobGoal(OccupationRef.parse("isco:5322"), 3),
        new LanguageSkill("de", CefrLevel.B2),
        new RequiredSkill("skill:zzskillvalue", true),
        new LanguageRequirement("de", CefrLevel.B2));
    for (Object r : records) {
      String s = r.toString();
      for (String value : List.of("2635", "55.6", "12.34", "zz", "17", "23", "87654321", "1234567890", "2011", "2019",
          "7.25", "5322", "de", "B2", "true")) {
        assertFalse(s.contains(value), r.getClass().getSimpleName() + ".toString() shows '" + value + "': " + s);
      }
    }
    Citizen c = Citizen.builder("c-7").location("2635", 55.6123, 12.3456).skill("skill:zzskillvalue").build();
    assertEquals("Citizen[c-7]", c.toString());
  }

  @Test
  void validationMessagesNameTheFieldAndRuleNeverTheValue() {
    record Case(Runnable build, String value) {}
    List<Case> cases = List.of(
        new Case(() -> new Location("26350", 55.6, 12.3), "26350"),
        new Case(() -> new Location("2635", 95.6123, 12.3), "95.6123"),
        new Case(() -> new HoursRange(23, 17), "23"),
        new Case(() -> Fleksjob.approved(41), "41"),
        new Case(() -> new Education(5, "z".repeat(201), 2011), "zzz"),
        new Case(() -> new SkillHolding(" ".repeat(3), null), "   "),
        new Case(() -> new Employer("1234567", null, null, false, false, null), "1234567"),
        new Case(() -> Citizen.builder("c\u001b[31m\nforged: line").build(), "forged"),
        new Case(() -> Citizen.builder("c-1").certificate("bad\nzzcertx").build(), "zzcertx"),
        new Case(() -> Checks.enumValue("targetGroup", TargetGroup.class, "sygedagpenge"), "sygedagpenge"),
        new Case(() -> Checks.enumValue("compensation[0]", CompensationScheme.class, "personal_assistance"),
            "personal_assistance"),
        new Case(() -> OccupationRef.parse("isco:99999"), "99999"));
    for (Case k : cases) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, k.build::run);
      assertFalse(e.getMessage().contains(k.value), e.getMessage());
      assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());
    }
  }

  @Test
  void printableReplacesControlCharacters() {
    assertEquals("a?[31m?b", Checks.printable("a\u001b[31m\nb"));
    assertEquals("plain", Checks.printable("plain"));
    assertEquals("a?b?c?d", Checks.printable("a\u202Eb\u2066c\u2028d"));
  }
}
