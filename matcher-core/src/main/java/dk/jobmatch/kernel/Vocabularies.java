package dk.jobmatch.kernel;

/**
 * The vocabularies of one engine (or one reference-scorer run): skills, certificates, languages.
 *
 * @lucene.internal
 */
public record Vocabularies(Vocabulary skills, Vocabulary certificates, Vocabulary languages) {
  /** Fresh, empty vocabularies. */
  public static Vocabularies create() {
    return new Vocabularies(new Vocabulary(), new Vocabulary(), new Vocabulary());
  }
}
