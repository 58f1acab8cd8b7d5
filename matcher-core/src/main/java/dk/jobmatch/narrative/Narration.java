package dk.jobmatch.narrative;

import java.util.List;
import java.util.Objects;

/**
 * A result put into words: what it is about, the answer in one sentence, and the sentences that
 * say why, in the order a caseworker reads them aloud.
 *
 * <p>Immutable and thread-safe. The sentences describe a person: {@link #toString()} shows only
 * how many there are.
 *
 * @param subject what the narration is about, naming only the citizen's and the order's ids and
 *     the order's title (e.g. "Borger c-3 og job jo-1: Lagermedarbejder")
 * @param headline the answer in one sentence
 * @param sentences why, one sentence each
 */
public record Narration(String subject, String headline, List<String> sentences) {
  /**
   * Copies the sentences.
   *
   * @throws NullPointerException if an argument or a sentence is null
   */
  public Narration {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(headline, "headline");
    sentences = List.copyOf(sentences);
  }

  /**
   * The headline and the sentences, one per line, the sentences after "- ".
   *
   * @return the text, lines separated by {@code \n}
   */
  public String text() {
    StringBuilder b = new StringBuilder(headline).append('\n');
    for (String s : sentences) {
      b.append("- ").append(s).append('\n');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "Narration[" + sentences.size() + " sentences]";
  }
}
