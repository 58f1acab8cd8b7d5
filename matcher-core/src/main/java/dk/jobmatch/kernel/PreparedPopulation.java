package dk.jobmatch.kernel;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A population prepared once for many exhaustive rankings: its citizens' features interned in
 * one set of vocabularies, and its skill statistics. What the reference scorer and the exact
 * scan of the benchmarks rank over.
 *
 * <p>Immutable once prepared; thread-safe to rank against.
 *
 * @param vocabularies the vocabularies the features are interned in
 * @param features per citizen, in the population's order
 * @param stats the skill statistics of the population
 *
 * @lucene.internal
 */
public record PreparedPopulation(Vocabularies vocabularies, List<CitizenFeatures> features, PopulationStats stats) {
  /** Compact constructor: copies the feature list. */
  public PreparedPopulation {
    features = List.copyOf(features);
  }

  /**
   * Prepares {@code citizens} with occupations placed by {@code taxonomy}.
   *
   * @throws NullPointerException if an argument or a citizen is null
   */
  public static PreparedPopulation of(Collection<Citizen> citizens, Taxonomy taxonomy) {
    Vocabularies v = Vocabularies.create();
    List<CitizenFeatures> features = new ArrayList<>(citizens.size());
    for (Citizen c : citizens) {
      features.add(CitizenFeatures.of(c, v, taxonomy::resolve));
    }
    return new PreparedPopulation(v, features, PopulationStats.of(features, v.skills().size()));
  }

  /** One more citizen's features in this population's vocabularies (not added to the population). */
  public CitizenFeatures features(Citizen c, Taxonomy taxonomy) {
    return CitizenFeatures.of(c, vocabularies, taxonomy::resolve);
  }

  /**
   * The exhaustive ranking: every citizen scored, the top {@code k} best first (ties by citizen
   * id), followed — for a public employer — by every other qualified fortrinsadgang holder.
   * Citizens failing a gate or scoring 0 are never included.
   */
  public List<Match> rank(CompiledOrder o, int k) {
    return Shortlists.assemble(o, TopK.of(o, features, k), k, features);
  }

  /**
   * Every citizen other than {@code exceptId} who passes every gate and scores above 0, with
   * the exact score, in ranking order: what "why not?" counts a citizen's place among.
   */
  public List<Scored> candidates(CompiledOrder o, String exceptId) {
    List<Scored> out = new ArrayList<>();
    FeatureScorer.Scratch scratch = new FeatureScorer.Scratch(o);
    for (CitizenFeatures f : features) {
      if (!f.id.equals(exceptId)) {
        double s = FeatureScorer.score(o, f, scratch);
        if (s > 0) {
          out.add(new Scored(s, f));
        }
      }
    }
    out.sort(Shortlists::compare);
    return out;
  }

  /** {@code order} compiled against this population's vocabularies and statistics. */
  public CompiledOrder compile(JobOrder order, Taxonomy taxonomy, ShortageLookup shortage, ScoringPolicy policy,
      LocalDate asOf) {
    return CompiledOrder.compile(order, taxonomy, shortage, policy, asOf, vocabularies, stats);
  }
}
