/**
 * Reports on a batch run: the municipality-wide view a job centre needs to know where it cannot
 * serve employers and what to do about it.
 *
 * <p>{@link dk.jobmatch.report.BatchReport} is built from a {@link dk.jobmatch.batch.BatchResult}
 * — which holds, per order, both the qualified candidates and the chosen shortlist — plus citizen
 * attributes (from the population or the engine) and a taxonomy for grouping and labels. It has
 * six parts, each a plain record:
 *
 * <ul>
 *   <li><b>summary</b> — the run in numbers;
 *   <li><b>coverage</b> — orders without, or with too few, qualified and shortlisted candidates,
 *       by occupation (ISCO unit group) and by shortage category;
 *   <li><b>congestion</b> — proposals per citizen, their histogram and Gini coefficient, under
 *       independent top-k ("before") and after allocation;
 *   <li><b>shortage gaps</b> — shortage occupations with orders that cannot be filled;
 *   <li><b>upskilling</b> — the missing essential skills most often standing between near-miss
 *       candidates and shortage orders: what courses to buy;
 *   <li><b>exposure</b> — share of shortlist places against share of the pool, by target group
 *       and compensation scheme, as a fairness audit (no protected attribute is used or shown).
 * </ul>
 *
 * <p>A report holds counts only, never citizen ids. Rendering (JSON, HTML) lives in the CLI.
 */
package dk.jobmatch.report;
