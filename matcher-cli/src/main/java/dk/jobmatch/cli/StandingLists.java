package dk.jobmatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.engine.LiveShortlists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The standing shortlists of a generation, stored in it ({@code standing.json}, owner-only) so
 * that the next {@code apply} loads them instead of ranking every open order again.
 *
 * <p>The file is tagged with what the lists depend on: the generation, the day they are computed
 * for ({@code asOf}, which decides the open orders), the policy (label and SHA-256) and the
 * reference data (SHA-256 of ESCO, DISCO, shortage list). {@link #load} returns them only when
 * every tag equals the run's; {@link LiveShortlists#resume} then checks the open orders, K per
 * order, every kept citizen and holder against the index. Anything else (missing, unreadable or
 * corrupt file, another tag) means: recompute, as without the file.
 *
 * <p>The file also records the {@linkplain ScoringCode#digest() digest of the scoring code} that
 * computed its scores ({@code scoringCode}). When it equals this run's, the stored scores are
 * trusted as they are (scoring them afresh would give them bit for bit); when it differs or is
 * missing (a file of an older version, another build, another Java runtime), or the system property
 * {@value #VERIFY_PROPERTY} is {@code true}, every kept score is checked against the kernel first,
 * and any difference means: recompute.
 *
 * <p>Stateless; thread-safe.
 */
final class StandingLists {
  /** The format of the file; another one is ignored (recomputed). */
  static final int FORMAT = 1;
  /** Set to {@code true} to always recompute the lists at the start of {@code apply} (tests, measurements). */
  static final String RECOMPUTE_PROPERTY = "jobmatch.apply.recompute";
  /** Set to {@code true} to check every stored score against the kernel even when the scoring code is the same. */
  static final String VERIFY_PROPERTY = "jobmatch.apply.verify";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StandingLists() {}

  /**
   * The file's bytes for these lists and tags.
   *
   * @throws IOException if they cannot be serialised
   */
  static byte[] bytes(long generation, LocalDate asOf, IndexStore.Fingerprint fp, List<LiveShortlists.Stored> lists)
      throws IOException {
    ObjectNode n = JSON.createObjectNode();
    tags(n, generation, asOf, fp);
    n.put("scoringCode", ScoringCode.digest());
    ArrayNode orders = n.putArray("orders");
    for (LiveShortlists.Stored s : lists) {
      ObjectNode o = orders.addObject();
      o.put("order", s.orderId());
      o.put("k", s.k());
      o.put("complete", s.complete());
      ArrayNode ids = o.putArray("citizens");
      s.citizenIds().forEach(ids::add);
      ArrayNode scores = o.putArray("scores");
      s.scores().forEach(scores::add);
      ArrayNode holders = o.putArray("holders");
      s.holders().forEach(holders::add);
    }
    return JSON.writeValueAsBytes(n);
  }

  private static void tags(ObjectNode n, long generation, LocalDate asOf, IndexStore.Fingerprint fp) {
    n.put("format", FORMAT);
    n.put("generation", generation);
    n.put("asOf", asOf.toString());
    n.put("policy", fp.policyLabel());
    n.put("policySha256", fp.policyHash());
    n.put("esco", fp.esco());
    n.put("disco", fp.disco());
    n.put("shortage", fp.shortage());
  }

  /**
   * Stored lists, and whether their scores may be trusted without checking them against the kernel.
   *
   * @param lists the stored state of every open order
   * @param trusted whether they were computed by this very scoring code (see the class comment)
   */
  record Loaded(List<LiveShortlists.Stored> lists, boolean trusted) {}

  /**
   * The stored lists of a generation if the file exists, reads and carries exactly these tags;
   * otherwise null (recompute). Never throws for a bad file.
   */
  static Loaded load(Path file, long generation, LocalDate asOf, IndexStore.Fingerprint fp) {
    if (Boolean.getBoolean(RECOMPUTE_PROPERTY) || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(file.toFile());
      ObjectNode want = JSON.createObjectNode();
      tags(want, generation, asOf, fp);
      for (var it = want.fields(); it.hasNext(); ) {
        var e = it.next();
        JsonNode got = n.get(e.getKey());
        // As JSON text: a number read back is an int node where a long was written.
        if (got == null || !e.getValue().toString().equals(got.toString())) {
          return null;
        }
      }
      List<LiveShortlists.Stored> out = new ArrayList<>();
      for (JsonNode o : n.get("orders")) {
        List<String> ids = new ArrayList<>();
        o.get("citizens").forEach(c -> ids.add(c.textValue()));
        List<Double> scores = new ArrayList<>();
        for (JsonNode s : o.get("scores")) {
          if (!s.isNumber()) {
            return null;
          }
          scores.add(s.doubleValue());
        }
        List<String> holders = new ArrayList<>();
        o.get("holders").forEach(h -> holders.add(h.textValue()));
        if (!o.get("k").isInt() || !o.get("complete").isBoolean() || o.get("order").textValue() == null) {
          return null;
        }
        out.add(new LiveShortlists.Stored(o.get("order").textValue(), o.get("k").intValue(),
            o.get("complete").booleanValue(), ids, scores, holders));
      }
      JsonNode code = n.get("scoringCode");
      boolean trusted = !Boolean.getBoolean(VERIFY_PROPERTY) && code != null && code.isTextual()
          && !ScoringCode.UNKNOWN.equals(code.textValue()) && code.textValue().equals(ScoringCode.digest());
      return new Loaded(out, trusted);
    } catch (IOException | RuntimeException e) {
      return null; // corrupt or unreadable: recompute
    }
  }
}
