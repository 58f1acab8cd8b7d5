/**
 * Internal: the scoring kernel — the one implementation of the formula, free of Lucene types.
 * Not exported.
 *
 * <h2>The parts</h2>
 *
 * <ul>
 *   <li>{@link dk.jobmatch.kernel.CompiledOrder}: a job order prepared for scoring under a {@link
 *       dk.jobmatch.scoring.ScoringPolicy policy}: required skills with normalised weights, the
 *       credit each held skill gives to each requirement (itself 1, related skills less), the
 *       resolved occupation, the gates as primitives.
 *   <li>{@link dk.jobmatch.kernel.CitizenFeatures}: the compact, immutable scoring view of one
 *       citizen (sorted interned skill ids, resolved occupation codes, packed flags).
 *   <li>{@link dk.jobmatch.kernel.FeatureScorer}: the gates, the component values, the total and
 *       the explanation — {@code score = 0} if a gate fails, else {@code Σ wᵢ·fᵢ}.
 *   <li>{@link dk.jobmatch.kernel.PopulationStats}: skill frequencies for rarity-based
 *       specificity; {@link dk.jobmatch.kernel.Vocabularies}: string interning;
 *       {@link dk.jobmatch.kernel.TopK}: the bounded, deterministic top-k heap.
 *   <li>{@link dk.jobmatch.kernel.Shortlists}: the one shortlist assembler (top k in ranking
 *       order, fortrinsadgang seats after it, explanations of the final list only), fed with
 *       {@link dk.jobmatch.kernel.Scored} candidates by the retrieval, the exhaustive {@link
 *       dk.jobmatch.kernel.PreparedPopulation} and the standing lists.
 *   <li>{@link dk.jobmatch.kernel.CompiledOrder#difference} and {@link
 *       dk.jobmatch.kernel.CompiledOrder#scoreChangeBound}: how two compilations of an order
 *       differ and how far a score can move between them, from the same bounds as pruning.
 * </ul>
 *
 * <h2>Who uses it</h2>
 *
 * <p>The index's retrieval, the engine, the exhaustive {@link dk.jobmatch.engine.ReferenceScorer}
 * and the batch all score through this package, and it uses none of them (it depends only on the
 * model, the taxonomy and the public scoring types). Every constant comes from the policy
 * ({@link dk.jobmatch.scoring.PolicyConstant}); every upper bound a retrieval prunes with must be
 * derived from methods here, so that a change of the formula cannot leave a bound behind.
 *
 * @lucene.internal
 */
package dk.jobmatch.kernel;
