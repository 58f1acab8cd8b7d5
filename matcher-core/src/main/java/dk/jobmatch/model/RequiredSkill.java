package dk.jobmatch.model;

/**
 * A skill a job order asks for.
 *
 * @param id the skill id (opaque; ESCO skill URIs get relations through a taxonomy)
 * @param essential essential skills weigh more, and a missing essential skill is an upskilling
 *     need
 */
public record RequiredSkill(String id, boolean essential) {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException on an empty or over-long id
   */
  public RequiredSkill {
    SkillHolding.skillId("requiredSkills.id", id);
  }

  /**
   * An essential skill.
   *
   * @param id the skill's id (an ESCO skill URI or a local id, 1–300 characters)
   * @return an essential requirement of that skill
   * @throws IllegalArgumentException naming the field if the id is empty, blank or over-long
   */
  public static RequiredSkill essential(String id) {
    return new RequiredSkill(id, true);
  }

  /**
   * An optional skill.
   *
   * @param id the skill's id (an ESCO skill URI or a local id, 1–300 characters)
   * @return an optional (nice-to-have) requirement of that skill
   * @throws IllegalArgumentException naming the field if the id is empty, blank or over-long
   */
  public static RequiredSkill optional(String id) {
    return new RequiredSkill(id, false);
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "RequiredSkill[values not shown]";
  }
}
