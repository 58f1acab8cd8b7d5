package dk.jobmatch.engine;

/**
 * Receives every shortlist an engine proposes, so that the calling system can keep a record of
 * what the machine suggested, under which policy, and what the caseworker then decided (GDPR
 * art. 22: the engine proposes, a human decides). Set with {@link
 * MatchEngine.Builder#auditListener(AuditListener)}.
 *
 * <p>Called synchronously on the thread that asked for the shortlist, after it was computed and
 * before it is returned: for every {@link MatchEngine#rank rank}, every {@link
 * MatchEngine#suggest suggest}, and for every order of a {@link dk.jobmatch.batch.BatchMatcher
 * batch} (its ranking, then its allocated shortlist). If the listener throws, the exception
 * reaches the caller instead of the shortlist (fail closed: no proposal that was not recorded).
 *
 * <p>Implementations must be thread-safe: an engine serves concurrent callers. The event holds
 * ids and explanations, which are personal data: store them as securely as the case file.
 */
@FunctionalInterface
public interface AuditListener {
  /**
   * Records one proposed shortlist.
   *
   * @param event the shortlist with its order or citizen, policy and day; never null
   */
  void shortlist(AuditEvent event);
}
