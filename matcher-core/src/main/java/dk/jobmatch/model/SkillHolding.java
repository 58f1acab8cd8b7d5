package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * A skill the citizen holds. Skill ids are opaque strings; ESCO skill URIs get relations and
 * labels from a {@link dk.jobmatch.taxonomy.Taxonomy}.
 *
 * @param id the skill id
 * @param lastUsedYear the last year the skill was used, or {@code null} if unknown (not stale)
 */
public record SkillHolding(String id, Integer lastUsedYear) {
  /**
   * Validates the id and the year.
   *
   * @throws IllegalArgumentException on an empty or over-long id, or a bad year
   */
  public SkillHolding {
    skillId("skills.id", id);
    Checks.year("skills.lastUsedYear", lastUsedYear);
  }

  /**
   * A skill with unknown last use.
   *
   * @param id the skill's id (an ESCO skill URI or a local id, 1–300 characters)
   * @return the holding, its last use unknown
   * @throws IllegalArgumentException naming the field if the id is empty, blank or over-long
   */
  public static SkillHolding of(String id) {
    return new SkillHolding(id, null);
  }

  static String skillId(String field, String id) {
    Checks.required(field, id);
    if (id.isBlank() || id.length() > 300) {
      throw Checks.rule(field, "must be 1-300 characters and not blank");
    }
    return id;
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "SkillHolding[values not shown]";
  }
}
