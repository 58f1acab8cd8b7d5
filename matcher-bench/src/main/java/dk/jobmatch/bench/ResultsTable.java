package dk.jobmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Merges JMH {@code -rf json} result files into one and writes a readable table: ranking latency
 * (mean, p50, p99) with the ratios against the peers, throughput on one and two threads with the
 * scaling, suggest, index build (with citizens per second) and update visibility.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dk.jobmatch.bench.ResultsTable --json OUT.json --txt
 * OUT.txt [--footprint FOOTPRINT.txt] IN.json...}. Stateless; not meant to be called from code.
 */
public final class ResultsTable {
  private ResultsTable() {}

  /**
   * Merges and tabulates.
   *
   * @param args see the class comment
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path outJson = null;
    Path outTxt = null;
    Path footprint = null;
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--json" -> outJson = Path.of(args[++i]);
        case "--txt" -> outTxt = Path.of(args[++i]);
        case "--footprint" -> footprint = Path.of(args[++i]);
        default -> inputs.add(Path.of(args[i]));
      }
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode all = mapper.createArrayNode();
    for (Path p : inputs) {
      if (!Files.isRegularFile(p) || Files.size(p) == 0) {
        System.err.println("ResultsTable: skipping missing or empty " + p);
        continue;
      }
      JsonNode n = mapper.readTree(p.toFile());
      if (n.isArray()) {
        n.forEach(all::add);
      }
    }
    if (outJson != null) {
      mapper.writeValue(outJson.toFile(), all);
    }
    String table = table(all, footprint == null || !Files.isRegularFile(footprint)
        ? null : Files.readString(footprint, StandardCharsets.UTF_8));
    if (outTxt != null) {
      Files.writeString(outTxt, table, StandardCharsets.UTF_8);
    }
    System.out.print(table);
  }

  private record Row(String bench, String method, Map<String, String> params, String mode, int threads, double score,
      double error, String unit, double p50, double p99) {
    String param(String k) {
      return params.getOrDefault(k, "");
    }
  }

  static String table(JsonNode all, String footprint) {
    List<Row> rows = new ArrayList<>();
    String jvm = "";
    for (JsonNode n : all) {
      String full = n.path("benchmark").asText();
      int dot = full.lastIndexOf('.');
      String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
      Map<String, String> params = new LinkedHashMap<>();
      n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      // One row per peer and taxonomy: "engine" (taxonomy none) and "engine-esco".
      String taxonomy = params.getOrDefault("taxonomy", "none");
      if (params.containsKey("peer") && !taxonomy.equals("none")) {
        params.put("peer", params.get("peer") + "-" + taxonomy);
      }
      JsonNode pm = n.path("primaryMetric");
      JsonNode pct = pm.path("scorePercentiles");
      rows.add(new Row(cls, full.substring(dot + 1), params, n.path("mode").asText(), n.path("threads").asInt(),
          pm.path("score").asDouble(), pm.path("scoreError").asDouble(Double.NaN), pm.path("scoreUnit").asText(),
          pct.path("50.0").asDouble(Double.NaN), pct.path("99.0").asDouble(Double.NaN)));
      if (jvm.isEmpty()) {
        jvm = n.path("vmName").asText() + " " + n.path("jdkVersion").asText() + ", args " + n.path("jvmArgs");
      }
    }
    StringWriter sw = new StringWriter();
    PrintWriter out = new PrintWriter(sw);
    out.println("jobmatch benchmarks");
    out.println("JVM: " + jvm);
    out.println("cores: " + Runtime.getRuntime().availableProcessors());
    out.println();

    List<Row> latency = select(rows, "RankBenchmark", "latency");
    if (!latency.isEmpty()) {
      out.println("## Rank one order, top-20, one thread (ms/op, sample mode)");
      out.printf(Locale.ROOT, "%-10s %-10s %10s %10s %10s %10s%n", "citizens", "peer", "mean", "±err", "p50", "p99");
      for (Row r : sorted(latency)) {
        out.printf(Locale.ROOT, "%-10s %-10s %10.3f %10.3f %10.3f %10.3f%n", r.param("size"), r.param("peer"),
            r.score, r.error, r.p50, r.p99);
      }
      out.println();
      out.println("## Ratios (p50 of the peer / p50 of the engine; > 1 means the engine is faster)");
      out.printf(Locale.ROOT, "%-10s %-9s %14s %14s %14s%n", "citizens", "taxonomy", "reference", "bm25", "scan");
      for (String size : sizes(latency)) {
        for (String t : List.of("", "-esco")) {
          Row e = find(latency, size, "engine" + t);
          if (e == null) {
            continue;
          }
          Row ref = find(latency, size, "reference" + t);
          Row bm = find(latency, size, "bm25" + t);
          Row scan = find(latency, size, "scan" + t);
          out.printf(Locale.ROOT, "%-10s %-9s %14s %14s %14s%n", size, t.isEmpty() ? "none" : t.substring(1), ratio(ref, e),
              ratio(bm, e), ratio(scan, e));
        }
      }
      out.println();
    }
    List<Row> t1 = select(rows, "RankBenchmark", "throughput1");
    List<Row> t2 = select(rows, "RankBenchmark", "throughput2");
    if (!t1.isEmpty() || !t2.isEmpty()) {
      out.println("## Rank throughput (ops/s) on 1 and 2 threads");
      out.printf(Locale.ROOT, "%-10s %-10s %12s %12s %10s%n", "citizens", "peer", "1 thread", "2 threads", "scaling");
      List<Row> both = new ArrayList<>(t1);
      both.addAll(t2);
      TreeSet<String> keys = new TreeSet<>();
      for (Row r : both) {
        keys.add(String.format("%012d|%s", Long.parseLong(r.param("size")), r.param("peer")));
      }
      for (String k : keys) {
        String size = String.valueOf(Long.parseLong(k.substring(0, 12)));
        String peer = k.substring(13);
        Row a = find(t1, size, peer);
        Row b = find(t2, size, peer);
        out.printf(Locale.ROOT, "%-10s %-10s %12s %12s %10s%n", size, peer, a == null ? "-" : fmt(a.score),
            b == null ? "-" : fmt(b.score), a == null || b == null ? "-" : String.format(Locale.ROOT, "%.2fx", b.score / a.score));
      }
      out.println();
    }
    List<Row> suggest = select(rows, "SuggestBenchmark", "suggest");
    if (!suggest.isEmpty()) {
      out.println("## Suggest: best 20 open orders for one citizen (ms/op, sample mode)");
      out.printf(Locale.ROOT, "%-10s %-10s %10s %10s %10s%n", "orders", "peer", "mean", "p50", "p99");
      for (Row r : suggest) {
        out.printf(Locale.ROOT, "%-10s %-10s %10.3f %10.3f %10.3f%n", r.param("orders"), r.param("peer"), r.score,
            r.p50, r.p99);
      }
      out.println();
    }
    List<Row> build = select(rows, "IndexBuildBenchmark", "build");
    if (!build.isEmpty()) {
      out.println("## Index build: upsert all + refresh (single shot)");
      out.printf(Locale.ROOT, "%-10s %-10s %12s %14s%n", "citizens", "peer", "ms", "citizens/s");
      for (Row r : sorted(build)) {
        double ms = toMillis(r.score, r.unit);
        out.printf(Locale.ROOT, "%-10s %-10s %12.0f %,14.0f%n", r.param("size"), r.param("peer"), ms,
            Long.parseLong(r.param("size")) / (ms / 1000));
      }
      out.println();
    }
    List<Row> vis = select(rows, "UpdateVisibilityBenchmark", "upsertRefreshFound");
    if (!vis.isEmpty()) {
      out.println("## Update visibility: upsert -> refresh -> found by rank (ms, sample mode)");
      out.printf(Locale.ROOT, "%-10s %10s %10s %10s%n", "citizens", "mean", "p50", "p99");
      for (Row r : sorted(vis)) {
        out.printf(Locale.ROOT, "%-10s %10.3f %10.3f %10.3f%n", r.param("size"), r.score, r.p50, r.p99);
      }
      out.println();
    }
    if (footprint != null) {
      out.println("## Footprint (dk.jobmatch.bench.Footprint)");
      out.print(footprint);
      out.println();
    }
    out.flush();
    return sw.toString();
  }

  private static List<Row> select(List<Row> rows, String bench, String method) {
    return rows.stream().filter(r -> r.bench.equals(bench) && r.method.equals(method)).toList();
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows);
    out.sort((a, b) -> {
      int c = Long.compare(Long.parseLong(a.param("size")), Long.parseLong(b.param("size")));
      return c != 0 ? c : a.param("peer").compareTo(b.param("peer"));
    });
    return out;
  }

  private static TreeSet<Long> sizesOf(List<Row> rows) {
    TreeSet<Long> s = new TreeSet<>();
    rows.forEach(r -> s.add(Long.parseLong(r.param("size"))));
    return s;
  }

  private static List<String> sizes(List<Row> rows) {
    return sizesOf(rows).stream().map(String::valueOf).toList();
  }

  private static Row find(List<Row> rows, String size, String peer) {
    return rows.stream().filter(r -> r.param("size").equals(size) && r.param("peer").equals(peer)).findFirst()
        .orElse(null);
  }

  private static String ratio(Row peer, Row engine) {
    if (peer == null || engine == null) {
      return "-";
    }
    double a = Double.isNaN(peer.p50) ? peer.score : peer.p50;
    double b = Double.isNaN(engine.p50) ? engine.score : engine.p50;
    return String.format(Locale.ROOT, "%.2fx", a / b);
  }

  private static String fmt(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static double toMillis(double v, String unit) {
    return switch (unit) {
      case "s/op" -> v * 1000;
      case "us/op" -> v / 1000;
      case "ns/op" -> v / 1e6;
      default -> v;
    };
  }
}
