package dk.jobmatch.bench.quality;

import dk.jobmatch.bench.quality.QualityDataset.LabelledCitizen;
import dk.jobmatch.bench.quality.QualityDataset.LabelledOrder;
import dk.jobmatch.bench.quality.QualityDataset.Split;
import dk.jobmatch.bench.quality.QualityDataset.Variant;
import dk.jobmatch.bench.quality.QualityEvaluation.Metric;
import dk.jobmatch.bench.quality.QualityEvaluation.QueryResult;
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
 *       occupation HIRED, the same ISCO unit group INTERVIEWED (with {@code --interviewed-from 1}
 *       also the same minor group), otherwise REJECTED; if not looked
 *       at, REJECTED. Each outcome line carries its rank. Nobody outside the 30 gets an outcome.
 *   <li>The old tuner (candidates without an outcome as not chosen, fitting the commuting
 *       half-life and the upskilling credit, as the tuner did by default before its rework) and the new one
 *       ({@link TuningMethod#OBSERVED_ORDER}, propensity estimated, every continuous constant)
 *       tune on those outcomes, per dataset, from the default policy.
 *   <li>The start policy and both tuned policies rank every citizen for every <em>test</em>
 *       order through the engine, judged against the graded truth: nDCG@10, nDCG@100,
 *       recall@100, with 95 % bootstrap intervals and paired differences from the start.
 * </ol>
 *
 * <p>Usage (after {@code ./mvnw -q -B -pl matcher-bench -am -DskipTests package}): {@code java
 * --add-modules jdk.incubator.vector -cp matcher-bench/target/benchmarks.jar
 * dk.jobmatch.bench.quality.TuningExperiment --data ../shared/data [--datasets 1:standard,...]
 * [--citizens N] [--orders N] [--eta X] [--seed S] [--interviewed-from 1|2] [--out FILE]}.
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
    int interviewedFrom = 2;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--datasets" -> datasets = List.of(args[++i].split(","));
        case "--citizens" -> citizens = Integer.parseInt(args[++i]);
        case "--orders" -> orders = Integer.parseInt(args[++i]);
        case "--eta" -> eta = Double.parseDouble(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--interviewed-from" -> interviewedFrom = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    if (!QualityTaxonomy.present(data)) {
      System.err.println("tuning experiment: no ESCO export and DISCO-08 under " + data + "; pass --data DIR");
      System.exit(2);
    }
    String report = run(data, datasets, citizens, orders, eta, seed, interviewedFrom);
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report, StandardCharsets.UTF_8);
    }
  }

  /** The old tuner's default fit: the commuting half-life and the upskilling credit. */
  static final EnumSet<PolicyConstant> OLD_FIT = EnumSet.of(PolicyConstant.DISTANCE_HALF_LIFE_KM,
      PolicyConstant.UPSKILLING_CREDIT);

  static String run(Path data, List<String> specs, int citizens, int orders, double eta, long seed, int interviewedFrom)
      throws IOException {
    long t0 = System.nanoTime();
    QualityTaxonomy t = QualityTaxonomy.load(data);
    ScoringPolicy start = ScoringPolicy.defaults();
    List<QueryResult> rStart = new ArrayList<>();
    List<QueryResult> rOld = new ArrayList<>();
    List<QueryResult> rNew = new ArrayList<>();
    StringBuilder per = new StringBuilder();
    for (String spec : specs) {
      String[] p = spec.split(":");
      Variant v = p.length > 1 ? Variant.valueOf(p[1].trim().toUpperCase(Locale.ROOT)) : Variant.STANDARD;
      QualityDataset d = QualityDataset.generate(Long.parseLong(p[0].trim()), citizens, orders, v, t);
      List<OutcomeLabel> history = history(d, start, eta, seed, interviewedFrom);
      List<JobOrder> trainOrders = d.orders(Split.TRAIN).stream().map(LabelledOrder::order).toList();
      long s = System.nanoTime();
      TuningResult old = new PolicyTuner(t.taxonomy(), ShortageLookup.none(), QualityDataset.AS_OF,
          TuningOptions.builder().seed(seed).method(TuningMethod.UNLABELLED_AS_NEGATIVE).fitConstants(OLD_FIT).build())
          .tune(d.citizenRecords(), trainOrders, history, start, "old-tuner", "1", TuningListener.NONE);
      double tOld = (System.nanoTime() - s) / 1e9;
      s = System.nanoTime();
      TuningResult neu = new PolicyTuner(t.taxonomy(), ShortageLookup.none(), QualityDataset.AS_OF,
          TuningOptions.builder().seed(seed).build())
          .tune(d.citizenRecords(), trainOrders, history, start, "new-tuner", "1", TuningListener.NONE);
      double tNew = (System.nanoTime() - s) / 1e9;
      System.err.printf(Locale.ROOT, "%s: %d outcomes; old tuner %.1f s, new tuner %.1f s%n", d.name(), history.size(),
          tOld, tNew);
      List<QualityDataset> one = List.of(d);
      rStart.addAll(QualityEvaluation.evaluate(new EngineRanker("start", start), one, Split.TEST, 0).rank());
      rOld.addAll(QualityEvaluation.evaluate(new EngineRanker("old", old.tuned()), one, Split.TEST, 0).rank());
      rNew.addAll(QualityEvaluation.evaluate(new EngineRanker("new", neu.tuned()), one, Split.TEST, 0).rank());
      per.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", d.name(), history.size(),
          weights(old), weights(neu), moved(neu), verdicts(old, neu)));
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "## Tuning experiment (test orders, whole population, graded truth)%n%n"));
    sb.append(String.format(Locale.ROOT, "History: the default policy's top %d per train order; looked at with probability "
        + "rank^-%s; outcome by the graded truth (same occupation HIRED, %s INTERVIEWED, else REJECTED). "
        + "%d citizens and %d orders per dataset; seed %d.%n%n", PROPOSED, num(eta),
        interviewedFrom <= 1 ? "same unit group or minor group" : "same unit group", citizens, orders, seed));
    sb.append("| policy | nDCG@10 | nDCG@100 | recall@100 | Δ nDCG@10 vs start | Δ nDCG@100 vs start | Δ recall@100 vs start |\n");
    sb.append("|---|---|---|---|---|---|---|\n");
    row(sb, "start (default v" + ScoringPolicy.DEFAULT_VERSION + ")", rStart, rStart);
    row(sb, "old tuner (unlabelled as negatives)", rOld, rStart);
    row(sb, "new tuner (observed order, IPW)", rNew, rStart);
    sb.append(String.format(Locale.ROOT, "%n| dataset | outcomes | old tuner's weights | new tuner's weights | "
        + "constants the new tuner moved | verdicts (old; new) |%n|---|---|---|---|---|---|%n"));
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
  static List<OutcomeLabel> history(QualityDataset d, ScoringPolicy start, double eta, long seed, int interviewedFrom) {
    ReferenceScorer scorer = new ReferenceScorer(d.taxonomy().taxonomy(), ShortageLookup.none(), start,
        QualityDataset.AS_OF);
    ReferenceScorer.Population pop = scorer.prepare(d.citizenRecords());
    Map<String, LabelledCitizen> byId = new HashMap<>();
    for (LabelledCitizen c : d.citizens()) {
      byId.put(c.citizen().id(), c);
    }
    SplittableRandom r = new SplittableRandom(seed * 31 + d.seed());
    List<OutcomeLabel> out = new ArrayList<>();
    for (LabelledOrder o : d.orders(Split.TRAIN)) {
      List<Match> list = scorer.rank(pop, o.order(), PROPOSED);
      for (int i = 0; i < Math.min(PROPOSED, list.size()); i++) {
        int rank = i + 1;
        boolean looked = r.nextDouble() < Math.pow(rank, -eta);
        int grade = looked ? d.grade(byId.get(list.get(i).citizenId()), o) : 0;
        Outcome oc = grade == 3 ? Outcome.HIRED : grade >= interviewedFrom ? Outcome.INTERVIEWED : Outcome.REJECTED;
        out.add(new OutcomeLabel(o.order().id(), list.get(i).citizenId(), oc, rank));
      }
    }
    return out;
  }

  private static void row(StringBuilder sb, String name, List<QueryResult> r, List<QueryResult> base) {
    sb.append("| ").append(name).append(" |");
    for (Metric m : List.of(Metric.NDCG10, Metric.NDCG100, Metric.RECALL100)) {
      double[] v = r.stream().mapToDouble(m::of).toArray();
      double[] ci = RankingMetrics.bootstrap(v, 1000, 0.95, 42);
      sb.append(String.format(Locale.ROOT, " %.3f [%.3f, %.3f] |", RankingMetrics.mean(v), ci[0], ci[1]));
    }
    for (Metric m : List.of(Metric.NDCG10, Metric.NDCG100, Metric.RECALL100)) {
      if (r == base) {
        sb.append(" – |");
        continue;
      }
      double[] a = base.stream().mapToDouble(m::of).toArray();
      double[] b = r.stream().mapToDouble(m::of).toArray();
      RankingMetrics.Paired p = RankingMetrics.paired(a, b, 1000, 0.95, 7);
      sb.append(String.format(Locale.ROOT, " %+.3f [%+.3f, %+.3f] |", p.meanDifference(), p.difference()[0],
          p.difference()[1]));
    }
    sb.append('\n');
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

  private static String verdicts(TuningResult old, TuningResult neu) {
    return old.verdict().kind() + "; " + neu.verdict().kind();
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
