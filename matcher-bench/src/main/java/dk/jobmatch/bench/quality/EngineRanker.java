package dk.jobmatch.bench.quality;

import dk.jobmatch.bench.quality.QualityDataset.LabelledCitizen;
import dk.jobmatch.bench.quality.QualityDataset.LabelledOrder;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The engine under a scoring policy, used only through its public API: an in-memory {@link
 * MatchEngine} with the dataset's taxonomy, pinned to {@link QualityDataset#AS_OF}, every citizen
 * upserted and refreshed and every order upserted; {@code rank} and {@code suggest} as a job
 * centre would call them. Immutable and thread-safe.
 */
public final class EngineRanker implements Ranker {
  private final String name;
  private final ScoringPolicy policy;

  /** The engine with {@code policy}, shown as {@code name}. */
  public EngineRanker(String name, ScoringPolicy policy) {
    this.name = Objects.requireNonNull(name, "name");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public String name() {
    return name;
  }

  /** The policy. */
  public ScoringPolicy policy() {
    return policy;
  }

  @Override
  public Prepared prepare(QualityDataset d) {
    MatchEngine engine = MatchEngine.builder().taxonomy(d.taxonomy().taxonomy()).policy(policy)
        .asOf(QualityDataset.AS_OF).build();
    engine.upsertAll(d.citizenRecords());
    engine.refresh();
    for (LabelledOrder o : d.orders()) {
      engine.upsertOrder(o.order());
    }
    return new Prepared() {
      @Override
      public List<String> rank(LabelledOrder order, int k) {
        return engine.rank(order.order(), k).stream().map(Match::citizenId).toList();
      }

      @Override
      public List<String> suggest(LabelledCitizen citizen, int k) {
        return engine.suggest(citizen.citizen(), k).stream().map(Match::orderId).toList();
      }

      @Override
      public void close() {
        try {
          engine.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
