package dk.jobmatch.kernel;

import dk.jobmatch.internal.Ranking;
import dk.jobmatch.scoring.Match;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one shortlist assembler: from candidates with exact scores to the list a caller sees. It
 * serves {@code MatchEngine.rank}, the reference scorer, the standing (live) shortlists, the
 * batch (through {@code rank}) and "why not?" alike, so the rules below are written once:
 *
 * <ol>
 *   <li>the top {@code k} candidates in {@linkplain Ranking ranking order} (score descending,
 *       ties by citizen id);
 *   <li>for a public employer, after them, every other candidate of the fortrinsadgang holders
 *       given who {@linkplain FeatureScorer#qualifiesForFortrinsadgang qualifies} (the kernel's
 *       rule), in ranking order;
 *   <li>explanations are built for this final list only.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 *
 * @lucene.internal
 */
public final class Shortlists {
  private Shortlists() {}

  /**
   * Assembles a shortlist.
   *
   * @param o the compiled order the scores were computed with
   * @param candidates scored candidates (any order, each citizen once, scores above 0); the best
   *     {@code k} are kept
   * @param k the shortlist length
   * @param holders fortrinsadgang holders to consider for the seats after the top k (any order;
   *     members of the top k, repeats and citizens who do not qualify are skipped); ignored unless
   *     the employer is public
   * @return the top k explained, then the qualified holders explained; immutable
   */
  public static List<Match> assemble(CompiledOrder o, List<Scored> candidates, int k,
      Iterable<CitizenFeatures> holders) {
    List<Scored> sorted = new ArrayList<>(candidates);
    sorted.sort(Shortlists::compare);
    List<Match> out = new ArrayList<>(Math.min(k, sorted.size()));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sorted.size() && out.size() < k; i++) {
      CitizenFeatures f = sorted.get(i).citizen();
      Match m = FeatureScorer.explain(o, f);
      if (m != null && seen.add(f.id)) {
        out.add(m);
      }
    }
    if (o.publicEmployer) {
      List<Match> seats = new ArrayList<>();
      for (CitizenFeatures f : holders) {
        // The kernel's rule first: it fails fast for most holders and reads only their features.
        if (f != null && FeatureScorer.qualifiesForFortrinsadgang(o, f) && !seen.contains(f.id)) {
          Match m = FeatureScorer.explain(o, f);
          if (m != null) {
            seen.add(f.id);
            seats.add(m);
          }
        }
      }
      seats.sort(Match.BY_SCORE_THEN_CITIZEN);
      out.addAll(seats);
    }
    return List.copyOf(out);
  }

  /**
   * The other direction (a citizen's suggestions): the indexes into {@code orders} of the best
   * {@code k} orders for the citizen (score above 0), best first, ties by order id.
   */
  public static int[] bestOrders(List<CompiledOrder> orders, CitizenFeatures f, int k) {
    double[] scores = new double[orders.size()];
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      scores[i] = FeatureScorer.score(orders.get(i), f);
      if (scores[i] > 0) {
        hits.add(i);
      }
    }
    hits.sort((a, b) -> Ranking.compare(scores[a], orders.get(a).order.id(), scores[b], orders.get(b).order.id()));
    int n = Math.min(k, hits.size());
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = hits.get(i);
    }
    return out;
  }

  /** Ranking order of two scored candidates. */
  public static int compare(Scored a, Scored b) {
    return Ranking.compare(a.score(), a.id(), b.score(), b.id());
  }
}
