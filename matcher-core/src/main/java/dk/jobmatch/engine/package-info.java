/**
 * The engine: {@link dk.jobmatch.engine.MatchEngine}, the thread-safe facade that municipal
 * systems embed.
 *
 * <p>An engine owns an index of citizens and one of open job orders. It ranks citizens for an
 * order ({@code rank}), orders for a citizen ({@code suggest}) and explains single pairs ({@code
 * explain}), always with the same formula as the {@link dk.jobmatch.engine.ReferenceScorer} and
 * the same explanations. It is in memory by default and persistent (Lucene commits) when given a
 * directory. Searches run concurrently with each other and with updates.
 *
 * <p>Privacy: {@link dk.jobmatch.engine.MatchEngine#delete} removes a citizen from every later
 * result and {@link dk.jobmatch.engine.MatchEngine#purgeDeleted} erases the bytes from the index
 * files; index files are owner-only. An optional {@link dk.jobmatch.engine.AuditListener} receives
 * every proposed shortlist ({@link dk.jobmatch.engine.AuditEvent}) with the policy's label and
 * {@link dk.jobmatch.engine.PolicyFingerprint fingerprint}, so that the calling system can record
 * what was proposed and what a caseworker decided (GDPR art. 22).
 *
 * <pre>{@code
 * try (MatchEngine engine = MatchEngine.builder().taxonomy(SampleTaxonomy.get()).build()) {
 *   engine.upsertAll(citizens);
 *   engine.refresh();
 *   List<Match> shortlist = engine.rank(order, 10);
 * }
 * }</pre>
 *
 * <p>{@link dk.jobmatch.engine.LiveShortlists} keeps a standing shortlist for every open order and
 * standing suggestions for every citizen on top of an engine, current as citizens and orders
 * change, and reports each change of them as a {@link dk.jobmatch.engine.ShortlistEvent} (entered,
 * left, suggested) to a {@link dk.jobmatch.engine.ShortlistListener}.
 */
package dk.jobmatch.engine;
