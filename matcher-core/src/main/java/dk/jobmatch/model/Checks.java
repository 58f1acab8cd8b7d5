package dk.jobmatch.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Boundary validation shared by the model records. Every failure is an {@link
 * IllegalArgumentException} whose message names the field, the bad value and the rule, in the
 * form {@code field: 'value' rule}. Values quoted here are never personal data: the model has
 * no free-text personal fields.
 *
 * @lucene.internal
 */
public final class Checks {
  private static final Pattern ID = Pattern.compile("[\\p{Alnum}._:/#@+-]{1,128}");

  private Checks() {}

  /** Fails with {@code field: 'value' rule}. */
  public static IllegalArgumentException fail(String field, Object value, String rule) {
    return new IllegalArgumentException(field + ": '" + value + "' " + rule);
  }

  /** Checks that {@code value} is non-null. */
  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": is required");
    }
    return value;
  }

  /** Checks an opaque record id: 1–128 characters of letters, digits and {@code ._:/#@+-}. */
  public static String id(String field, String value) {
    required(field, value);
    if (!ID.matcher(value).matches()) {
      throw fail(field, abbreviate(value), "must be 1-128 characters of letters, digits and ._:/#@+-");
    }
    return value;
  }

  /** Checks {@code min <= value <= max}. */
  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw fail(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  /** Checks {@code min <= value <= max} and that the value is a finite number. */
  public static double range(String field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw fail(field, value, "must be a finite number between " + min + " and " + max);
    }
    return value;
  }

  /** Checks a nullable year, 1900–2100. */
  public static Integer year(String field, Integer value) {
    if (value != null) {
      range(field, value, 1900, 2100);
    }
    return value;
  }

  /** Checks a nullable string's maximum length. */
  public static String maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw fail(field, abbreviate(value), "must be at most " + max + " characters (was " + value.length() + ")");
    }
    return value;
  }

  /** Immutable copy of a list with no null elements. */
  public static <T> List<T> list(String field, Collection<T> values) {
    if (values == null) {
      return List.of();
    }
    int i = 0;
    for (T v : values) {
      if (v == null) {
        throw new IllegalArgumentException(field + "[" + i + "]: must not be null");
      }
      i++;
    }
    return List.copyOf(values);
  }

  /** Immutable copy of a set with no null elements. */
  public static <T> Set<T> set(String field, Collection<T> values) {
    return values == null ? Set.of() : Set.copyOf(list(field, values));
  }

  /**
   * Parses an enumeration constant spelled exactly as declared.
   *
   * @throws IllegalArgumentException naming the field, the value and the allowed constants
   */
  public static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
    required(field, value);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    throw fail(field, abbreviate(value), "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
