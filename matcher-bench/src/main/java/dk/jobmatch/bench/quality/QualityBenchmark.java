package dk.jobmatch.bench.quality;

import dk.jobmatch.bench.quality.QualityDataset.OrderType;
import dk.jobmatch.bench.quality.QualityDataset.Split;
import dk.jobmatch.bench.quality.QualityDataset.Variant;
import dk.jobmatch.bench.quality.QualityEvaluation.Metric;
import dk.jobmatch.bench.quality.QualityEvaluation.QueryResult;
import dk.jobmatch.bench.quality.QualityEvaluation.Result;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The quality benchmark: generates labelled datasets from the real ESCO graph ({@link
 * QualityDataset}), runs the engine with its default policy and with the previous default
 * ({@link #previousDefault()}, for before/after), every baseline ({@link Baselines}) and an
 * ablation of the default policy (each component's weight set to 0, the rest renormalised) on the
 * test split, and prints Markdown tables of nDCG@10, nDCG@100, recall@100 and MRR with 95 %
 * bootstrap intervals, for {@code rank} per order type and for {@code suggest}.
 *
 * <p>Run from the project root:
 *
 * <pre>
 * ./mvnw -q -B -pl matcher-bench -am -DskipTests package
 * java --add-modules jdk.incubator.vector -cp matcher-bench/target/benchmarks.jar \
 *     dk.jobmatch.bench.quality.QualityBenchmark --data ../shared/data --out quality-results.md
 * </pre>
 *
 * <p>Options: {@code --data DIR} (default {@code ../shared/data}: {@code esco-v1.1.1/} and {@code
 * disco-08/}), {@code --datasets 1:standard,2:standard,3:sparse} (seed:variant list), {@code
 * --citizens N} (per dataset, default 15000), {@code --orders N} (per dataset, default 420), {@code
 * --suggest-citizens N} (per dataset, default 1000), {@code --split test|train} (default test),
 * {@code --resamples N} (bootstrap, default 1000), {@code --no-ablation}, {@code
 * --formula-ablation} (also run today's default with each change since version 2 reverted), {@code --baselines
 * all|none|NAME,...} (which baselines to run, by table name; default all), {@code --out FILE} (also
 * write the report there).
 */
public final class QualityBenchmark {
  private QualityBenchmark() {}

  /** The benchmark's configuration. */
  public record Config(Path data, List<String> datasets, int citizens, int orders, int suggestCitizens, Split split,
      int resamples, boolean ablation, boolean formulaAblation, List<String> baselines, Path out) {
    /** The defaults: three datasets of 15,000 citizens and 420 orders, test split. */
    public static Config defaults() {
      return new Config(Path.of("../shared/data"), List.of("1:standard", "2:standard", "3:sparse"), 15_000, 420, 1000,
          Split.TEST, 1000, true, false, List.of("all"), null);
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param args see the class documentation
   */
  public static void main(String[] args) throws IOException {
    Config c = parse(args);
    if (!QualityTaxonomy.present(c.data())) {
      System.err.println("quality benchmark: no ESCO export and DISCO-08 under " + c.data()
          + " (expected esco-v1.1.1/ and disco-08/disco.csv); pass --data DIR");
      System.exit(2);
    }
    String report = run(c);
    System.out.println(report);
    if (c.out() != null) {
      Files.writeString(c.out(), report, StandardCharsets.UTF_8);
    }
  }

  static Config parse(String[] args) {
    Config d = Config.defaults();
    Path data = d.data();
    List<String> datasets = d.datasets();
    int citizens = d.citizens();
    int orders = d.orders();
    int suggest = d.suggestCitizens();
    Split split = d.split();
    int resamples = d.resamples();
    boolean ablation = d.ablation();
    boolean formulaAblation = d.formulaAblation();
    List<String> baselines = d.baselines();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--data" -> data = Path.of(args[++i]);
        case "--datasets" -> datasets = List.of(args[++i].split(","));
        case "--citizens" -> citizens = Integer.parseInt(args[++i]);
        case "--orders" -> orders = Integer.parseInt(args[++i]);
        case "--suggest-citizens" -> suggest = Integer.parseInt(args[++i]);
        case "--split" -> split = Split.valueOf(args[++i].toUpperCase(Locale.ROOT));
        case "--resamples" -> resamples = Integer.parseInt(args[++i]);
        case "--no-ablation" -> ablation = false;
        case "--formula-ablation" -> formulaAblation = true;
        case "--baselines" -> baselines = List.of(args[++i].split(","));
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option: " + a);
      }
    }
    return new Config(data, datasets, citizens, orders, suggest, split, resamples, ablation, formulaAblation, baselines, out);
  }

  /**
   * Generates the datasets of a configuration.
   *
   * @throws IllegalArgumentException on a malformed {@code seed:variant}
   */
  public static List<QualityDataset> datasets(Config c, QualityTaxonomy t) {
    List<QualityDataset> out = new ArrayList<>();
    for (String spec : c.datasets()) {
      String[] p = spec.split(":");
      Variant v = p.length > 1 ? Variant.valueOf(p[1].trim().toUpperCase(Locale.ROOT)) : Variant.STANDARD;
      out.add(QualityDataset.generate(Long.parseLong(p[0].trim()), c.citizens(), c.orders(), v, t));
    }
    return out;
  }

  /**
   * The default policy before the quality benchmark existed (version 2): weights skills 0.35,
   * occupation 0.20, goal 0.15; specificity by ESCO reuse level alone; a different ESCO occupation
   * of the same unit group counted as the same; minor group 0.6, sub-major 0.3, major 0.1; a short
   * experience 0.5. Everything else as today's default.
   */
  public static ScoringPolicy previousDefault() {
    return ScoringPolicy.defaults().toBuilder().version("2")
        .weight(Component.SKILLS, 0.35).weight(Component.GOAL, 0.15)
        .set(PolicyConstant.RARITY_INFLUENCE, 0)
        .set(PolicyConstant.SIBLING_OCCUPATION_CREDIT, 1)
        .set(PolicyConstant.SAME_MINOR_GROUP_CREDIT, 0.6)
        .set(PolicyConstant.SAME_SUB_MAJOR_GROUP_CREDIT, 0.3)
        .set(PolicyConstant.SAME_MAJOR_GROUP_CREDIT, 0.1)
        .set(PolicyConstant.EXPERIENCE_BASE_CREDIT, 0.5)
        .build();
  }

  /**
   * Each change of the default formula from version 2 to 3, reverted alone on today's default: the
   * evidence that every change helps.
   */
  public static Map<String, ScoringPolicy> formulaChangesReverted() {
    ScoringPolicy d = ScoringPolicy.defaults();
    Map<String, ScoringPolicy> out = new java.util.LinkedHashMap<>();
    out.put("rarityInfluence 1 → 0 (reuse level alone)", d.toBuilder().set(PolicyConstant.RARITY_INFLUENCE, 0).build());
    out.put("siblingOccupationCredit 0.9 → 1 (sibling = exact)",
        d.toBuilder().set(PolicyConstant.SIBLING_OCCUPATION_CREDIT, 1).build());
    out.put("minor/sub-major/major 0.3/0.1/0 → 0.6/0.3/0.1", d.toBuilder()
        .set(PolicyConstant.SAME_MINOR_GROUP_CREDIT, 0.6).set(PolicyConstant.SAME_SUB_MAJOR_GROUP_CREDIT, 0.3)
        .set(PolicyConstant.SAME_MAJOR_GROUP_CREDIT, 0.1).build());
    out.put("experienceBaseCredit 0.8 → 0.5", d.toBuilder().set(PolicyConstant.EXPERIENCE_BASE_CREDIT, 0.5).build());
    out.put("weights skills/goal 0.30/0.20 → 0.35/0.15",
        d.toBuilder().weight(Component.SKILLS, 0.35).weight(Component.GOAL, 0.15).build());
    return out;
  }

  /** The default policy with one component's weight set to 0 and the others renormalised to sum 1. */
  public static ScoringPolicy without(ScoringPolicy p, Component off) {
    double rest = 1 - p.weight(off);
    ScoringPolicy.Builder b = p.toBuilder();
    for (Component c : Component.values()) {
      b.weight(c, c == off ? 0 : p.weight(c) / rest);
    }
    return b.build();
  }

  /**
   * Runs the whole benchmark and returns the Markdown report.
   *
   * @throws IOException if the data cannot be read
   */
  public static String run(Config c) throws IOException {
    long t0 = System.nanoTime();
    QualityTaxonomy t = QualityTaxonomy.load(c.data());
    long tLoad = System.nanoTime();
    List<QualityDataset> ds = datasets(c, t);
    long tGen = System.nanoTime();
    List<Ranker> systems = new ArrayList<>();
    systems.add(new EngineRanker("engine (default policy v" + ScoringPolicy.DEFAULT_VERSION + ")", ScoringPolicy.defaults()));
    systems.add(new EngineRanker("engine (previous default v2)", previousDefault()));
    for (Ranker b : Baselines.all()) {
      if (c.baselines().contains("all") || c.baselines().contains(b.name())) {
        systems.add(b);
      }
    }
    List<Result> results = new ArrayList<>();
    for (Ranker r : systems) {
      long s = System.nanoTime();
      results.add(QualityEvaluation.evaluate(r, ds, c.split(), c.suggestCitizens()));
      System.err.printf(Locale.ROOT, "%-28s %6.1f s%n", r.name(), (System.nanoTime() - s) / 1e9);
    }
    Map<Component, Result> ablation = new EnumMap<>(Component.class);
    if (c.ablation()) {
      for (Component comp : Component.values()) {
        if (ScoringPolicy.defaults().weight(comp) == 0) {
          continue;
        }
        long s = System.nanoTime();
        EngineRanker r = new EngineRanker("without " + comp.jsonName(), without(ScoringPolicy.defaults(), comp));
        ablation.put(comp, QualityEvaluation.evaluate(r, ds, c.split(), c.suggestCitizens()));
        System.err.printf(Locale.ROOT, "%-28s %6.1f s%n", r.name(), (System.nanoTime() - s) / 1e9);
      }
    }
    Map<String, Result> reverted = new java.util.LinkedHashMap<>();
    if (c.formulaAblation()) {
      for (Map.Entry<String, ScoringPolicy> e : formulaChangesReverted().entrySet()) {
        long s = System.nanoTime();
        reverted.put(e.getKey(), QualityEvaluation.evaluate(new EngineRanker(e.getKey(), e.getValue()), ds, c.split(),
            c.suggestCitizens()));
        System.err.printf(Locale.ROOT, "%-28s %6.1f s%n", e.getKey(), (System.nanoTime() - s) / 1e9);
      }
    }
    long tEnd = System.nanoTime();
    return report(c, t, ds, results, ablation, reverted, new double[] {(tLoad - t0) / 1e9, (tGen - tLoad) / 1e9, (tEnd - tGen) / 1e9});
  }

  /**
   * The data folder as written into a report: relative to the working directory, so a committed
   * report names no path of the machine it ran on.
   */
  private static String shown(Path dir) {
    return Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath().normalize()).toString();
  }

  private static String report(Config c, QualityTaxonomy t, List<QualityDataset> ds, List<Result> results,
      Map<Component, Result> ablation, Map<String, Result> reverted, double[] seconds) {
    StringBuilder sb = new StringBuilder();
    Result engine = results.get(0);
    sb.append("## Quality benchmark results (").append(c.split().name().toLowerCase(Locale.ROOT)).append(" split)\n\n");
    sb.append(String.format(Locale.ROOT, "Data: %s (%d occupations in %d unit groups). Datasets: ", shown(t.dataDir()), t.size(),
        t.byUnitGroup.size()));
    for (QualityDataset d : ds) {
      long text = d.orders().stream().filter(o -> o.type() == OrderType.TEXT).count();
      long textOk = d.orders().stream().filter(o -> o.type() == OrderType.TEXT && o.mappedToUnitGroup()).count();
      sb.append(String.format(Locale.ROOT, "%s (%d citizens, %d orders, Danish-text orders mapped into the true unit group %d/%d, unmapped %d); ",
          d.name(), d.citizens().size(), d.orders().size(), textOk, text, d.textOrdersUnmapped()));
    }
    sb.setLength(sb.length() - 2);
    sb.append(".\n\n");
    Map<OrderType, Long> perType = new EnumMap<>(OrderType.class);
    for (QueryResult q : engine.rank()) {
      perType.merge(q.type(), 1L, Long::sum);
    }
    sb.append(String.format(Locale.ROOT, "Judged queries: rank %d orders %s; suggest %d citizens. Bootstrap: %d resamples, 95 %% percentile intervals.%n%n",
        engine.rank().size(), perType, engine.suggest().size(), c.resamples()));

    sb.append("### rank (order → citizens), all order types\n\n");
    table(sb, results, r -> r.rank(), q -> true, c.resamples());
    for (OrderType type : OrderType.values()) {
      sb.append("\n### rank, orders of type ").append(type).append(" (").append(perType.getOrDefault(type, 0L)).append(" orders)\n\n");
      table(sb, results, r -> r.rank(), q -> q.type() == type, c.resamples());
    }
    sb.append("\n### suggest (citizen → orders)\n\n");
    table(sb, results, r -> r.suggest(), q -> true, c.resamples());

    if (results.size() > 2) {
      sb.append("\n### Margins of the engine over the best baseline (paired bootstrap of the difference)\n\n");
      sb.append("| direction | metric | engine | best baseline | margin [95 % CI] |\n|---|---|---|---|---|\n");
      margins(sb, "rank", engine, results, Result::rank, List.of(Metric.NDCG10, Metric.NDCG100, Metric.RECALL100, Metric.MRR), c.resamples());
      margins(sb, "suggest", engine, results, Result::suggest, List.of(Metric.NDCG10, Metric.MRR, Metric.NDCG100, Metric.RECALL100), c.resamples());
    }

    if (!ablation.isEmpty()) {
      sb.append("\n### Ablation of the default policy (one weight set to 0, the rest renormalised)\n\n");
      sb.append("| policy | rank nDCG@10 | rank nDCG@100 | rank recall@100 | rank MRR | suggest nDCG@10 | suggest MRR |\n");
      sb.append("|---|---|---|---|---|---|---|\n");
      ablationRow(sb, "default", engine, engine);
      for (Map.Entry<Component, Result> e : ablation.entrySet()) {
        ablationRow(sb, "without " + e.getKey().jsonName(), e.getValue(), engine);
      }
    }
    if (!reverted.isEmpty()) {
      sb.append("\n### Each change of the default formula reverted alone\n\n");
      sb.append("| policy | rank nDCG@10 | rank nDCG@100 | rank recall@100 | rank MRR | suggest nDCG@10 | suggest MRR |\n");
      sb.append("|---|---|---|---|---|---|---|\n");
      ablationRow(sb, "default v" + ScoringPolicy.DEFAULT_VERSION, engine, engine);
      for (Map.Entry<String, Result> e : reverted.entrySet()) {
        ablationRow(sb, e.getKey(), e.getValue(), engine);
      }
    }
    sb.append(String.format(Locale.ROOT, "%nTimings: taxonomy load %.1f s, generation %.1f s, evaluation %.1f s; %d processors.%n",
        seconds[0], seconds[1], seconds[2], Runtime.getRuntime().availableProcessors()));
    return sb.toString();
  }

  private static void table(StringBuilder sb, List<Result> results, java.util.function.Function<Result, List<QueryResult>> side,
      Predicate<QueryResult> filter, int resamples) {
    sb.append("| system |");
    for (Metric m : Metric.values()) {
      sb.append(' ').append(m.label()).append(" |");
    }
    sb.append("\n|---|");
    sb.append("---|".repeat(Metric.values().length)).append('\n');
    for (Result r : results) {
      sb.append("| ").append(r.system()).append(" |");
      for (Metric m : Metric.values()) {
        double[] v = side.apply(r).stream().filter(filter).mapToDouble(m::of).toArray();
        double[] ci = Metrics.bootstrap(v, resamples, 0.95, 42);
        sb.append(String.format(Locale.ROOT, " %.3f [%.3f, %.3f] |", Metrics.mean(v), ci[0], ci[1]));
      }
      sb.append('\n');
    }
  }

  private static void margins(StringBuilder sb, String direction, Result engine, List<Result> results,
      java.util.function.Function<Result, List<QueryResult>> side, List<Metric> metrics, int resamples) {
    for (Metric m : metrics) {
      double[] e = side.apply(engine).stream().mapToDouble(m::of).toArray();
      Result best = null;
      double bestMean = Double.NEGATIVE_INFINITY;
      for (Result r : results.subList(2, results.size())) {
        double mean = Metrics.mean(side.apply(r).stream().mapToDouble(m::of).toArray());
        if (mean > bestMean) {
          bestMean = mean;
          best = r;
        }
      }
      double[] b = side.apply(best).stream().mapToDouble(m::of).toArray();
      double[] diff = new double[e.length];
      for (int i = 0; i < e.length; i++) {
        diff[i] = e[i] - b[i];
      }
      double[] ci = Metrics.bootstrap(diff, resamples, 0.95, 7);
      sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f (%s) | %+.3f [%+.3f, %+.3f] |%n", direction, m.label(),
          Metrics.mean(e), bestMean, best.system(), Metrics.mean(diff), ci[0], ci[1]));
    }
  }

  private static void ablationRow(StringBuilder sb, String name, Result r, Result base) {
    sb.append("| ").append(name).append(" |");
    for (Metric m : List.of(Metric.NDCG10, Metric.NDCG100, Metric.RECALL100, Metric.MRR)) {
      cell(sb, r.rankValues(m, q -> true), base.rankValues(m, q -> true), r == base);
    }
    for (Metric m : List.of(Metric.NDCG10, Metric.MRR)) {
      cell(sb, r.suggestValues(m), base.suggestValues(m), r == base);
    }
    sb.append('\n');
  }

  private static void cell(StringBuilder sb, double[] v, double[] base, boolean same) {
    double mean = Metrics.mean(v);
    if (same) {
      sb.append(String.format(Locale.ROOT, " %.3f |", mean));
    } else {
      sb.append(String.format(Locale.ROOT, " %.3f (%+.3f) |", mean, mean - Metrics.mean(base)));
    }
  }

  /** The index of a generated citizen from its id {@code c-NNNNNNN}. */
  static int citizenIndex(String id) {
    return Integer.parseInt(id, 2, id.length(), 10);
  }

}
