package dk.jobmatch.index;

import dk.jobmatch.kernel.*;
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
import dk.jobmatch.model.Limits;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.model.TargetGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The compact binary form in which citizens and orders are stored in the Lucene index, so that
 * a persistent index can be reopened into exactly the records that were added. Versioned by a
 * leading byte: version 2 (written) keeps list sizes in 32 bits; version 1 (read only) kept them
 * in 16. Decoding runs the records' validation again.
 *
 * <p><b>Round trip.</b> Whatever {@link #encode} writes, {@link #decodeCitizen}/{@link
 * #decodeOrder} read back: every list is bounded by {@link Limits} (checked again on encoding, so
 * a record that somehow exceeds a limit fails <em>before</em> anything is stored), every string
 * by the model's length limits (far below the format's 65,535 bytes per string).
 *
 * <p><b>Errors.</b> A record that cannot be encoded fails with an {@link IllegalArgumentException};
 * a stored record that cannot be decoded (truncated, corrupt, or written by a newer version)
 * fails with an {@link UncheckedIOException} whose message names the record kind and what is
 * wrong, never a field value.
 *
 * <p>Stateless and thread-safe.
 *
 * @lucene.internal
 */
public final class ModelCodec {
  private static final int VERSION = 2;

  private ModelCodec() {}

