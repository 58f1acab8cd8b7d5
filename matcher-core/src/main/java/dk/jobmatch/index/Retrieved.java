package dk.jobmatch.index;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.Scored;
import java.util.List;

/**
 * What a retrieval returns: candidates with their exact scores, not explained. The engine hands
 * them to the kernel's {@link dk.jobmatch.kernel.Shortlists shortlist assembler}. Immutable (the
 * features are immutable too, so the result may be used after the index has moved on).
 *
 * @param order the order as compiled for this search (with the statistics of the population it saw)
 * @param top the exact top k (scores above 0), best first
 * @param fortrinsadgangCandidates for a public employer, every holder of fortrinsadgang not in
 *     {@code top} who could qualify (holds one of the order's terms, passes the flag and commute
 *     gates; the assembler applies the kernel's full rule); empty otherwise
 * @param stats what the search did
 *
 * @lucene.internal
 */
public record Retrieved(CompiledOrder order, List<Scored> top, List<CitizenFeatures> fortrinsadgangCandidates,
    SearchStats stats) {
  /** Compact constructor: copies the lists. */
  public Retrieved {
    top = List.copyOf(top);
    fortrinsadgangCandidates = List.copyOf(fortrinsadgangCandidates);
  }
}
