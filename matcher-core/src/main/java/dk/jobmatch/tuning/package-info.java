/**
 * Tuning a scoring policy to a job centre's own outcomes, judging it, and comparing two policies.
 *
 * <p>A job centre knows, for past job orders, whom it proposed (and at which rank), who was
 * invited to an interview and who was hired. {@link dk.jobmatch.tuning.PolicyTuner} turns those
 * {@link dk.jobmatch.tuning.OutcomeLabel outcomes} into a {@link
 * dk.jobmatch.scoring.ScoringPolicy} whose weights and constants rank the hired and interviewed
 * above the other candidates <em>with an outcome</em> ({@link
 * dk.jobmatch.tuning.TuningMethod#OBSERVED_ORDER}), each outcome weighted by the inverse {@link
 * dk.jobmatch.tuning.Propensity propensity} of the rank it was proposed at; candidates nobody
 * proposed are not taught as negatives. The held-back orders are judged with the whole eligible
 * population ranked ({@link dk.jobmatch.tuning.Metric}: nDCG@k, recall at 10, 50 and 100, median
 * rank, MRR; paired bootstrap intervals) and the {@link dk.jobmatch.tuning.TuningResult} ends with
 * a {@link dk.jobmatch.tuning.Verdict}. {@link dk.jobmatch.tuning.RankingMetrics} is the one
 * implementation of the ranking metrics, shared with the quality benchmark. The score stays the
 * same explainable weighted sum; only its numbers change.
 *
 * <p>Inside, {@code PolicyTuner} orchestrates; {@code Population} holds the citizens' features,
 * {@code TrainingCase} one order's candidates, {@code Objective} what is maximised, {@code
 * PolicySpace} the parameters and their bounds and relations, {@code CmaesSearch} the optimiser,
 * and {@code HeldBackEvaluation} the judgement on held-back orders.
 *
 * <h2>Why CMA-ES</h2>
 *
 * <p>A ranking objective changes only when two candidates swap places, so it is a step function of the weights
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
 * buy enough training objective to pay for itself; the strength λ is given, or chosen by 3-fold
 * cross-validation on the training orders ({@link dk.jobmatch.tuning.TuningOptions#crossValidate()}).
 * A formula constant is fitted only where the training outcomes can inform it, and moved only on
 * a gain that is significant over the training orders ({@link
 * dk.jobmatch.tuning.TuningResult.Evidence}), and only if that gain outweighs μ times the share
 * of the pairs among the start policy's top 100 that the outcomes are silent about and the move
 * reorders ({@link dk.jobmatch.tuning.TuningOptions#keepOrder()}, {@link
 * dk.jobmatch.tuning.TuningResult.KeptOrder}): where the outcomes say nothing, the start policy's
 * order is kept.
 * The report always shows the held-back orders'
 * metrics for both policies with 95 % bootstrap intervals and the paired difference, at the top
 * and deep in the list, and the verdict refuses a policy that is significantly worse on any of
 * them, so a committee can see whether the gain is real and what it costs.
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
