package dk.jobmatch.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Education;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.LanguageSkill;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.model.TargetGroup;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a citizen line of docs/cli.md into a {@link Citizen}. Only {@code id} is required.
 * Where the format leaves a detail open, the choices are:
 *
 * <ul>
 *   <li>{@code jobReady} and {@code searchable} default to {@code true};
 *   <li>a job goal without {@code priority} gets its position in the list (1 for the first);
 *   <li>{@code hoursPerWeek} may give only {@code min} (max 80) or only {@code max} (min 0);
 *   <li>{@code location} needs {@code lat} and {@code lon}; {@code postalCode} is optional;
 *   <li>an experience entry needs {@code occupation} and {@code years};
 *   <li>a skill is an object {@code {"id": …, "lastUsedYear": …}} or just its id as a string;
 *   <li>{@code fleksjob} needs {@code approved}, and {@code maxHoursPerWeek} when approved.
 * </ul>
 *
 * <p>Thread-safe (stateless).
 */
public final class CitizenJson {
  static final Set<String> FIELDS = Set.of("id", "targetGroup", "jobReady", "searchable", "unemployedSince",
      "availableFrom", "location", "maxCommuteKm", "hoursPerWeek", "jobGoals", "experience", "skills",
      "education", "certificates", "languages", "fleksjob", "compensation");
  static final Set<String> LOCATION = Set.of("postalCode", "lat", "lon");
  static final Set<String> HOURS = Set.of("min", "max");
  private static final Set<String> GOAL = Set.of("occupation", "priority");
  private static final Set<String> EXPERIENCE = Set.of("occupation", "years", "lastYear");
  private static final Set<String> SKILL = Set.of("id", "lastUsedYear");
  private static final Set<String> EDUCATION = Set.of("level", "field", "completedYear");
  private static final Set<String> LANGUAGE = Set.of("code", "level");
  private static final Set<String> FLEKSJOB = Set.of("approved", "maxHoursPerWeek");

  private CitizenJson() {}

  /**
   * Parses and validates one line.
   *
   * @param text the line without its terminator
   * @param truncatedHint the line is the file's last and has no terminator
   * @return the record
   * @throws LineProblem naming the field by its JSON path and the reason
   */
  public static Citizen parse(String text, boolean truncatedHint) throws LineProblem {
    return read(JsonLine.parseObject(text, truncatedHint));
  }

