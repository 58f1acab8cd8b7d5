package dk.jobmatch.bench.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.bench.quality.QualityDataset.LabelledCitizen;
import dk.jobmatch.bench.quality.QualityDataset.LabelledOrder;
import dk.jobmatch.bench.quality.QualityDataset.OrderType;
import dk.jobmatch.bench.quality.QualityDataset.Split;
import dk.jobmatch.bench.quality.QualityDataset.Variant;
import dk.jobmatch.bench.quality.QualityEvaluation.Metric;
import dk.jobmatch.bench.quality.QualityEvaluation.Result;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.ScoringPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class QualityBenchmarkTest {
  private static final double EPS = 1e-9;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);
  private static final double LOG2_5 = Math.log(5) / Math.log(2);

  @Test
  void dcgUsesExponentialGainAndLogDiscount() {
    // gains 7, 3, 0, 1 at ranks 1..4: 7/1 + 3/log2(3) + 0/2 + 1/log2(5)
    assertEquals(7 + 3 / LOG2_3 + 1 / LOG2_5, Metrics.dcg(new int[] {3, 2, 0, 1}, 4), EPS);
    assertEquals(7 + 3 / LOG2_3, Metrics.dcg(new int[] {3, 2, 0, 1}, 2), EPS);
    assertEquals(7, Metrics.dcg(new int[] {3}, 10), EPS);
    assertThrows(IllegalArgumentException.class, () -> Metrics.dcg(new int[] {1}, 0));
  }

  @Test
  void ndcgNormalisesByTheIdealOrderOfAllCandidates() {
    // The only grade-3 candidate at rank 2: (7/log2 3) / 7.
    assertEquals(1 / LOG2_3, Metrics.ndcg(new int[] {0, 3}, new int[] {0, 3, 0}, 10), EPS);
    // Perfect order → 1.
    assertEquals(1, Metrics.ndcg(new int[] {3, 2, 1}, new int[] {1, 3, 0, 2}, 10), EPS);
    // A relevant candidate not retrieved still counts in the ideal: [2] of ideal [3, 2].
    assertEquals(3 / (7 + 3 / LOG2_3), Metrics.ndcg(new int[] {2}, new int[] {2, 3}, 10), EPS);
    // Cut at k: ideal@1 is 7, the ranking's first is grade 1.
    assertEquals(1 / 7.0, Metrics.ndcg(new int[] {1, 3}, new int[] {1, 3}, 1), EPS);
    // Nothing relevant anywhere → 0, not NaN.
    assertEquals(0, Metrics.ndcg(new int[] {0, 0}, new int[] {0, 0}, 10), EPS);
  }

  @Test
  void recallCountsGradesFromTheUnitGroupUp() {
    // Grades >= 2 are relevant: two of four relevant candidates in the top 3.
    assertEquals(0.5, Metrics.recall(new int[] {2, 0, 3, 1, 2}, 4, 3), EPS);
    assertEquals(0.75, Metrics.recall(new int[] {2, 0, 3, 1, 2}, 4, 5), EPS);
    assertEquals(0, Metrics.recall(new int[] {1, 1}, 0, 10), EPS);
  }

  @Test
  void reciprocalRankOfTheFirstRelevant() {
    assertEquals(1 / 3.0, Metrics.reciprocalRank(new int[] {0, 1, 2, 3}), EPS);
    assertEquals(1, Metrics.reciprocalRank(new int[] {3, 0}), EPS);
    assertEquals(0, Metrics.reciprocalRank(new int[] {1, 1, 0}), EPS);
  }

  @Test
  void bootstrapIntervalOfTheMean() {
    assertArrayEquals(new double[] {0.4, 0.4}, Metrics.bootstrap(new double[] {0.4, 0.4, 0.4}, 200, 0.95, 1), EPS);
    assertEquals(2.5, Metrics.quantile(new double[] {1, 2, 3, 4}, 0.5), EPS);
    assertEquals(1, Metrics.quantile(new double[] {1, 2, 3, 4}, 0), EPS);
    assertEquals(3.25, Metrics.quantile(new double[] {1, 2, 3, 4}, 0.75), EPS);
    // Half zeros, half ones, 400 values: the mean's standard error is 0.025, so the 95 % interval
    // is about 0.5 ± 0.049; seeded, so it is the same every run.
    double[] v = new double[400];
    for (int i = 0; i < v.length; i += 2) {
      v[i] = 1;
    }
    double[] ci = Metrics.bootstrap(v, 2000, 0.95, 11);
    assertTrue(ci[0] > 0.44 && ci[0] < 0.46, "low " + ci[0]);
    assertTrue(ci[1] > 0.54 && ci[1] < 0.56, "high " + ci[1]);
    assertArrayEquals(ci, Metrics.bootstrap(v, 2000, 0.95, 11), 0);
    assertTrue(Double.isNaN(Metrics.bootstrap(new double[0], 10, 0.95, 1)[0]));
    assertThrows(IllegalArgumentException.class, () -> Metrics.bootstrap(v, 0, 0.95, 1));
    assertThrows(IllegalArgumentException.class, () -> Metrics.bootstrap(v, 10, 1, 1));
  }

  @Test
  void ablationRenormalisesTheOtherWeights() {
    ScoringPolicy p = QualityBenchmark.without(ScoringPolicy.defaults(), Component.SKILLS);
    assertEquals(0, p.weight(Component.SKILLS), EPS);
    double rest = 1 - ScoringPolicy.defaults().weight(Component.SKILLS);
    assertEquals(ScoringPolicy.defaults().weight(Component.GOAL) / rest, p.weight(Component.GOAL), EPS);
  }

  @Test
  void citizenIndexParsesGeneratedIds() {
    assertEquals(0, QualityBenchmark.citizenIndex("c-0000000"));
    assertEquals(1234567, QualityBenchmark.citizenIndex("c-1234567"));
  }

  @Test
  void tinyBenchmarkOnRealEsco() throws Exception {
    Optional<Path> dir = QualityTaxonomy.defaultDataDir();
    Assumptions.assumeTrue(dir.isPresent(),
        "skipped: ../shared/data (esco-v1.1.1/ and disco-08/) not found; the quality benchmark needs the real ESCO export");
    QualityTaxonomy t = QualityTaxonomy.load(dir.get());
    QualityDataset d = QualityDataset.generate(5, 2000, 80, Variant.STANDARD, t);
    QualityDataset again = QualityDataset.generate(5, 2000, 80, Variant.STANDARD, t);
    assertEquals(d.citizenRecords(), again.citizenRecords(), "same seed, same citizens");
    assertEquals(d.orders(), again.orders(), "same seed, same orders");
    assertFalse(d.orders(Split.TEST).isEmpty());
    assertFalse(d.orders(Split.TRAIN).isEmpty());
    for (OrderType type : OrderType.values()) {
      assertTrue(d.orders().stream().anyMatch(o -> o.type() == type), "no order of type " + type);
    }
    LabelledCitizen c = d.citizens().get(0);
    LabelledOrder same = d.orders().stream().filter(o -> o.occupation() == c.occupation()).findFirst().orElse(null);
    if (same != null) {
      assertEquals(3, d.grade(c, same));
    }
    // Gates and the policy components are equalised in the data, so skills, occupation and goals
    // decide; both the engine and the simple domain scorer must be far above random.
    Result engine = QualityEvaluation.evaluate(new EngineRanker("engine", ScoringPolicy.defaults()), List.of(d), Split.TEST, 100);
    Result random = QualityEvaluation.evaluate(Baselines.random(), List.of(d), Split.TEST, 100);
    Result simple = QualityEvaluation.evaluate(Baselines.simpleDomain(), List.of(d), Split.TEST, 100);
    assertEquals(QualityEvaluation.rankQueries(d, Split.TEST).size(), engine.rank().size());
    assertFalse(engine.suggest().isEmpty());
    double e = Metrics.mean(engine.rankValues(Metric.NDCG10, q -> true));
    double r = Metrics.mean(random.rankValues(Metric.NDCG10, q -> true));
    double s = Metrics.mean(simple.rankValues(Metric.NDCG10, q -> true));
    assertTrue(e > r + 0.3, "engine " + e + " vs random " + r);
    assertTrue(s > r + 0.3, "simple " + s + " vs random " + r);
    assertTrue(Metrics.mean(engine.suggestValues(Metric.MRR)) > Metrics.mean(random.suggestValues(Metric.MRR)) + 0.3);
  }
}
