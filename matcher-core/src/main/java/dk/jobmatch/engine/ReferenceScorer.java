package dk.jobmatch.engine;

import com.google.common.base.Preconditions;
import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.kernel.PreparedPopulation;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The exhaustive reference scorer: the scoring formula applied by brute force to every citizen
 * (or every order). It is the oracle the index-based engine is tested against and the baseline
 * it is benchmarked against. It uses no index and no pruning, and holds no state between calls.
 *
 * <p>Rarity-based skill specificity is computed over the population passed in, so ranking the
 * same population as an engine holds gives the same scores bit for bit.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReferenceScorer {
  private final Taxonomy taxonomy;
  private final ShortageLookup shortage;
  private final ScoringPolicy policy;
  private final LocalDate asOf;

  /**
   * A scorer for one day.
   *
   * @param taxonomy the taxonomy
   * @param shortage shortage look-up
   * @param policy the scoring policy
   * @param asOf the day scored for (staleness, availability, shortage validity)
   * @throws NullPointerException if any argument is null
   */
  public ReferenceScorer(Taxonomy taxonomy, ShortageLookup shortage, ScoringPolicy policy, LocalDate asOf) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    this.shortage = Objects.requireNonNull(shortage, "shortage");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
  }

  /**
   * The top {@code k} citizens of {@code population} for {@code order}, best first (ties by
   * citizen id), followed — for a public employer — by every other qualified fortrinsadgang
   * holder. Citizens failing a gate or scoring 0 are never included. An order closed on the
   * scorer's day ({@link JobOrder#isOpenOn}) gets an empty list.
   *
   * @param population the citizens, each scored against the order
   * @param order the order
   * @param k the most citizens ranked, at least 1
   * @return an unmodifiable list of matches, best first, then the fortrinsadgang holders
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if an argument is null
   */
  public List<Match> rank(Collection<Citizen> population, JobOrder order, int k) {
    return rank(prepare(population), order, k);
  }

  /**
   * {@link #rank(Collection, JobOrder, int)} over a population prepared once with {@link
   * #prepare}: what a benchmark compares, so that the per-call preparation is not measured.
   *
   * @param p the prepared population
   * @param order the order
   * @param k the most citizens ranked, at least 1
   * @return an unmodifiable list of matches, best first, then the fortrinsadgang holders
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if an argument is null
   */
  public List<Match> rank(Population p, JobOrder order, int k) {
    Preconditions.checkArgument(k >= 1, "k: '%s' must be at least 1", k);
    Objects.requireNonNull(p, "population");
    Objects.requireNonNull(order, "order");
    if (!order.isOpenOn(asOf)) {
      return List.of();
    }
    return p.prepared.rank(compile(order, p), k);
  }

  /**
   * The top {@code k} orders for a citizen, best first (ties by order id). Skill rarity is
   * computed over {@code population} (the citizens the orders compete for; may be empty).
   *
   * @param population the citizens skill rarity is computed over; may be empty
   * @param orders the orders to choose among
   * @param citizen the citizen
   * @param k the most orders returned, at least 1
   * @return an unmodifiable list of matches, best first
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if an argument is null
   */
  public List<Match> suggest(Collection<Citizen> population, Collection<JobOrder> orders, Citizen citizen, int k) {
    Preconditions.checkArgument(k >= 1, "k: '%s' must be at least 1", k);
    Population p = prepare(population);
    CitizenFeatures f = p.prepared.features(citizen, taxonomy);
    List<Match> all = new ArrayList<>();
    for (JobOrder order : orders) {
      if (!order.isOpenOn(asOf)) {
        continue;
      }
      Match m = FeatureScorer.explain(compile(order, p), f);
      if (m != null) {
        all.add(m);
      }
    }
    all.sort(Match.BY_SCORE_THEN_ORDER);
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /**
   * Scores one pair with skill rarity taken over {@code population}.
   *
   * @param population the citizens skill rarity is computed over; may be empty
   * @param citizen the citizen
   * @param order the order
   * @return the match, or empty if a gate fails, the score is 0 or the order is closed on the day
   * @throws NullPointerException if an argument is null
   */
  public Optional<Match> explain(Collection<Citizen> population, Citizen citizen, JobOrder order) {
    if (!order.isOpenOn(asOf)) {
      return Optional.empty();
    }
    Population p = prepare(population);
    CitizenFeatures f = p.prepared.features(citizen, taxonomy);
    return Optional.ofNullable(FeatureScorer.explain(compile(order, p), f));
  }

  /**
   * Explains one pair by brute force, with skill rarity taken over {@code population}: every
   * gate with the values compared and, when eligible, the score, the rank among the citizens of
   * {@code population} who pass every gate and score above 0 (by score, ties by id; {@code
   * citizen} takes the place of a member with the same id), the {@code k}-th place's score and
   * the gap to it. The oracle for {@link MatchEngine#explainPair(Citizen, JobOrder, int)}.
   *
   * @param population the citizens the rank is taken among
   * @param citizen the citizen
   * @param order the order
   * @param k the shortlist length the gap refers to
   * @return every gate and, when eligible, the match, the rank and the gap to the {@code k}-th
   *     place
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if an argument is null
   */
  public PairExplanation explainPair(Collection<Citizen> population, Citizen citizen, JobOrder order, int k) {
    return explainPair(prepare(population), citizen, order, k);
  }

  /**
   * Explains one pair over a population {@linkplain #prepare prepared} once for many pairs; see
   * {@link #explainPair(Collection, Citizen, JobOrder, int)}.
   *
   * @param p the prepared population the rank is taken among
   * @param citizen the citizen
   * @param order the order
   * @param k the shortlist length the gap refers to
   * @return every gate and, when eligible, the match, the rank and the gap to the {@code k}-th
   *     place
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws NullPointerException if an argument is null
   */
  public PairExplanation explainPair(Population p, Citizen citizen, JobOrder order, int k) {
    Preconditions.checkArgument(k >= 1, "k: '%s' must be at least 1", k);
    Objects.requireNonNull(p, "population");
    Objects.requireNonNull(citizen, "citizen");
    Objects.requireNonNull(order, "order");
    CitizenFeatures f = p.prepared.features(citizen, taxonomy);
    CompiledOrder o = compile(order, p);
    return Standing.explain(o, f, k, asOf, score -> p.prepared.candidates(o, f.id));
  }

  /**
   * A population prepared once for many rankings: its citizens' scoring features and its skill
   * statistics, opaque to callers. Immutable; thread-safe to rank against.
   */
  public static final class Population {
    private final PreparedPopulation prepared;

    private Population(PreparedPopulation prepared) {
      this.prepared = prepared;
    }

    /**
     * How many citizens the population holds.
     *
     * @return the number of citizens, at least 0
     */
    public int size() {
      return prepared.features().size();
    }
  }

  /**
   * Prepares a population once for many rankings.
   *
   * @param population the citizens
   * @return the prepared population; immutable and thread-safe
   * @throws NullPointerException if the population or a citizen is null
   */
  public Population prepare(Collection<Citizen> population) {
    Objects.requireNonNull(population, "population");
    return new Population(PreparedPopulation.of(population, taxonomy));
  }

  /** An order compiled against a prepared population (its vocabularies and statistics). */
  private CompiledOrder compile(JobOrder order, Population p) {
    return p.prepared.compile(order, taxonomy, shortage, policy, asOf);
  }
}
