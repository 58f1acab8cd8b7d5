/**
 * What the engine knows about occupations, skills and the labour market: the taxonomies, the
 * shortage list and the education levels.
 *
 * <h2>The contract</h2>
 *
 * {@link dk.jobmatch.taxonomy.Taxonomy} is all the scorer sees. It places an occupation reference
 * ({@code isco:}, {@code disco:} or an ESCO URI) in the ISCO-08/DISCO-08 hierarchy as an {@link
 * dk.jobmatch.taxonomy.OccupationCode} — the scorer measures occupation and goal fit by how many
 * leading digits two codes share — and answers for skills: related skills with partial credit,
 * the ESCO {@link dk.jobmatch.taxonomy.ReuseLevel} (specificity), and the skills an occupation
 * requires (for orders that name only an occupation). Labels, for explanations and free-text
 * mapping, come through the same interface. {@link dk.jobmatch.taxonomy.ShortageLookup} answers
 * the labour-market balance category of an occupation in a RAR area on a date.
 *
 * <h2>The implementations</h2>
 *
 * <ul>
 *   <li>{@link dk.jobmatch.taxonomy.EscoTaxonomy} loads the official ESCO CSV export of any
 *       language into numbered, array-backed tables (about 10 MB of heap for the English v1.1.1
 *       export; a load takes one to two seconds of CPU).
 *   <li>{@link dk.jobmatch.taxonomy.DiscoClassification} loads Danmarks Statistik's DISCO-08 list
 *       and {@linkplain dk.jobmatch.taxonomy.DiscoClassification#decorate decorates} another
 *       taxonomy with the Danish titles and code validation. The usual set-up for a Danish job
 *       centre is {@code disco.decorate(EscoTaxonomy.load(danishExportDir))}.
 *   <li>{@link dk.jobmatch.taxonomy.SampleTaxonomy} is a small built-in taxonomy with Danish labels
 *       for demos and tests, needing no files.
 *   <li>{@link dk.jobmatch.taxonomy.ShortageRegistry} loads a shortage list CSV; a code covers the
 *       codes below it and the most specific valid line wins.
 *   <li>{@link dk.jobmatch.taxonomy.EducationLevels} holds the Danish education levels 1–8 and the
 *       education gap and outdated-education rules.
 *   <li>{@link dk.jobmatch.taxonomy.DanishTextMapper} maps Danish free text (a job order's title and
 *       description, a citizen's own words) to occupations and skills through any taxonomy's
 *       labels, with Lucene's Danish analysis over a small in-memory index, and says which words
 *       matched which label.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * Every loader reports malformed input as a {@link dk.jobmatch.taxonomy.DataFileException} whose
 * message starts with {@code file:line:} and names the field, so a command-line tool can print it
 * unchanged. Missing files are {@link java.nio.file.NoSuchFileException}s. Reference data is
 * public classification data; no personal data passes through this package.
 *
 * <h2>Threads</h2>
 *
 * Everything here is immutable after loading and safe to share between search threads.
 */
package dk.jobmatch.taxonomy;
