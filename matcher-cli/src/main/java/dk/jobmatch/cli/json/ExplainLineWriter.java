package dk.jobmatch.cli.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.narrative.Labels;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.OrderClosed;
import dk.jobmatch.scoring.PairExplanation;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code explain} lines, one JSON object per (citizen, order) pair, UTF-8, {@code
 * \n}-terminated:
 *
 * <pre>{@code
 * {"citizen":"c-7","order":"jo-1","eligible":false,
 *  "gates":[{"gate":"SEARCHABLE","passed":true,"relaxed":false,"searchable":true},
 *           {"gate":"COMMUTE","passed":false,"relaxed":false,"distanceKm":42.1,"maxCommuteKm":30},…],
 *  "policy":"jobmatch-default@3"}
 * }</pre>
 *
 * <p>{@code gates} lists every gate in the order of the Java enum {@code Gate}, each with the
 * values it compared (names as in {@link GateCheck}; {@code null} for a detail not given; dates
 * as {@code YYYY-MM-DD}; whole numbers without a decimal point). An eligible pair's line goes on
 * with the fields of a {@code match} line ({@code score}, {@code components}, {@code
 * matchedSkills}, {@code missingSkills}, {@code flags}), then {@code rank} (the place among all
 * eligible citizens), {@code gapToTop} and {@code kthScore} (the score of the K-th place, {@code
 * null} when fewer than K are eligible). A pair whose order is closed on the day matched on
 * ({@code --as-of}, default today: the deadline is before it) is not eligible whatever the gates
 * say: its line carries {@code "reason":"ORDER_CLOSED"} with {@code deadline} and {@code asOf},
 * the two dates compared, right after {@code eligible}. Scores are rounded half-up to four decimals; the gap is
 * rounded <em>up</em>, so that it is never shown smaller than what the citizen lacks (and a
 * citizen below the K-th place by a hair does not read as lacking nothing). Every line ends with
 * {@code policy}, the scoring policy that judged the pair, as {@code name@version}.
 *
 * <p>Added fields (unreleased): {@code gapToKth} after {@code kthScore} on eligible lines — the same value as
 * {@code gapToTop}, under the name that says what it is (the gap to the K-th place, not to the
 * first; {@code gapToTop} is kept and deprecated) — and, as on result lines, {@code matchedVia}
 * and {@code labels} when they have an entry ({@link LabelFields}).
 *
 * <p>Not thread-safe: one writer, fed in order by one thread.
 */
public final class ExplainLineWriter implements Closeable, Flushable {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final JsonGenerator gen;
  private final String policy;
  private final Labels labels;
  private long lines;

  /**
   * Writes to {@code out}; {@link #close()} flushes but leaves {@code out} open.
   *
   * @param out the stream
   * @param policy the label ({@code name@version}) of the policy that judged the pairs
   * @throws IOException if the generator cannot be created
   * @throws NullPointerException if {@code policy} is null
   */
  public ExplainLineWriter(OutputStream out, String policy) throws IOException {
    this(out, policy, null);
  }

  /**
   * Writes to {@code out}, with the names of the codes in {@code "labels"}.
   *
   * @param labels the names of skills, occupations, certificates and languages, or null for none
   * @throws IOException if the generator cannot be created
   * @throws NullPointerException if {@code policy} is null
   */
  public ExplainLineWriter(OutputStream out, String policy, Labels labels) throws IOException {
    this.labels = labels;
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
    this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    this.gen.setRootValueSeparator(null);
    this.gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /**
   * Writes one line.
   *
   * @throws IOException if the output cannot be written
   */
  public void write(PairExplanation e) throws IOException {
    write(e, null);
  }

  /**
   * Writes one line, with the order's occupation among the {@code "labels"}.
   *
   * @param order the pair's order, or null
   * @throws IOException if the output cannot be written
   */
  public void write(PairExplanation e, JobOrder order) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("citizen", e.citizenId());
    gen.writeStringField("order", e.orderId());
    gen.writeBooleanField("eligible", e.eligible());
    if (e.closed().isPresent()) {
      gen.writeStringField("reason", OrderClosed.REASON);
      gen.writeStringField("deadline", e.closed().get().deadline().toString());
      gen.writeStringField("asOf", e.closed().get().asOf().toString());
    }
    gen.writeArrayFieldStart("gates");
    for (GateCheck g : e.gates()) {
      gen.writeStartObject();
      gen.writeStringField("gate", g.gate().name());
      gen.writeBooleanField("passed", g.passed());
      gen.writeBooleanField("relaxed", g.relaxed());
      for (Map.Entry<String, Object> v : g.values().entrySet()) {
        gen.writeFieldName(v.getKey());
        writeValue(v.getValue());
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
    if (e.match().isPresent()) {
      MatchLineWriter.writeMatchFields(gen, e.match().get());
      gen.writeNumberField("rank", e.rank());
      gen.writeNumberField("gapToTop", roundUp4(e.gapToTop()));
      gen.writeFieldName("kthScore");
      if (e.kthScore().isPresent()) {
        gen.writeNumber(MatchLineWriter.round4(e.kthScore().getAsDouble()));
      } else {
        gen.writeNull();
      }
      gen.writeNumberField("gapToKth", roundUp4(e.gapToKth()));
    }
    LabelFields.writeLabels(gen, labels, order, e.match().orElse(null), e.gates());
    gen.writeStringField("policy", policy);
    gen.writeEndObject();
    gen.writeRaw('\n');
    lines++;
  }

  private void writeValue(Object v) throws IOException {
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (v instanceof Integer i) {
      gen.writeNumber(i);
    } else if (v instanceof Double d) {
      // 30.0 km as the citizen wrote it, 30; never an exponent
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        gen.writeNumber(d.longValue());
      } else {
        gen.writeNumber(d);
      }
    } else if (v instanceof Number n) {
      gen.writeNumber(n.toString());
    } else if (v instanceof LocalDate date) {
      gen.writeString(date.toString());
    } else if (v instanceof List<?> list) {
      gen.writeStartArray();
      for (Object o : list) {
        writeValue(o);
      }
      gen.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> en : map.entrySet()) {
        gen.writeFieldName(String.valueOf(en.getKey()));
        writeValue(en.getValue());
      }
      gen.writeEndObject();
    } else {
      gen.writeString(v.toString());
    }
  }

  /** Rounds up to four decimals: the least four-decimal number at or above {@code v}. */
  static double roundUp4(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("gapToTop: '" + v + "' must be finite");
    }
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.CEILING).doubleValue();
  }

  /** Lines written so far. */
  public long lines() {
    return lines;
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
