/**
 * Scoring: the {@link dk.jobmatch.scoring.ScoringPolicy policy}, the {@link
 * dk.jobmatch.scoring.Explanation explanation} every result carries, and the exhaustive {@link
 * dk.jobmatch.engine.ReferenceScorer reference scorer}.
 *
 * <h2>The formula</h2>
 *
 * <p>{@code score(citizen, order) = 0} if a hard {@link dk.jobmatch.scoring.Gate gate} fails, else
 * {@code Σ wᵢ·fᵢ} over the {@link dk.jobmatch.scoring.Component components}, each {@code fᵢ} in
 * [0, 1] and the weights summing to 1:
 *
 * <ul>
 *   <li><b>skills</b>: {@code Σⱼ ωⱼ·cⱼ / Σⱼ ωⱼ} over the order's required skills, where {@code ωⱼ}
 *       is 2 for an essential and 1 for an optional skill times its specificity (ESCO reuse level
 *       when the taxonomy knows it — transversal 0.5 … occupation-specific 1.25 — times the
 *       skill's rarity in the indexed population; rarity alone without a reuse level), and {@code cⱼ} is the best credit the citizen's skills give: 1
 *       for the skill itself, the taxonomy's partial credit for a related skill, times freshness
 *       (full for 3 years after last use, then −0.1 a year down to 0.5). An order naming no skills
 *       takes its occupation's essential and optional skills from the taxonomy ({@code
 *       DERIVED_REQUIREMENTS}).
 *   <li><b>occupation</b>: the best experience entry: hierarchy similarity (inside the order's
 *       group 1, another ESCO occupation of the same unit group 0.9, same unit group 0.9, same
 *       minor group 0.3, sub-major 0.1, major 0) × amount ({@code min(1, 0.8 + 0.1·years)}) ×
 *       recency (1 up to 5 years ago, 0.8 up to 10, then 0.6).
 *   <li><b>goal</b>: the best job goal: hierarchy similarity × priority (1, 0.85, 0.7, 0.6).
 *   <li><b>education</b>: 1 if the level is met; one level short 0.5 (0.75 for a shortage order)
 *       and {@code UPSKILLING_CANDIDATE}; two or more short 0.
 *   <li><b>distance</b>: halves every 15 km; 0.5 when a location is unknown.
 *   <li><b>inclusion</b>: 1 for a fleksjob-approved citizen and an order accepting fleksjob, or a
 *       compensation-scheme holder and a disability-friendly employer.
 *   <li><b>shortage</b>: 1 for a <i>mangel</i> occupation, 0.5 for <i>paradoks</i>: it lifts
 *       shortage orders in a citizen's suggestions and is constant within one order's ranking.
 * </ul>
 *
 * <p><b>Fortrinsadgang</b> is a rule, not a weight: for a public employer's order every
 * <i>qualified</i> holder — all gates pass, the education level met in full, every essential
 * skill credited, and some skill, occupation or goal credit — is on the shortlist, after the top
 * k if not in it.
 *
 * <h2>One formula, two executions</h2>
 *
 * <p>Every number named below is a default: each is a {@link dk.jobmatch.scoring.PolicyConstant}
 * that a policy may change within its documented range. {@link dk.jobmatch.scoring.PolicyFile}
 * reads and writes a policy as a JSON file (the format every command's {@code --policy} takes).
 *
 * <p>The formula is implemented once, in the internal scoring kernel, on compact per-citizen
 * features. The engine applies it to
 * the candidates its index retrieves; the reference scorer applies it to everyone. Tests hold the
 * engine's top k equal to the reference scorer's, so any pruning the index does is provably safe.
 *
 * <h2>"Why not?"</h2>
 *
 * <p>A {@link dk.jobmatch.scoring.PairExplanation} answers for one (citizen, order) pair: every
 * gate as a {@link dk.jobmatch.scoring.GateCheck} (passed, relaxed, and the values compared in the
 * units of the input), and for an eligible citizen the {@link dk.jobmatch.scoring.Match}, the rank
 * among all eligible citizens, the score of the k-th place and the gap to it. The gate rules are
 * the kernel's, the same methods the ranking's gate check calls.
 *
 * <p>All public types here are immutable and thread-safe.
 */
package dk.jobmatch.scoring;
