package dk.jobmatch.engine;

import dk.jobmatch.scoring.Match;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One shortlist proposed by the engine, for an {@link AuditListener}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the kind, ids and size only.
 *
 * @param kind what produced it
 * @param at when it was produced (the engine's clock)
 * @param asOf the day scored for
 * @param policy the scoring policy's label, {@code name@version}
 * @param policyHash the {@linkplain PolicyFingerprint fingerprint} of the policy in force: equal for
 *     equal policies, different when any weight, gate or constant differs
 * @param orderId the order ranked ({@code RANK}, {@code BATCH}), or {@code null} for {@code SUGGEST}
 * @param citizenId the citizen given suggestions ({@code SUGGEST}), or {@code null}
 * @param shortlist the proposals, best first, each with its explanation
 */
public record AuditEvent(
    Kind kind, Instant at, LocalDate asOf, String policy, String policyHash, String orderId, String citizenId, List<Match> shortlist) {

  /** What produced a shortlist. */
  public enum Kind {
    /** {@link MatchEngine#rank}: citizens for an order. */
    RANK,
    /** {@link MatchEngine#suggest}: orders for a citizen. */
    SUGGEST,
    /** A batch's allocated shortlist for one order ({@link dk.jobmatch.batch.BatchMatcher}). */
    BATCH
  }

  /**
   * Copies the shortlist.
   *
   * @throws NullPointerException if kind, at, policy, policyHash or shortlist is null
   */
  public AuditEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(policyHash, "policyHash");
    shortlist = List.copyOf(shortlist);
  }

  @Override
  public String toString() {
    return "AuditEvent[" + kind + ", order=" + orderId + ", citizen=" + citizenId + ", policy=" + policy
        + " " + policyHash + ", " + shortlist.size() + " proposals]";
  }
}
