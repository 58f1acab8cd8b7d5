package dk.jobmatch.engine;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The matching engine: an index of citizens and of open job orders, ranked both ways.
 * PLACEHOLDER — the implementation follows in this file.
 */
public final class MatchEngine implements Closeable {
  private MatchEngine(Builder b) {
    throw new UnsupportedOperationException("not yet");
  }

  public static Builder builder() {
    return new Builder();
  }

  public void upsert(Citizen citizen) {}
  public void upsertAll(Collection<Citizen> citizens) {}
  public boolean delete(String citizenId) { return false; }
  public void upsertOrder(JobOrder order) {}
  public boolean deleteOrder(String orderId) { return false; }
  public void refresh() {}
  public void commit() {}
  public List<Match> rank(JobOrder order, int k) { return List.of(); }
  public List<Match> suggest(Citizen citizen, int k) { return List.of(); }
  public Optional<Match> explain(Citizen citizen, JobOrder order) { return Optional.empty(); }
  public Optional<Citizen> citizen(String id) { return Optional.empty(); }
  public Optional<JobOrder> order(String id) { return Optional.empty(); }
  public List<JobOrder> orders() { return List.of(); }
  public int citizenCount() { return 0; }
  public int orderCount() { return 0; }
  public ScoringPolicy policy() { return null; }
  public Taxonomy taxonomy() { return null; }
  public ShortageLookup shortage() { return null; }
  public LocalDate today() { return null; }
  @Override public void close() throws IOException {}

  public static final class Builder {
    public Builder taxonomy(Taxonomy t) { return this; }
    public Builder shortage(ShortageLookup s) { return this; }
    public Builder policy(ScoringPolicy p) { return this; }
    public Builder directory(Path p) { return this; }
    public Builder clock(Clock c) { return this; }
    public Builder asOf(LocalDate d) { return this; }
    public Builder refreshInterval(Duration d) { return this; }
    public MatchEngine build() throws UncheckedIOException { return new MatchEngine(this); }
  }
}
