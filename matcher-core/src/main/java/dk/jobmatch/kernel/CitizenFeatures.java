package dk.jobmatch.kernel;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.LanguageSkill;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.taxonomy.OccupationCode;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The compact, immutable scoring view of one citizen: primitive arrays and interned codes, a few
 * hundred bytes instead of the object graph of a {@link Citizen}. Both the index-based ranking
 * and the exhaustive reference scorer score these, so the two agree bit for bit.
 *
 * @lucene.internal
 */
public final class CitizenFeatures {
  public static final int SEARCHABLE = 1;
  public static final int JOB_READY = 1 << 1;
  public static final int FLEKSJOB = 1 << 2;
  public static final int PERSONAL_ASSISTANCE = 1 << 3;
  public static final int AIDS = 1 << 4;
  public static final int FORTRINSADGANG = 1 << 5;

  public final String id;
  /** Sorted skill vocabulary ids. */
  public final int[] skills;
  /** Last-used year per skill (parallel to {@link #skills}); 0 = unknown. */
  public final short[] skillLastUsed;
  public final OccupationCode[] experience;
  public final float[] experienceYears;
  public final short[] experienceLastYear;
  public final OccupationCode[] goals;
  public final byte[] goalPriority;
  public final byte educationLevel;
  public final short educationYear;
  public final double lat;
  public final double lon;
  public final double maxCommuteKm;
  public final byte hoursMin;
  public final byte hoursMax;
  public final byte fleksjobHours;
  public final int flags;
  public final int availableFromDay;
  public final int[] certificates;
  public final int[] languages;
  public final byte[] languageLevels;
  public final byte targetGroup;

  private CitizenFeatures(Citizen c, Vocabularies v, Function<OccupationRef, OccupationCode> resolver) {
    this.id = c.id();
    SkillHolding[] held = c.skills().toArray(new SkillHolding[0]);
    // Sort by vocabulary id without boxing: (id << 32 | position) sorts as id, then position.
    long[] packed = new long[held.length];
    for (int i = 0; i < held.length; i++) {
      packed[i] = ((long) v.skills().intern(held[i].id()) << 32) | i;
    }
    Arrays.sort(packed);
    this.skills = new int[held.length];
    this.skillLastUsed = new short[held.length];
    for (int i = 0; i < packed.length; i++) {
      skills[i] = (int) (packed[i] >>> 32);
      Integer y = held[(int) packed[i]].lastUsedYear();
      skillLastUsed[i] = y == null ? 0 : y.shortValue();
    }
    int ne = c.experience().size();
    this.experience = new OccupationCode[ne];
    this.experienceYears = new float[ne];
    this.experienceLastYear = new short[ne];
    for (int i = 0; i < ne; i++) {
      Experience e = c.experience().get(i);
      experience[i] = resolver.apply(e.occupation());
      experienceYears[i] = (float) e.years();
      experienceLastYear[i] = e.lastYear() == null ? 0 : e.lastYear().shortValue();
    }
    int ng = c.jobGoals().size();
    this.goals = new OccupationCode[ng];
    this.goalPriority = new byte[ng];
    for (int i = 0; i < ng; i++) {
      JobGoal g = c.jobGoals().get(i);
      goals[i] = resolver.apply(g.occupation());
      goalPriority[i] = (byte) g.priority();
    }
    this.educationLevel = c.education() == null ? 0 : (byte) c.education().level();
    this.educationYear = c.education() == null || c.education().completedYear() == null
        ? 0 : c.education().completedYear().shortValue();
    this.lat = c.location() == null ? Double.NaN : c.location().lat();
    this.lon = c.location() == null ? Double.NaN : c.location().lon();
    this.maxCommuteKm = c.maxCommuteKm() == null ? Double.POSITIVE_INFINITY : c.maxCommuteKm();
    this.hoursMin = c.hoursPerWeek() == null ? -1 : (byte) c.hoursPerWeek().min();
    this.hoursMax = c.hoursPerWeek() == null ? -1 : (byte) c.hoursPerWeek().max();
    this.fleksjobHours = c.fleksjobApproved() ? (byte) c.fleksjob().maxHoursPerWeek() : 0;
    int f = 0;
    if (c.searchable()) f |= SEARCHABLE;
    if (c.jobReady()) f |= JOB_READY;
    if (c.fleksjobApproved()) f |= FLEKSJOB;
    if (c.compensation().contains(CompensationScheme.PERSONAL_ASSISTANCE)) f |= PERSONAL_ASSISTANCE;
    if (c.compensation().contains(CompensationScheme.AIDS)) f |= AIDS;
    if (c.compensation().contains(CompensationScheme.FORTRINSADGANG)) f |= FORTRINSADGANG;
    this.flags = f;
    this.availableFromDay = c.availableFrom() == null ? Integer.MIN_VALUE : (int) c.availableFrom().toEpochDay();
    this.certificates = c.certificates().stream().mapToInt(s -> v.certificates().intern(s)).sorted().toArray();
    int nl = c.languages().size();
    this.languages = new int[nl];
    this.languageLevels = new byte[nl];
    for (int i = 0; i < nl; i++) {
      LanguageSkill l = c.languages().get(i);
      languages[i] = v.languages().intern(l.code());
      languageLevels[i] = (byte) l.level().ordinal();
    }
    this.targetGroup = c.targetGroup() == null ? -1 : (byte) c.targetGroup().ordinal();
  }

