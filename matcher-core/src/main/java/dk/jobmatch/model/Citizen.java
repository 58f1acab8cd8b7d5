package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An unemployed citizen (ledig) as the job centre knows them: qualifications, job goals and the
 * conditions under which a job is feasible. Identified only by an opaque, pseudonymous id from
 * the calling system, never a CPR number. There are deliberately no fields for gender, age,
 * ethnicity, nationality or diagnoses; the target group is used for exposure audits only.
 *
 * <p>Immutable and thread-safe; all collections are unmodifiable and null-free. Optional scalar
 * fields are {@code null} when unknown. {@link #toString()} shows only the id.
 *
 * @param id opaque pseudonymous id, 1–128 characters; a CPR-shaped id is refused
 * @param targetGroup målgruppe, or {@code null}
 * @param jobReady jobparat; if false (aktivitetsparat), only internships, wage-subsidy jobs and,
 *     if approved, fleksjob are feasible
 * @param searchable whether the citizen may be proposed at all
 * @param unemployedSince first day of the current unemployment, or {@code null}
 * @param availableFrom first day the citizen can start, or {@code null} (now)
 * @param location home, or {@code null}
 * @param maxCommuteKm the longest acceptable home-to-work distance, or {@code null} (no limit)
 * @param hoursPerWeek wanted hours, or {@code null} (any)
 * @param jobGoals jobmål, in any order; priority 1 is the first wish
 * @param experience work experience
 * @param skills skills held
 * @param education highest completed education, or {@code null}
 * @param certificates certificate codes held
 * @param languages languages spoken
 * @param fleksjob fleksjob status, or {@code null} (not approved)
 * @param compensation compensation schemes held
 */
public record Citizen(
    String id,
    TargetGroup targetGroup,
    boolean jobReady,
    boolean searchable,
    LocalDate unemployedSince,
    LocalDate availableFrom,
    Location location,
    Double maxCommuteKm,
    HoursRange hoursPerWeek,
    List<JobGoal> jobGoals,
    List<Experience> experience,
    List<SkillHolding> skills,
    Education education,
    Set<String> certificates,
    List<LanguageSkill> languages,
    Fleksjob fleksjob,
    Set<CompensationScheme> compensation) {

  /**
   * Validates and copies every collection; sizes are bounded by {@link Limits}.
   *
   * @throws IllegalArgumentException naming the field and the rule broken (never the value)
   */
  public Citizen {
    Checks.id("id", id);
    if (maxCommuteKm != null) {
      Checks.range("maxCommuteKm", maxCommuteKm, 0, 1000);
    }
    jobGoals = Checks.list("jobGoals", jobGoals);
    experience = Checks.list("experience", experience);
    skills = Checks.list("skills", skills);
    certificates = Certificates.of("certificates", certificates);
    languages = Checks.list("languages", languages);
    compensation = compensation == null || compensation.isEmpty()
        ? Set.of()
        : java.util.Collections.unmodifiableSet(EnumSet.copyOf(Checks.list("compensation", compensation)));
    Checks.maxSize("jobGoals", jobGoals, Limits.CITIZEN_JOB_GOALS);
    Checks.maxSize("experience", experience, Limits.CITIZEN_EXPERIENCE);
    Checks.maxSize("skills", skills, Limits.CITIZEN_SKILLS);
    Checks.maxSize("certificates", certificates, Limits.CITIZEN_CERTIFICATES);
    Checks.maxSize("languages", languages, Limits.CITIZEN_LANGUAGES);
    Set<String> seen = new HashSet<>();
    for (SkillHolding s : skills) {
      if (!seen.add(s.id())) {
        throw Checks.rule("skills", "a skill is listed twice");
      }
    }
    Set<String> langs = new HashSet<>();
    for (LanguageSkill l : languages) {
      if (!langs.add(l.code())) {
        throw Checks.rule("languages", "a language is listed twice");
      }
    }
    if (unemployedSince != null && availableFrom != null && availableFrom.isBefore(unemployedSince.minusYears(50))) {
      throw Checks.rule("availableFrom", "is implausibly early (more than 50 years before unemployedSince)");
    }
  }

  /** Whether the citizen is approved for fleksjob. */
  public boolean fleksjobApproved() {
    return fleksjob != null && fleksjob.approved();
  }

  /** A builder for a citizen with the given id; jobReady and searchable default to true. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder initialised from this citizen, for an update. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.targetGroup = targetGroup;
    b.jobReady = jobReady;
    b.searchable = searchable;
    b.unemployedSince = unemployedSince;
    b.availableFrom = availableFrom;
    b.location = location;
    b.maxCommuteKm = maxCommuteKm;
    b.hoursPerWeek = hoursPerWeek;
    b.jobGoals.addAll(jobGoals);
    b.experience.addAll(experience);
    b.skills.addAll(skills);
    b.education = education;
    b.certificates.addAll(certificates);
    b.languages.addAll(languages);
    b.fleksjob = fleksjob;
    b.compensation.addAll(compensation);
    return b;
  }

  /** Only the id: the other fields are personal data. */
  @Override
  public String toString() {
    return "Citizen[" + id + "]";
  }

  /** Mutable, not thread-safe builder; {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private TargetGroup targetGroup;
    private boolean jobReady = true;
    private boolean searchable = true;
    private LocalDate unemployedSince;
    private LocalDate availableFrom;
    private Location location;
    private Double maxCommuteKm;
    private HoursRange hoursPerWeek;
    private final List<JobGoal> jobGoals = new ArrayList<>();
    private final List<Experience> experience = new ArrayList<>();
    private final List<SkillHolding> skills = new ArrayList<>();
    private Education education;
    private final Set<String> certificates = new HashSet<>();
    private final List<LanguageSkill> languages = new ArrayList<>();
    private Fleksjob fleksjob;
    private final Set<CompensationScheme> compensation = EnumSet.noneOf(CompensationScheme.class);

    private Builder(String id) {
      this.id = id;
    }

    public Builder targetGroup(TargetGroup v) { this.targetGroup = v; return this; }
    public Builder jobReady(boolean v) { this.jobReady = v; return this; }
    public Builder searchable(boolean v) { this.searchable = v; return this; }
    public Builder unemployedSince(LocalDate v) { this.unemployedSince = v; return this; }
    public Builder availableFrom(LocalDate v) { this.availableFrom = v; return this; }
    public Builder location(Location v) { this.location = v; return this; }
    /** Sets home; shorthand for {@code location(new Location(postalCode, lat, lon))}. */
    public Builder location(String postalCode, double lat, double lon) { return location(new Location(postalCode, lat, lon)); }
    public Builder maxCommuteKm(Double v) { this.maxCommuteKm = v; return this; }
    public Builder hoursPerWeek(HoursRange v) { this.hoursPerWeek = v; return this; }
    public Builder hoursPerWeek(int min, int max) { return hoursPerWeek(new HoursRange(min, max)); }
    public Builder jobGoal(JobGoal v) { jobGoals.add(v); return this; }
    /** Adds a job goal, e.g. {@code jobGoal("isco:5322", 1)}. */
    public Builder jobGoal(String occupation, int priority) { return jobGoal(new JobGoal(OccupationRef.parse(occupation), priority)); }
    public Builder jobGoals(Collection<JobGoal> v) { jobGoals.addAll(v); return this; }
    public Builder experience(Experience v) { experience.add(v); return this; }
    /** Adds experience, e.g. {@code experience("isco:2221", 3.5, 2024)}. */
    public Builder experience(String occupation, double years, Integer lastYear) { return experience(new Experience(OccupationRef.parse(occupation), years, lastYear)); }
    public Builder experience(Collection<Experience> v) { experience.addAll(v); return this; }
    public Builder skill(SkillHolding v) { skills.add(v); return this; }
    public Builder skill(String id) { return skill(new SkillHolding(id, null)); }
    public Builder skill(String id, Integer lastUsedYear) { return skill(new SkillHolding(id, lastUsedYear)); }
    public Builder skills(Collection<SkillHolding> v) { skills.addAll(v); return this; }
    public Builder education(Education v) { this.education = v; return this; }
    public Builder education(int level, String field, Integer completedYear) { return education(new Education(level, field, completedYear)); }
    public Builder certificate(String v) { certificates.add(v); return this; }
    public Builder certificates(Collection<String> v) { certificates.addAll(v); return this; }
    public Builder language(LanguageSkill v) { languages.add(v); return this; }
    public Builder language(String code, CefrLevel level) { return language(new LanguageSkill(code, level)); }
    public Builder languages(Collection<LanguageSkill> v) { languages.addAll(v); return this; }
    public Builder fleksjob(Fleksjob v) { this.fleksjob = v; return this; }
    // An EnumSet throws NullPointerException on null; refuse it here with the usual message.
    public Builder compensation(CompensationScheme v) { compensation.add(Checks.required("compensation", v)); return this; }
    public Builder compensation(Collection<CompensationScheme> v) { compensation.addAll(Checks.list("compensation", v)); return this; }

    /**
     * Builds the citizen.
     *
     * @throws IllegalArgumentException naming the field and the bad value
     */
    public Citizen build() {
      return new Citizen(id, targetGroup, jobReady, searchable, unemployedSince, availableFrom, location,
          maxCommuteKm, hoursPerWeek, jobGoals, experience, skills, education, certificates, languages,
          fleksjob, compensation);
    }
  }
}
