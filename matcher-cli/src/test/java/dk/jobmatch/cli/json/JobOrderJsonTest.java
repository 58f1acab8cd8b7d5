package dk.jobmatch.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.RarArea;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobOrderJsonTest {
  static final String SKILL = "http://data.europa.eu/esco/skill/8f7d4a4c-4f0a-4d2b-9d4e-1f5d1a8b7c6e";

  /** The job-order line of docs/cli.md, with concrete values for the elisions. */
  static final String DESIGN_EXAMPLE = "{\"id\":\"jo-2026-0042\",\"title\":\"Social- og sundhedsassistent, nattevagt\","
      + "\"occupation\":\"disco:532210\",\"description\":\"Nattevagt på plejecenter.\","
      + "\"employer\":{\"cvr\":\"12345678\",\"pNumber\":\"1003456789\",\"name\":\"Glostrup Kommune\",\"public\":true,"
      + "\"disabilityFriendly\":true,\"location\":{\"postalCode\":\"2600\",\"lat\":55.66,\"lon\":12.40}},"
      + "\"rarArea\":\"HOVEDSTADEN\",\"employmentType\":\"ORDINARY\",\"acceptsFleksjob\":false,"
      + "\"requiredSkills\":[{\"id\":\"" + SKILL + "\",\"essential\":true}],"
      + "\"education\":{\"minLevel\":3},\"certificates\":[\"DRIVING_B\"],\"languages\":[{\"code\":\"da\",\"minLevel\":\"B1\"}],"
      + "\"hoursPerWeek\":{\"min\":30,\"max\":37},\"positions\":2,\"maxCandidates\":10,"
      + "\"startDate\":\"2027-01-01\",\"deadline\":\"2026-12-15\"}";

  @Test
  void designExampleMapsToEveryField() throws LineProblem {
    JobOrder expected = JobOrder.builder("jo-2026-0042", "disco:532210")
        .title("Social- og sundhedsassistent, nattevagt")
        .description("Nattevagt på plejecenter.")
        .employer(new Employer("12345678", "1003456789", "Glostrup Kommune", true, true, new Location("2600", 55.66, 12.40)))
        .rarArea(RarArea.HOVEDSTADEN)
        .employmentType(EmploymentType.ORDINARY)
        .acceptsFleksjob(false)
        .essentialSkill(SKILL)
        .minEducationLevel(3)
        .certificate("DRIVING_B")
        .language("da", CefrLevel.B1)
        .hoursPerWeek(30, 37)
        .positions(2)
        .maxCandidates(10)
        .startDate(LocalDate.of(2027, 1, 1))
        .deadline(LocalDate.of(2026, 12, 15))
        .build();
    assertEquals(expected, JobOrderJson.parse(DESIGN_EXAMPLE, false));
  }

  @Test
  void minimalOrderAndSkillShorthands() throws LineProblem {
    JobOrder o = JobOrderJson.parse("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\","
        + "\"requiredSkills\":[\"s1\",{\"id\":\"s2\",\"essential\":false},{\"id\":\"s3\"}]}", false);
    assertEquals(JobOrder.builder("jo-1", "isco:2221").essentialSkill("s1").optionalSkill("s2").essentialSkill("s3").build(), o);
    assertEquals(1, o.positions());
    assertEquals(EmploymentType.ORDINARY, o.employmentType());
  }

  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of("{\"id\":\"jo-1\"}", "occupation: is required"),
        Arguments.of("{\"occupation\":\"isco:2221\"}", "id: is required"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"status\":\"OPEN\"}",
            "status: unknown field (allowed: acceptsFleksjob, certificates, deadline, description, education, employer, "
                + "employmentType, hoursPerWeek, id, languages, maxCandidates, occupation, positions, rarArea, "
                + "requiredSkills, startDate, title)"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"requiredSkill\":[]}",
            "requiredSkill: unknown field; did you mean 'requiredSkills'?"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"employer\":{\"public\":true,\"cvr\":\"1234\"}}",
            "employer.cvr: must be eight digits"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"employer\":{\"location\":{\"lat\":91,\"lon\":12}}}",
            "employer.location.lat: must be a finite number between -90.0 and 90.0"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"employer\":{\"location\":{\"lat\":55,\"lon\":NaN}}}",
            "employer.location.lon: must be a finite number between -180.0 and 180.0"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"employer\":{\"isPublic\":true}}",
            "employer.isPublic: unknown field; did you mean 'public'?"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"rarArea\":\"Hovedstaden\"}",
            "rarArea: is not one of [HOVEDSTADEN, BORNHOLM, SJAELLAND, FYN, SYDJYLLAND, OESTJYLLAND, "
                + "VESTJYLLAND, NORDJYLLAND]"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"employmentType\":\"PART_TIME\"}",
            "employmentType: is not one of [ORDINARY, FLEKSJOB, WAGE_SUBSIDY, INTERNSHIP, APPRENTICESHIP]"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"requiredSkills\":[{\"id\":\"s1\"},{\"essential\":true}]}",
            "requiredSkills[1].id: is required"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"requiredSkills\":[\" \"]}",
            "requiredSkills[0].id: must be 1-300 characters and not blank"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"education\":{\"minLevel\":0}}",
            "education.minLevel: must be between 1 and 8"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"education\":{\"level\":3}}",
            "education.level: unknown field; did you mean 'minLevel'?"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"languages\":[{\"code\":\"da\",\"level\":\"B1\"}]}",
            "languages[0].level: unknown field; did you mean 'minLevel'?"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"positions\":0}", "positions: must be between 1 and 10000"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"startDate\":\"2027-01-01\",\"deadline\":\"2027-02-01\"}",
            "deadline: must not be after startDate"),
        Arguments.of("{\"id\":\"jo-1\",\"occupation\":\"isco:2221\",\"title\":\"" + "x".repeat(101) + "\"}",
            "title: must be at most 100 characters (was 101)"));
  }

  @ParameterizedTest
  @MethodSource("badLines")
  void badLineIsRejectedWithPathAndReason(String line, String expected) {
    LineProblem p = assertThrows(LineProblem.class, () -> JobOrderJson.parse(line, false));
    assertEquals(expected, p.getMessage());
  }
}
