package dk.jobmatch.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.LanguageRequirement;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.RequiredSkill;
import java.util.List;
import java.util.Set;

/**
 * Reads a job-order line of docs/cli.md into a {@link JobOrder}. Required: {@code id} and
 * {@code occupation}. Where the format leaves a detail open, the choices are:
 *
 * <ul>
 *   <li>{@code employmentType} defaults to {@code ORDINARY}, {@code positions} to 1, {@code
 *       acceptsFleksjob} and the employer's {@code public} and {@code disabilityFriendly} to
 *       {@code false};
 *   <li>a required skill is an object {@code {"id": …, "essential": …}} or just its id as a
 *       string; {@code essential} defaults to {@code true} (the order lists what it requires);
 *   <li>{@code education} holds only {@code minLevel}.
 * </ul>
 *
 * <p>Thread-safe (stateless).
 */
public final class JobOrderJson {
  static final Set<String> FIELDS = Set.of("id", "title", "occupation", "description", "employer", "rarArea",
      "employmentType", "acceptsFleksjob", "requiredSkills", "education", "certificates", "languages",
      "hoursPerWeek", "positions", "maxCandidates", "startDate", "deadline");
  private static final Set<String> EMPLOYER = Set.of("cvr", "pNumber", "name", "public", "disabilityFriendly", "location");
  private static final Set<String> SKILL = Set.of("id", "essential");
  private static final Set<String> EDUCATION = Set.of("minLevel");
  private static final Set<String> LANGUAGE = Set.of("code", "minLevel");

  private JobOrderJson() {}

  /**
   * Parses and validates one line.
   *
   * @param text the line without its terminator
   * @param truncatedHint the line is the file's last and has no terminator
   * @return the record
   * @throws LineProblem naming the field by its JSON path and the reason
   */
  public static JobOrder parse(String text, boolean truncatedHint) throws LineProblem {
    return read(JsonLine.parseObject(text, truncatedHint));
  }

  /**
   * Maps one JSON object.
   *
   * @param node the object
   * @return the record
   * @throws LineProblem naming the field by its JSON path and the reason
   */
  public static JobOrder read(ObjectNode node) throws LineProblem {
    Fields f = Fields.of(node, "", FIELDS);
    String id = f.requiredString("id");
    Fields.model("id", "id", () -> Checks.id("id", id));
    OccupationRef occupation = CitizenJson.occupation(f, "occupation");
    JobOrder.Builder b = JobOrder.builder(id, occupation)
        .title(f.string("title"))
        .description(f.string("description"))
        .employer(employer(f))
        .rarArea(f.enumValue("rarArea", RarArea.class))
        .acceptsFleksjob(f.bool("acceptsFleksjob", false))
        .hoursPerWeek(CitizenJson.hours(f, "hoursPerWeek"))
        .maxCandidates(f.integer("maxCandidates"))
        .startDate(f.date("startDate"))
        .deadline(f.date("deadline"));
    EmploymentType type = f.enumValue("employmentType", EmploymentType.class);
    if (type != null) {
      b.employmentType(type);
    }
    Integer positions = f.integer("positions");
    if (positions != null) {
      b.positions(positions);
    }

    List<JsonNode> skills = f.array("requiredSkills");
    for (int i = 0; i < skills.size(); i++) {
      String where = f.path("requiredSkills") + "[" + i + "]";
      JsonNode s = skills.get(i);
      String skillId;
      boolean essential;
      if (s.isTextual()) {
        skillId = s.textValue();
        essential = true;
      } else {
        Fields sf = Fields.element(s, where, SKILL);
        skillId = sf.requiredString("id");
        essential = sf.bool("essential", true);
      }
      b.requiredSkill(Fields.model("requiredSkills", where, () -> new RequiredSkill(skillId, essential)));
    }

    Fields edu = f.object("education", EDUCATION);
    if (edu != null) {
      b.minEducationLevel(edu.requiredInteger("minLevel"));
    }

    b.certificates(f.strings("certificates"));

    List<JsonNode> languages = f.array("languages");
    for (int i = 0; i < languages.size(); i++) {
      String where = f.path("languages") + "[" + i + "]";
      Fields l = Fields.element(languages.get(i), where, LANGUAGE);
      String code = l.requiredString("code");
      CefrLevel level = l.enumValue("minLevel", CefrLevel.class);
      if (level == null) {
        throw new LineProblem(l.path("minLevel") + ": is required");
      }
      b.language(Fields.model("languages", where, () -> new LanguageRequirement(code, level)));
    }
    return Fields.model("", "", b::build);
  }

  private static Employer employer(Fields f) throws LineProblem {
    Fields e = f.object("employer", EMPLOYER);
    if (e == null) {
      return null;
    }
    String cvr = e.string("cvr");
    String pNumber = e.string("pNumber");
    String name = e.string("name");
    boolean isPublic = e.bool("public", false);
    boolean friendly = e.bool("disabilityFriendly", false);
    dk.jobmatch.model.Location location = CitizenJson.location(e, "location");
    return Fields.model("employer", "employer", () -> new Employer(cvr, pNumber, name, isPublic, friendly, location));
  }
}
