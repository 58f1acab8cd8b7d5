package dk.jobmatch.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.internal.Checks;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Typed, path-aware access to the fields of one JSON object of an input line. Every field name
 * that is not in the allowed set is an error (a typo must not silently lose data), every value of
 * the wrong JSON type is an error naming the field's full path, and JSON {@code null} means
 * "not given".
 *
 * <p>Not thread-safe; one per object being read.
 */
final class Fields {
  private final ObjectNode node;
  private final String path;

  private Fields(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /**
   * Wraps {@code node} found at {@code path} ("" for the line itself), rejecting unknown fields.
   *
   * @throws LineProblem if a field is not in {@code allowed}
   */
  static Fields of(ObjectNode node, String path, Set<String> allowed) throws LineProblem {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new LineProblem(join(path, safeName(name)) + ": unknown field" + suggestion(name, allowed));
      }
    }
    return new Fields(node, path);
  }

  /** The path of a field of this object. */
  String path(String name) {
    return join(path, name);
  }

  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private JsonNode get(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  String string(String name) throws LineProblem {
    return asString(get(name), path(name));
  }

  String requiredString(String name) throws LineProblem {
    String s = string(name);
    if (s == null) {
      throw new LineProblem(path(name) + ": is required");
    }
    return s;
  }

  static String asString(JsonNode v, String where) throws LineProblem {
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrongType(where, "a string", v);
    }
    return v.textValue();
  }

  boolean bool(String name, boolean dflt) throws LineProblem {
    JsonNode v = get(name);
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw wrongType(path(name), "true or false", v);
    }
    return v.booleanValue();
  }

  Boolean bool(String name) throws LineProblem {
    return has(name) ? bool(name, false) : null;
  }

  Integer integer(String name) throws LineProblem {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    String where = path(name);
    if (!v.isNumber()) {
      throw wrongType(where, "a whole number", v);
    }
    if (v.isIntegralNumber()) {
      if (!v.canConvertToInt()) {
        throw new LineProblem(where + ": is out of range");
      }
      return v.intValue();
    }
    double d = v.doubleValue();
    // 20.0 (as some exporters write whole numbers) loses nothing; 20.5 would.
    if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
      return (int) d;
    }
    throw new LineProblem(where + ": must be a whole number");
  }

  int requiredInteger(String name) throws LineProblem {
    Integer i = integer(name);
    if (i == null) {
      throw new LineProblem(path(name) + ": is required");
    }
    return i;
  }

  Double number(String name) throws LineProblem {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      throw wrongType(path(name), "a number", v);
    }
    return v.doubleValue();
  }

  double requiredNumber(String name) throws LineProblem {
    Double d = number(name);
    if (d == null) {
      throw new LineProblem(path(name) + ": is required");
    }
    return d;
  }

  LocalDate date(String name) throws LineProblem {
    String s = string(name);
    if (s == null) {
      return null;
    }
    try {
      if (s.length() != 10) {
        throw new DateTimeParseException("length", s, 0);
      }
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new LineProblem(path(name) + ": must be a date YYYY-MM-DD");
    }
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) throws LineProblem {
    String s = string(name);
    return s == null ? null : enumValue(path(name), type, s);
  }

  static <E extends Enum<E>> E enumValue(String where, Class<E> type, String value) throws LineProblem {
    return model(where, where, () -> Checks.enumValue(where, type, value));
  }

  Fields object(String name, Set<String> allowed) throws LineProblem {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(path(name), "an object", v);
    }
    return of((ObjectNode) v, path(name), allowed);
  }

  /** The elements of an array field (none if absent); JSON null elements are errors. */
  List<JsonNode> array(String name) throws LineProblem {
    JsonNode v = get(name);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw wrongType(path(name), "an array", v);
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    int i = 0;
    for (JsonNode e : (ArrayNode) v) {
      if (e.isNull()) {
        throw new LineProblem(path(name) + "[" + i + "]: must not be null");
      }
      out.add(e);
      i++;
    }
    return out;
  }

  /** An array of strings (none if absent). */
  List<String> strings(String name) throws LineProblem {
    List<JsonNode> nodes = array(name);
    List<String> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(asString(nodes.get(i), path(name) + "[" + i + "]"));
    }
    return out;
  }

  /** An element of an array that must be an object. */
  static Fields element(JsonNode e, String where, Set<String> allowed) throws LineProblem {
    if (!e.isObject()) {
      throw wrongType(where, "an object", e);
    }
    return of((ObjectNode) e, where, allowed);
  }

  /**
   * Runs a model constructor and turns its {@link IllegalArgumentException} into a {@link
   * LineProblem}, replacing the model's field name ({@code experience.years}) by the JSON path
   * ({@code experience[2].years}) where the two differ.
   */
  static <T> T model(String modelField, String where, Supplier<T> build) throws LineProblem {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String msg = String.valueOf(e.getMessage());
      if (!modelField.equals(where) && msg.startsWith(modelField)
          && (msg.length() == modelField.length() || ".:[".indexOf(msg.charAt(modelField.length())) >= 0)) {
        msg = where + msg.substring(modelField.length());
      }
      throw new LineProblem(msg);
    }
  }

  static LineProblem wrongType(String where, String expected, JsonNode actual) {
    return new LineProblem(where + ": must be " + expected + ", not " + kind(actual));
  }

  /** The JSON kind of a value, never the value itself (it may be personal data). */
  static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true/false";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

  /**
   * A field name as echoed in a message: a plain identifier of up to 40 letters, digits and
   * underscores (a misspelt field) is shown; anything else ({@code "0101901234"}, a name with
   * spaces, control characters or other data in it) is shown as {@code (field)}, since a key, too,
   * can carry a personal value.
   */
  static String safeName(String name) {
    return IDENTIFIER.matcher(name).matches() ? name : "(field)";
  }

  private static String suggestion(String name, Set<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String a : allowed) {
      String al = a.toLowerCase(java.util.Locale.ROOT);
      String nl = name.toLowerCase(java.util.Locale.ROOT);
      int d = al.equals(nl) ? 0
          : nl.length() >= 4 && (al.contains(nl) || nl.contains(al)) ? 1 // level -> minLevel, isPublic -> public
          : distance(al, nl);
      if (d < bestDistance || (d == bestDistance && best != null && a.compareTo(best) < 0)) {
        best = a;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= Math.max(1, Math.min(3, name.length() / 4))) {
      return "; did you mean '" + best + "'?";
    }
    return " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")";
  }

  /** Levenshtein distance, for "did you mean" on short field names only. */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
