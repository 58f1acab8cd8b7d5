package dk.jobmatch.kernel;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.LanguageSkill;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.taxonomy.OccupationCode;
import java.util.Arrays;
import java.util.function.Function;

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
