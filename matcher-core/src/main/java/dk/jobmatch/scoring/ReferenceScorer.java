package dk.jobmatch.scoring;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** PLACEHOLDER: the exhaustive reference scorer. */
public final class ReferenceScorer {
  public ReferenceScorer(Taxonomy taxonomy, ShortageLookup shortage, ScoringPolicy policy, LocalDate asOf) {}
  public List<Match> rank(Collection<Citizen> population, JobOrder order, int k) { return List.of(); }
  public List<Match> suggest(Collection<JobOrder> orders, Citizen citizen, int k) { return List.of(); }
  public Optional<Match> explain(Collection<Citizen> population, Citizen citizen, JobOrder order) { return Optional.empty(); }
}
