/**
 * Small runnable programs showing the jobmatch API.
 *
 * <ul>
 *   <li>{@link dk.jobmatch.examples.QuickStart}: the README's one-screen example — build an engine,
 *       add two citizens, rank them for one job order, print the explanation.
 *   <li>{@link dk.jobmatch.examples.MunicipalityDemo}: the README's demo ({@code ./mvnw -q -Pdemo
 *       -DskipTests package}) — a Glostrup-like municipality of 300 synthetic citizens and twelve
 *       job orders, with shortlists and suggestions printed the way a caseworker reads them.
 *   <li>{@link dk.jobmatch.examples.GlostrupMunicipality}: the demo's data, generated from a fixed
 *       seed in the target-group proportions of Glostrup (docs/domain.md); reusable in tests.
 * </ul>
 *
 * <p>Occupation and skill ids live in one table ({@code DemoVocabulary}); they are the ids of the
 * built-in sample taxonomy. No person in the data is real.
 */
package dk.jobmatch.examples;
