package dk.jobmatch.bench.quality;

import dk.jobmatch.bench.quality.QualityDataset.LabelledCitizen;
import dk.jobmatch.bench.quality.QualityDataset.LabelledOrder;
import dk.jobmatch.bench.quality.QualityDataset.Split;
import dk.jobmatch.bench.quality.QualityDataset.Variant;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.tuning.Outcome;
import dk.jobmatch.tuning.OutcomeLabel;
import dk.jobmatch.tuning.PolicyTuner;
import dk.jobmatch.tuning.RankingMetrics;
import dk.jobmatch.tuning.TuningListener;
import dk.jobmatch.tuning.TuningMethod;
import dk.jobmatch.tuning.TuningOptions;
import dk.jobmatch.tuning.TuningResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The tuning experiment of {@code QUALITY.md}: a history arises on the quality benchmark's
 * labelled populations as it does in a job centre, the tuner learns from it, and the result is
 * judged against the graded truth on orders it never saw.
 *
 * <ol>
 *   <li>For every <em>train</em> order the start policy (the default) proposes its top 30. A
 *       proposed citizen at rank r is looked at with probability {@code r^−η} (position bias; η
 *       0.5 unless {@code --eta}); if looked at, the graded truth decides the outcome: the same
 *       occupation HIRED, the same ISCO unit group INTERVIEWED, the same minor group (grade 1)
 *       INTERVIEWED with probability {@code --minor-interviewed P} (0 unless given; {@code
 *       --interviewed-from 1} is P = 1), otherwise REJECTED; if not looked at, REJECTED. Each
 *       outcome line carries its rank. Nobody outside the 30 gets an outcome.
 *   <li>The old tuner (candidates without an outcome as not chosen, fitting the commuting
 *       half-life and the upskilling credit, as the tuner did by default before its rework), the
 *       new one without the keep-order rule ({@code keepOrder} 0: the evidence rules only) and the
 *       new one as {@code jobmatch tune} runs by default (the keep-order rule with μ {@code
 *       --keep-order}, default {@link TuningOptions#DEFAULT_KEEP_ORDER}) tune on those outcomes,
 *       per dataset, from the default policy.
 *   <li>The start policy and the tuned policies rank every citizen for every <em>test</em>
 *       order (the exact scan, which the engine equals), judged against the graded truth:
 *       nDCG@10, nDCG@100, recall@50, recall@100 and the median rank of the relevant, with 95 %
 *       bootstrap intervals and paired differences from the start.
 * </ol>
 *
 * <p>Usage (after {@code ./mvnw -q -B -pl matcher-bench -am -DskipTests package}): {@code java
 * --add-modules jdk.incubator.vector -cp matcher-bench/target/benchmarks.jar
 * dk.jobmatch.bench.quality.TuningExperiment --data ../shared/data [--datasets 1:standard,...]
 * [--citizens N] [--orders N] [--eta X] [--seed S] [--minor-interviewed P | --interviewed-from
 * 1|2] [--diagnose] [--keep-order MU[,MU...]] [--out FILE]}. {@code --diagnose} prints, per dataset, what putting each
 * constant the new tuner moved back to its start value does on the test orders.
 *
 * <p>Stateless; not meant for concurrent use (prints progress).
 */
public final class TuningExperiment {
  /** How many candidates the start policy proposes per order. */
  public static final int PROPOSED = 30;

  private TuningExperiment() {}

  /**
   * Runs the experiment.
   *
   * @param args see the class documentation
   * @throws IOException if the data cannot be read or the report not written
   */
  public static void main(String[] args) throws IOException {
    Path data = Path.of("../shared/data");
    List<String> datasets = List.of("1:standard", "2:standard", "3:sparse");
    int citizens = 15_000;
    int orders = 420;
    double eta = 0.5;
    long seed = 1;
    double minorInterviewed = 0;
    boolean diagnose = false;
    List<Double> keepOrder = List.of(TuningOptions.DEFAULT_KEEP_ORDER);
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--datasets" -> datasets = List.of(args[++i].split(","));
        case "--citizens" -> citizens = Integer.parseInt(args[++i]);
        case "--orders" -> orders = Integer.parseInt(args[++i]);
        case "--eta" -> eta = Double.parseDouble(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--interviewed-from" -> minorInterviewed = Integer.parseInt(args[++i]) <= 1 ? 1 : 0;
        case "--minor-interviewed" -> minorInterviewed = Double.parseDouble(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--diagnose" -> diagnose = true;
        case "--keep-order" -> keepOrder = java.util.Arrays.stream(args[++i].split(",")).map(Double::valueOf).toList();
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    if (!QualityTaxonomy.present(data)) {
      System.err.println("tuning experiment: no ESCO export and DISCO-08 under " + data + "; pass --data DIR");
      System.exit(2);
    }
    String report = run(data, datasets, citizens, orders, eta, seed, minorInterviewed, diagnose, keepOrder);
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report, StandardCharsets.UTF_8);
    }
  }

  /** The old tuner's default fit: the commuting half-life and the upskilling credit. */
  static final EnumSet<PolicyConstant> OLD_FIT = EnumSet.of(PolicyConstant.DISTANCE_HALF_LIFE_KM,
      PolicyConstant.UPSKILLING_CREDIT);

  static String run(Path data, List<String> specs, int citizens, int orders, double eta, long seed,
      double minorInterviewed, boolean diagnose, List<Double> keepOrder) throws IOException {
    long t0 = System.nanoTime();
    QualityTaxonomy t = QualityTaxonomy.load(data);
    ScoringPolicy start = ScoringPolicy.defaults();
    List<double[]> rStart = new ArrayList<>();
    List<double[]> rOld = new ArrayList<>();
    List<double[]> rNew = new ArrayList<>();
    List<List<double[]>> rMore = new ArrayList<>();
    for (int m = 1; m < keepOrder.size(); m++) {
      rMore.add(new ArrayList<>());
    }
    List<double[]> rAll = new ArrayList<>();
    StringBuilder per = new StringBuilder();
    for (String spec : specs) {
      String[] p = spec.split(":");
      Variant v = p.length > 1 ? Variant.valueOf(p[1].trim().toUpperCase(Locale.ROOT)) : Variant.STANDARD;
      QualityDataset d = QualityDataset.generate(Long.parseLong(p[0].trim()), citizens, orders, v, t);
      List<OutcomeLabel> history = history(d, start, eta, seed, minorInterviewed);
      List<JobOrder> trainOrders = d.orders(Split.TRAIN).stream().map(LabelledOrder::order).toList();
      long s = System.nanoTime();
      TuningResult old = new PolicyTuner(t.taxonomy(), ShortageLookup.none(), QualityDataset.AS_OF,
          TuningOptions.builder().seed(seed).method(TuningMethod.UNLABELLED_AS_NEGATIVE).fitConstants(OLD_FIT).build())
          .tune(d.citizenRecords(), trainOrders, history, start, "old-tuner", "1", TuningListener.NONE);
      double tOld = (System.nanoTime() - s) / 1e9;
      s = System.nanoTime();
      TuningResult neu = new PolicyTuner(t.taxonomy(), ShortageLookup.none(), QualityDataset.AS_OF,
          TuningOptions.builder().seed(seed).keepOrder(keepOrder.get(0)).build())
          .tune(d.citizenRecords(), trainOrders, history, start, "new-tuner", "1", TuningListener.NONE);
      double tNew = (System.nanoTime() - s) / 1e9;
      TuningResult all = new PolicyTuner(t.taxonomy(), ShortageLookup.none(), QualityDataset.AS_OF,
          TuningOptions.builder().seed(seed).keepOrder(0).build())
          .tune(d.citizenRecords(), trainOrders, history, start, "new-tuner-without-rule", "1", TuningListener.NONE);
      System.err.printf(Locale.ROOT, "%s: %d outcomes; old tuner %.1f s, new tuner %.1f s%n", d.name(), history.size(),
          tOld, tNew);
      List<double[]> a = judge(d, start);
      List<double[]> b = judge(d, neu.tuned());
      rStart.addAll(a);
      rOld.addAll(judge(d, old.tuned()));
      rNew.addAll(b);
      rAll.addAll(judge(d, all.tuned()));
      for (int m = 1; m < keepOrder.size(); m++) {
        TuningResult more = new PolicyTuner(t.taxonomy(), ShortageLookup.none(), QualityDataset.AS_OF,
            TuningOptions.builder().seed(seed).keepOrder(keepOrder.get(m)).build())
            .tune(d.citizenRecords(), trainOrders, history, start, "new-tuner-" + m, "1", TuningListener.NONE);
        rMore.get(m - 1).addAll(judge(d, more.tuned()));
        System.err.printf(Locale.ROOT, "%s, keep-order %s: moved %s; silent pairs reordered %.2f%% (held back)%n",
            d.name(), num(keepOrder.get(m)), moved(more), 100 * more.keptOrder().test());
      }
      System.err.println(neu.describe());
      if (diagnose) {
        diagnose(d, start, neu, a, b);
      }
      per.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s; %s; %s |%n", d.name(),
          history.size(), weights(old), weights(neu), moved(all), moved(neu), kept(neu), reordered(old, all, neu),
          old.verdict().kind(), all.verdict().kind(), neu.verdict().kind()));
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "## Tuning experiment (test orders, whole population, graded truth)%n%n"));
    sb.append(String.format(Locale.ROOT, "History: the default policy's top %d per train order; looked at with probability "
        + "rank^-%s; outcome by the graded truth (same occupation HIRED, %s INTERVIEWED, else REJECTED). "
        + "%d citizens and %d orders per dataset; seed %d.%n%n", PROPOSED, num(eta),
        minorInterviewed >= 1 ? "same unit group or minor group"
            : minorInterviewed > 0 ? "same unit group (same minor group with probability " + num(minorInterviewed) + ")"
                : "same unit group", citizens, orders, seed));
    sb.append("| policy |");
    for (String m : METRICS) {
      sb.append(' ').append(m).append(" |");
    }
    sb.append("\n|---|---|---|---|---|---|\n");
    row(sb, "start (default v" + ScoringPolicy.DEFAULT_VERSION + ")", rStart, rStart);
    row(sb, "old tuner (unlabelled as negatives)", rOld, rStart);
    row(sb, "new tuner without the keep-order rule", rAll, rStart);
    row(sb, "new tuner (keep-order rule, μ " + num(keepOrder.get(0)) + ")", rNew, rStart);
    for (int m = 1; m < keepOrder.size(); m++) {
      row(sb, "new tuner (keep-order rule, μ " + num(keepOrder.get(m)) + ")", rMore.get(m - 1), rStart);
    }
    sb.append(String.format(Locale.ROOT, "%n| dataset | outcomes | old tuner's weights | new tuner's weights | "
        + "constants moved, without the keep-order rule | constants moved, new tuner | kept by the evidence rule | "
        + "silent pairs reordered in the start's top %d, held-back orders (old; without; new) | "
        + "verdicts (old; without; new) |%n|---|---|---|---|---|---|---|---|---|%n",
        TuningOptions.DEFAULT_KEEP_ORDER_DEPTH));
    sb.append(per);
    sb.append(String.format(Locale.ROOT, "%nWeights in the order skills/occupation/goal/education/distance/inclusion/"
        + "shortage. Total time %.0f s; %d processors.%n", (System.nanoTime() - t0) / 1e9,
        Runtime.getRuntime().availableProcessors()));
    return sb.toString();
  }

  /**
   * The history of the train orders: the start policy's top {@link #PROPOSED}, each looked at with
   * probability {@code rank^−eta}, outcome by the graded truth.
   */
  static List<OutcomeLabel> history(QualityDataset d, ScoringPolicy start, double eta, long seed,
      double minorInterviewed) {
    ReferenceScorer scorer = new ReferenceScorer(d.taxonomy().taxonomy(), ShortageLookup.none(), start,
        QualityDataset.AS_OF);
    ReferenceScorer.Population pop = scorer.prepare(d.citizenRecords());
    Map<String, LabelledCitizen> byId = new HashMap<>();
    for (LabelledCitizen c : d.citizens()) {
      byId.put(c.citizen().id(), c);
    }
    SplittableRandom r = new SplittableRandom(seed * 31 + d.seed());
    SplittableRandom rm = new SplittableRandom(seed * 37 + d.seed()); // its own stream: P 0 leaves the history as it was
    List<OutcomeLabel> out = new ArrayList<>();
    for (LabelledOrder o : d.orders(Split.TRAIN)) {
      List<Match> list = scorer.rank(pop, o.order(), PROPOSED);
      for (int i = 0; i < Math.min(PROPOSED, list.size()); i++) {
        int rank = i + 1;
        boolean looked = r.nextDouble() < Math.pow(rank, -eta);
        int grade = looked ? d.grade(byId.get(list.get(i).citizenId()), o) : 0;
        boolean minor = grade == 1 && minorInterviewed > 0 && rm.nextDouble() < minorInterviewed;
        Outcome oc = grade == 3 ? Outcome.HIRED : grade == 2 || minor ? Outcome.INTERVIEWED : Outcome.REJECTED;
        out.add(new OutcomeLabel(o.order().id(), list.get(i).citizenId(), oc, rank));
      }
    }
    return out;
  }

  /** The columns of {@link #judge}, in order. */
  static final List<String> METRICS = List.of("nDCG@10", "nDCG@100", "recall@50", "recall@100", "median rank");

  /**
   * Per test order with a relevant citizen (as the quality benchmark's rank queries), the policy
   * ranking every citizen (the exact scan, which the engine equals), judged against the graded
   * truth: {nDCG@10, nDCG@100, recall@50, recall@100, median rank of the relevant}. Relevant is
   * grade 2 or more (the same unit group); a relevant citizen the policy does not rank at all
   * counts as ranked last.
   */
  static List<double[]> judge(QualityDataset d, ScoringPolicy p) {
    ReferenceScorer scorer = new ReferenceScorer(d.taxonomy().taxonomy(), ShortageLookup.none(), p, QualityDataset.AS_OF);
    ReferenceScorer.Population pop = scorer.prepare(d.citizenRecords());
    List<LabelledCitizen> cs = d.citizens();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < cs.size(); i++) {
      index.put(cs.get(i).citizen().id(), i);
    }
    return QualityEvaluation.rankQueries(d, Split.TEST).parallelStream().map(o -> {
      int[] all = new int[cs.size()];
      int relevant = 0;
      for (int i = 0; i < all.length; i++) {
        all[i] = d.grade(cs.get(i), o);
        relevant += all[i] >= Metrics.RELEVANT ? 1 : 0;
      }
      List<Match> list = scorer.rank(pop, o.order(), cs.size());
      int[] ranked = new int[list.size()];
      int[] ranks = new int[relevant];
      java.util.Arrays.fill(ranks, cs.size() + 1);
      int r = 0;
      for (int i = 0; i < ranked.length; i++) {
        ranked[i] = all[index.get(list.get(i).citizenId())];
        if (ranked[i] >= Metrics.RELEVANT) {
          ranks[r++] = i + 1;
        }
      }
      return new double[] {RankingMetrics.ndcg(ranked, all, 10), RankingMetrics.ndcg(ranked, all, 100),
          Metrics.recall(ranked, relevant, 50), Metrics.recall(ranked, relevant, 100),
          relevant == 0 ? 0 : RankingMetrics.medianRank(ranks)};
    }).toList();
  }

  private static void row(StringBuilder sb, String name, List<double[]> r, List<double[]> base) {
    sb.append("| ").append(name).append(" |");
    for (int m = 0; m < METRICS.size(); m++) {
      double[] v = column(r, m);
      double[] ci = RankingMetrics.bootstrap(v, 1000, 0.95, 42);
      sb.append(String.format(Locale.ROOT, m == 4 ? " %.1f [%.1f, %.1f]" : " %.3f [%.3f, %.3f]", RankingMetrics.mean(v),
          ci[0], ci[1]));
      if (r != base) {
        RankingMetrics.Paired p = RankingMetrics.paired(column(base, m), v, 1000, 0.95, 7);
        sb.append(String.format(Locale.ROOT, m == 4 ? "<br>Δ %+.1f [%+.1f, %+.1f]" : "<br>Δ %+.3f [%+.3f, %+.3f]",
            p.meanDifference(), p.difference()[0], p.difference()[1]));
      }
      sb.append(" |");
    }
    sb.append('\n');
  }

  private static double[] column(List<double[]> r, int m) {
    return r.stream().mapToDouble(x -> x[m]).toArray();
  }

  /**
   * Prints, per constant the new tuner moved, what putting that one constant back to its start
   * value does to the tuned policy on the test orders (paired differences from the tuned policy).
   */
  private static void diagnose(QualityDataset d, ScoringPolicy start, TuningResult neu, List<double[]> a,
      List<double[]> b) {
    System.err.printf(Locale.ROOT, "%s: tuned - start: %s%n", d.name(), deltas(a, b));
    for (TuningResult.ConstantChange c : neu.constantChanges()) {
      try {
        ScoringPolicy back = neu.tuned().toBuilder().set(c.constant(), c.start()).build();
        System.err.printf(Locale.ROOT, "  %s back to %s: %s%n", c.constant().key(), num(c.start()),
            deltas(b, judge(d, back)));
      } catch (IllegalArgumentException e) {
        System.err.printf(Locale.ROOT, "  %s back to %s: breaks a relation%n", c.constant().key(), num(c.start()));
      }
    }
    ScoringPolicy.Builder wb = start.toBuilder();
    for (Component c : Component.values()) {
      wb.weight(c, neu.tuned().weight(c));
    }
    System.err.printf(Locale.ROOT, "  tuned weights, start constants: %s%n", deltas(b, judge(d, wb.build())));
  }

  private static String deltas(List<double[]> base, List<double[]> r) {
    StringBuilder s = new StringBuilder();
    for (int m = 0; m < METRICS.size(); m++) {
      RankingMetrics.Paired p = RankingMetrics.paired(column(base, m), column(r, m), 1000, 0.95, 7);
      s.append(String.format(Locale.ROOT, "%s %+.4f [%+.4f, %+.4f]; ", METRICS.get(m), p.meanDifference(),
          p.difference()[0], p.difference()[1]));
    }
    return s.toString();
  }

  private static String weights(TuningResult r) {
    StringBuilder s = new StringBuilder();
    for (Component c : Component.values()) {
      s.append(s.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.2f", r.tuned().weight(c)));
    }
    return s.toString();
  }

  private static String moved(TuningResult r) {
    List<String> out = new ArrayList<>();
    for (TuningResult.ConstantChange c : r.constantChanges()) {
      out.add(c.constant().key() + " " + num(c.start()) + "→" + num(c.tuned()));
    }
    return out.isEmpty() ? "none" : String.join(", ", out) + " (η estimated " + num(Math.round(r.propensity().power() * 100)
        / 100.0) + ")";
  }

  private static String reordered(TuningResult... rs) {
    List<String> out = new ArrayList<>();
    for (TuningResult r : rs) {
      out.add(String.format(Locale.ROOT, "%.2f%%", 100 * r.keptOrder().test()));
    }
    return String.join("; ", out);
  }

  private static String kept(TuningResult r) {
    List<String> out = new ArrayList<>();
    for (TuningResult.Evidence e : r.evidence()) {
      switch (e.decision()) {
        case UNOPPOSED_DOWN -> out.add(e.constant().key() + " (only lowering it helps)");
        case UNOPPOSED_UP -> out.add(e.constant().key() + " (only raising it helps)");
        case NO_EFFECT -> out.add(e.constant().key() + " (no effect)");
        default -> { }
      }
    }
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
