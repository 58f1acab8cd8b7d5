package dk.jobmatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.HoursRange;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.LanguageRequirement;
import dk.jobmatch.model.LanguageSkill;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes citizens and job orders as JSON Lines in the format of docs/cli.md (the CLI's input):
 * one object per line, UTF-8, fields in the documented order, absent optional fields left out,
 * certificates sorted so the same data always gives the same bytes.
 *
 * <p>Stateless and thread-safe; each call writes to its own writer.
 */
public final class JsonLines {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonLines() {}

  /**
   * Writes citizens to a file, replacing it.
   *
   * @throws IOException if the file cannot be written
   */
  public static void writeCitizens(Path file, Iterable<Citizen> citizens) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeCitizens(w, citizens);
    }
  }

  /**
   * Writes job orders to a file, replacing it.
   *
   * @throws IOException if the file cannot be written
   */
  public static void writeOrders(Path file, Iterable<JobOrder> orders) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeOrders(w, orders);
    }
  }

  /**
   * Writes one line per citizen to {@code out}; does not close it.
   *
   * @throws IOException if writing fails
   */
  public static void writeCitizens(Writer out, Iterable<Citizen> citizens) throws IOException {
    for (Citizen c : citizens) {
      out.write(citizen(c));
      out.write('\n');
    }
    out.flush();
  }

  /**
   * Writes one line per job order to {@code out}; does not close it.
   *
   * @throws IOException if writing fails
   */
  public static void writeOrders(Writer out, Iterable<JobOrder> orders) throws IOException {
    for (JobOrder o : orders) {
      out.write(order(o));
      out.write('\n');
    }
    out.flush();
  }

  /** One citizen as a single-line JSON object (no line break). */
  public static String citizen(Citizen c) {
    java.io.StringWriter sw = new java.io.StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      if (c.targetGroup() != null) {
        g.writeStringField("targetGroup", c.targetGroup().name());
      }
      g.writeBooleanField("jobReady", c.jobReady());
      g.writeBooleanField("searchable", c.searchable());
      date(g, "unemployedSince", c.unemployedSince());
      date(g, "availableFrom", c.availableFrom());
      location(g, "location", c.location());
      if (c.maxCommuteKm() != null) {
        g.writeFieldName("maxCommuteKm");
        number(g, c.maxCommuteKm());
      }
      hours(g, c.hoursPerWeek());
      if (!c.jobGoals().isEmpty()) {
        g.writeArrayFieldStart("jobGoals");
        for (JobGoal j : c.jobGoals()) {
          g.writeStartObject();
          g.writeStringField("occupation", j.occupation().toString());
          g.writeNumberField("priority", j.priority());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (!c.experience().isEmpty()) {
        g.writeArrayFieldStart("experience");
        for (Experience e : c.experience()) {
          g.writeStartObject();
          g.writeStringField("occupation", e.occupation().toString());
          g.writeFieldName("years");
          number(g, e.years());
          if (e.lastYear() != null) {
            g.writeNumberField("lastYear", e.lastYear());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (!c.skills().isEmpty()) {
        g.writeArrayFieldStart("skills");
        for (SkillHolding s : c.skills()) {
          g.writeStartObject();
          g.writeStringField("id", s.id());
          if (s.lastUsedYear() != null) {
            g.writeNumberField("lastUsedYear", s.lastUsedYear());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (c.education() != null) {
        g.writeObjectFieldStart("education");
        g.writeNumberField("level", c.education().level());
        if (c.education().field() != null) {
          g.writeStringField("field", c.education().field());
        }
        if (c.education().completedYear() != null) {
          g.writeNumberField("completedYear", c.education().completedYear());
        }
        g.writeEndObject();
      }
      certificates(g, c.certificates());
      if (!c.languages().isEmpty()) {
        g.writeArrayFieldStart("languages");
        for (LanguageSkill l : c.languages()) {
          g.writeStartObject();
          g.writeStringField("code", l.code());
          g.writeStringField("level", l.level().name());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (c.fleksjob() != null) {
        g.writeObjectFieldStart("fleksjob");
        g.writeBooleanField("approved", c.fleksjob().approved());
        g.writeNumberField("maxHoursPerWeek", c.fleksjob().maxHoursPerWeek());
        g.writeEndObject();
      }
      if (!c.compensation().isEmpty()) {
        g.writeArrayFieldStart("compensation");
        for (CompensationScheme s : new TreeSet<>(c.compensation())) {
          g.writeString(s.name());
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new AssertionError("a StringWriter does not fail", e);
    }
    return sw.toString();
  }

  /** One job order as a single-line JSON object (no line break). */
  public static String order(JobOrder o) {
    java.io.StringWriter sw = new java.io.StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      g.writeStringField("id", o.id());
      if (o.title() != null) {
        g.writeStringField("title", o.title());
      }
      g.writeStringField("occupation", o.occupation().toString());
      if (o.description() != null) {
        g.writeStringField("description", o.description());
      }
      Employer e = o.employer();
      if (e != null) {
        g.writeObjectFieldStart("employer");
        if (e.cvr() != null) {
          g.writeStringField("cvr", e.cvr());
        }
        if (e.pNumber() != null) {
          g.writeStringField("pNumber", e.pNumber());
        }
        if (e.name() != null) {
          g.writeStringField("name", e.name());
        }
        g.writeBooleanField("public", e.isPublic());
        g.writeBooleanField("disabilityFriendly", e.disabilityFriendly());
        location(g, "location", e.location());
        g.writeEndObject();
      }
      if (o.rarArea() != null) {
        g.writeStringField("rarArea", o.rarArea().name());
      }
      g.writeStringField("employmentType", o.employmentType().name());
      g.writeBooleanField("acceptsFleksjob", o.acceptsFleksjob());
      if (!o.requiredSkills().isEmpty()) {
        g.writeArrayFieldStart("requiredSkills");
        for (RequiredSkill s : o.requiredSkills()) {
          g.writeStartObject();
          g.writeStringField("id", s.id());
          g.writeBooleanField("essential", s.essential());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (o.minEducationLevel() != null) {
        g.writeObjectFieldStart("education");
        g.writeNumberField("minLevel", o.minEducationLevel());
        g.writeEndObject();
      }
      certificates(g, o.certificates());
      if (!o.languages().isEmpty()) {
        g.writeArrayFieldStart("languages");
        for (LanguageRequirement l : o.languages()) {
          g.writeStartObject();
          g.writeStringField("code", l.code());
          g.writeStringField("minLevel", l.minLevel().name());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      hours(g, o.hoursPerWeek());
      g.writeNumberField("positions", o.positions());
      if (o.maxCandidates() != null) {
        g.writeNumberField("maxCandidates", o.maxCandidates());
      }
      date(g, "startDate", o.startDate());
      date(g, "deadline", o.deadline());
      g.writeEndObject();
    } catch (IOException e) {
      throw new AssertionError("a StringWriter does not fail", e);
    }
    return sw.toString();
  }

  private static void date(JsonGenerator g, String name, LocalDate d) throws IOException {
    if (d != null) {
      g.writeStringField(name, d.toString());
    }
  }

  private static void location(JsonGenerator g, String name, Location l) throws IOException {
    if (l == null) {
      return;
    }
    g.writeObjectFieldStart(name);
    if (l.postalCode() != null) {
      g.writeStringField("postalCode", l.postalCode());
    }
    g.writeNumberField("lat", l.lat());
    g.writeNumberField("lon", l.lon());
    g.writeEndObject();
  }

  private static void hours(JsonGenerator g, HoursRange h) throws IOException {
    if (h != null) {
      g.writeObjectFieldStart("hoursPerWeek");
      g.writeNumberField("min", h.min());
      g.writeNumberField("max", h.max());
      g.writeEndObject();
    }
  }

  private static void certificates(JsonGenerator g, Set<String> certificates) throws IOException {
    if (!certificates.isEmpty()) {
      g.writeArrayFieldStart("certificates");
      for (String c : new TreeSet<>(certificates)) {
        g.writeString(c);
      }
      g.writeEndArray();
    }
  }

  /** Whole numbers without a fraction ({@code 30}, not {@code 30.0}), as in docs/cli.md's examples. */
  private static void number(JsonGenerator g, double v) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      g.writeNumber((long) v);
    } else {
      g.writeNumber(v);
    }
  }
}
