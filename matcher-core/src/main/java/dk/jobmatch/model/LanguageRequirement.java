package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * A language a job order requires.
 *
 * @param code ISO 639-1 code
 * @param minLevel the minimum CEFR level
 */
public record LanguageRequirement(String code, CefrLevel minLevel) {
  /**
   * Validates the requirement.
   *
   * @throws IllegalArgumentException on a bad code or a null level
   */
  public LanguageRequirement {
    LanguageSkill.languageCode("languages.code", code);
    Checks.required("languages.minLevel", minLevel);
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "LanguageRequirement[values not shown]";
  }
}
