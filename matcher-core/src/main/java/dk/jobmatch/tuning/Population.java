package dk.jobmatch.tuning;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.PopulationStats;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The citizens a tuning run ranks, as the scoring kernel sees them: their features in one
 * vocabulary, the population's skill statistics, and each citizen's place in id order (the
 * engine's tie-break). Compiles orders against them. Immutable after construction; thread-safe.
 */
final class Population {
  final Vocabularies vocabularies;
  final List<CitizenFeatures> features;
  final PopulationStats stats;
  final Map<String, Integer> indexById;
  /** Per citizen (feature index), its place when the citizens are sorted by id. */
  final int[] idOrder;
  private final Taxonomy taxonomy;
  private final ShortageLookup shortage;
  private final LocalDate asOf;

  Population(Collection<Citizen> citizens, Taxonomy taxonomy, ShortageLookup shortage, LocalDate asOf) {
    this.taxonomy = taxonomy;
    this.shortage = shortage;
    this.asOf = asOf;
    this.vocabularies = Vocabularies.create();
    Map<String, Citizen> unique = new LinkedHashMap<>();
    for (Citizen c : citizens) {
      unique.put(c.id(), c); // a later record for the same id wins
    }
    List<CitizenFeatures> fs = new ArrayList<>(unique.size());
    for (Citizen c : unique.values()) {
      fs.add(CitizenFeatures.of(c, vocabularies, taxonomy::resolve));
    }
    this.features = List.copyOf(fs);
    this.stats = PopulationStats.of(features, vocabularies.skills().size());
    this.indexById = new HashMap<>();
    Integer[] byId = new Integer[features.size()];
    for (int i = 0; i < features.size(); i++) {
      indexById.put(features.get(i).id, i);
      byId[i] = i;
    }
    java.util.Arrays.sort(byId, (a, b) -> features.get(a).id.compareTo(features.get(b).id));
    this.idOrder = new int[features.size()];
    for (int r = 0; r < byId.length; r++) {
      idOrder[byId[r]] = r;
    }
  }

  CompiledOrder compile(JobOrder o, ScoringPolicy policy) {
    return CompiledOrder.compile(o, taxonomy, shortage, policy, asOf, vocabularies, stats);
  }
}
