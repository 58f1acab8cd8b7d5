/**
 * Tuning a scoring policy to a job centre's own outcomes, and comparing two policies.
 *
 * <p>A job centre knows, for past job orders, which candidates were invited to an interview and
 * who was hired. {@link dk.jobmatch.tuning.PolicyTuner} turns those {@link
 * dk.jobmatch.tuning.OutcomeLabel outcomes} into a {@link dk.jobmatch.scoring.ScoringPolicy}
 * whose weights (and chosen constants) rank the hired and interviewed candidates highest — nDCG
 * with gains 3 (hired), 1 (interviewed), 0 (rejected or no outcome) — on a training split of the
 * orders, and reports the held-back split's {@link dk.jobmatch.tuning.Metric metrics} for the start
 * and the tuned policy with bootstrap intervals ({@link dk.jobmatch.tuning.TuningResult}). The
 * score stays the same explainable weighted sum; only its numbers change.
 *
 * <h2>Why CMA-ES</h2>
 *
 * <p>nDCG changes only when two candidates swap places, so it is a step function of the weights
 * with no useful gradient. The covariance matrix adaptation evolution strategy (CMA-ES, of Apache
 * Commons Math 3, a well-kept library) needs no gradient, respects bounds, and copes with
 * plateaus by adapting its step size; with a handful of parameters a few thousand evaluations
 * suffice. Each evaluation is cheap: component values are computed once per candidate, and a
 * weight vector only re-sums them. Constants change the component values themselves, so the
 * second phase rescores through the scoring kernel for each evaluation.
 *
 * <h2>Guarding against overfitting</h2>
 *
 * <p>The objective subtracts {@code λ·‖θ − θ_start‖²}: a change away from the start policy must
 * buy enough training nDCG to pay for itself; the strength λ is given, or chosen by 3-fold
 * cross-validation on the training orders ({@link dk.jobmatch.tuning.TuningOptions#crossValidate()}).
 * The report always shows the held-back orders'
 * metrics for both policies with 95 % bootstrap intervals, and the paired difference, so a
 * committee can see whether the gain is real.
 *
 * <h2>What cannot be learned</h2>
 *
 * <p>A component whose value is the same for every candidate of an order — shortage always, since
 * it depends on the order's occupation alone, and inclusion when no order in the data has any
 * variation in it — adds the same amount to every candidate's score and cannot change a ranking.
 * Per-order outcomes therefore say nothing about its weight; the tuner keeps the start value and
 * says so in the report. Gates are not tuned either: a citizen the gates exclude cannot be ranked.
 *
 * <h2>Comparing policies</h2>
 *
 * <p>{@link dk.jobmatch.tuning.PolicyComparison} shows what a change of policy does before it is
 * adopted: per order the shortlists under both policies, their overlap at k, the citizens gained
 * and lost, and the same counted by target group.
 *
 * <p>The format of policy files, the method and a worked run are documented in the project's
 * {@code docs/policy.md}.
 *
 * @lucene.experimental
 */
package dk.jobmatch.tuning;
