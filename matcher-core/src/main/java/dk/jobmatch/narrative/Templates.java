package dk.jobmatch.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The message templates of one language: {@code messages_<lang>.properties} next to this class,
 * read as UTF-8, each a {@link MessageFormat} pattern formatted with that language's locale.
 *
 * <p>Loaded explicitly per language, not through {@link java.util.ResourceBundle}'s fallback
 * chain, so that a missing key is an error and never silently comes out in the JVM's default
 * language. Immutable and thread-safe ({@link MessageFormat} instances are created per call).
 */
final class Templates {
  private final Locale locale;
  private final Map<String, String> patterns;

  private Templates(Locale locale, Map<String, String> patterns) {
    this.locale = locale;
    this.patterns = patterns;
  }

  /**
   * The templates of a supported language.
   *
   * @throws IllegalArgumentException if the language has no templates
   * @throws UncheckedIOException if the resource cannot be read
   */
  static Templates of(Locale locale) {
    String lang = Objects.requireNonNull(locale, "locale").getLanguage();
    InputStream in = Templates.class.getResourceAsStream("messages_" + lang + ".properties");
    if (in == null) {
      throw new IllegalArgumentException("locale: '" + lang + "' is not supported; the narrator speaks " + Narrator.LANGUAGES);
    }
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("messages_" + lang + ".properties: cannot be read", e);
    }
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return new Templates(Locale.forLanguageTag(lang), Collections.unmodifiableMap(m));
  }

  Locale locale() {
    return locale;
  }

  Set<String> keys() {
    return patterns.keySet();
  }

  boolean has(String key) {
    return patterns.containsKey(key);
  }

  /** The raw pattern. @throws IllegalStateException if the key is missing */
  String pattern(String key) {
    String p = patterns.get(key);
    if (p == null) {
      throw new IllegalStateException("messages_" + locale.getLanguage() + ".properties: no template '" + key + "'");
    }
    return p;
  }

  /** The template filled in. @throws IllegalStateException if the key is missing */
  String format(String key, Object... args) {
    return new MessageFormat(pattern(key), locale).format(args);
  }
}
