package dk.jobmatch.bench.quality;

import dk.jobmatch.bench.quality.QualityDataset.LabelledCitizen;
import dk.jobmatch.bench.quality.QualityDataset.LabelledOrder;
import dk.jobmatch.bench.quality.QualityDataset.OrderType;
import dk.jobmatch.bench.quality.QualityDataset.Split;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Runs rankers over datasets and collects per-query metrics: nDCG@10, nDCG@100, recall@100 and
 * reciprocal rank ({@link Metrics}), for {@code rank} (one query per order of the split, ranking
 * every citizen) and {@code suggest} (one query per sampled citizen of the split, ranking every
 * order). A query with nothing relevant to find (no candidate of grade {@link Metrics#RELEVANT}
 * or more) is left out: no ranking can be judged on it. Stateless and thread-safe.
 */
public final class QualityEvaluation {
  /** The depth every ranker is asked for. */
  public static final int DEPTH = 100;

  private QualityEvaluation() {}

  /**
   * The metrics of one query.
   *
   * @param dataset the dataset's name
   * @param query the order id (rank) or citizen id (suggest)
   * @param type the order's type (rank), or {@code null} (suggest)
   */
  public record QueryResult(String dataset, String query, OrderType type, double ndcg10, double ndcg100,
      double recall100, double reciprocalRank) {}

  /** The four metrics, for tables and selection. */
  public enum Metric {
    NDCG10("nDCG@10", QueryResult::ndcg10),
    NDCG100("nDCG@100", QueryResult::ndcg100),
    RECALL100("recall@100", QueryResult::recall100),
    MRR("MRR", QueryResult::reciprocalRank);

    private final String label;
    private final ToDoubleFunction<QueryResult> get;

    Metric(String label, ToDoubleFunction<QueryResult> get) {
      this.label = label;
      this.get = get;
    }

    /** The column label. */
    public String label() {
      return label;
    }

    /** The metric's value for a query. */
    public double of(QueryResult q) {
      return get.applyAsDouble(q);
    }
  }

  /**
   * One ranker's per-query results.
   *
   * @param system the ranker's name
   * @param rank one result per judged order
   * @param suggest one result per judged citizen
   */
  public record Result(String system, List<QueryResult> rank, List<QueryResult> suggest) {
    /** The values of a metric over the rank queries that pass the filter, in query order. */
    public double[] rankValues(Metric m, Predicate<QueryResult> filter) {
      return rank.stream().filter(filter).mapToDouble(m::of).toArray();
    }

    /** The values of a metric over the suggest queries, in query order. */
    public double[] suggestValues(Metric m) {
      return suggest.stream().mapToDouble(m::of).toArray();
    }
  }

  /**
   * Evaluates a ranker.
   *
   * @param split which orders are ranked and which citizens get suggestions
   * @param suggestCitizens how many citizens per dataset get suggestions (the first by id among
   *     those of the split that have a relevant order); 0 skips suggest
   */
  public static Result evaluate(Ranker ranker, List<QualityDataset> datasets, Split split, int suggestCitizens) {
    List<QueryResult> rank = new ArrayList<>();
    List<QueryResult> suggest = new ArrayList<>();
    for (QualityDataset d : datasets) {
      try (Ranker.Prepared p = ranker.prepare(d)) {
        rank.addAll(rankQueries(d, split).parallelStream().map(o -> rankOne(d, p, o)).toList());
        suggest.addAll(suggestQueries(d, split, suggestCitizens).parallelStream().map(c -> suggestOne(d, p, c)).toList());
      }
    }
    return new Result(ranker.name(), List.copyOf(rank), List.copyOf(suggest));
  }

  /** The orders of the split that have at least one relevant citizen. */
  public static List<LabelledOrder> rankQueries(QualityDataset d, Split split) {
    Map<String, Integer> perUnitGroup = new HashMap<>();
    for (LabelledCitizen c : d.citizens()) {
      perUnitGroup.merge(d.taxonomy().unitGroup(c.occupation()), 1, Integer::sum);
    }
    return d.orders(split).stream()
        .filter(o -> perUnitGroup.getOrDefault(d.taxonomy().unitGroup(o.occupation()), 0) > 0).toList();
  }

  /** Up to {@code max} citizens of the split that have at least one relevant order, in id order. */
  public static List<LabelledCitizen> suggestQueries(QualityDataset d, Split split, int max) {
    java.util.Set<String> groups = new java.util.HashSet<>();
    for (LabelledOrder o : d.orders()) {
      groups.add(d.taxonomy().unitGroup(o.occupation()));
    }
    return d.citizens(split).stream().filter(c -> groups.contains(d.taxonomy().unitGroup(c.occupation())))
        .limit(max).toList();
  }

  private static QueryResult rankOne(QualityDataset d, Ranker.Prepared p, LabelledOrder o) {
    List<LabelledCitizen> cs = d.citizens();
    int[] all = new int[cs.size()];
    int relevant = 0;
    for (int i = 0; i < all.length; i++) {
      all[i] = d.grade(cs.get(i), o);
      if (all[i] >= Metrics.RELEVANT) {
        relevant++;
      }
    }
    List<String> ids = p.rank(o, DEPTH);
    int[] ranked = new int[ids.size()];
    for (int i = 0; i < ranked.length; i++) {
      ranked[i] = all[QualityBenchmark.citizenIndex(ids.get(i))];
    }
    return result(d, o.order().id(), o.type(), ranked, all, relevant);
  }

  private static QueryResult suggestOne(QualityDataset d, Ranker.Prepared p, LabelledCitizen c) {
    List<LabelledOrder> os = d.orders();
    Map<String, Integer> grade = new HashMap<>();
    int[] all = new int[os.size()];
    int relevant = 0;
    for (int i = 0; i < all.length; i++) {
      all[i] = d.grade(c, os.get(i));
      grade.put(os.get(i).order().id(), all[i]);
      if (all[i] >= Metrics.RELEVANT) {
        relevant++;
      }
    }
    List<String> ids = p.suggest(c, DEPTH);
    int[] ranked = ids.stream().mapToInt(grade::get).toArray();
    return result(d, c.citizen().id(), null, ranked, all, relevant);
  }

  private static QueryResult result(QualityDataset d, String id, OrderType type, int[] ranked, int[] all, int relevant) {
    return new QueryResult(d.name(), id, type, Metrics.ndcg(ranked, all, 10), Metrics.ndcg(ranked, all, 100),
        Metrics.recall(ranked, relevant, 100), Metrics.reciprocalRank(ranked));
  }
}
