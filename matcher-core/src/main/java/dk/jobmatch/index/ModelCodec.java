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
 * leading byte. Decoding runs the records' validation again. Stateless and thread-safe.
 *
 * @lucene.internal
 */
public final class ModelCodec {
  private static final int VERSION = 1;

  private ModelCodec() {}

  /** Encodes a citizen. */
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
      out.writeShort(c.jobGoals().size());
      for (JobGoal g : c.jobGoals()) {
        out.writeUTF(g.occupation().toString());
        out.writeByte(g.priority());
      }
      out.writeShort(c.experience().size());
      for (Experience e : c.experience()) {
        out.writeUTF(e.occupation().toString());
        out.writeDouble(e.years());
        out.writeShort(e.lastYear() == null ? 0 : e.lastYear());
      }
      out.writeShort(c.skills().size());
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
      out.writeShort(c.certificates().size());
      for (String s : c.certificates().stream().sorted().toList()) {
        out.writeUTF(s);
      }
      out.writeShort(c.languages().size());
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes a citizen written by {@link #encode(Citizen)}. */
  public static Citizen decodeCitizen(byte[] data, int offset, int length) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, length))) {
      checkVersion(in);
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
      for (int i = in.readShort(); i > 0; i--) {
        b.jobGoal(new JobGoal(OccupationRef.parse(in.readUTF()), in.readByte()));
      }
      for (int i = in.readShort(); i > 0; i--) {
        b.experience(new Experience(OccupationRef.parse(in.readUTF()), in.readDouble(), year(in.readShort())));
      }
      for (int i = in.readShort(); i > 0; i--) {
        b.skill(new SkillHolding(in.readUTF(), year(in.readShort())));
      }
      if (in.readBoolean()) {
        b.education(new Education(in.readByte(), readString(in), year(in.readShort())));
      }
      for (int i = in.readShort(); i > 0; i--) {
        b.certificate(in.readUTF());
      }
      for (int i = in.readShort(); i > 0; i--) {
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
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes a job order. */
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
      out.writeShort(o.requiredSkills().size());
      for (RequiredSkill r : o.requiredSkills()) {
        out.writeUTF(r.id());
        out.writeBoolean(r.essential());
      }
      out.writeByte(o.minEducationLevel() == null ? 0 : o.minEducationLevel());
      out.writeShort(o.certificates().size());
      for (String s : o.certificates().stream().sorted().toList()) {
        out.writeUTF(s);
      }
      out.writeShort(o.languages().size());
      for (LanguageRequirement l : o.languages()) {
        out.writeUTF(l.code());
        out.writeByte(l.minLevel().ordinal());
      }
      writeHours(out, o.hoursPerWeek());
      out.writeInt(o.positions());
      out.writeInt(o.maxCandidates() == null ? 0 : o.maxCandidates());
      writeDate(out, o.startDate());
      writeDate(out, o.deadline());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  /** Decodes a job order written by {@link #encode(JobOrder)}. */
  public static JobOrder decodeOrder(byte[] data, int offset, int length) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, length))) {
      checkVersion(in);
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
      for (int i = in.readShort(); i > 0; i--) {
        b.requiredSkill(new RequiredSkill(in.readUTF(), in.readBoolean()));
      }
      int edu = in.readByte();
      b.minEducationLevel(edu == 0 ? null : edu);
      for (int i = in.readShort(); i > 0; i--) {
        b.certificate(in.readUTF());
      }
      for (int i = in.readShort(); i > 0; i--) {
        b.language(new LanguageRequirement(in.readUTF(), CefrLevel.values()[in.readByte()]));
      }
      b.hoursPerWeek(readHours(in));
      b.positions(in.readInt());
      int max = in.readInt();
      b.maxCandidates(max == 0 ? null : max);
      b.startDate(readDate(in));
      b.deadline(readDate(in));
      return b.build();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void checkVersion(DataInputStream in) throws IOException {
    int v = in.readByte();
    if (v != VERSION) {
      throw new IOException("stored record has format version " + v + ", this library reads " + VERSION);
    }
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
