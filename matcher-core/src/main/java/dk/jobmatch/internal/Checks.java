package dk.jobmatch.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Boundary validation shared by the model records. Every failure is an {@link
 * IllegalArgumentException} whose message names the field and the rule, in the form {@code
 * field: rule}, and never the value: a postal code, a coordinate, hours, a skill or a date of a
 * citizen is personal data, and a value may hold control characters that would forge lines of a
 * log. Only {@link #fail(String, Object, String)} quotes a value, and it is used for record ids
 * and non-personal configuration only (never with a citizen's field values).
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Internal (not exported).
 *
 * @lucene.internal
 */
public final class Checks {
  private static final Pattern ID = Pattern.compile("[\\p{Alnum}._:/#@+-]{1,128}");

  private Checks() {}

  /**
   * Fails with {@code field: 'value' rule}: only for a record id that already passed {@link
   * #id} or for non-personal configuration (policy weights); control characters are replaced.
   */
  public static IllegalArgumentException fail(String field, Object value, String rule) {
    return new IllegalArgumentException(field + ": '" + printable(String.valueOf(value)) + "' " + rule);
  }

  /** Fails with {@code field: rule}, naming no value. */
  public static IllegalArgumentException rule(String field, String rule) {
    return new IllegalArgumentException(field + ": " + rule);
  }

  /** Checks that {@code value} is non-null. */
  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": is required");
    }
    return value;
  }

  /**
   * Checks an opaque, pseudonymous record id: 1–128 characters of letters, digits and {@code
   * ._:/#@+-}, and nothing shaped like a Danish CPR number ({@code DDMMYY-NNNN} or {@code
   * DDMMYYNNNN} with a valid date, not run together with other digits).
   *
   * @throws IllegalArgumentException naming the field and the rule, never the value
   */
  public static String id(String field, String value) {
    required(field, value);
    if (!ID.matcher(value).matches()) {
      throw rule(field, "must be 1-128 characters of letters, digits and ._:/#@+-");
    }
    if (looksLikeCpr(value)) {
      throw rule(field, "looks like a CPR number (DDMMYY-NNNN); use the pseudonymous id of the calling system instead");
    }
    return value;
  }

  private static final Pattern CPR = Pattern.compile("(?<![0-9])([0-3][0-9])([01][0-9])([0-9]{2})-?[0-9]{4}(?![0-9])");

  /** Whether {@code s} holds a CPR-shaped number: six digits of a valid date, an optional dash, four digits. */
  public static boolean looksLikeCpr(String s) {
    var m = CPR.matcher(s);
    while (m.find()) {
      int day = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int yy = Integer.parseInt(m.group(3));
      if (month >= 1 && month <= 12 && day >= 1) {
        // The century is not known from six digits: 29 February counts in any year divisible by 4.
        int max = java.time.Month.of(month).length(yy % 4 == 0);
        if (day <= max) {
          return true;
        }
      }
    }
    return false;
  }

  /** Checks a collection's size against a documented {@link Limits limit}. */
  public static void maxSize(String field, java.util.Collection<?> values, int max) {
    if (values != null && values.size() > max) {
      throw rule(field, "must hold at most " + max + " entries (was " + values.size() + ")");
    }
  }

  /**
   * Replaces control characters (newline, escape, …), line separators and bidirectional overrides
   * by {@code ?}, so that a message stays one plain line that reads as it is.
   */
  public static String printable(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // Controls, line and paragraph separators, and bidirectional overrides (which can make a
      // line read differently from what it holds).
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')) {
        if (sb == null) {
          sb = new StringBuilder(s.length()).append(s, 0, i);
        }
        sb.append('?');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Checks {@code min <= value <= max}. */
  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw rule(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  /** Checks {@code min <= value <= max} and that the value is a finite number. */
  public static double range(String field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw rule(field, "must be a finite number between " + min + " and " + max);
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
      throw rule(field, "must be at most " + max + " characters (was " + value.length() + ")");
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
   * @throws IllegalArgumentException naming the field and the allowed constants
   */
  public static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
    required(field, value);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    throw rule(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
