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

  /**
   * Whether the citizen is approved for fleksjob.
   *
   * @return true if {@link #fleksjob()} is present and approved
   */
  public boolean fleksjobApproved() {
    return fleksjob != null && fleksjob.approved();
  }

  /**
   * A builder for a citizen with the given id; jobReady and searchable default to true.
   *
   * @param id the citizen's opaque pseudonymous id; checked by {@link Builder#build()}
   * @return a new builder, not shared with any other caller
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * A builder initialised from this citizen, for an update.
   *
   * @return a new builder holding every field of this citizen
   */
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

    /**
     * Sets the målgruppe (default null: not known).
     *
     * @param v the target group, or null
     * @return this builder
     */
    public Builder targetGroup(TargetGroup v) { this.targetGroup = v; return this; }
    /**
     * Sets whether the citizen is jobparat (default true).
     *
     * @param v false for aktivitetsparat
     * @return this builder
     */
    public Builder jobReady(boolean v) { this.jobReady = v; return this; }
    /**
     * Sets whether the citizen may be proposed at all (default true).
     *
     * @param v false to keep the citizen off every shortlist
     * @return this builder
     */
    public Builder searchable(boolean v) { this.searchable = v; return this; }
    /**
     * Sets the first day of the current unemployment (default null: not known).
     *
     * @param v the day, or null
     * @return this builder
     */
    public Builder unemployedSince(LocalDate v) { this.unemployedSince = v; return this; }
    /**
     * Sets the first day the citizen can start (default null: now).
     *
     * @param v the day, or null
     * @return this builder
     */
    public Builder availableFrom(LocalDate v) { this.availableFrom = v; return this; }
    /**
     * Sets home (default null: not known; no distance is scored).
     *
     * @param v the home location, or null
     * @return this builder
     */
    public Builder location(Location v) { this.location = v; return this; }
    /**
     * Sets home; shorthand for {@code location(new Location(postalCode, lat, lon))}.
     *
     * @param postalCode the four-digit postal code, or null
     * @param lat the latitude in degrees, -90 to 90
     * @param lon the longitude in degrees, -180 to 180
     * @return this builder
     * @throws IllegalArgumentException naming the field if the postal code or a coordinate is
     *     invalid
     */
    public Builder location(String postalCode, double lat, double lon) { return location(new Location(postalCode, lat, lon)); }
    /**
     * Sets the longest acceptable home-to-work distance (default null: no limit).
     *
     * @param v the distance in kilometres, 0–1000 (checked by {@link #build()}), or null
     * @return this builder
     */
    public Builder maxCommuteKm(Double v) { this.maxCommuteKm = v; return this; }
    /**
     * Sets the wanted weekly hours (default null: any).
     *
     * @param v the range, or null
     * @return this builder
     */
    public Builder hoursPerWeek(HoursRange v) { this.hoursPerWeek = v; return this; }
    /**
     * Sets the wanted weekly hours; shorthand for {@code hoursPerWeek(new HoursRange(min, max))}.
     *
     * @param min the fewest hours, 0–80
     * @param max the most hours, {@code min}–80
     * @return this builder
     * @throws IllegalArgumentException naming the field if the range is invalid
     */
    public Builder hoursPerWeek(int min, int max) { return hoursPerWeek(new HoursRange(min, max)); }
    /**
     * Adds a job goal.
     *
     * @param v the goal; a null is refused by {@link #build()}
     * @return this builder
     */
    public Builder jobGoal(JobGoal v) { jobGoals.add(v); return this; }
    /**
     * Adds a job goal, e.g. {@code jobGoal("isco:5322", 1)}.
     *
     * @param occupation the occupation as accepted by {@link OccupationRef#parse}
     * @param priority the priority, 1 (first wish) to 99
     * @return this builder
     * @throws IllegalArgumentException naming the field if the occupation or the priority is
     *     invalid
     */
    public Builder jobGoal(String occupation, int priority) { return jobGoal(new JobGoal(OccupationRef.parse(occupation), priority)); }
    /**
     * Adds job goals to those already set.
     *
     * @param v the goals; a null element is refused by {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code v} is null
     */
    public Builder jobGoals(Collection<JobGoal> v) { jobGoals.addAll(v); return this; }
    /**
     * Adds work experience.
     *
     * @param v the experience; a null is refused by {@link #build()}
     * @return this builder
     */
    public Builder experience(Experience v) { experience.add(v); return this; }
    /**
     * Adds experience, e.g. {@code experience("isco:2221", 3.5, 2024)}.
     *
     * @param occupation the occupation as accepted by {@link OccupationRef#parse}
     * @param years the years worked in it, 0–60
     * @param lastYear the last year worked in it, or null when not known
     * @return this builder
     * @throws IllegalArgumentException naming the field if a value is invalid
     */
    public Builder experience(String occupation, double years, Integer lastYear) { return experience(new Experience(OccupationRef.parse(occupation), years, lastYear)); }
    /**
     * Adds work experience to that already set.
     *
     * @param v the experience; a null element is refused by {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code v} is null
     */
    public Builder experience(Collection<Experience> v) { experience.addAll(v); return this; }
    /**
     * Adds a skill held.
     *
     * @param v the skill; a null, or a skill id listed twice, is refused by {@link #build()}
     * @return this builder
     */
    public Builder skill(SkillHolding v) { skills.add(v); return this; }
    /**
     * Adds a skill held, its last use not known.
     *
     * @param id the skill's id (an ESCO skill URI or a local id, 1–300 characters)
     * @return this builder
     * @throws IllegalArgumentException naming the field if the id is empty, blank or over-long
     */
    public Builder skill(String id) { return skill(new SkillHolding(id, null)); }
    /**
     * Adds a skill held and the year it was last used.
     *
     * @param id the skill's id (an ESCO skill URI or a local id, 1–300 characters)
     * @param lastUsedYear the year it was last used, or null when not known
     * @return this builder
     * @throws IllegalArgumentException naming the field if the id or the year is invalid
     */
    public Builder skill(String id, Integer lastUsedYear) { return skill(new SkillHolding(id, lastUsedYear)); }
    /**
     * Adds skills to those already set.
     *
     * @param v the skills; a null element is refused by {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code v} is null
     */
    public Builder skills(Collection<SkillHolding> v) { skills.addAll(v); return this; }
    /**
     * Sets the highest completed education (default null: not known).
     *
     * @param v the education, or null
     * @return this builder
     */
    public Builder education(Education v) { this.education = v; return this; }
    /**
     * Sets the highest completed education; shorthand for {@code education(new Education(level,
     * field, completedYear))}.
     *
     * @param level the Danish education level, 1–8
     * @param field the field of study, at most 200 characters, or null
     * @param completedYear the year completed, or null when not known
     * @return this builder
     * @throws IllegalArgumentException naming the field if a value is invalid
     */
    public Builder education(int level, String field, Integer completedYear) { return education(new Education(level, field, completedYear)); }
    /**
     * Adds a certificate code held.
     *
     * @param v the code; a null or malformed code is refused by {@link #build()}
     * @return this builder
     */
    public Builder certificate(String v) { certificates.add(v); return this; }
    /**
     * Adds certificate codes to those already set.
     *
     * @param v the codes; a null or malformed code is refused by {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code v} is null
     */
    public Builder certificates(Collection<String> v) { certificates.addAll(v); return this; }
    /**
     * Adds a language spoken.
     *
     * @param v the language; a null, or a language listed twice, is refused by {@link #build()}
     * @return this builder
     */
    public Builder language(LanguageSkill v) { languages.add(v); return this; }
    /**
     * Adds a language spoken; shorthand for {@code language(new LanguageSkill(code, level))}.
     *
     * @param code the ISO 639-1 code, two lower-case letters
     * @param level the level spoken
     * @return this builder
     * @throws IllegalArgumentException naming the field if the code is malformed or the level
     *     missing
     */
    public Builder language(String code, CefrLevel level) { return language(new LanguageSkill(code, level)); }
    /**
     * Adds languages to those already set.
     *
     * @param v the languages; a null element is refused by {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code v} is null
     */
    public Builder languages(Collection<LanguageSkill> v) { languages.addAll(v); return this; }
    /**
     * Sets the fleksjob status (default null: not approved).
     *
     * @param v the status, or null
     * @return this builder
     */
    public Builder fleksjob(Fleksjob v) { this.fleksjob = v; return this; }
    // An EnumSet throws NullPointerException on null; refuse it here with the usual message.
    /**
     * Adds a compensation scheme held.
     *
     * @param v the scheme
     * @return this builder
     * @throws IllegalArgumentException naming the field if {@code v} is null
     */
    public Builder compensation(CompensationScheme v) { compensation.add(Checks.required("compensation", v)); return this; }
    /**
     * Adds compensation schemes to those already set.
     *
     * @param v the schemes
     * @return this builder
     * @throws IllegalArgumentException naming the field if {@code v} or an element is null
     */
    public Builder compensation(Collection<CompensationScheme> v) { compensation.addAll(Checks.list("compensation", v)); return this; }

    /**
     * Builds the citizen.
     *
     * @return the citizen
     * @throws IllegalArgumentException naming the field and the rule broken (never the value)
     */
    public Citizen build() {
      return new Citizen(id, targetGroup, jobReady, searchable, unemployedSince, availableFrom, location,
          maxCommuteKm, hoursPerWeek, jobGoals, experience, skills, education, certificates, languages,
          fleksjob, compensation);
    }
  }
}
