package dk.jobmatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.tuning.TuningResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code tune --report} document: the tuned policy's label, the method, the counts, the
 * weights and the constants that moved, how much of the start policy's order the tuned policy
 * moved where the outcomes are silent, every held-back metric with its paired interval, and the
 * verdict ({@code kind} and {@code text}). The layout is documented in {@code docs/policy.md}.
 *
 * <p>Stateless and thread-safe.
 */
final class TuningReportJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TuningReportJson() {}

  /** The document. */
  static ObjectNode of(TuningResult r, String lang) {
    ObjectNode root = JSON.createObjectNode();
    root.put("start", r.start().label());
    root.put("tuned", r.tuned().label());
    root.put("method", r.method().name());
    root.put("propensityPower", r.propensity().power());
    root.put("propensityEstimated", r.propensity().estimated());
    ObjectNode counts = root.putObject("counts");
    counts.put("trainOrders", r.counts().trainOrders());
    counts.put("testOrders", r.counts().testOrders());
    counts.put("ordersWithHire", r.counts().ordersWithHire());
    counts.put("testOrdersWithHire", r.counts().testOrdersWithHire());
    counts.put("outcomes", r.counts().labels());
    counts.put("outcomesWithRank", r.counts().labelsWithRank());
    ObjectNode weights = root.putObject("weights");
    for (Component c : Component.values()) {
      ObjectNode w = weights.putObject(c.jsonName());
      w.put("start", r.start().weight(c));
      w.put("tuned", r.tuned().weight(c));
      w.put("learned", r.learned().contains(c));
    }
    ArrayNode moved = root.putArray("constantsMoved");
    for (TuningResult.ConstantChange c : r.constantChanges()) {
      ObjectNode n = moved.addObject();
      n.put("key", c.constant().key());
      n.put("start", c.start());
      n.put("tuned", c.tuned());
    }
    root.put("constantsFitted", r.fittedConstants().size());
    ArrayNode evidence = root.putArray("constantEvidence");
    for (TuningResult.Evidence e : r.evidence()) {
      ObjectNode n = evidence.addObject();
      n.put("key", e.constant().key());
      n.put("betterDown", e.betterDown());
      n.put("worseDown", e.worseDown());
      n.put("betterUp", e.betterUp());
      n.put("worseUp", e.worseUp());
      n.put("decision", e.decision().name());
    }
    ObjectNode kept = root.putObject("keptOrder");
    kept.put("depth", r.keptOrder().depth());
    kept.put("weight", r.keptOrder().weight());
    kept.put("silentPairsPerOrder", r.keptOrder().silentPairs());
    kept.put("reorderedTrain", r.keptOrder().train());
    kept.put("reorderedHeldBack", r.keptOrder().test());
    ArrayNode rows = root.putArray("heldBack");
    for (TuningResult.Row row : r.rows()) {
      ObjectNode n = rows.addObject();
      n.put("metric", row.metric().label(r.k()));
      n.put("lowerIsBetter", row.metric().lowerIsBetter());
      estimate(n.putObject("start"), row.start());
      estimate(n.putObject("tuned"), row.tuned());
      estimate(n.putObject("difference"), row.difference());
    }
    ObjectNode verdict = root.putObject("verdict");
    verdict.put("kind", r.verdict().kind().name());
    verdict.put("lang", lang);
    verdict.put("text", r.verdict().text(lang));
    return root;
  }

  private static void estimate(ObjectNode n, TuningResult.Estimate e) {
    n.put("mean", e.mean());
    n.put("low", e.low());
    n.put("high", e.high());
  }

  /** Writes the document to a temporary file beside {@code file}, then moves it into place. */
  static void write(TuningResult r, String lang, Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), ".report", ".tmp");
    try {
      Files.writeString(tmp, JSON.writeValueAsString(of(r, lang)) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
