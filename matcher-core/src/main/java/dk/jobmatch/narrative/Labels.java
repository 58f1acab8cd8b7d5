package dk.jobmatch.narrative;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Names instead of codes, in one language: skills and occupations by the label the taxonomy
 * has for them, certificates by the project's own names, languages by their name in the
 * chosen language; every one falls back to the code when no name is known.
 *
 * <ul>
 *   <li><b>Skills</b>: the taxonomy's {@linkplain Taxonomy#skillLabel label} — the ESCO preferred
 *       label in the language of the loaded export (the export the project ships is English only,
 *       so a Danish narration shows English skill labels until a Danish export is loaded).
 *   <li><b>Occupations</b>: the taxonomy's {@linkplain Taxonomy#occupationLabel label} — with
 *       DISCO-08 loaded, its Danish title for DISCO and ISCO codes; the ESCO preferred label for
 *       an ESCO occupation.
 *   <li><b>Certificates</b>: the names in the narrator's templates ({@code certificate.DRIVING_B}
 *       = "kørekort kategori B (bil)"); an unknown code stays a code.
 *   <li><b>Languages</b>: the name of the ISO 639-1 code in the chosen language, from the JDK's
 *       locale data ({@code da} → "dansk" / "Danish").
 * </ul>
 *
 * <p>Immutable and thread-safe if the taxonomy is (every {@link Taxonomy} must be).
 */
public final class Labels {
  private final Taxonomy taxonomy;
  private final Templates templates;

  private Labels(Taxonomy taxonomy, Templates templates) {
    this.taxonomy = taxonomy;
    this.templates = templates;
  }

  /**
   * Labels from a taxonomy, in a language the narrator speaks.
   *
   * @param taxonomy where skill and occupation labels come from
   * @param locale {@code da} or {@code en} (only the language counts)
   * @return the labels in that language
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the language is not one of {@link Narrator#LANGUAGES}
   */
  public static Labels of(Taxonomy taxonomy, Locale locale) {
    return new Labels(Objects.requireNonNull(taxonomy, "taxonomy"), Templates.of(locale));
  }

  static Labels of(Taxonomy taxonomy, Templates templates) {
    return new Labels(taxonomy, templates);
  }

  /**
   * The language of the certificate and language names.
   *
   * @return the locale ({@code da} or {@code en})
   */
  public Locale locale() {
    return templates.locale();
  }

  /**
   * The skill's label, if the taxonomy has one.
   *
   * @param skillId the skill's id (an ESCO URI or a local code)
   * @return the label, or empty if the taxonomy has none (or a blank one)
   */
  public Optional<String> skillLabel(String skillId) {
    return taxonomy.skillLabel(Objects.requireNonNull(skillId, "skillId")).filter(s -> !s.isBlank());
  }

  /**
   * The skill's label, else its id.
   *
   * @param skillId the skill's id
   * @return the label, or {@code skillId} itself
   */
  public String skill(String skillId) {
    return skillLabel(skillId).orElse(skillId);
  }

  /**
   * The occupation's label, if the taxonomy has one.
   *
   * @param occupation the occupation
   * @return the label, or empty if the taxonomy has none (or a blank one)
   */
  public Optional<String> occupationLabel(OccupationRef occupation) {
    return taxonomy.occupationLabel(Objects.requireNonNull(occupation, "occupation")).filter(s -> !s.isBlank());
  }

  /**
   * The occupation's label, else its code as written in input ({@code isco:9333}, an ESCO URI).
   *
   * @param occupation the occupation
   * @return the label, or the code as written in input
   */
  public String occupation(OccupationRef occupation) {
    return occupationLabel(occupation).orElse(occupation.toString());
  }

  /**
   * The certificate's name, if the project has one for the code.
   *
   * @param code the certificate code, e.g. {@code DRIVING_B}
   * @return the name, or empty if the project has none for the code
   */
  public Optional<String> certificateLabel(String code) {
    String key = "certificate." + Objects.requireNonNull(code, "code");
    return templates.has(key) ? Optional.of(templates.pattern(key)) : Optional.empty();
  }

  /**
   * The certificate's name, else its code.
   *
   * @param code the certificate code
   * @return the name, or {@code code} itself
   */
  public String certificate(String code) {
    return certificateLabel(code).orElse(code);
  }

  /**
   * The name of an ISO 639-1 language code in this language, if the JDK knows it.
   *
   * @param code an ISO 639-1 code, e.g. {@code da}
   * @return the name in this language, or empty if the JDK does not know the code
   */
  public Optional<String> languageLabel(String code) {
    Objects.requireNonNull(code, "code");
    String name = Locale.forLanguageTag(code).getDisplayLanguage(templates.locale());
    return name.isEmpty() || name.equalsIgnoreCase(code) ? Optional.empty() : Optional.of(name);
  }

  /**
   * The language's name, else its code.
   *
   * @param code an ISO 639-1 code
   * @return the name, or {@code code} itself
   */
  public String language(String code) {
    return languageLabel(code).orElse(code);
  }

  @Override
  public String toString() {
    return "Labels[" + templates.locale().getLanguage() + ", " + taxonomy + "]";
  }
}
