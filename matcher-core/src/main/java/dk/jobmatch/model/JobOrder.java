package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A jobordre: a company's recruitment request to the job centre, with the fields of the national
 * systems.
 *
 * <p>Immutable and thread-safe; all collections are unmodifiable and null-free. Optional fields
 * are {@code null} when not given. {@link #toString()} shows only the id.
 *
 * @param id the order id, 1–128 characters
 * @param title the title, at most 100 characters, or {@code null}
 * @param occupation the occupation sought (required)
 * @param description free text, at most 5000 characters, or {@code null}
 * @param employer the employer, or {@code null}
 * @param rarArea the RAR area, used for shortage look-ups, or {@code null}
 * @param employmentType the kind of employment (default {@link EmploymentType#ORDINARY})
 * @param acceptsFleksjob whether the employer accepts a fleksjob-approved candidate
 * @param requiredSkills the skills asked for; empty means "derive from the occupation" when a
 *     taxonomy knows it
 * @param minEducationLevel the minimum Danish education level 1–8, or {@code null}
 * @param certificates certificate codes required (hard gate)
 * @param languages languages required (hard gate), each language at most once
 * @param hoursPerWeek the hours offered, or {@code null}
 * @param positions number of positions, at least 1
 * @param maxCandidates the most candidates the employer wants to see, or {@code null}
 * @param startDate the start date, or {@code null}
 * @param deadline the application deadline, or {@code null}: the last day the order is open
 *     (see {@link #isOpenOn(LocalDate)})
 */
public record JobOrder(
    String id,
    String title,
    OccupationRef occupation,
    String description,
    Employer employer,
    RarArea rarArea,
    EmploymentType employmentType,
    boolean acceptsFleksjob,
    List<RequiredSkill> requiredSkills,
    Integer minEducationLevel,
    Set<String> certificates,
    List<LanguageRequirement> languages,
    HoursRange hoursPerWeek,
    int positions,
    Integer maxCandidates,
    LocalDate startDate,
    LocalDate deadline) {

  /**
   * Validates and copies every collection; sizes are bounded by {@link Limits}.
   *
   * @throws IllegalArgumentException naming the field and the rule broken (never the value)
   */
  public JobOrder {
    Checks.id("id", id);
    Checks.maxLength("title", title, 100);
    Checks.required("occupation", occupation);
    Checks.maxLength("description", description, 5000);
    if (employmentType == null) {
      employmentType = EmploymentType.ORDINARY;
    }
    requiredSkills = Checks.list("requiredSkills", requiredSkills);
    Checks.maxSize("requiredSkills", requiredSkills, Limits.ORDER_REQUIRED_SKILLS);
    Checks.maxSize("certificates", certificates, Limits.ORDER_CERTIFICATES);
    Checks.maxSize("languages", languages, Limits.ORDER_LANGUAGES);
    Set<String> seen = new HashSet<>();
    for (RequiredSkill s : requiredSkills) {
      if (!seen.add(s.id())) {
        throw Checks.rule("requiredSkills", "a skill is listed twice");
      }
    }
    if (minEducationLevel != null) {
      Checks.range("education.minLevel", minEducationLevel, 1, 8);
    }
    certificates = Certificates.of("certificates", certificates);
    languages = Checks.list("languages", languages);
    Set<String> langs = new HashSet<>();
    for (LanguageRequirement l : languages) {
      if (!langs.add(l.code())) {
        // Two minimum levels for one language leave the gate ambiguous.
        throw Checks.rule("languages", "a language is listed twice");
      }
    }
    Checks.range("positions", positions, 1, 10_000);
    if (maxCandidates != null) {
      Checks.range("maxCandidates", maxCandidates, 1, 10_000);
    }
    if (startDate != null && deadline != null && deadline.isAfter(startDate)) {
      throw Checks.rule("deadline", "must not be after startDate");
    }
  }

  /**
   * Whether the order is open on {@code day}: it has no deadline, or the deadline is {@code day}
   * or later. The deadline day itself is open; from the day after, the order is closed and gets
   * no shortlist, no suggestion and no standing list anywhere. The one rule for "open".
   *
   * @param day the day asked about
   * @return true if the order has no deadline or its deadline is {@code day} or later
   * @throws NullPointerException if {@code day} is null
   */
  public boolean isOpenOn(LocalDate day) {
    java.util.Objects.requireNonNull(day, "day");
    return deadline == null || !deadline.isBefore(day);
  }

  /**
   * Whether a fleksjob-approved citizen can be proposed: a fleksjob order, or one that accepts it.
   *
   * @return true for {@link EmploymentType#FLEKSJOB} or when {@link #acceptsFleksjob()}
   */
  public boolean fleksjobFeasible() {
    return acceptsFleksjob || employmentType == EmploymentType.FLEKSJOB;
  }

  /**
   * Whether the employer is public (fortrinsadgang applies).
   *
   * @return true if an employer is given and it is public
   */
  public boolean publicEmployer() {
    return employer != null && employer.isPublic();
  }

  /**
   * The workplace location, or {@code null}.
   *
   * @return the employer's location, or null when the order names no employer or it has no location
   */
  public Location workplace() {
    return employer == null ? null : employer.location();
  }

  /**
   * A builder for an order with the given id and occupation.
   *
   * @param id the order's id; checked by {@link Builder#build()}
   * @param occupation the occupation sought; checked by {@link Builder#build()}
   * @return a new builder, not shared with any other caller
   */
  public static Builder builder(String id, OccupationRef occupation) {
    return new Builder(id, occupation);
  }

  /**
   * A builder for an order; {@code occupation} as accepted by {@link OccupationRef#parse}.
   *
   * @param id the order's id; checked by {@link Builder#build()}
   * @param occupation the occupation sought, e.g. {@code isco:5322}
   * @return a new builder, not shared with any other caller
   * @throws IllegalArgumentException naming the field {@code occupation} if it cannot be parsed
   */
  public static Builder builder(String id, String occupation) {
    return new Builder(id, OccupationRef.parse(occupation));
  }

  /**
   * A builder initialised from this order.
   *
   * @return a new builder holding every field of this order
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, occupation);
    b.title = title;
    b.description = description;
    b.employer = employer;
    b.rarArea = rarArea;
    b.employmentType = employmentType;
    b.acceptsFleksjob = acceptsFleksjob;
    b.requiredSkills.addAll(requiredSkills);
    b.minEducationLevel = minEducationLevel;
    b.certificates.addAll(certificates);
    b.languages.addAll(languages);
    b.hoursPerWeek = hoursPerWeek;
    b.positions = positions;
    b.maxCandidates = maxCandidates;
    b.startDate = startDate;
    b.deadline = deadline;
    return b;
  }

  @Override
  public String toString() {
    return "JobOrder[" + id + "]";
  }

  /** Mutable, not thread-safe builder; {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private final OccupationRef occupation;
    private String title;
    private String description;
    private Employer employer;
    private RarArea rarArea;
    private EmploymentType employmentType = EmploymentType.ORDINARY;
    private boolean acceptsFleksjob;
    private final List<RequiredSkill> requiredSkills = new ArrayList<>();
    private Integer minEducationLevel;
    private final Set<String> certificates = new HashSet<>();
    private final List<LanguageRequirement> languages = new ArrayList<>();
    private HoursRange hoursPerWeek;
    private int positions = 1;
    private Integer maxCandidates;
    private LocalDate startDate;
    private LocalDate deadline;

    private Builder(String id, OccupationRef occupation) {
      this.id = id;
      this.occupation = occupation;
    }

    /**
     * Sets the title (default null).
     *
     * @param v the title, at most 100 characters (checked by {@link #build()}), or null
     * @return this builder
     */
    public Builder title(String v) { this.title = v; return this; }
    /**
     * Sets the free-text description (default null).
     *
     * @param v the description, at most 5000 characters (checked by {@link #build()}), or null
     * @return this builder
     */
    public Builder description(String v) { this.description = v; return this; }
    /**
     * Sets the employer (default null: not named; no distance is scored).
     *
     * @param v the employer, or null
     * @return this builder
     */
    public Builder employer(Employer v) { this.employer = v; return this; }
    /**
     * Sets the RAR area used for shortage look-ups (default null: no shortage credit).
     *
     * @param v the area, or null
     * @return this builder
     */
    public Builder rarArea(RarArea v) { this.rarArea = v; return this; }
    /**
     * Sets the kind of employment (default {@link EmploymentType#ORDINARY}).
     *
     * @param v the kind; null means {@link EmploymentType#ORDINARY}
     * @return this builder
     */
    public Builder employmentType(EmploymentType v) { this.employmentType = v; return this; }
    /**
     * Sets whether the employer accepts a fleksjob-approved candidate (default false).
     *
     * @param v true if it does
     * @return this builder
     */
    public Builder acceptsFleksjob(boolean v) { this.acceptsFleksjob = v; return this; }
    /**
     * Adds a skill asked for.
     *
     * @param v the skill; a null is refused by {@link #build()}
     * @return this builder
     */
    public Builder requiredSkill(RequiredSkill v) { requiredSkills.add(v); return this; }
    /**
     * Adds an essential skill; shorthand for {@code requiredSkill(RequiredSkill.essential(id))}.
     *
     * @param id the skill's id (an ESCO skill URI or a local id, 1–300 characters)
     * @return this builder
     * @throws IllegalArgumentException naming the field if the id is empty, blank or over-long
     */
    public Builder essentialSkill(String id) { return requiredSkill(RequiredSkill.essential(id)); }
    /**
     * Adds an optional skill; shorthand for {@code requiredSkill(RequiredSkill.optional(id))}.
     *
     * @param id the skill's id (an ESCO skill URI or a local id, 1–300 characters)
     * @return this builder
     * @throws IllegalArgumentException naming the field if the id is empty, blank or over-long
     */
    public Builder optionalSkill(String id) { return requiredSkill(RequiredSkill.optional(id)); }
    /**
     * Adds skills to those already asked for.
     *
     * @param v the skills; a null element is refused by {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code v} is null
     */
    public Builder requiredSkills(Collection<RequiredSkill> v) { requiredSkills.addAll(v); return this; }
    /**
     * Sets the minimum Danish education level (default null: none).
     *
     * @param v the level, 1–8 (checked by {@link #build()}), or null
     * @return this builder
     */
    public Builder minEducationLevel(Integer v) { this.minEducationLevel = v; return this; }
    /**
     * Adds a required certificate code (a hard gate).
     *
     * @param v the code; a null or malformed code is refused by {@link #build()}
     * @return this builder
     */
    public Builder certificate(String v) { certificates.add(v); return this; }
    /**
     * Adds required certificate codes to those already set.
     *
     * @param v the codes; a null or malformed code is refused by {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code v} is null
     */
    public Builder certificates(Collection<String> v) { certificates.addAll(v); return this; }
    /**
     * Adds a required language (a hard gate).
     *
     * @param v the requirement; a null, or a language listed twice, is refused by {@link #build()}
     * @return this builder
     */
    public Builder language(LanguageRequirement v) { languages.add(v); return this; }
    /**
     * Adds a required language; shorthand for {@code language(new LanguageRequirement(code,
     * minLevel))}.
     *
     * @param code the ISO 639-1 code, two lower-case letters
     * @param minLevel the lowest level accepted
     * @return this builder
     * @throws IllegalArgumentException naming the field if the code is malformed or the level
     *     missing
     */
    public Builder language(String code, CefrLevel minLevel) { return language(new LanguageRequirement(code, minLevel)); }
    /**
     * Adds required languages to those already set.
     *
     * @param v the requirements; a null element is refused by {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code v} is null
     */
    public Builder languages(Collection<LanguageRequirement> v) { languages.addAll(v); return this; }
    /**
     * Sets the weekly hours offered (default null: not stated).
     *
     * @param v the range, or null
     * @return this builder
     */
    public Builder hoursPerWeek(HoursRange v) { this.hoursPerWeek = v; return this; }
    /**
     * Sets the weekly hours offered; shorthand for {@code hoursPerWeek(new HoursRange(min, max))}.
     *
     * @param min the fewest hours, 0–80
     * @param max the most hours, {@code min}–80
     * @return this builder
     * @throws IllegalArgumentException naming the field if the range is invalid
     */
    public Builder hoursPerWeek(int min, int max) { return hoursPerWeek(new HoursRange(min, max)); }
    /**
     * Sets the number of positions (default 1).
     *
     * @param v the positions, 1–10,000 (checked by {@link #build()})
     * @return this builder
     */
    public Builder positions(int v) { this.positions = v; return this; }
    /**
     * Sets the most candidates the employer wants to see (default null: the caller's default).
     *
     * @param v the number, 1–10,000 (checked by {@link #build()}), or null
     * @return this builder
     */
    public Builder maxCandidates(Integer v) { this.maxCandidates = v; return this; }
    /**
     * Sets the start date (default null: not stated).
     *
     * @param v the day, or null
     * @return this builder
     */
    public Builder startDate(LocalDate v) { this.startDate = v; return this; }
    /**
     * Sets the application deadline, the last day the order is open (default null: open until
     * closed).
     *
     * @param v the day, or null
     * @return this builder
     */
    public Builder deadline(LocalDate v) { this.deadline = v; return this; }

    /**
     * Builds the order.
     *
     * @return the order
     * @throws IllegalArgumentException naming the field and the rule broken (never the value)
     */
    public JobOrder build() {
      return new JobOrder(id, title, occupation, description, employer, rarArea, employmentType, acceptsFleksjob,
          requiredSkills, minEducationLevel, certificates, languages, hoursPerWeek, positions, maxCandidates,
          startDate, deadline);
    }
  }
}
