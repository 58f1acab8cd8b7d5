package dk.jobmatch.bench;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.PreparedPopulation;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.EscoTaxonomy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every benchmark shares: one seed, one generator per JVM, the engine and the reference
 * scorer configured identically (same taxonomy, shortage lookup, policy and "today"), and the
 * query orders and citizens, drawn from index ranges that no indexed population uses.
 *
 * <p>Thread-safe: the generator is immutable and built once per JVM.
 */
final class BenchData {
  /** The seed of every benchmark population. */
  static final long SEED = 20_261_102L;
  /** k of every ranking benchmark. */
  static final int TOP_K = 20;
  /** How many different orders the ranking benchmarks cycle through. */
  static final int QUERY_ORDERS = 128;
  /** First generator index of query orders: far above the 5,000 open orders of suggest. */
  static final int QUERY_ORDER_BASE = 1_000_000;
  /** First generator index of query citizens: far above the largest population. */
  static final int QUERY_CITIZEN_BASE = 100_000_000;

  private BenchData() {}

  private static final class Holder {
    static final PopulationGenerator GENERATOR = PopulationGenerator.withDefaults(SEED);
  }

  /** The generator on ESCO if present ({@link PopulationGenerator#defaultEscoDir()}), else synthetic. */
  static PopulationGenerator generator() {
    return Holder.GENERATOR;
  }

  /**
   * The taxonomy both the engine and the reference scorer use: {@code none} ({@link
   * Taxonomy#none()}: occupations are plain {@code isco:NNNN} codes, which resolve without data;
   * no skill relations, skill specificity from rarity in the population) or {@code esco} (ESCO
   * loaded from {@link PopulationGenerator#defaultEscoDir()}: related-skill credit, so every
   * required skill expands to up to 32 query terms, and reuse levels). Loaded once per JVM.
   *
   * @throws IllegalArgumentException for another name, or {@code esco} without the data
   */
  static Taxonomy taxonomy(String name) {
    return switch (name) {
      case "none" -> Taxonomy.none();
      case "esco" -> Esco.TAXONOMY;
      default -> throw new IllegalArgumentException("taxonomy: '" + name + "' must be none or esco");
    };
  }

  private static final class Esco {
    static final Taxonomy TAXONOMY = load();

    private static Taxonomy load() {
      Path dir = PopulationGenerator.defaultEscoDir().orElseThrow(
          () -> new IllegalArgumentException("taxonomy: 'esco' needs ../shared/data/esco-v1.1.1 or $JOBMATCH_ESCO"));
      try {
        return EscoTaxonomy.load(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A new, empty in-memory engine, configured like {@link #reference(String)}. */
  static MatchEngine engine(String taxonomy) {
    return engineBuilder(taxonomy).build();
  }

  /** A new, empty engine on disk in {@code dir}, configured like {@link #reference(String)}. */
  static MatchEngine engine(String taxonomy, Path dir) {
    return engineBuilder(taxonomy).directory(dir).build();
  }

  static MatchEngine.Builder engineBuilder(String taxonomy) {
    PopulationGenerator g = generator();
    return MatchEngine.builder()
        .taxonomy(taxonomy(taxonomy))
        .shortage(g.shortage())
        .policy(ScoringPolicy.defaults())
        .asOf(g.asOf());
  }

  /** The exhaustive reference scorer, configured like {@link #engine(String)}. */
  static ReferenceScorer reference(String taxonomy) {
    PopulationGenerator g = generator();
    return new ReferenceScorer(taxonomy(taxonomy), g.shortage(), ScoringPolicy.defaults(), g.asOf());
  }

  /**
   * The population prepared for the exact scan and the kernel's exhaustive ranking (what {@link
   * ReferenceScorer#rank(ReferenceScorer.Population, JobOrder, int)} runs), configured like
   * {@link #reference(String)}.
   */
  static PreparedPopulation prepare(String taxonomy, List<Citizen> population) {
    return PreparedPopulation.of(population, taxonomy(taxonomy));
  }

  /** {@code order} compiled against a {@linkplain #prepare prepared} population, configured like {@link #reference(String)}. */
  static CompiledOrder compile(String taxonomy, PreparedPopulation p, JobOrder order) {
    PopulationGenerator g = generator();
    return p.compile(order, taxonomy(taxonomy), g.shortage(), ScoringPolicy.defaults(), g.asOf());
  }

  /** The orders the ranking benchmarks cycle through. */
  static JobOrder[] queryOrders() {
    return generator().orders(QUERY_ORDER_BASE, QUERY_ORDER_BASE + QUERY_ORDERS).toArray(JobOrder[]::new);
  }

  /** The citizens the suggest benchmark cycles through. */
  static Citizen[] queryCitizens(int n) {
    return generator().citizens(QUERY_CITIZEN_BASE, QUERY_CITIZEN_BASE + n).toArray(Citizen[]::new);
  }

  /**
   * Fails fast when an engine returns nothing for every query: a placeholder or broken engine
   * would otherwise report impressive numbers. Prints the average result size for the record.
   *
   * @throws IllegalStateException if no order finds a single candidate
   */
  static void checkEngineAnswers(MatchEngine engine, JobOrder[] orders, String what) {
    long total = 0;
    int empty = 0;
    for (JobOrder o : orders) {
      List<Match> m = engine.rank(o, TOP_K);
      total += m.size();
      if (m.isEmpty()) {
        empty++;
      }
    }
    if (empty == orders.length) {
      throw new IllegalStateException(what + ": the engine found no candidate for any of " + orders.length
          + " orders; is the engine implemented (git merge main)?");
    }
    System.out.printf("# %s: engine returns %.1f results per order on average (%d of %d orders empty)%n",
        what, (double) total / orders.length, empty, orders.length);
  }
}
