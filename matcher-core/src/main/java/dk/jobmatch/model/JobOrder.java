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
   * @throws NullPointerException if {@code day} is null
   */
  public boolean isOpenOn(LocalDate day) {
    java.util.Objects.requireNonNull(day, "day");
    return deadline == null || !deadline.isBefore(day);
  }

  /** Whether a fleksjob-approved citizen can be proposed: a fleksjob order, or one that accepts it. */
  public boolean fleksjobFeasible() {
    return acceptsFleksjob || employmentType == EmploymentType.FLEKSJOB;
  }

  /** Whether the employer is public (fortrinsadgang applies). */
  public boolean publicEmployer() {
    return employer != null && employer.isPublic();
  }

  /** The workplace location, or {@code null}. */
  public Location workplace() {
    return employer == null ? null : employer.location();
  }

  /** A builder for an order with the given id and occupation. */
  public static Builder builder(String id, OccupationRef occupation) {
    return new Builder(id, occupation);
  }

  /** A builder for an order; {@code occupation} as accepted by {@link OccupationRef#parse}. */
  public static Builder builder(String id, String occupation) {
    return new Builder(id, OccupationRef.parse(occupation));
  }

  /** A builder initialised from this order. */
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

    public Builder title(String v) { this.title = v; return this; }
    public Builder description(String v) { this.description = v; return this; }
    public Builder employer(Employer v) { this.employer = v; return this; }
    public Builder rarArea(RarArea v) { this.rarArea = v; return this; }
    public Builder employmentType(EmploymentType v) { this.employmentType = v; return this; }
    public Builder acceptsFleksjob(boolean v) { this.acceptsFleksjob = v; return this; }
    public Builder requiredSkill(RequiredSkill v) { requiredSkills.add(v); return this; }
    public Builder essentialSkill(String id) { return requiredSkill(RequiredSkill.essential(id)); }
    public Builder optionalSkill(String id) { return requiredSkill(RequiredSkill.optional(id)); }
    public Builder requiredSkills(Collection<RequiredSkill> v) { requiredSkills.addAll(v); return this; }
    public Builder minEducationLevel(Integer v) { this.minEducationLevel = v; return this; }
    public Builder certificate(String v) { certificates.add(v); return this; }
    public Builder certificates(Collection<String> v) { certificates.addAll(v); return this; }
    public Builder language(LanguageRequirement v) { languages.add(v); return this; }
    public Builder language(String code, CefrLevel minLevel) { return language(new LanguageRequirement(code, minLevel)); }
    public Builder languages(Collection<LanguageRequirement> v) { languages.addAll(v); return this; }
    public Builder hoursPerWeek(HoursRange v) { this.hoursPerWeek = v; return this; }
    public Builder hoursPerWeek(int min, int max) { return hoursPerWeek(new HoursRange(min, max)); }
    public Builder positions(int v) { this.positions = v; return this; }
    public Builder maxCandidates(Integer v) { this.maxCandidates = v; return this; }
    public Builder startDate(LocalDate v) { this.startDate = v; return this; }
    public Builder deadline(LocalDate v) { this.deadline = v; return this; }

    /**
     * Builds the order.
     *
     * @throws IllegalArgumentException naming the field and the bad value
     */
    public JobOrder build() {
      return new JobOrder(id, title, occupation, description, employer, rarArea, employmentType, acceptsFleksjob,
          requiredSkills, minEducationLevel, certificates, languages, hoursPerWeek, positions, maxCandidates,
          startDate, deadline);
    }
  }
}
