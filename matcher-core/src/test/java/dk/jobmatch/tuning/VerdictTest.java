package dk.jobmatch.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The verdict: too little data, do not adopt, adopt — on constructed held-back measurements. */
class VerdictTest {
  /**
   * Per-order values for the start (index 0) and the tuned policy (index 1) of every metric: the
   * tuned one gains {@code top} in nDCG@10 and MRR, and loses {@code deep} of the hired and
   * interviewed out of the top 100 (and 50), with its median rank {@code 10·deep} worse.
   */
  private static List<TuningResult.Row> rows(long seed, int orders, double top, double deep) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = Metric.values().length;
    double[][] a = new double[n][orders];
    double[][] b = new double[n][orders];
    for (int i = 0; i < orders; i++) {
      double base = 0.5 + 0.3 * r.nextDouble();
      a[Metric.NDCG.ordinal()][i] = base;
      b[Metric.NDCG.ordinal()][i] = Math.min(1, base + top * (0.5 + r.nextDouble()));
      a[Metric.MRR.ordinal()][i] = base;
      b[Metric.MRR.ordinal()][i] = Math.min(1, base + top * r.nextDouble());
      a[Metric.RECALL_10.ordinal()][i] = 0.6;
      b[Metric.RECALL_10.ordinal()][i] = 0.6;
      boolean drops = r.nextDouble() < 0.5;
      for (Metric m : List.of(Metric.RECALL_50, Metric.RECALL_100)) {
        a[m.ordinal()][i] = 1;
        b[m.ordinal()][i] = drops ? 1 - 2 * deep : 1;
      }
      a[Metric.MEDIAN_RANK.ordinal()][i] = 12;
      b[Metric.MEDIAN_RANK.ordinal()][i] = drops ? 12 + 20 * deep : 12;
    }
    return HeldBackEvaluation.rows(a, b, 1000, seed);
  }

  @Test
  void aHandfulOfOrdersIsTooLittleData() {
    long seed = new SplittableRandom().nextLong();
    Verdict v = Verdict.of(rows(seed, 4, 0.1, 0), 4, 12, 0.3, 10);
    assertEquals(Verdict.Kind.TOO_LITTLE_DATA, v.kind(), "seed " + seed);
    assertEquals("Too little data: at least 100 orders with a hire are needed to tell; you have 12.", v.text("en"));
    assertEquals("For lidt data: der skal mindst 100 ordrer med en ansættelse til for at afgøre det; du har 12.",
        v.text("da"));
    assertEquals(60, Verdict.of(rows(seed, 4, 0.1, 0), 4, 12, 0.5, 10).ordersWithHireNeeded());
  }

  @Test
  void aGainAtTheTopDoesNotBuyALossAtDepth() {
    long seed = new SplittableRandom().nextLong();
    Verdict v = Verdict.of(rows(seed, 60, 0.1, 0.1), 60, 200, 0.3, 10);
    assertEquals(Verdict.Kind.DO_NOT_ADOPT, v.kind(), "seed " + seed + " " + v);
    assertTrue(v.better().contains(Metric.NDCG), "seed " + seed + " " + v);
    assertTrue(v.worse().containsAll(List.of(Metric.RECALL_50, Metric.RECALL_100, Metric.MEDIAN_RANK)),
        "seed " + seed + " " + v);
    assertTrue(v.text("en").startsWith("Do not adopt: on the held-back orders it ranks the hired and interviewed "
        + "candidates significantly worse (recall@50, recall@100, median rank), although it is better on nDCG@10"),
        "seed " + seed + " " + v.text("en"));
    assertTrue(v.text("da").startsWith("Tag den ikke i brug: "), v.text("da"));
  }

  @Test
  void aGainWithNoLossIsAdoptedAndNoGainIsNot() {
    long seed = new SplittableRandom().nextLong();
    Verdict adopt = Verdict.of(rows(seed, 60, 0.1, 0), 60, 200, 0.3, 10);
    assertEquals(Verdict.Kind.ADOPT, adopt.kind(), "seed " + seed + " " + adopt);
    assertTrue(adopt.text("en").startsWith("Adopt: on the held-back orders it is significantly better (nDCG@10"),
        adopt.text("en"));
    Verdict same = Verdict.of(rows(seed, 60, 0, 0), 60, 200, 0.3, 10);
    assertEquals(Verdict.Kind.DO_NOT_ADOPT, same.kind(), "seed " + seed + " " + same);
    assertEquals("Do not adopt: on the held-back orders it is not significantly better than the start policy on any "
        + "measure.", same.text("en"));
  }
}
