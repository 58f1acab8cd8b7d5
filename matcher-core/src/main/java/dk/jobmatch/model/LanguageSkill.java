package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;

/**
 * A language the citizen speaks.
 *
 * @param code ISO 639-1 code, two lower-case letters ({@code da}, {@code en}, …)
 * @param level CEFR level
 */
public record LanguageSkill(String code, CefrLevel level) {
  /**
   * Validates the skill.
   *
   * @throws IllegalArgumentException on a code that is not two lower-case letters, a null level
   */
  public LanguageSkill {
    languageCode("languages.code", code);
    Checks.required("languages.level", level);
  }

  static String languageCode(String field, String code) {
    Checks.required(field, code);
    if (!code.matches("[a-z]{2}")) {
      throw Checks.rule(field, "must be an ISO 639-1 code (two lower-case letters)");
    }
    return code;
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "LanguageSkill[values not shown]";
  }
}
