/**
 * Batch matching: shortlists for all open job orders at once, so that the same strong candidates
 * are not sent to every employer while other orders get no one.
 *
 * <h2>How a batch flows</h2>
 *
 * <ol>
 *   <li><b>Candidates.</b> {@link dk.jobmatch.batch.BatchMatcher#run BatchMatcher.run} ranks each
 *       order through {@link dk.jobmatch.engine.MatchEngine#rank MatchEngine.rank} to a depth of a
 *       few times its shortlist length, in parallel. The engine applies every hard gate, so every
 *       candidate is qualified. Callers that already have candidate lists use {@link
 *       dk.jobmatch.batch.BatchMatcher#allocate BatchMatcher.allocate} instead.
 *   <li><b>Fixed seats.</b> Fortrinsadgang candidates (flag {@link
 *       dk.jobmatch.scoring.Flag#FORTRINSADGANG}) are placed first; they use capacity on both
 *       sides.
 *   <li><b>Allocation.</b> The remaining places are filled by an {@link dk.jobmatch.batch.Algorithm
 *       Algorithm}: by default an exact min-cost flow that maximises total fit plus a bonus for
 *       serving shortage orders and a bonus for every order that gets anybody at all (see {@link
 *       dk.jobmatch.batch.BatchOptions}), with no citizen on more than C shortlists. The greedy
 *       pass and independent top-k are there for comparison.
 *   <li><b>Result.</b> A {@link dk.jobmatch.batch.BatchResult} with one {@link
 *       dk.jobmatch.batch.Shortlist} per order, holding both the chosen candidates and all
 *       candidates considered; {@code dk.jobmatch.report} turns it into the coverage, congestion,
 *       shortage and upskilling report.
 * </ol>
 *
 * <h2>Why our own min-cost flow</h2>
 *
 * Google OR-Tools has a fast min-cost flow for Java, but as JNI over a native library per
 * platform, which a library embedded in municipal systems should not impose; JGraphT's
 * capacity-scaling min-cost flow is pure Java but works on boxed object graphs with
 * floating-point costs. Neither is among the project's dependencies. The batch graph is small
 * and bipartite (orders × a few dozen candidates each), so a successive-shortest-path solver
 * with potentials and early-exit Dijkstra on primitive arrays, with integer costs for exact and
 * deterministic results, is a few hundred lines; for 5,000 orders the shortest-path searches
 * settle about three nodes per place, and the whole allocation takes about a second.
 *
 * <p>Progress goes to a {@link dk.jobmatch.batch.BatchListener}; a run is cancelled by
 * interrupting its thread.
 */
package dk.jobmatch.batch;