  /**
   * Maps one JSON object.
   *
   * @param node the object
   * @return the record
   * @throws LineProblem naming the field by its JSON path and the reason
   */
  public static Citizen read(ObjectNode node) throws LineProblem {
    Fields f = Fields.of(node, "", FIELDS);
    String id = f.requiredString("id");
    Fields.model("id", "id", () -> dk.jobmatch.internal.Checks.id("id", id));
    Citizen.Builder b = Citizen.builder(id)
        .targetGroup(f.enumValue("targetGroup", TargetGroup.class))
        .jobReady(f.bool("jobReady", true))
        .searchable(f.bool("searchable", true))
        .unemployedSince(f.date("unemployedSince"))
        .availableFrom(f.date("availableFrom"))
        .location(location(f, "location"))
        .maxCommuteKm(f.number("maxCommuteKm"))
        .hoursPerWeek(hours(f, "hoursPerWeek"));

    List<JsonNode> goals = f.array("jobGoals");
    for (int i = 0; i < goals.size(); i++) {
      String where = f.path("jobGoals") + "[" + i + "]";
      Fields g = Fields.element(goals.get(i), where, GOAL);
      OccupationRef occ = occupation(g, "occupation");
      Integer priority = g.integer("priority");
      int p = priority == null ? i + 1 : priority;
      b.jobGoal(Fields.model("jobGoals", where, () -> new JobGoal(occ, p)));
    }

    List<JsonNode> experience = f.array("experience");
    for (int i = 0; i < experience.size(); i++) {
      String where = f.path("experience") + "[" + i + "]";
      Fields e = Fields.element(experience.get(i), where, EXPERIENCE);
      OccupationRef occ = occupation(e, "occupation");
      double years = e.requiredNumber("years");
      Integer lastYear = e.integer("lastYear");
      b.experience(Fields.model("experience", where, () -> new Experience(occ, years, lastYear)));
    }

    List<JsonNode> skills = f.array("skills");
    for (int i = 0; i < skills.size(); i++) {
      String where = f.path("skills") + "[" + i + "]";
      JsonNode s = skills.get(i);
      String skillId;
      Integer lastUsed;
      if (s.isTextual()) {
        skillId = s.textValue();
        lastUsed = null;
      } else {
        Fields sf = Fields.element(s, where, SKILL);
        skillId = sf.requiredString("id");
        lastUsed = sf.integer("lastUsedYear");
      }
      b.skill(Fields.model("skills", where, () -> new SkillHolding(skillId, lastUsed)));
    }

    Fields edu = f.object("education", EDUCATION);
    if (edu != null) {
      int level = edu.requiredInteger("level");
      String field = edu.string("field");
      Integer year = edu.integer("completedYear");
      b.education(Fields.model("education", "education", () -> new Education(level, field, year)));
    }

    b.certificates(f.strings("certificates"));

    List<JsonNode> languages = f.array("languages");
    for (int i = 0; i < languages.size(); i++) {
      String where = f.path("languages") + "[" + i + "]";
      Fields l = Fields.element(languages.get(i), where, LANGUAGE);
      String code = l.requiredString("code");
      CefrLevel level = l.enumValue("level", CefrLevel.class);
      if (level == null) {
        throw new LineProblem(l.path("level") + ": is required");
      }
      b.language(Fields.model("languages", where, () -> new LanguageSkill(code, level)));
    }

    Fields fj = f.object("fleksjob", FLEKSJOB);
    if (fj != null) {
      Boolean approved = fj.bool("approved");
      if (approved == null) {
        throw new LineProblem(fj.path("approved") + ": is required");
      }
      Integer hours = fj.integer("maxHoursPerWeek");
      if (approved && hours == null) {
        throw new LineProblem(fj.path("maxHoursPerWeek") + ": is required when approved is true");
      }
      int h = hours == null ? 0 : hours;
      b.fleksjob(Fields.model("fleksjob", "fleksjob", () -> new Fleksjob(approved, h)));
    }

    List<String> compensation = f.strings("compensation");
    Set<CompensationScheme> schemes = EnumSet.noneOf(CompensationScheme.class);
    for (int i = 0; i < compensation.size(); i++) {
      schemes.add(Fields.enumValue(f.path("compensation") + "[" + i + "]", CompensationScheme.class, compensation.get(i)));
    }
    b.compensation(schemes);

    return Fields.model("", "", b::build);
  }

  static dk.jobmatch.model.Location location(Fields parent, String name) throws LineProblem {
    Fields l = parent.object(name, LOCATION);
    if (l == null) {
      return null;
    }
    String postal = l.string("postalCode");
    double lat = l.requiredNumber("lat");
    double lon = l.requiredNumber("lon");
    return Fields.model("location", parent.path(name), () -> new dk.jobmatch.model.Location(postal, lat, lon));
  }

  static dk.jobmatch.model.HoursRange hours(Fields parent, String name) throws LineProblem {
    Fields h = parent.object(name, HOURS);
    if (h == null) {
      return null;
    }
    Integer min = h.integer("min");
    Integer max = h.integer("max");
    int lo = min == null ? 0 : min;
    int hi = max == null ? 80 : max;
    return Fields.model("hoursPerWeek", parent.path(name), () -> new dk.jobmatch.model.HoursRange(lo, hi));
  }

  static OccupationRef occupation(Fields f, String name) throws LineProblem {
    String s = f.requiredString(name);
    return Fields.model("occupation", f.path(name), () -> OccupationRef.parse(s));
  }
}
