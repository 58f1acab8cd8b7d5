package dk.jobmatch.cli.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of one JSON Lines line into a JSON object, turning Jackson's syntax errors
 * into short messages that carry the column but never a piece of the input (an unquoted token
 * could be a name).
 *
 * <p>Settings, and why: duplicate keys are errors (one of the two values would be lost
 * silently); trailing content after the object is an error (two records glued on one line);
 * {@code NaN} and {@code Infinity} are read as numbers so that the model can refuse them with the
 * field name ({@code location.lat: 'NaN' must be a finite number …}) instead of a bare syntax
 * error.
 *
 * <p>Thread-safe: Jackson's {@link ObjectReader} is immutable.
 */
public final class JsonLine {
  private static final ObjectReader READER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build()
      .readerFor(JsonNode.class);

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) ['\"]([^'\"]{0,64})['\"]");
  private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\('(.)' \\(code \\d+[^)]*\\)\\):?\\s*(.*)");

  private JsonLine() {}

  /**
   * Parses one line.
   *
   * @param text the line without its terminator
   * @param truncatedHint whether the line is the last of the file and has no terminator, so an
   *     incomplete object most likely means the file was cut off
   * @throws LineProblem if the text is not exactly one JSON object
   */
  public static ObjectNode parseObject(String text, boolean truncatedHint) throws LineProblem {
    JsonNode node;
    try {
      node = READER.readValue(text);
    } catch (JsonProcessingException e) {
      throw new LineProblem(describe(e, truncatedHint));
    } catch (java.io.IOException e) {
      throw new LineProblem("malformed JSON"); // cannot happen reading a String
    }
    if (node == null || node.isMissingNode()) {
      throw new LineProblem("malformed JSON: no value on the line");
    }
    if (!node.isObject()) {
      throw new LineProblem("malformed JSON: the line must hold one JSON object, not " + Fields.kind(node));
    }
    return (ObjectNode) node;
  }

  private static String describe(JsonProcessingException e, boolean truncatedHint) {
    JsonLocation loc = e.getLocation();
    String at = loc != null && loc.getColumnNr() > 0 ? " at column " + loc.getColumnNr() : "";
    if (e instanceof JsonEOFException) {
      return truncatedHint
          ? "truncated: the last line ends in the middle of a JSON object and the file has no final newline (was the file cut off?)"
          : "malformed JSON: the line ends before the JSON object is complete";
    }
    String original = String.valueOf(e.getOriginalMessage());
    Matcher m = DUPLICATE.matcher(original);
    if (m.find()) {
      return Fields.safeName(m.group(1)) + ": duplicate field (each field may appear once)";
    }
    if (original.startsWith("Trailing token")) {
      return "malformed JSON" + at + ": more content after the JSON object (one object per line)";
    }
    m = UNEXPECTED_CHAR.matcher(original);
    if (m.lookingAt()) {
      String expecting = m.group(2).isEmpty() ? "" : ": " + dk.jobmatch.internal.Checks.printable(m.group(2).split("\n")[0]);
      int cp = m.group(1).codePointAt(0);
      // Only a visible ASCII character is shown: anything else could be a control or bidi character.
      String ch = cp < 0x20 ? "control character"
          : cp < 0x7f ? "character '" + m.group(1) + "'"
          : String.format(java.util.Locale.ROOT, "character U+%04X", cp);
      return "malformed JSON" + at + ": unexpected " + ch + expecting;
    }
    if (original.startsWith("Unrecognized token")) {
      return "malformed JSON" + at + ": unrecognized word (strings must be in double quotes)";
    }
    if (original.startsWith("Illegal unquoted character")) {
      return "malformed JSON" + at + ": control character inside a string (must be escaped)";
    }
    if (original.contains("Invalid numeric value") || original.contains("Numeric value")) {
      return "malformed JSON" + at + ": invalid number";
    }
    return "malformed JSON" + at;
  }
}
