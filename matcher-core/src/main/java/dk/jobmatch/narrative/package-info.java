/**
 * Explanations in words: a {@link dk.jobmatch.narrative.Narrator} turns a {@link
 * dk.jobmatch.scoring.PairExplanation} ("why (not)?") or a {@link dk.jobmatch.scoring.Match}
 * into short sentences a caseworker can read aloud to the citizen, in Danish ({@code da}, the
 * default) or English ({@code en}); {@link dk.jobmatch.narrative.Labels} gives names instead of
 * codes; {@link dk.jobmatch.narrative.ExplanationPage} renders the printable page for the citizen.
 *
 * <h2>Design guide</h2>
 *
 * <ul>
 *   <li><b>Templates, not code, hold the words.</b> Every sentence is a {@link
 *       java.text.MessageFormat} pattern in {@code messages_da.properties} and {@code
 *       messages_en.properties} (UTF-8) beside these classes; both files have the same keys with
 *       the same arguments (a test checks it). Plurals use {@code choice} ({@code
 *       {0,choice,1#et krav|1<{0,number,integer} krav}}): Danish and English both have just "one"
 *       and "other", so ICU4J's plural rules would add a 13 MB dependency for nothing. Each
 *       language is loaded explicitly; there is no fallback to the JVM's default locale.
 *   <li><b>Addressed to the citizen.</b> "Du"/"you", the words a caseworker says: no component
 *       names, weights, policy constants or ranking terms; the schemes by the names a citizen
 *       knows (fleksjob, fortrinsadgang, personlig assistance, hjælpemidler; in English with the
 *       Danish word in brackets).
 *   <li><b>A failing gate says what was compared and what would change the answer</b>, one
 *       sentence per gate ("Jobbet ligger 43 km fra din bopæl; du har angivet højst 30 km. Hvis du
 *       kan tage 43 km til arbejde, opfylder du kravet.").
 *   <li><b>An eligible pair says its strongest reasons first</b>: the components with the
 *       largest contributions whose value is at least 0.5 (at
 *       most three), then the schemes, the partial credits
 *       ("tæller delvist for"), the missing essential skills as an upskilling need, and the other
 *       flags.
 *   <li><b>Numbers for people.</b> Distances in whole km, rounded from the value the gate shows (to
 *       0.1 km), with decimals only when rounding would hide why the gate failed (30.4 km over a
 *       30 km limit); dates written out ("1. november
 *       2026"); a score as whole points of 100 ({@link dk.jobmatch.narrative.Narrator#points}),
 *       so that the place on the list and the distance to it can be said ("du mangler 4 point"),
 *       never with decimals. The gap is the difference of the two rounded scores, so the three
 *       numbers said always add up; a gap under one point is said as such.
 *   <li><b>Only ids the caseworker holds.</b> The citizen's and the order's ids and the order's
 *       title; never another citizen's id or score, never a taxonomy URI when a label exists.
 *       Narrations are personal data: {@link dk.jobmatch.narrative.Narration#toString()} shows
 *       only a count, and nothing here logs.
 * </ul>
 *
 * <p>Every type is immutable and thread-safe.
 */
package dk.jobmatch.narrative;
