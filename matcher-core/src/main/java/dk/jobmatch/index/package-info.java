/**
 * Internal: the citizen and order stores and the retrieval that feeds the scoring kernel. Not
 * exported.
 *
 * <h2>How a ranking flows</h2>
 *
 * <ol>
 *   <li>Under the index's read lock, the order is {@link dk.jobmatch.kernel.CompiledOrder
 *       compiled} with the statistics of the population the search sees.
 *   <li>{@link dk.jobmatch.index.TermAtATime} accumulates per-citizen upper bounds
 *       term-at-a-time over in-memory {@link dk.jobmatch.index.Postings} (per skill, per
 *       occupation and goal hierarchy level), with the kernel's bound methods; dense low-value
 *       terms may be left out, their bound added to every citizen instead.
 *   <li>It seeds a top-k heap by exactly scoring the best bounds, then checks every other
 *       touched citizen from cheap to exact (bound; flag gates and non-term part from a packed
 *       per-citizen record; commute and exact non-term part; the full {@link
 *       dk.jobmatch.kernel.FeatureScorer} score), so only citizens that can still enter are
 *       scored.
 *   <li>Citizens sharing no term with the order are scanned only when the k-th score does not
 *       clear what they can reach.
 *   <li>It returns candidates with exact scores ({@link dk.jobmatch.index.Retrieved}: the top k,
 *       for public employers the fortrinsadgang holders outside it who could qualify, and the {@link
 *       dk.jobmatch.index.SearchStats}); nothing is explained here. The kernel's {@link
 *       dk.jobmatch.kernel.Shortlists shortlist assembler} makes the list.
 * </ol>
 *
 * <p>Which terms may be left out is each engine's {@link dk.jobmatch.index.RetrievalSettings};
 * there is no static state.
 *
 * <h2>Storage and visibility</h2>
 *
 * <p>Lucene holds each citizen's id and stored binary source ({@link
 * dk.jobmatch.index.ModelCodec}) for durability, updates, deletes and erasure; it is not on the
 * search path. Every upsert and delete updates the in-memory structures before it returns, so
 * every search that starts afterwards sees it. Opening reads every citizen back and computes its
 * features, unless the start-up snapshot ({@code StartupSnapshot}) of the very
 * commit being opened is present and valid (then it reads the features from it).
 *
 * @lucene.internal
 */
package dk.jobmatch.index;