  /** For {@link #readFrom}: every field given. */
  private CitizenFeatures(String id, int[] skills, short[] skillLastUsed, OccupationCode[] experience,
      float[] experienceYears, short[] experienceLastYear, OccupationCode[] goals, byte[] goalPriority,
      byte educationLevel, short educationYear, double lat, double lon, double maxCommuteKm, byte hoursMin,
      byte hoursMax, byte fleksjobHours, int flags, int availableFromDay, int[] certificates, int[] languages,
      byte[] languageLevels, byte targetGroup) {
    this.id = id;
    this.skills = skills;
    this.skillLastUsed = skillLastUsed;
    this.experience = experience;
    this.experienceYears = experienceYears;
    this.experienceLastYear = experienceLastYear;
    this.goals = goals;
    this.goalPriority = goalPriority;
    this.educationLevel = educationLevel;
    this.educationYear = educationYear;
    this.lat = lat;
    this.lon = lon;
    this.maxCommuteKm = maxCommuteKm;
    this.hoursMin = hoursMin;
    this.hoursMax = hoursMax;
    this.fleksjobHours = fleksjobHours;
    this.flags = flags;
    this.availableFromDay = availableFromDay;
    this.certificates = certificates;
    this.languages = languages;
    this.languageLevels = languageLevels;
    this.targetGroup = targetGroup;
  }

  /**
   * Writes every field, for a start-up snapshot ({@code dk.jobmatch.index.StartupSnapshot}): the
   * interned ids as they are (the snapshot stores the vocabularies beside them) and each
   * occupation code as its number in {@code codes} (0 for none). {@link #readFrom} reads it back.
   * When a field is added here, {@code CitizenFeaturesCodecTest} fails until both methods carry it.
   *
   * @throws IOException if {@code out} throws
   */
  public void writeTo(DataOutput out, ToIntFunction<OccupationCode> codes) throws IOException {
    out.writeUTF(id);
    out.writeInt(skills.length);
    for (int i = 0; i < skills.length; i++) {
      out.writeInt(skills[i]);
      out.writeShort(skillLastUsed[i]);
    }
    writeCodes(out, codes, experience);
    for (int i = 0; i < experience.length; i++) {
      out.writeFloat(experienceYears[i]);
      out.writeShort(experienceLastYear[i]);
    }
    writeCodes(out, codes, goals);
    out.write(goalPriority);
    out.writeByte(educationLevel);
    out.writeShort(educationYear);
    out.writeDouble(lat);
    out.writeDouble(lon);
    out.writeDouble(maxCommuteKm);
    out.writeByte(hoursMin);
    out.writeByte(hoursMax);
    out.writeByte(fleksjobHours);
    out.writeInt(flags);
    out.writeInt(availableFromDay);
    out.writeInt(certificates.length);
    for (int c : certificates) {
      out.writeInt(c);
    }
    out.writeInt(languages.length);
    for (int i = 0; i < languages.length; i++) {
      out.writeInt(languages[i]);
      out.writeByte(languageLevels[i]);
    }
    out.writeByte(targetGroup);
  }

