package dk.jobmatch.tuning;

import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.scoring.ScoringPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Judges policies on held-back orders the way they would be used: every eligible citizen of the
 * population is ranked for the order (ties by citizen id, as the engine breaks them), and the
 * recorded outcomes are looked up in that ranking — nDCG@k at the top, the recall of the hired
 * and interviewed candidates at 10, 50 and 100 and their median rank deep in the list, and MRR.
 * Each outcome counts {@code 1/p(rank it was proposed at)} as in the fit (1 without a rank): the
 * held-back outcomes come from the proposals of the policy in use, and unweighted they favour it.
 * No weight can make up for candidates that policy never proposed, so the deep measures stay
 * conservative: they favour the policy in use.
 * Each metric is compared by a paired bootstrap over orders ({@link RankingMetrics#paired}).
 *
 * <p>Stateless and thread-safe.
 */
final class HeldBackEvaluation {
  private HeldBackEvaluation() {}

  /** Per metric ({@link Metric} order), per order: the policy's value. */
  static double[][] measure(List<TrainingCase> cases, ScoringPolicy p, Population pop, int k) {
    double[][] out = new double[Metric.values().length][cases.size()];
    IntStream.range(0, cases.size()).parallel().forEach(i -> {
      double[] m = measure(cases.get(i), p, pop, k);
      for (int q = 0; q < m.length; q++) {
        out[q][i] = m[q];
      }
    });
    return out;
  }

  /** One order's metrics, in {@link Metric} order. */
  static double[] measure(TrainingCase c, ScoringPolicy p, Population pop, int k) {
    CompiledOrder co = pop.compile(c.order, p);
    int n = c.size();
    List<Integer> labelledIdx = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (c.labelled[i]) {
        labelledIdx.add(i);
      }
    }
    int nl = labelledIdx.size();
    double[] ls = new double[nl];
    int[] lid = new int[nl];
    int[] lfeat = new int[nl];
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(co);
    for (int q = 0; q < nl; q++) {
      int cand = c.candidates[labelledIdx.get(q)];
      lfeat[q] = cand;
      ls[q] = FeatureScorer.score(co, pop.features.get(cand), scratch);
      lid[q] = pop.idOrder[cand];
    }
    int[] rank = new int[nl];
    java.util.Arrays.fill(rank, 1);
    for (int j = 0; j < pop.features.size(); j++) {
      double s = FeatureScorer.score(co, pop.features.get(j), scratch);
      if (s <= 0) {
        continue; // fails a gate or scores 0: not on the engine's lists
      }
      int idj = pop.idOrder[j];
      for (int q = 0; q < nl; q++) {
        if (j != lfeat[q] && (s > ls[q] || (s == ls[q] && idj < lid[q]))) {
          rank[q]++;
        }
      }
    }
    // each outcome counts 1/p(rank it was proposed at), as in the fit: the start policy proposed
    // the candidates, so without the weights the held-back outcomes favour it
    int[] grades = new int[nl];
    double[] w = new double[nl];
    int np = 0;
    for (int q = 0; q < nl; q++) {
      int i = labelledIdx.get(q);
      grades[q] = c.grade[i];
      w[q] = c.weight[i];
      np += grades[q] > 0 ? 1 : 0;
    }
    int[] pr = new int[np];
    double[] pw = new double[np];
    int best = Integer.MAX_VALUE;
    for (int q = 0, j = 0; q < nl; q++) {
      if (grades[q] > 0) {
        pr[j] = rank[q];
        pw[j++] = w[q];
        best = Math.min(best, rank[q]);
      }
    }
    double[] m = new double[Metric.values().length];
    m[Metric.NDCG.ordinal()] = RankingMetrics.ndcgOfRanks(rank, grades, w, k);
    m[Metric.RECALL_10.ordinal()] = RankingMetrics.recallOfRanks(pr, pw, 10);
    m[Metric.RECALL_50.ordinal()] = RankingMetrics.recallOfRanks(pr, pw, 50);
    m[Metric.RECALL_100.ordinal()] = RankingMetrics.recallOfRanks(pr, pw, 100);
    m[Metric.MEDIAN_RANK.ordinal()] = np == 0 ? 0 : RankingMetrics.medianRank(pr, pw);
    m[Metric.MRR.ordinal()] = np == 0 ? 0 : 1.0 / best;
    return m;
  }

  /** The rows: each metric for both policies, with paired 95 % intervals. */
  static List<TuningResult.Row> rows(double[][] a, double[][] b, int resamples, long seed) {
    List<TuningResult.Row> rows = new ArrayList<>();
    for (Metric m : Metric.values()) {
      RankingMetrics.Paired p = RankingMetrics.paired(a[m.ordinal()], b[m.ordinal()], resamples, 0.95,
          seed ^ (0x5DEECE66DL * (m.ordinal() + 1)));
      rows.add(new TuningResult.Row(m, new TuningResult.Estimate(p.meanA(), p.a()[0], p.a()[1]),
          new TuningResult.Estimate(p.meanB(), p.b()[0], p.b()[1]),
          new TuningResult.Estimate(p.meanDifference(), p.difference()[0], p.difference()[1])));
    }
    return rows;
  }
}
