package dk.jobmatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Education;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.HoursRange;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.LanguageRequirement;
import dk.jobmatch.model.LanguageSkill;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.model.TargetGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test-side JSON writer for the model (the inverse of the CLI's readers, written independently
 * of them) and a seeded generator of small Glostrup-like populations.
 */
final class TestData {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String[] OCCUPATIONS = {"2221", "2222", "5322", "5321", "9333", "8332", "4110", "2341", "9112", "7411"};

  private TestData() {}

  static String json(Citizen c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id());
    if (c.targetGroup() != null) {
      n.put("targetGroup", c.targetGroup().name());
    }
    n.put("jobReady", c.jobReady());
    n.put("searchable", c.searchable());
    if (c.unemployedSince() != null) {
      n.put("unemployedSince", c.unemployedSince().toString());
    }
    if (c.availableFrom() != null) {
      n.put("availableFrom", c.availableFrom().toString());
    }
    location(n, "location", c.location());
    if (c.maxCommuteKm() != null) {
      n.put("maxCommuteKm", c.maxCommuteKm());
    }
    hours(n, c.hoursPerWeek());
    ArrayNode goals = n.putArray("jobGoals");
    for (JobGoal g : c.jobGoals()) {
      goals.addObject().put("occupation", g.occupation().toString()).put("priority", g.priority());
    }
    ArrayNode exp = n.putArray("experience");
    for (Experience e : c.experience()) {
      ObjectNode o = exp.addObject().put("occupation", e.occupation().toString()).put("years", e.years());
      if (e.lastYear() != null) {
        o.put("lastYear", e.lastYear());
      }
    }
    ArrayNode skills = n.putArray("skills");
    for (SkillHolding s : c.skills()) {
      ObjectNode o = skills.addObject().put("id", s.id());
      if (s.lastUsedYear() != null) {
        o.put("lastUsedYear", s.lastUsedYear());
      }
    }
    if (c.education() != null) {
      Education e = c.education();
      ObjectNode o = n.putObject("education").put("level", e.level());
      if (e.field() != null) {
        o.put("field", e.field());
      }
      if (e.completedYear() != null) {
        o.put("completedYear", e.completedYear());
      }
    }
    ArrayNode certs = n.putArray("certificates");
    new TreeSet<>(c.certificates()).forEach(certs::add);
    ArrayNode langs = n.putArray("languages");
    for (LanguageSkill l : c.languages()) {
      langs.addObject().put("code", l.code()).put("level", l.level().name());
    }
    if (c.fleksjob() != null) {
      n.putObject("fleksjob").put("approved", c.fleksjob().approved()).put("maxHoursPerWeek", c.fleksjob().maxHoursPerWeek());
    }
    ArrayNode comp = n.putArray("compensation");
    c.compensation().forEach(s -> comp.add(s.name()));
    return n.toString();
  }

  static String json(JobOrder o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", o.id());
    if (o.title() != null) {
      n.put("title", o.title());
    }
    n.put("occupation", o.occupation().toString());
    if (o.description() != null) {
      n.put("description", o.description());
    }
    if (o.employer() != null) {
      Employer e = o.employer();
      ObjectNode en = n.putObject("employer");
      if (e.cvr() != null) {
        en.put("cvr", e.cvr());
      }
      if (e.pNumber() != null) {
        en.put("pNumber", e.pNumber());
      }
      if (e.name() != null) {
        en.put("name", e.name());
      }
      en.put("public", e.isPublic()).put("disabilityFriendly", e.disabilityFriendly());
      location(en, "location", e.location());
    }
    if (o.rarArea() != null) {
      n.put("rarArea", o.rarArea().name());
    }
    n.put("employmentType", o.employmentType().name());
    n.put("acceptsFleksjob", o.acceptsFleksjob());
    ArrayNode skills = n.putArray("requiredSkills");
    for (RequiredSkill s : o.requiredSkills()) {
      skills.addObject().put("id", s.id()).put("essential", s.essential());
    }
    if (o.minEducationLevel() != null) {
      n.putObject("education").put("minLevel", o.minEducationLevel());
    }
    ArrayNode certs = n.putArray("certificates");
    new TreeSet<>(o.certificates()).forEach(certs::add);
    ArrayNode langs = n.putArray("languages");
    for (LanguageRequirement l : o.languages()) {
      langs.addObject().put("code", l.code()).put("minLevel", l.minLevel().name());
    }
    hours(n, o.hoursPerWeek());
    n.put("positions", o.positions());
    if (o.maxCandidates() != null) {
      n.put("maxCandidates", o.maxCandidates());
    }
    if (o.startDate() != null) {
      n.put("startDate", o.startDate().toString());
    }
    if (o.deadline() != null) {
      n.put("deadline", o.deadline().toString());
    }
    return n.toString();
  }

  private static void location(ObjectNode n, String name, Location l) {
    if (l != null) {
      ObjectNode o = n.putObject(name);
      if (l.postalCode() != null) {
        o.put("postalCode", l.postalCode());
      }
      o.put("lat", l.lat()).put("lon", l.lon());
    }
  }

  private static void hours(ObjectNode n, HoursRange h) {
    if (h != null) {
      n.putObject("hoursPerWeek").put("min", h.min()).put("max", h.max());
    }
  }

  /** A random citizen; skills drawn with a skew from {@code s00..s39}. */
  static Citizen citizen(Random r, String id) {
    Citizen.Builder b = Citizen.builder(id)
        .targetGroup(TargetGroup.values()[r.nextInt(TargetGroup.values().length)])
        .jobReady(r.nextInt(10) < 8)
        .searchable(r.nextInt(20) > 0);
    if (r.nextBoolean()) {
      b.unemployedSince(LocalDate.of(2026, 1, 1).plusDays(r.nextInt(300)));
    }
    if (r.nextInt(5) == 0) {
      b.availableFrom(LocalDate.of(2026, 10, 1).plusDays(r.nextInt(120)));
    }
    if (r.nextInt(10) > 0) {
      b.location(new Location(r.nextBoolean() ? String.valueOf(2600 + r.nextInt(50)) : null,
          round(55.66 + (r.nextDouble() - 0.5) * 0.4), round(12.40 + (r.nextDouble() - 0.5) * 0.6)));
    }
    if (r.nextInt(3) > 0) {
      b.maxCommuteKm((double) (5 + r.nextInt(50)));
    }
    if (r.nextBoolean()) {
      int min = r.nextInt(30);
      b.hoursPerWeek(min, min + r.nextInt(38 - min));
    }
    int goals = r.nextInt(3);
    for (int i = 0; i < goals; i++) {
      b.jobGoal(new JobGoal(dk.jobmatch.model.OccupationRef.isco(occupation(r)), i + 1));
    }
    int exp = r.nextInt(3);
    for (int i = 0; i < exp; i++) {
      b.experience(new Experience(dk.jobmatch.model.OccupationRef.isco(occupation(r)), r.nextInt(200) / 10.0,
          r.nextBoolean() ? 2000 + r.nextInt(27) : null));
    }
    Set<String> skills = new LinkedHashSet<>();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      skills.add(skill(r));
    }
    for (String s : skills) {
      b.skill(new SkillHolding(s, r.nextBoolean() ? 2010 + r.nextInt(17) : null));
    }
    if (r.nextInt(10) > 0) {
      b.education(new Education(1 + r.nextInt(7), r.nextBoolean() ? "uddannelse " + r.nextInt(9) : null,
          r.nextBoolean() ? 1990 + r.nextInt(36) : null));
    }
    if (r.nextInt(3) == 0) {
      b.certificate("DRIVING_B");
    }
    if (r.nextInt(6) == 0) {
      b.certificate("FORKLIFT");
    }
    b.language(new LanguageSkill("da", CefrLevel.values()[1 + r.nextInt(5)]));
    if (r.nextBoolean()) {
      b.language(new LanguageSkill("en", CefrLevel.values()[r.nextInt(6)]));
    }
    if (r.nextInt(15) == 0) {
      b.fleksjob(Fleksjob.approved(5 + r.nextInt(25)));
    }
    if (r.nextInt(12) == 0) {
      b.compensation(CompensationScheme.values()[r.nextInt(3)]);
    }
    return b.build();
  }

  /** A random order; a share of public employers, fleksjob orders and wage-subsidy jobs. */
  static JobOrder order(Random r, String id) {
    JobOrder.Builder b = JobOrder.builder(id, r.nextInt(4) == 0 ? "disco:" + occupation(r) + "10" : "isco:" + occupation(r))
        .title("Ordre " + id)
        .employer(new Employer(r.nextBoolean() ? String.valueOf(10_000_000 + r.nextInt(89_999_999)) : null, null,
            "Virksomhed " + r.nextInt(100), r.nextInt(3) == 0, r.nextInt(4) == 0,
            r.nextInt(8) > 0 ? new Location(null, round(55.66 + (r.nextDouble() - 0.5) * 0.3),
                round(12.40 + (r.nextDouble() - 0.5) * 0.4)) : null))
        .rarArea(r.nextInt(4) > 0 ? RarArea.HOVEDSTADEN : null)
        .acceptsFleksjob(r.nextInt(4) == 0);
    int type = r.nextInt(12);
    b.employmentType(type < 8 ? EmploymentType.ORDINARY : type < 10 ? EmploymentType.WAGE_SUBSIDY
        : type < 11 ? EmploymentType.INTERNSHIP : EmploymentType.FLEKSJOB);
    Set<String> skills = new LinkedHashSet<>();
    int n = 1 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      skills.add(skill(r));
    }
    for (String s : skills) {
      b.requiredSkill(new RequiredSkill(s, r.nextInt(3) > 0));
    }
    if (r.nextBoolean()) {
      b.minEducationLevel(1 + r.nextInt(6));
    }
    if (r.nextInt(8) == 0) {
      b.certificate("DRIVING_B");
    }
    if (r.nextInt(10) == 0) {
      b.language(new LanguageRequirement("da", CefrLevel.B1));
    }
    if (r.nextBoolean()) {
      int min = r.nextInt(30);
      b.hoursPerWeek(min, min + r.nextInt(38 - min));
    }
    b.positions(1 + r.nextInt(3));
    if (r.nextBoolean()) {
      b.maxCandidates(1 + r.nextInt(20));
    }
    if (r.nextBoolean()) {
      LocalDate start = LocalDate.of(2026, 11, 15).plusDays(r.nextInt(90));
      b.startDate(start);
      if (r.nextBoolean()) {
        b.deadline(start.minusDays(r.nextInt(30)));
      }
    }
    return b.build();
  }

  static List<String> lines(List<?> records) {
    List<String> out = new ArrayList<>();
    for (Object o : records) {
      out.add(o instanceof Citizen c ? json(c) : json((JobOrder) o));
    }
    return out;
  }

  private static String occupation(Random r) {
    // skewed: the first occupations are the common ones
    return OCCUPATIONS[Math.min(OCCUPATIONS.length - 1, (int) Math.floor(Math.abs(r.nextGaussian()) * 3.5))];
  }

  private static String skill(Random r) {
    return String.format("s%02d", Math.min(39, (int) Math.floor(Math.abs(r.nextGaussian()) * 13)));
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