  private static void writeCodes(DataOutput out, ToIntFunction<OccupationCode> codes, OccupationCode[] a)
      throws IOException {
    out.writeInt(a.length);
    for (OccupationCode c : a) {
      out.writeInt(c == null ? 0 : codes.applyAsInt(c));
    }
  }

  /**
   * Reads features written by {@link #writeTo}. The stored interned ids are mapped through {@code
   * skills}, {@code certificates} and {@code languages} (stored id → id in this process's
   * vocabularies); sorted arrays are sorted again if the mapping changes their order.
   *
   * @param codes the occupation codes by their number (index 0: none)
   * @throws IOException if {@code in} throws or ends early
   * @throws IndexOutOfBoundsException if a stored number is out of range (a damaged snapshot)
   */
  public static CitizenFeatures readFrom(DataInput in, int[] skills, int[] certificates, int[] languages,
      OccupationCode[] codes) throws IOException {
    String id = in.readUTF();
    int ns = in.readInt();
    int[] sk = new int[ns];
    short[] lastUsed = new short[ns];
    boolean sorted = true;
    for (int i = 0; i < ns; i++) {
      sk[i] = skills[in.readInt()];
      lastUsed[i] = in.readShort();
      sorted &= i == 0 || sk[i - 1] < sk[i];
    }
    if (!sorted) { // the mapping changed the order: sort the ids, their years with them
      long[] packed = new long[ns];
      for (int i = 0; i < ns; i++) {
        packed[i] = ((long) sk[i] << 32) | i;
      }
      Arrays.sort(packed);
      short[] lastUsedIn = lastUsed;
      lastUsed = new short[ns];
      for (int i = 0; i < ns; i++) {
        sk[i] = (int) (packed[i] >>> 32);
        lastUsed[i] = lastUsedIn[(int) packed[i]];
      }
    }
    OccupationCode[] experience = readCodes(in, codes);
    float[] years = new float[experience.length];
    short[] lastYear = new short[experience.length];
    for (int i = 0; i < experience.length; i++) {
      years[i] = in.readFloat();
      lastYear[i] = in.readShort();
    }
    OccupationCode[] goals = readCodes(in, codes);
    byte[] priority = new byte[goals.length];
    in.readFully(priority);
    byte educationLevel = in.readByte();
    short educationYear = in.readShort();
    double lat = in.readDouble();
    double lon = in.readDouble();
    double maxCommuteKm = in.readDouble();
    byte hoursMin = in.readByte();
    byte hoursMax = in.readByte();
    byte fleksjobHours = in.readByte();
    int flags = in.readInt();
    int availableFromDay = in.readInt();
    int[] certs = new int[in.readInt()];
    for (int i = 0; i < certs.length; i++) {
      certs[i] = certificates[in.readInt()];
    }
    Arrays.sort(certs);
    int nl = in.readInt();
    int[] langs = new int[nl];
    byte[] levels = new byte[nl];
    for (int i = 0; i < nl; i++) {
      langs[i] = languages[in.readInt()];
      levels[i] = in.readByte();
    }
    byte targetGroup = in.readByte();
    return new CitizenFeatures(id, sk, lastUsed, experience, years, lastYear, goals, priority, educationLevel,
        educationYear, lat, lon, maxCommuteKm, hoursMin, hoursMax, fleksjobHours, flags, availableFromDay, certs,
        langs, levels, targetGroup);
  }

  private static OccupationCode[] readCodes(DataInput in, OccupationCode[] codes) throws IOException {
    OccupationCode[] out = new OccupationCode[in.readInt()];
    for (int i = 0; i < out.length; i++) {
      out[i] = codes[in.readInt()];
    }
    return out;
  }

  /** Computes the features of a citizen, interning its strings in {@code v}. */
  public static CitizenFeatures of(Citizen c, Vocabularies v, Function<OccupationRef, OccupationCode> resolver) {
    return new CitizenFeatures(c, v, resolver);
  }

  /** The citizen's id. */
  public String id() {
    return id;
  }

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  @Override
  public String toString() {
    return "CitizenFeatures[" + id + "]";
  }
}
