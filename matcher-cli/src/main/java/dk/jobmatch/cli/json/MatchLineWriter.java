package dk.jobmatch.cli.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.narrative.Labels;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes result lines of docs/cli.md, one JSON object per line, UTF-8, {@code \n}-terminated:
 *
 * <pre>{@code
 * {"order":"jo-1","rank":1,"citizen":"c-7","score":0.8123,
 *  "components":{"skills":0.9,"occupation":1.0,"goal":0.5,"education":1.0,"distance":0.7071,"inclusion":0.0,"shortage":0.0},
 *  "matchedSkills":[…],"missingSkills":[…],"flags":["SHORTAGE"],"policy":"glostrup@2026-11"}
 * }</pre>
 *
 * <p>{@code match} lines start with {@code order}, {@code rank}, {@code citizen}; {@code suggest}
 * lines with {@code citizen}, {@code rank}, {@code order}. {@code components} always holds all
 * seven components in {@link Component} order; each is the component's <em>value</em> in [0, 1]
 * (before the policy weight), so a reader sees how well the citizen fits on each axis; the score
 * is the weighted sum. {@code policy} names the scoring policy that produced the line as {@code
 * name@version}. Score and component values are rounded half-up to four decimals.
 *
 * <p>Added fields (unreleased), written only when they have an entry (so lines without them are unchanged):
 * {@code matchedVia} after {@code flags} — for each matched skill the citizen does not hold
 * itself, the held skill that earned its partial credit — and {@code labels} before {@code
 * policy} — the name of each code on the line that has one ({@link LabelFields}).
 *
 * <p>Not thread-safe: one writer, fed in order by one thread.
 */
public final class MatchLineWriter implements Closeable, Flushable {
  /** Which id leads a line. */
  public enum Direction {
    /** {@code match}: {@code "order"}, {@code "rank"}, {@code "citizen"}. */
    ORDER_FIRST,
    /** {@code suggest}: {@code "citizen"}, {@code "rank"}, {@code "order"}. */
    CITIZEN_FIRST
  }

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final List<Component> COMPONENTS = List.of(Component.values());

  private final JsonGenerator gen;
  private final Direction direction;
  private final String policy;
  private final Labels labels;
  private long lines;

  /**
   * Writes to {@code out}; {@link #close()} flushes but leaves {@code out} open (it may be
   * standard output).
   *
   * @param out the stream
   * @param direction which id leads each line
   * @param policy the label ({@code name@version}) of the policy that scored the matches
   * @throws IOException if the generator cannot be created
   * @throws NullPointerException if {@code policy} is null
   */
  public MatchLineWriter(OutputStream out, Direction direction, String policy) throws IOException {
    this(out, direction, policy, null);
  }

  /**
   * Writes to {@code out}, with the names of the codes in {@code "labels"}.
   *
   * @param labels the names of skills, occupations, certificates and languages, or null for none
   * @throws IOException if the generator cannot be created
   * @throws NullPointerException if {@code policy} is null
   */
  public MatchLineWriter(OutputStream out, Direction direction, String policy, Labels labels) throws IOException {
    this.labels = labels;
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
    this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    this.gen.setRootValueSeparator(null);
    this.gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.direction = direction;
  }

  /**
   * Writes one result line.
   *
   * @param m the match
   * @param rank its 1-based rank in its list
   * @throws IOException if the output cannot be written
   */
  public void write(Match m, int rank) throws IOException {
    write(m, rank, null);
  }

  /**
   * Writes one result line, with the order's occupation among the {@code "labels"}.
   *
   * @param m the match
   * @param rank its 1-based rank in its list
   * @param order the match's order, or null
   * @throws IOException if the output cannot be written
   */
  public void write(Match m, int rank, JobOrder order) throws IOException {
    gen.writeStartObject();
    if (direction == Direction.ORDER_FIRST) {
      gen.writeStringField("order", m.orderId());
      gen.writeNumberField("rank", rank);
      gen.writeStringField("citizen", m.citizenId());
    } else {
      gen.writeStringField("citizen", m.citizenId());
      gen.writeNumberField("rank", rank);
      gen.writeStringField("order", m.orderId());
    }
    writeMatchFields(gen, m);
    LabelFields.writeLabels(gen, labels, order, m, List.of());
    gen.writeStringField("policy", policy);
    gen.writeEndObject();
    gen.writeRaw('\n');
    lines++;
  }

  /**
   * Lines written so far.
   *
   * @return the count
   */
  public long lines() {
    return lines;
  }

  /**
   * Writes the fields a result line has besides its ids and rank: {@code score}, {@code
   * components}, {@code matchedSkills}, {@code missingSkills}, {@code flags} and, when a skill was
   * credited through a related one, {@code matchedVia}; shared with the
   * {@code explain} lines, which carry the same fields.
   */
  static void writeMatchFields(JsonGenerator gen, Match m) throws IOException {
    gen.writeNumberField("score", round4(m.score()));
    Explanation e = m.explanation();
    gen.writeObjectFieldStart("components");
    for (Component c : COMPONENTS) {
      gen.writeNumberField(c.jsonName(), round4(e.value(c)));
    }
    gen.writeEndObject();
    writeStrings(gen, "matchedSkills", e.matchedSkills());
    writeStrings(gen, "missingSkills", e.missingSkills());
    gen.writeArrayFieldStart("flags");
    for (Flag f : e.flags()) {
      gen.writeString(f.name());
    }
    gen.writeEndArray();
    LabelFields.writeMatchedVia(gen, e);
  }

  private static void writeStrings(JsonGenerator gen, String name, List<String> values) throws IOException {
    gen.writeArrayFieldStart(name);
    for (String v : values) {
      gen.writeString(v);
    }
    gen.writeEndArray();
  }

  /**
   * Rounds half-up to four decimals, on the double's shortest decimal form (0.81235 → 0.8124).
   *
   * @param v a finite number
   * @return the rounded number
   * @throws IllegalArgumentException if {@code v} is NaN or infinite
   */
  public static double round4(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("score: '" + v + "' must be finite");
    }
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  /** @throws IOException if the output cannot be flushed */
  @Override
  public void flush() throws IOException {
    gen.flush();
  }

  /** Flushes and closes the generator; the output stream stays open. */
  @Override
  public void close() throws IOException {
    gen.close();
  }
}
