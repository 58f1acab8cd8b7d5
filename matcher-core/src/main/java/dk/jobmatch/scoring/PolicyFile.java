package dk.jobmatch.scoring;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The policy file: a {@link ScoringPolicy} as a JSON object, read and written by the library.
 *
 * <pre>{@code
 * {
 *   "name" : "glostrup",
 *   "version" : "2026-11",
 *   "weights" : { "skills" : 0.30, "occupation" : 0.15, "goal" : 0.25, "education" : 0.10,
 *                 "distance" : 0.10, "inclusion" : 0.05, "shortage" : 0.05 },
 *   "relaxedGates" : [ ],
 *   "essentialWeight" : 2,
 *   "distanceHalfLifeKm" : 15,
 *   ...
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code name} and {@code version} (strings) are required.
 *   <li>{@code weights}, when present, names every {@link Component} (lower case) and the
 *       weights sum to 1; when absent, the default weights apply.
 *   <li>{@code relaxedGates}: the {@link Gate}s not enforced (default: none).
 *   <li>Every {@link PolicyConstant} by its {@link PolicyConstant#key() key}; an omitted constant
 *       takes its default.
 *   <li>Any other field, a repeated field or a value of the wrong type is an error.
 * </ul>
 *
 * <p>{@link #write} writes every field — the weights in {@link Component} order, then the
 * relaxed gates, then every constant in {@link PolicyConstant} order — indented, one field a
 * line, numbers in their shortest exact decimal form; {@code read(write(p))} equals {@code p}.
 *
 * <p>Stateless and thread-safe.
 */
public final class PolicyFile {
  /** Field names other than the constants'. */
  public static final String NAME = "name";
  /** The version field. */
  public static final String VERSION = "version";
  /** The weights object. */
  public static final String WEIGHTS = "weights";
  /** The relaxed gates array. */
  public static final String RELAXED_GATES = "relaxedGates";

  /** A policy file is small; anything larger is not one. */
  private static final long MAX_BYTES = 1 << 20;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(1 << 16).build())
      .build();

  private PolicyFile() {}

  /**
   * Reads a policy file.
   *
   * @param file the policy file, UTF-8 JSON, smaller than 1 MB
   * @return the policy
   * @throws IOException if the file cannot be read
   * @throws PolicyFormatException naming the line, the field and the rule when the content is not a
   *     valid policy
   */
  public static ScoringPolicy read(Path file) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new PolicyFormatException(0, "", "a policy file must be smaller than 1 MB");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads a policy from UTF-8 JSON.
   *
   * @param in the stream, UTF-8 JSON; closed when read
   * @return the policy
   * @throws IOException if the stream cannot be read
   * @throws PolicyFormatException naming the line, the field and the rule when the content is not a
   *     valid policy
   */
  public static ScoringPolicy read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      return parse(p);
    } catch (JsonParseException e) {
      JsonLocation loc = e.getLocation();
      String msg = e.getOriginalMessage();
      if (msg != null && msg.startsWith("Duplicate field")) {
        throw new PolicyFormatException(loc == null ? 0 : loc.getLineNr(), "", "a field may appear only once");
      }
      throw new PolicyFormatException(loc == null ? 0 : loc.getLineNr(), "", "not valid JSON");
    }
  }

  /**
   * Parses a policy from a JSON string.
   *
   * @param json the policy file's content
   * @return the policy
   * @throws PolicyFormatException naming the field and the rule
   */
  public static ScoringPolicy parse(String json) {
    try {
      return read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScoringPolicy parse(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw fail(p, "", "a policy file holds one JSON object");
    }
    ScoringPolicy.Builder b = ScoringPolicy.builder();
    boolean name = false;
    boolean version = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case NAME -> {
          b.name(string(p, t, field));
          name = true;
        }
        case VERSION -> {
          b.version(string(p, t, field));
          version = true;
        }
        case WEIGHTS -> weights(p, t, b);
        case RELAXED_GATES -> gates(p, t, b);
        default -> {
          PolicyConstant c = PolicyConstant.byKey(field);
          if (c == null) {
            throw fail(p, safeName(field), "unknown field");
          }
          b.set(c, number(p, t, field));
        }
      }
    }
    if (p.nextToken() != null) {
      throw fail(p, "", "nothing may follow the policy object");
    }
    if (!name) {
      throw fail(p, NAME, "required");
    }
    if (!version) {
      throw fail(p, VERSION, "required");
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // the builder's message already starts with the field and states the rule
      String m = e.getMessage();
      int colon = m.indexOf(": ");
      throw colon > 0 ? new PolicyFormatException(0, m.substring(0, colon), m.substring(colon + 2))
          : new PolicyFormatException(0, null, m);
    }
  }

  private static void weights(JsonParser p, JsonToken t, ScoringPolicy.Builder b) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw fail(p, WEIGHTS, "must be an object naming every component");
    }
    Map<Component, Double> seen = new EnumMap<>(Component.class);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      String field = WEIGHTS + "." + safeName(key);
      Component c = component(key);
      if (c == null) {
        throw fail(p, field, "unknown component (one of " + componentNames() + ")");
      }
      double w = number(p, p.nextToken(), field);
      if (!(w >= 0 && w <= 1)) {
        throw fail(p, field, "must be a number between 0 and 1");
      }
      seen.put(c, w);
    }
    for (Component c : Component.values()) {
      if (!seen.containsKey(c)) {
        throw fail(p, WEIGHTS + "." + c.jsonName(), "missing: weights, when given, must name every component");
      }
    }
    double sum = seen.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - 1) > 1e-6) {
      throw fail(p, WEIGHTS, "must sum to 1");
    }
    seen.forEach(b::weight);
  }

  private static void gates(JsonParser p, JsonToken t, ScoringPolicy.Builder b) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw fail(p, RELAXED_GATES, "must be an array of gate names");
    }
    Set<Gate> seen = new HashSet<>();
    int i = 0;
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), i++) {
      String field = RELAXED_GATES + "[" + i + "]";
      String s = string(p, e, field);
      Gate g;
      try {
        g = Gate.valueOf(s);
      } catch (IllegalArgumentException ex) {
        throw fail(p, field, "unknown gate (one of " + java.util.Arrays.toString(Gate.values()) + ")");
      }
      if (!seen.add(g)) {
        throw fail(p, field, "a gate may be listed only once");
      }
      b.relax(g);
    }
  }

  private static String string(JsonParser p, JsonToken t, String field) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw fail(p, field, "must be a string");
    }
    return p.getText();
  }

  private static double number(JsonParser p, JsonToken t, String field) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw fail(p, field, "must be a number");
    }
    return p.getDoubleValue();
  }

  /**
   * A field name from the file as it may appear in a message: only a plain identifier is echoed,
   * so that no value pasted into a name, and no control or bidi character, reaches a log.
   */
  private static String safeName(String name) {
    return name.matches("[A-Za-z][A-Za-z0-9_]{0,63}") ? name : "(field)";
  }

  private static Component component(String jsonName) {
    for (Component c : Component.values()) {
      if (c.jsonName().equals(jsonName)) {
        return c;
      }
    }
    return null;
  }

  private static String componentNames() {
    StringBuilder s = new StringBuilder();
    for (Component c : Component.values()) {
      s.append(s.isEmpty() ? "" : ", ").append(c.jsonName());
    }
    return s.toString();
  }

  private static PolicyFormatException fail(JsonParser p, String field, String rule) {
    JsonLocation loc = p.currentLocation();
    return new PolicyFormatException(loc == null ? 0 : loc.getLineNr(), field, rule);
  }

  /**
   * Writes the policy as an indented JSON document ending with a newline: every field, weights
   * in {@link Component} order, constants in {@link PolicyConstant} order.
   *
   * @param policy the policy
   * @param out the stream written to; flushed, not closed
   * @throws IOException if the stream cannot be written
   */
  public static void write(ScoringPolicy policy, OutputStream out) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(pp);
      g.writeStartObject();
      g.writeStringField(NAME, policy.name());
      g.writeStringField(VERSION, policy.version());
      g.writeObjectFieldStart(WEIGHTS);
      for (Component c : Component.values()) {
        g.writeFieldName(c.jsonName());
        g.writeNumber(plain(policy.weight(c)));
      }
      g.writeEndObject();
      g.writeArrayFieldStart(RELAXED_GATES);
      for (Gate gate : Gate.values()) {
        if (policy.relaxed(gate)) {
          g.writeString(gate.name());
        }
      }
      g.writeEndArray();
      for (PolicyConstant c : PolicyConstant.values()) {
        g.writeFieldName(c.key());
        g.writeNumber(plain(policy.constant(c)));
      }
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /**
   * The policy file's text.
   *
   * @param policy the policy
   * @return the indented JSON document {@link #write(ScoringPolicy, OutputStream)} writes, ending
   *     with a newline
   */
  public static String toJson(ScoringPolicy policy) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(policy, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the policy file atomically: to a temporary file beside {@code file}, then moved in
   * place, so a reader never sees half a policy.
   *
   * @param policy the policy
   * @param file the file to write; replaced if it exists, its directory must exist
   * @throws IOException if the file cannot be written
   */
  public static void write(ScoringPolicy policy, Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, toJson(policy), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The shortest decimal that reads back as exactly {@code v}, without exponent (15, 0.35). */
  static String plain(double v) {
    String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /**
   * A policy file whose content is not a valid policy. The message is {@code line N: field: rule}
   * (the line is left out when not known); it never repeats a value from the file.
   */
  public static final class PolicyFormatException extends IllegalArgumentException {
    /** The 1-based line, or 0 when not known. */
    private final int line;
    /** The field at fault, or empty. */
    private final String field;

    PolicyFormatException(int line, String field, String rule) {
      super((line > 0 ? "line " + line + ": " : "") + (field == null || field.isEmpty() ? "" : field + ": ") + rule);
      this.line = line;
      this.field = field == null ? "" : field;
    }

    /**
     * The 1-based line, or 0 when not known.
     *
     * @return the line, 0 when not known
     */
    public int line() {
      return line;
    }

    /**
     * The field at fault ({@code weights.goal}, {@code distanceHalfLifeKm}), or empty.
     *
     * @return the field, or the empty string when the fault is not in one field
     */
    public String field() {
      return field;
    }

    private static final long serialVersionUID = 1L;
  }
}
