package dk.jobmatch.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to "why was this citizen (not) proposed for this order?": every {@link Gate}
 * evaluated, and for an eligible citizen the score with its explanation and the citizen's place
 * among all eligible citizens.
 *
 * <p>A citizen is <em>eligible</em> when every gate passes (relaxed gates always pass). The
 * {@code rank} is then the 1-based place among the citizens the ranking considers (every gate
 * passed, score above 0) by score descending, ties by citizen id — the place {@code rank(order,
 * k)} would list the citizen at with a large enough {@code k}; fortrinsadgang holders listed
 * after the top k are not counted as seats. {@code kthScore} is the score of the {@code k}-th
 * place (the last seat of a top-{@code k} shortlist), empty when fewer than {@code k} citizens
 * are eligible; {@code gapToTop} is the score the citizen lacks to equal it, 0 when the citizen
 * is within the top {@code k} or fewer than {@code k} are eligible.
 *
 * <p>Immutable and thread-safe.
 *
 * @param citizenId the citizen's id
 * @param orderId the order's id
 * @param gates every gate, in {@link Gate} order
 * @param match the score and its explanation, present exactly when eligible
 * @param k the shortlist length {@code kthScore} and {@code gapToTop} refer to
 * @param rank the 1-based place when eligible, else 0
 * @param gapToTop the score lacking to the {@code k}-th place (≥ 0); 0 when not eligible. The name
 *     is kept for compatibility: it is the gap to the {@code k}-th place, not to the first; read it
 *     as {@link #gapToKth()}
 * @param kthScore the {@code k}-th place's score; empty when not eligible or fewer than {@code k}
 *     are eligible
 * @param closed present when the order is closed on the day matched on (reason {@code
 *     ORDER_CLOSED}, with the two dates compared): the pair is then not eligible, whatever the gates
 */
public record PairExplanation(String citizenId, String orderId, List<GateCheck> gates, Optional<Match> match, int k,
    int rank, double gapToTop, OptionalDouble kthScore, Optional<OrderClosed> closed) {

  /**
   * An explanation for an open order ({@code closed} empty).
   *
   * @param citizenId the citizen's id
   * @param orderId the order's id
   * @param gates every gate, in {@link Gate} order
   * @param match the score and its explanation, present exactly when every gate passed
   * @param k the shortlist length {@code kthScore} and {@code gapToTop} refer to, at least 1
   * @param rank the 1-based place when eligible, else 0
   * @param gapToTop the score lacking to the {@code k}-th place (at least 0); 0 when not eligible
   * @param kthScore the {@code k}-th place's score; empty when not eligible or fewer than {@code k}
   *     are eligible
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public PairExplanation(String citizenId, String orderId, List<GateCheck> gates, Optional<Match> match, int k,
      int rank, double gapToTop, OptionalDouble kthScore) {
    this(citizenId, orderId, gates, match, k, rank, gapToTop, kthScore, Optional.empty());
  }

  /**
   * Checks consistency and copies {@code gates}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the gates are not every gate in enum order, if {@code
   *     match} is present but a gate failed or the order is closed (or absent while all passed on
   *     an open order), or if {@code k}, {@code rank} or {@code gapToTop} is out of range
   */
  public PairExplanation {
    Objects.requireNonNull(citizenId, "citizenId");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(kthScore, "kthScore");
    Objects.requireNonNull(closed, "closed");
    gates = List.copyOf(gates);
    Gate[] all = Gate.values();
    if (gates.size() != all.length) {
      throw new IllegalArgumentException("gates: " + gates.size() + " given; every one of the " + all.length + " gates is required");
    }
    boolean allPassed = true;
    for (int i = 0; i < all.length; i++) {
      if (gates.get(i).gate() != all[i]) {
        throw new IllegalArgumentException("gates: '" + gates.get(i).gate() + "' at position " + i + " must be " + all[i]);
      }
      allPassed &= gates.get(i).passed();
    }
    if ((allPassed && closed.isEmpty()) != match.isPresent()) {
      throw new IllegalArgumentException("match: must be present exactly when every gate passes and the order is open");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k: '" + k + "' must be at least 1");
    }
    if (match.isPresent() ? rank < 1 : rank != 0) {
      throw new IllegalArgumentException("rank: '" + rank + "' must be at least 1 when eligible, else 0");
    }
    if (!(gapToTop >= 0) || (!match.isPresent() && (gapToTop != 0 || kthScore.isPresent()))) {
      throw new IllegalArgumentException("gapToTop: '" + gapToTop + "' must be at least 0, and 0 with no kthScore when not eligible");
    }
  }

  /**
   * The score the citizen lacks to equal the {@code k}-th place, the last seat of a top-{@code k}
   * shortlist: the value of {@code gapToTop}, under the name that says what it is ({@code
   * gapToTop} is kept for compatibility; it never meant the gap to the first place).
   *
   * @return the score lacking to the {@code k}-th place, at least 0; 0 within the top {@code k},
   *     when fewer than {@code k} are eligible, or when not eligible
   */
  public double gapToKth() {
    return gapToTop;
  }

  /**
   * Whether every gate passed on an open order (the citizen can be proposed for the order).
   *
   * @return true if {@link #match()} is present
   */
  public boolean eligible() {
    return match.isPresent();
  }

  /**
   * The gates that failed, in {@link Gate} order; empty when eligible.
   *
   * @return an unmodifiable list of the gates that did not pass
   */
  public List<Gate> failedGates() {
    List<Gate> failed = new ArrayList<>();
    for (GateCheck g : gates) {
      if (!g.passed()) {
        failed.add(g.gate());
      }
    }
    return List.copyOf(failed);
  }

  /**
   * The check of one gate.
   *
   * @param gate the gate
   * @return its check in {@link #gates()}
   * @throws NullPointerException if {@code gate} is null
   */
  public GateCheck gate(Gate gate) {
    return gates.get(gate.ordinal());
  }

  /**
   * Whether the citizen holds one of the first {@code k} places.
   *
   * @return true if eligible and {@code rank <= k}
   */
  public boolean withinTopK() {
    return eligible() && rank <= k;
  }

  /** Ids, eligibility, failed gates and place; values and explanation describe a person and are left out. */
  @Override
  public String toString() {
    return "PairExplanation[citizen=" + citizenId + ", order=" + orderId + ", eligible=" + eligible()
        + (eligible() ? ", rank=" + rank + ", k=" + k : ", failed=" + failedGates())
        + (closed.isPresent() ? ", " + OrderClosed.REASON : "") + "]";
  }
}
