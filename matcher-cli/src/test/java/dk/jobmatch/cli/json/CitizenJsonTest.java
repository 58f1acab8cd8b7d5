package dk.jobmatch.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.TargetGroup;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CitizenJsonTest {
  static final String OCC = "http://data.europa.eu/esco/occupation/0c1d5f5b-0f0a-4f3c-9d8f-2c4b0c9b1c9a";
  static final String SKILL = "http://data.europa.eu/esco/skill/8f7d4a4c-4f0a-4d2b-9d4e-1f5d1a8b7c6e";

  /** The citizen line of docs/cli.md, with concrete URIs. */
  static final String DESIGN_EXAMPLE = "{\"id\":\"c-000123\",\"targetGroup\":\"A_DAGPENGE\",\"jobReady\":true,\"searchable\":true,"
      + "\"unemployedSince\":\"2026-03-01\",\"availableFrom\":\"2026-12-01\","
      + "\"location\":{\"postalCode\":\"2600\",\"lat\":55.6660,\"lon\":12.3990},\"maxCommuteKm\":30,"
      + "\"hoursPerWeek\":{\"min\":20,\"max\":37},"
      + "\"jobGoals\":[{\"occupation\":\"isco:5322\",\"priority\":1}],"
      + "\"experience\":[{\"occupation\":\"" + OCC + "\",\"years\":3.5,\"lastYear\":2024}],"
      + "\"skills\":[{\"id\":\"" + SKILL + "\",\"lastUsedYear\":2025}],"
      + "\"education\":{\"level\":3,\"field\":\"social- og sundhedsassistent\",\"completedYear\":2012},"
      + "\"certificates\":[\"DRIVING_B\"],\"languages\":[{\"code\":\"da\",\"level\":\"B2\"}],"
      + "\"fleksjob\":{\"approved\":true,\"maxHoursPerWeek\":15},"
      + "\"compensation\":[\"PERSONAL_ASSISTANCE\",\"AIDS\",\"FORTRINSADGANG\"]}";

  @Test
  void designExampleMapsToEveryField() throws LineProblem {
    Citizen expected = Citizen.builder("c-000123")
        .targetGroup(TargetGroup.A_DAGPENGE)
        .jobReady(true)
        .searchable(true)
        .unemployedSince(LocalDate.of(2026, 3, 1))
        .availableFrom(LocalDate.of(2026, 12, 1))
        .location("2600", 55.6660, 12.3990)
        .maxCommuteKm(30.0)
        .hoursPerWeek(20, 37)
        .jobGoal("isco:5322", 1)
        .experience(OCC, 3.5, 2024)
        .skill(SKILL, 2025)
        .education(3, "social- og sundhedsassistent", 2012)
        .certificate("DRIVING_B")
        .language("da", CefrLevel.B2)
        .fleksjob(Fleksjob.approved(15))
        .compensation(CompensationScheme.PERSONAL_ASSISTANCE)
        .compensation(CompensationScheme.AIDS)
        .compensation(CompensationScheme.FORTRINSADGANG)
        .build();
    assertEquals(expected, CitizenJson.parse(DESIGN_EXAMPLE, false));
  }

  @Test
  void onlyIdIsRequiredAndDefaultsApply() throws LineProblem {
    Citizen c = CitizenJson.parse("{\"id\":\"c-1\"}", false);
    assertEquals(Citizen.builder("c-1").build(), c);
    assertEquals(true, c.jobReady());
    assertEquals(true, c.searchable());
  }

  @Test
  void shorthandsAndDefaultsForOpenDetails() throws LineProblem {
    Citizen c = CitizenJson.parse("{\"id\":\"c-2\",\"skills\":[\"s1\",{\"id\":\"s2\"}],"
        + "\"jobGoals\":[{\"occupation\":\"isco:2221\"},{\"occupation\":\"disco:532210\"}],"
        + "\"hoursPerWeek\":{\"max\":25},\"education\":{\"level\":5.0},\"jobReady\":false,"
        + "\"fleksjob\":{\"approved\":false},\"targetGroup\":null}", false);
    Citizen expected = Citizen.builder("c-2")
        .skill("s1").skill("s2")
        .jobGoal("isco:2221", 1).jobGoal("disco:532210", 2)
        .hoursPerWeek(0, 25)
        .education(5, null, null)
        .jobReady(false)
        .fleksjob(new Fleksjob(false, 0))
        .build();
    assertEquals(expected, c);
  }

  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of("{\"id\":\"c-7\",\"hoursPerWeek\":{\"min\":-3,\"max\":37}}",
            "hoursPerWeek.min: must be between 0 and 80"),
        Arguments.of("{\"targetGroup\":\"A_DAGPENGE\"}", "id: is required"),
        Arguments.of("{\"id\":\"\"}", "id: must be 1-128 characters of letters, digits and ._:/#@+-"),
        Arguments.of("{\"id\":\"c 1\"}", "id: must be 1-128 characters of letters, digits and ._:/#@+-"),
        Arguments.of("{\"id\":42}", "id: must be a string, not a number"),
        Arguments.of("{\"id\":\"c-1\",\"hoursPerWek\":{\"min\":1,\"max\":2}}",
            "hoursPerWek: unknown field; did you mean 'hoursPerWeek'?"),
        Arguments.of("{\"id\":\"c-1\",\"cpr\":\"0101011234\"}",
            "cpr: unknown field (allowed: availableFrom, certificates, compensation, education, experience, fleksjob, "
                + "hoursPerWeek, id, jobGoals, jobReady, languages, location, maxCommuteKm, searchable, skills, "
                + "targetGroup, unemployedSince)"),
        Arguments.of("{\"id\":\"c-1\",\"location\":{\"lat\":55.6,\"lon\":12.4,\"city\":\"Glostrup\"}}",
            "location.city: unknown field (allowed: lat, lon, postalCode)"),
        Arguments.of("{\"id\":\"c-1\",\"location\":{\"0101901234\":1}}",
            "location.(field): unknown field (allowed: lat, lon, postalCode)"),
        Arguments.of("{\"id\":\"c-1\",\"experience\":[{\"occupation\":\"isco:2221\",\"years\":1},"
                + "{\"occupation\":\"isco:2221\",\"years\":2},{\"occupation\":\"isco:5322\",\"years\":61}]}",
            "experience[2].years: must be a finite number between 0.0 and 60.0"),
        Arguments.of("{\"id\":\"c-1\",\"experience\":[{\"occupation\":\"isco:2221\"}]}",
            "experience[0].years: is required"),
        Arguments.of("{\"id\":\"c-1\",\"experience\":[{\"occupation\":\"nurse\",\"years\":2}]}",
            "experience[0].occupation: must be isco:NNNN, disco:NNNNNN or an ESCO occupation URI"),
        Arguments.of("{\"id\":\"c-1\",\"jobGoals\":[{\"occupation\":\"isco:22210\"}]}",
            "jobGoals[0].occupation: must be isco: and 1-4 digits"),
        Arguments.of("{\"id\":\"c-1\",\"jobGoals\":[{\"occupation\":\"isco:2221\",\"priority\":0}]}",
            "jobGoals[0].priority: must be between 1 and 99"),
        Arguments.of("{\"id\":\"c-1\",\"location\":{\"lat\":NaN,\"lon\":12.4}}",
            "location.lat: must be a finite number between -90.0 and 90.0"),
        Arguments.of("{\"id\":\"c-1\",\"location\":{\"lat\":55.6,\"lon\":\"12.4\"}}",
            "location.lon: must be a number, not a string"),
        Arguments.of("{\"id\":\"c-1\",\"location\":{\"postalCode\":\"2600\"}}", "location.lat: is required"),
        Arguments.of("{\"id\":\"c-1\",\"targetGroup\":\"a_dagpenge\"}",
            "targetGroup: is not one of [A_DAGPENGE, KONTANTHJAELP, UDDANNELSESHJAELP, "
                + "SELVFORSOERGELSE_HJEMREJSE, SYGEDAGPENGE, JOBAFKLARING, RESSOURCEFORLOEB, LEDIGHEDSYDELSE, REVALIDERING]"),
        Arguments.of("{\"id\":\"c-1\",\"compensation\":[\"AIDS\",\"WHEELCHAIR\"]}",
            "compensation[1]: is not one of [PERSONAL_ASSISTANCE, AIDS, FORTRINSADGANG]"),
        Arguments.of("{\"id\":\"c-1\",\"unemployedSince\":\"01-03-2026\"}",
            "unemployedSince: must be a date YYYY-MM-DD"),
        Arguments.of("{\"id\":\"c-1\",\"availableFrom\":\"2026-02-30\"}",
            "availableFrom: must be a date YYYY-MM-DD"),
        Arguments.of("{\"id\":\"c-1\",\"jobReady\":\"yes\"}", "jobReady: must be true or false, not a string"),
        Arguments.of("{\"id\":\"c-1\",\"hoursPerWeek\":{\"min\":20.5}}", "hoursPerWeek.min: must be a whole number"),
        Arguments.of("{\"id\":\"c-1\",\"hoursPerWeek\":{\"min\":30,\"max\":20}}",
            "hoursPerWeek: min must not exceed max"),
        Arguments.of("{\"id\":\"c-1\",\"skills\":[{\"id\":\"s1\"},{\"id\":\"s2\",\"lastUsedYear\":1800}]}",
            "skills[1].lastUsedYear: must be between 1900 and 2100"),
        Arguments.of("{\"id\":\"c-1\",\"skills\":[\"s1\",\"s1\"]}", "skills: a skill is listed twice"),
        Arguments.of("{\"id\":\"c-1\",\"skills\":[\"s1\",null]}", "skills[1]: must not be null"),
        Arguments.of("{\"id\":\"c-1\",\"skills\":\"s1\"}", "skills: must be an array, not a string"),
        Arguments.of("{\"id\":\"c-1\",\"skills\":[42]}", "skills[0]: must be an object, not a number"),
        Arguments.of("{\"id\":\"c-1\",\"education\":{\"level\":9}}", "education.level: must be between 1 and 8"),
        Arguments.of("{\"id\":\"c-1\",\"education\":{\"field\":\"x\"}}", "education.level: is required"),
        Arguments.of("{\"id\":\"c-1\",\"certificates\":[\"driving_b\"]}",
            "certificates: must be an upper-case code of A-Z, 0-9 and _ (e.g. DRIVING_B)"),
        Arguments.of("{\"id\":\"c-1\",\"languages\":[{\"code\":\"da\",\"level\":\"B2\"},{\"code\":\"DAN\",\"level\":\"B2\"}]}",
            "languages[1].code: must be an ISO 639-1 code (two lower-case letters)"),
        Arguments.of("{\"id\":\"c-1\",\"languages\":[{\"code\":\"da\"}]}", "languages[0].level: is required"),
        Arguments.of("{\"id\":\"c-1\",\"languages\":[{\"code\":\"da\",\"level\":\"B3\"}]}",
            "languages[0].level: is not one of [A1, A2, B1, B2, C1, C2]"),
        Arguments.of("{\"id\":\"c-1\",\"fleksjob\":{\"maxHoursPerWeek\":15}}", "fleksjob.approved: is required"),
        Arguments.of("{\"id\":\"c-1\",\"fleksjob\":{\"approved\":true}}",
            "fleksjob.maxHoursPerWeek: is required when approved is true"),
        Arguments.of("{\"id\":\"c-1\",\"fleksjob\":{\"approved\":true,\"maxHoursPerWeek\":40}}",
            "fleksjob.maxHoursPerWeek: must be between 1 and 37"),
        Arguments.of("{\"id\":\"c-1\",\"maxCommuteKm\":-1}", "maxCommuteKm: must be a finite number between 0.0 and 1000.0"),
        Arguments.of("{\"id\":\"c-1\",\"maxCommuteKm\":1e400}",
            "maxCommuteKm: must be a finite number between 0.0 and 1000.0"),
        Arguments.of("{\"id\":\"c-1\",\"hoursPerWeek\":{\"min\":99999999999}}", "hoursPerWeek.min: is out of range"),
        // syntax
        Arguments.of("{\"id\":\"c-1\",\"id\":\"c-2\"}", "id: duplicate field (each field may appear once)"),
        Arguments.of("{\"id\":\"c-1\"} {\"id\":\"c-2\"}",
            "malformed JSON at column 14: more content after the JSON object (one object per line)"),
        Arguments.of("{\"id\":\"c-1\",}",
            "malformed JSON at column 13: unexpected character '}': was expecting double-quote to start field name"),
        Arguments.of("{\"id\":\"c-1\",\"targetGroup\":Jensen}",
            "malformed JSON at column 27: unrecognized word (strings must be in double quotes)"),
        Arguments.of("{\"id\":\"c-1\"", "malformed JSON: the line ends before the JSON object is complete"),
        Arguments.of("[{\"id\":\"c-1\"}]", "malformed JSON: the line must hold one JSON object, not an array"),
        Arguments.of("\"c-1\"", "malformed JSON: the line must hold one JSON object, not a string"));
  }

  @ParameterizedTest
  @MethodSource("badLines")
  void badLineIsRejectedWithPathAndReason(String line, String expected) {
    LineProblem p = assertThrows(LineProblem.class, () -> CitizenJson.parse(line, false));
    assertEquals(expected, p.getMessage());
  }

  @Test
  void incompleteLastLineWithoutNewlineIsCalledTruncated() {
    LineProblem p = assertThrows(LineProblem.class, () -> CitizenJson.parse("{\"id\":\"c-9\",\"skills\":[\"s", true));
    assertEquals("truncated: the last line ends in the middle of a JSON object and the file has no final newline "
        + "(was the file cut off?)", p.getMessage());
  }

  @Test
  void rejectionNeverQuotesAnUnquotedWord() {
    LineProblem p = assertThrows(LineProblem.class,
        () -> CitizenJson.parse("{\"id\":\"c-1\",\"name\":Hansen}", false));
    assertEquals(false, p.getMessage().contains("Hansen"), p.getMessage());
  }
}
