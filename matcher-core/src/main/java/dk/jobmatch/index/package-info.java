/**
 * Internal: the Lucene indexes and the retrieval that feeds the scoring kernel. Not exported.
 *
 * <h2>How a ranking flows</h2>
 *
 * <ol>
 *   <li>The order is {@link dk.jobmatch.kernel.CompiledOrder compiled}: required skills get
 *       normalised weights, each skill that can credit a requirement (itself, related skills) gets
 *       its credit, the occupation is resolved into the ISCO/DISCO hierarchy, gates become
 *       primitives.
 *   <li>{@link dk.jobmatch.index.CitizenIndex} turns it into one Lucene query: a disjunction of
 *       constant-score term clauses whose boosts are <em>upper bounds</em> of what a citizen can
 *       earn through them (a disjunction-max per required skill over the skill and its related
 *       skills; one clause per occupation hierarchy level boosted by the credit that level adds,
 *       so the levels a citizen matches sum to the exact bound and the dense broad levels carry
 *       small maxima). Gates are not a filter here — a filter would lead the conjunction and
 *       defeat pruning — but are checked exactly on each candidate.
 *   <li>A collector rescoring each candidate exactly with the {@link
 *       dk.jobmatch.kernel.FeatureScorer} from the {@link dk.jobmatch.kernel.CitizenFeatures
 *       feature store} keeps the top k and raises Lucene's minimum competitive score as the k-th
 *       exact score rises, so MaxScore/WAND skip candidates that cannot enter.
 *   <li>Citizens that match no term can only earn the non-term components (education, distance,
 *       inclusion, shortage, and related skills left out of very large queries); if the k-th score does not beat that
 *       bound, they are scanned too, through a filter of every gate that terms and points can
 *       express.
 *   <li>The top k are explained; for public employers, qualified fortrinsadgang holders follow.
 * </ol>
 *
 * <h2>Storage and visibility</h2>
 *
 * <p>Each citizen has a stable ordinal stored as a doc value; features live in a chunked array by
 * ordinal, updated in place, so updates and erasure reach searches at once while new documents
 * wait for the next near-real-time refresh. The stored binary source ({@link
 * dk.jobmatch.index.ModelCodec}) lets a persistent index be reopened into the same records.
 *
 * @lucene.internal
 */
package dk.jobmatch.index;