  /**
   * Encodes a citizen.
   *
   * @throws IllegalArgumentException if a list exceeds its {@link Limits limit} or a string the
   *     format (not reachable through the validating model constructors)
   */
  public static byte[] encode(Citizen c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(c.id());
      writeEnum(out, c.targetGroup());
      out.writeBoolean(c.jobReady());
      out.writeBoolean(c.searchable());
      writeDate(out, c.unemployedSince());
      writeDate(out, c.availableFrom());
      writeLocation(out, c.location());
      out.writeDouble(c.maxCommuteKm() == null ? Double.NaN : c.maxCommuteKm());
      writeHours(out, c.hoursPerWeek());
      writeSize(out, "jobGoals", c.jobGoals().size(), Limits.CITIZEN_JOB_GOALS);
      for (JobGoal g : c.jobGoals()) {
        out.writeUTF(g.occupation().toString());
        out.writeByte(g.priority());
      }
      writeSize(out, "experience", c.experience().size(), Limits.CITIZEN_EXPERIENCE);
      for (Experience e : c.experience()) {
        out.writeUTF(e.occupation().toString());
        out.writeDouble(e.years());
        out.writeShort(e.lastYear() == null ? 0 : e.lastYear());
      }
      writeSize(out, "skills", c.skills().size(), Limits.CITIZEN_SKILLS);
      for (SkillHolding s : c.skills()) {
        out.writeUTF(s.id());
        out.writeShort(s.lastUsedYear() == null ? 0 : s.lastUsedYear());
      }
      out.writeBoolean(c.education() != null);
      if (c.education() != null) {
        out.writeByte(c.education().level());
        writeString(out, c.education().field());
        out.writeShort(c.education().completedYear() == null ? 0 : c.education().completedYear());
      }
      writeSize(out, "certificates", c.certificates().size(), Limits.CITIZEN_CERTIFICATES);
      for (String s : c.certificates().stream().sorted().toList()) {
        out.writeUTF(s);
      }
      writeSize(out, "languages", c.languages().size(), Limits.CITIZEN_LANGUAGES);
      for (LanguageSkill l : c.languages()) {
        out.writeUTF(l.code());
        out.writeByte(l.level().ordinal());
      }
      out.writeBoolean(c.fleksjob() != null);
      if (c.fleksjob() != null) {
        out.writeBoolean(c.fleksjob().approved());
        out.writeByte(c.fleksjob().maxHoursPerWeek());
      }
      int comp = 0;
      for (CompensationScheme s : c.compensation()) {
        comp |= 1 << s.ordinal();
      }
      out.writeByte(comp);
    } catch (java.io.UTFDataFormatException e) {
      throw new IllegalArgumentException("citizen " + c.id() + ": a string is too long for the stored-record format");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a citizen written by {@link #encode(Citizen)}.
   *
   * @throws UncheckedIOException if the bytes are not a readable citizen record (the message
   *     names no field value)
   */
  public static Citizen decodeCitizen(byte[] data, int offset, int length) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, length))) {
      int version = checkVersion(in);
      Citizen.Builder b = Citizen.builder(in.readUTF());
      b.targetGroup(readEnum(in, TargetGroup.class));
      b.jobReady(in.readBoolean());
      b.searchable(in.readBoolean());
      b.unemployedSince(readDate(in));
      b.availableFrom(readDate(in));
      b.location(readLocation(in));
      double commute = in.readDouble();
      b.maxCommuteKm(Double.isNaN(commute) ? null : commute);
      b.hoursPerWeek(readHours(in));
      for (int i = readSize(in, version, "jobGoals", Limits.CITIZEN_JOB_GOALS); i > 0; i--) {
        b.jobGoal(new JobGoal(OccupationRef.parse(in.readUTF()), in.readByte()));
      }
      for (int i = readSize(in, version, "experience", Limits.CITIZEN_EXPERIENCE); i > 0; i--) {
        b.experience(new Experience(OccupationRef.parse(in.readUTF()), in.readDouble(), year(in.readShort())));
      }
      for (int i = readSize(in, version, "skills", Limits.CITIZEN_SKILLS); i > 0; i--) {
        b.skill(new SkillHolding(in.readUTF(), year(in.readShort())));
      }
      if (in.readBoolean()) {
        b.education(new Education(in.readByte(), readString(in), year(in.readShort())));
      }
      for (int i = readSize(in, version, "certificates", Limits.CITIZEN_CERTIFICATES); i > 0; i--) {
        b.certificate(in.readUTF());
      }
      for (int i = readSize(in, version, "languages", Limits.CITIZEN_LANGUAGES); i > 0; i--) {
        b.language(new LanguageSkill(in.readUTF(), CefrLevel.values()[in.readByte()]));
      }
      if (in.readBoolean()) {
        b.fleksjob(new Fleksjob(in.readBoolean(), in.readByte()));
      }
      int comp = in.readByte();
      for (CompensationScheme s : CompensationScheme.values()) {
        if ((comp & (1 << s.ordinal())) != 0) {
          b.compensation(s);
        }
      }
      Citizen c = b.build();
      if (in.available() != 0) {
        throw new IOException("bytes left over after the record");
      }
      return c;
    } catch (IOException | RuntimeException e) {
      throw corrupt("citizen", e);
    }
  }

  /**
   * Encodes a job order.
   *
   * @throws IllegalArgumentException if a list exceeds its {@link Limits limit} or a string the
   *     format (not reachable through the validating model constructors)
   */
  public static byte[] encode(JobOrder o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(o.id());
      writeString(out, o.title());
      out.writeUTF(o.occupation().toString());
      writeString(out, o.description());
      Employer e = o.employer();
      out.writeBoolean(e != null);
      if (e != null) {
        writeString(out, e.cvr());
        writeString(out, e.pNumber());
        writeString(out, e.name());
        out.writeBoolean(e.isPublic());
        out.writeBoolean(e.disabilityFriendly());
        writeLocation(out, e.location());
      }
      writeEnum(out, o.rarArea());
      writeEnum(out, o.employmentType());
      out.writeBoolean(o.acceptsFleksjob());
      writeSize(out, "requiredSkills", o.requiredSkills().size(), Limits.ORDER_REQUIRED_SKILLS);
      for (RequiredSkill r : o.requiredSkills()) {
        out.writeUTF(r.id());
        out.writeBoolean(r.essential());
      }
      out.writeByte(o.minEducationLevel() == null ? 0 : o.minEducationLevel());
      writeSize(out, "certificates", o.certificates().size(), Limits.ORDER_CERTIFICATES);
      for (String s : o.certificates().stream().sorted().toList()) {
        out.writeUTF(s);
      }
      writeSize(out, "languages", o.languages().size(), Limits.ORDER_LANGUAGES);
      for (LanguageRequirement l : o.languages()) {
        out.writeUTF(l.code());
        out.writeByte(l.minLevel().ordinal());
      }
      writeHours(out, o.hoursPerWeek());
      out.writeInt(o.positions());
      out.writeInt(o.maxCandidates() == null ? 0 : o.maxCandidates());
      writeDate(out, o.startDate());
      writeDate(out, o.deadline());
    } catch (java.io.UTFDataFormatException ex) {
      throw new IllegalArgumentException("job order " + o.id() + ": a string is too long for the stored-record format");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a job order written by {@link #encode(JobOrder)}.
   *
   * @throws UncheckedIOException if the bytes are not a readable order record (the message names
   *     no field value)
   */
  public static JobOrder decodeOrder(byte[] data, int offset, int length) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, length))) {
      int version = checkVersion(in);
      String id = in.readUTF();
      String title = readString(in);
      JobOrder.Builder b = JobOrder.builder(id, OccupationRef.parse(in.readUTF()));
      b.title(title);
      b.description(readString(in));
      if (in.readBoolean()) {
        b.employer(new Employer(readString(in), readString(in), readString(in), in.readBoolean(), in.readBoolean(),
            readLocation(in)));
      }
      b.rarArea(readEnum(in, RarArea.class));
      b.employmentType(readEnum(in, EmploymentType.class));
      b.acceptsFleksjob(in.readBoolean());
      for (int i = readSize(in, version, "requiredSkills", Limits.ORDER_REQUIRED_SKILLS); i > 0; i--) {
        b.requiredSkill(new RequiredSkill(in.readUTF(), in.readBoolean()));
      }
      int edu = in.readByte();
      b.minEducationLevel(edu == 0 ? null : edu);
      for (int i = readSize(in, version, "certificates", Limits.ORDER_CERTIFICATES); i > 0; i--) {
        b.certificate(in.readUTF());
      }
      for (int i = readSize(in, version, "languages", Limits.ORDER_LANGUAGES); i > 0; i--) {
        b.language(new LanguageRequirement(in.readUTF(), CefrLevel.values()[in.readByte()]));
      }
      b.hoursPerWeek(readHours(in));
      b.positions(in.readInt());
      int max = in.readInt();
      b.maxCandidates(max == 0 ? null : max);
      b.startDate(readDate(in));
      b.deadline(readDate(in));
      JobOrder o = b.build();
      if (in.available() != 0) {
        throw new IOException("bytes left over after the record");
      }
      return o;
    } catch (IOException | RuntimeException ex) {
      throw corrupt("job order", ex);
    }
  }

  /**
   * A decoding failure, described without any value: model validation messages name only the
   * field and the rule; low-level failures are named by their kind. The cause is not kept, so
   * that no lower layer's message (which could quote bytes) travels with it.
   */
  private static UncheckedIOException corrupt(String kind, Exception e) {
    String why;
    if (e instanceof IllegalArgumentException) {
      why = e.getMessage();
    } else if (e instanceof java.io.EOFException) {
      why = "the record is cut short";
    } else if (e instanceof IOException && e.getClass() == IOException.class) {
      why = e.getMessage();
    } else {
      why = e.getClass().getSimpleName();
    }
    return new UncheckedIOException(new IOException("stored " + kind + " record is corrupt or unreadable: " + why
        + " (restore the index from a backup, or rebuild it from the source data)"));
  }

  private static int checkVersion(DataInputStream in) throws IOException {
    int v = in.readByte();
    if (v != 1 && v != VERSION) {
      throw new IOException("format version " + v + ", this library reads 1 and " + VERSION);
    }
    return v;
  }

  private static void writeSize(DataOutputStream out, String field, int size, int max) throws IOException {
    if (size > max) {
      throw new IllegalArgumentException(field + ": must hold at most " + max + " entries (was " + size + ")");
    }
    out.writeInt(size);
  }

  private static int readSize(DataInputStream in, int version, String field, int max) throws IOException {
    int size = version == 1 ? in.readUnsignedShort() : in.readInt();
    if (size < 0 || size > max) {
      throw new IOException(field + ": list size out of range");
    }
    return size;
  }

  private static Integer year(short y) {
    return y == 0 ? null : (int) y;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeEnum(DataOutputStream out, Enum<?> e) throws IOException {
    out.writeByte(e == null ? -1 : e.ordinal());
  }

  private static <E extends Enum<E>> E readEnum(DataInputStream in, Class<E> type) throws IOException {
    int o = in.readByte();
    return o < 0 ? null : type.getEnumConstants()[o];
  }

  private static void writeDate(DataOutputStream out, LocalDate d) throws IOException {
    out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
  }

  private static LocalDate readDate(DataInputStream in) throws IOException {
    long d = in.readLong();
    return d == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(d);
  }

  private static void writeLocation(DataOutputStream out, Location l) throws IOException {
    out.writeBoolean(l != null);
    if (l != null) {
      writeString(out, l.postalCode());
      out.writeDouble(l.lat());
      out.writeDouble(l.lon());
    }
  }

  private static Location readLocation(DataInputStream in) throws IOException {
    return in.readBoolean() ? new Location(readString(in), in.readDouble(), in.readDouble()) : null;
  }

  private static void writeHours(DataOutputStream out, HoursRange h) throws IOException {
    out.writeByte(h == null ? -1 : h.min());
    out.writeByte(h == null ? -1 : h.max());
  }

  private static HoursRange readHours(DataInputStream in) throws IOException {
    int min = in.readByte();
    int max = in.readByte();
    return min < 0 ? null : new HoursRange(min, max);
  }
}
