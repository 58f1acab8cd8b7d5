package dk.jobmatch.report;

import dk.jobmatch.batch.BatchResult;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The municipality-wide view of a batch run, for analysts and committees: where orders can be
 * served and where not, how concentrated proposals are, which shortage occupations cannot be
 * filled, which courses would help most, and whether any group of citizens is under- or
 * over-exposed. Immutable and thread-safe; plain records that a JSON binder (the CLI uses
 * Jackson) writes as they are. Shares, means and Gini coefficients are rounded to four decimals.
 *
 * <p>Build one with {@link #builder(BatchResult)}. No personal data is in a report beyond what
 * is needed to count: citizens appear only as counts per group, never by id.
 *
 * @param summary the run in numbers
 * @param coverage orders without, or with too few, qualified candidates and shortlisted
 *     candidates, overall, by occupation and by shortage category
 * @param congestion proposals per citizen before (independent top-k) and after allocation
 * @param shortageGaps shortage occupations with orders that cannot be filled, worst first
 * @param upskilling the missing essential skills most often between near-miss candidates and
 *     shortage orders
 * @param exposure shortlist places by target group and by compensation scheme against the pool
 */
public record BatchReport(
    Summary summary,
    Coverage coverage,
    Congestion congestion,
    List<ShortageGap> shortageGaps,
    Upskilling upskilling,
    Exposure exposure) {

  /** Copies the list. @throws IllegalArgumentException if a part is missing */
  public BatchReport {
    Checks.required("summary", summary);
    Checks.required("coverage", coverage);
    Checks.required("congestion", congestion);
    shortageGaps = List.copyOf(shortageGaps);
    Checks.required("upskilling", upskilling);
    Checks.required("exposure", exposure);
  }

  /**
   * A builder for the report of {@code result}.
   *
   * @param result the batch run to report on
   * @return a builder with the defaults of each setting
   * @throws NullPointerException if {@code result} is null
   */
  public static Builder builder(BatchResult result) {
    return new Builder(Checks.required("result", result));
  }

  /**
   * The report of a run against an engine's citizens: attributes from {@link
   * MatchEngine#citizen(String)}, labels from its taxonomy, and the given population as the pool.
   *
   * @param population every citizen the batch ran against (the eligible pool)
   * @param result the batch run to report on
   * @param engine the engine the batch ran on
   * @return the report
   * @throws NullPointerException if an argument is null
   */
  public static BatchReport of(BatchResult result, MatchEngine engine, Collection<Citizen> population) {
    Checks.required("engine", engine);
    return builder(result).citizens(engine::citizen).taxonomy(engine.taxonomy()).policy(engine.policy().label())
        .population(population).build();
  }

  /**
   * The run in numbers.
   *
   * @param policy the scoring policy that ranked the candidates, as {@code name@version}
   *     ({@link dk.jobmatch.scoring.ScoringPolicy#label()}), or {@code null} when not known
   * @param algorithm the allocation algorithm
   * @param perCitizen C, the most orders a citizen was put forward to
   * @param orders the number of orders
   * @param placesRequested shortlist places asked for
   * @param placesFilled shortlist places filled
   * @param fortrinsadgangPlaces places held by fortrinsadgang candidates
   * @param citizensOverCap citizens on more than {@code perCitizen} shortlists; only
   *     fortrinsadgang seats, which are never dropped, can cause this
   * @param citizensInPool citizens in the pool (the population given, searchable only; or, without
   *     one, every citizen in a candidate list)
   * @param citizensWithCandidacy pool citizens qualified for at least one order
   * @param totalFit the sum of shortlisted scores
   * @param objective the allocation objective (see {@link dk.jobmatch.batch.BatchOptions})
   * @param rankingMillis wall time ranking candidates
   * @param allocationMillis wall time allocating
   * @param ordersClosed orders closed on the day matched on (deadline before it): no shortlist
   */
  public record Summary(
      String policy,
      String algorithm,
      int perCitizen,
      int orders,
      int placesRequested,
      int placesFilled,
      int fortrinsadgangPlaces,
      int citizensOverCap,
      int citizensInPool,
      int citizensWithCandidacy,
      double totalFit,
      double objective,
      long rankingMillis,
      long allocationMillis,
      int ordersClosed) {}

  /**
   * Orders that cannot be served in full. "Qualified" candidates are those in the order's
   * candidate list (every hard gate passed, ranked to the batch depth, so it undercounts orders
   * with very many candidates — never the ones with few); "shortlisted" are the chosen ones.
   *
   * @param orders all orders
   * @param ordersWithoutQualified orders with no qualified candidate at all
   * @param ordersFewerQualifiedThanRequested orders with some, but fewer qualified candidates than
   *     requested
   * @param ordersCoveredBefore orders with at least one candidate under independent top-k
   * @param ordersCoveredAfter orders with at least one shortlisted candidate
   * @param ordersEmptyAfter orders with no shortlisted candidate
   * @param ordersFewerThanRequestedAfter orders with some, but fewer shortlisted candidates than
   *     requested
   * @param byOccupation the same counts per occupation (ISCO unit group where known), most orders
   *     first
   * @param byShortageCategory the same counts per shortage category ({@code MANGEL}, {@code
   *     PARADOKS}, {@code GODE}, {@code MINDRE_GODE}, {@code SHORTAGE} when only the scoring flag
   *     said so, {@code UNKNOWN})
   */
  public record Coverage(
      int orders,
      int ordersWithoutQualified,
      int ordersFewerQualifiedThanRequested,
      int ordersCoveredBefore,
      int ordersCoveredAfter,
      int ordersEmptyAfter,
      int ordersFewerThanRequestedAfter,
      List<CoverageRow> byOccupation,
      List<CoverageRow> byShortageCategory) {
    /** Copies the lists. */
    public Coverage {
      byOccupation = List.copyOf(byOccupation);
      byShortageCategory = List.copyOf(byShortageCategory);
    }
  }

  /**
   * Coverage counts for one occupation or shortage category.
   *
   * @param key the occupation ({@code isco:NNNN}, {@code disco:NNNNNN} or an ESCO URI) or the
   *     category name
   * @param label a human-readable label, or {@code null} if the taxonomy has none
   * @param shortageCategory the occupation's shortage category (first order's), or {@code null}
   * @param orders orders in the group
   * @param placesRequested places asked for
   * @param placesFilled places filled
   * @param ordersWithoutQualified orders with no qualified candidate
   * @param ordersFewerQualifiedThanRequested orders with some but too few qualified candidates
   * @param ordersEmptyAfter orders with nobody shortlisted
   * @param ordersFewerThanRequestedAfter orders with some but too few shortlisted
   */
  public record CoverageRow(
      String key,
      String label,
      String shortageCategory,
      int orders,
      int placesRequested,
      int placesFilled,
      int ordersWithoutQualified,
      int ordersFewerQualifiedThanRequested,
      int ordersEmptyAfter,
      int ordersFewerThanRequestedAfter) {}

  /**
   * How concentrated proposals are.
   *
   * @param before independent top-k: every order's own best candidates
   * @param after the allocated shortlists
   */
  public record Congestion(Distribution before, Distribution after) {}

  /**
   * The distribution of the number of shortlists each pool citizen is on.
   *
   * @param citizens citizens counted (the pool; those on no shortlist count as 0)
   * @param citizensProposed citizens on at least one shortlist
   * @param proposals shortlist places held by pool citizens
   * @param max the most shortlists one citizen is on
   * @param mean proposals per pool citizen
   * @param gini the Gini coefficient of proposals over the pool: 0 when everyone is proposed
   *     equally often, towards 1 when a few citizens take all proposals
   * @param giniAmongProposed the Gini coefficient over the proposed citizens only, which isolates
   *     concentration among those who are proposed at all
   * @param histogram citizens by number of proposals
   */
  public record Distribution(
      int citizens,
      int citizensProposed,
      long proposals,
      int max,
      double mean,
      double gini,
      double giniAmongProposed,
      List<Bin> histogram) {
    /** Copies the list. */
    public Distribution {
      histogram = List.copyOf(histogram);
    }
  }

  /**
   * One histogram bar.
   *
   * @param label {@code "0"}, {@code "1"}, …, {@code "6-10"}, {@code "101+"}
   * @param from the smallest count in the bin
   * @param to the largest count in the bin, or -1 for an open end
   * @param citizens citizens in the bin
   */
  public record Bin(String label, int from, int to, int citizens) {}

  /**
   * A shortage occupation with orders that cannot be filled.
   *
   * @param occupation the occupation key (as in {@link CoverageRow#key()})
   * @param label a label, or {@code null}
   * @param shortageCategory {@code MANGEL}, {@code PARADOKS}, or {@code SHORTAGE} (flag only)
   * @param orders shortage orders in this occupation
   * @param positions positions they offer
   * @param placesRequested shortlist places they ask for
   * @param placesFilled places filled
   * @param qualifiedCandidates distinct citizens qualified for at least one of them
   * @param ordersUnfillable orders with fewer qualified candidates than positions: even hiring
   *     every candidate would not fill them
   * @param ordersShortAfter orders whose shortlist has fewer candidates than positions
   * @param ordersEmptyAfter orders with nobody shortlisted
   */
  public record ShortageGap(
      String occupation,
      String label,
      String shortageCategory,
      int orders,
      int positions,
      int placesRequested,
      int placesFilled,
      int qualifiedCandidates,
      int ordersUnfillable,
      int ordersShortAfter,
      int ordersEmptyAfter) {}

  /**
   * The upskilling need. A near-miss is a (candidate, shortage order) pair in the candidate lists
   * missing at most {@code maxMissingEssential} essential skills and either missing at least one
   * or flagged {@link dk.jobmatch.scoring.Flag#UPSKILLING_CANDIDATE} (one education level short).
   *
   * @param shortageOrders shortage orders in the batch
   * @param maxMissingEssential the most missing essential skills a near-miss may have
   * @param nearMissPairs near-miss pairs
   * @param nearMissCitizens distinct citizens in them
   * @param educationShortPairs near-miss pairs one education level short
   * @param skills the missing essential skills, most frequent first (ties by skill id)
   */
  public record Upskilling(
      int shortageOrders,
      int maxMissingEssential,
      int nearMissPairs,
      int nearMissCitizens,
      int educationShortPairs,
      List<SkillNeed> skills) {
    /** Copies the list. */
    public Upskilling {
      skills = List.copyOf(skills);
    }
  }

  /**
   * One missing essential skill.
   *
   * @param skill the skill id
   * @param label a label, or {@code null}
   * @param pairs near-miss pairs missing it
   * @param citizens distinct near-miss citizens missing it: how many a course could move
   * @param orders distinct shortage orders asking for it
   * @param occupations the occupations of those orders, most frequent first (at most five)
   */
  public record SkillNeed(String skill, String label, int pairs, int citizens, int orders, List<String> occupations) {
    /** Copies the list. */
    public SkillNeed {
      occupations = List.copyOf(occupations);
    }
  }

  /**
   * Exposure of groups, as an audit: a group's share of shortlist places against its share of
   * the pool. No protected attribute is used; target group (benefit type) and compensation
   * schemes are the job centre's own administrative categories.
   *
   * @param byTargetGroup one row per target group (and {@code UNKNOWN})
   * @param byCompensationScheme one row per scheme, and {@code NONE}; a citizen may hold several
   */
  public record Exposure(List<GroupExposure> byTargetGroup, List<GroupExposure> byCompensationScheme) {
    /** Copies the lists. */
    public Exposure {
      byTargetGroup = List.copyOf(byTargetGroup);
      byCompensationScheme = List.copyOf(byCompensationScheme);
    }
  }

  /**
   * One group's exposure.
   *
   * @param group the group name
   * @param poolCitizens pool citizens in the group
   * @param poolShare their share of the pool
   * @param candidateCitizens of those, qualified for at least one order
   * @param candidateShare their share of all qualified citizens
   * @param placesBefore places held under independent top-k
   * @param placeShareBefore share of all places before
   * @param places shortlist places held after allocation
   * @param placeShare share of all places after
   * @param ratio {@code placeShare / poolShare} (1 is proportional), or {@code null} for an
   *     empty group
   */
  public record GroupExposure(
      String group,
      int poolCitizens,
      double poolShare,
      int candidateCitizens,
      double candidateShare,
      int placesBefore,
      double placeShareBefore,
      int places,
      double placeShare,
      Double ratio) {}

  /**
   * Collects what a report needs besides the result. Mutable, not thread-safe.
   *
   * <p>Citizen attributes (target group, compensation schemes, searchable) come from the
   * population, or from the look-up for citizens not in it. Without a population the pool is
   * the citizens in the candidate lists.
   */
  public static final class Builder {
    final BatchResult result;
    Collection<Citizen> population;
    Function<String, Optional<Citizen>> citizens = id -> Optional.empty();
    Taxonomy taxonomy = Taxonomy.none();
    int topSkills = 20;
    int maxMissingEssential = 3;
    String policy;

    private Builder(BatchResult result) {
      this.result = result;
    }

    /**
     * The eligible pool: every citizen the batch ran against.
     *
     * @param v the citizens
     * @return this builder
     */
    public Builder population(Collection<Citizen> v) {
      population = Checks.required("population", v);
      return this;
    }

    /**
     * A look-up of citizen attributes by id, e.g. {@code engine::citizen}.
     *
     * @param v the look-up
     * @return this builder
     */
    public Builder citizens(Function<String, Optional<Citizen>> v) {
      citizens = Checks.required("citizens", v);
      return this;
    }

    /**
     * The label ({@code name@version}) of the policy that ranked the candidates, e.g. {@code engine.policy().label()}.
     *
     * @param label the policy label
     * @return this builder
     */
    public Builder policy(String label) {
      policy = Checks.required("policy", label);
      return this;
    }

    /**
     * The taxonomy for occupation grouping and labels (default: none, codes as written).
     *
     * @param v the taxonomy
     * @return this builder
     */
    public Builder taxonomy(Taxonomy v) {
      taxonomy = Checks.required("taxonomy", v);
      return this;
    }

    /**
     * How many upskilling skills to list (default 20, 1–1000).
     *
     * @param v the number of skills
     * @return this builder
     * @throws IllegalArgumentException if {@code v} is outside 1–1000
     */
    public Builder topSkills(int v) {
      topSkills = Checks.range("topSkills", v, 1, 1000);
      return this;
    }

    /**
     * The most missing essential skills a near-miss may have (default 3, 1–100).
     *
     * @param v the largest number of missing essential skills
     * @return this builder
     * @throws IllegalArgumentException if {@code v} is outside 1–100
     */
    public Builder maxMissingEssential(int v) {
      maxMissingEssential = Checks.range("maxMissingEssential", v, 1, 100);
      return this;
    }

    /**
     * Computes the report.
     *
     * @return the report
     */
    public BatchReport build() {
      return new ReportComputation(this).compute();
    }
  }
}
