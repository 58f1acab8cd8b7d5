/**
 * The domain model: {@link dk.jobmatch.model.Citizen citizens} (ledige) and {@link
 * dk.jobmatch.model.JobOrder job orders} (jobordrer), with the value types they are made of.
 *
 * <h2>Design</h2>
 *
 * <ul>
 *   <li><b>Immutable records, validated at construction.</b> Every record checks its fields in its
 *       compact constructor and throws {@link java.lang.IllegalArgumentException} with a message
 *       of the form {@code field: 'value' rule} (one shared validation helper in the internal package {@code dk.jobmatch.internal}), so a bad
 *       value is refused at the boundary, named, and never reaches the index. Collections are
 *       copied into unmodifiable, null-free collections.
 *   <li><b>Builders</b> for the two records with many optional fields ({@link
 *       dk.jobmatch.model.Citizen.Builder}, {@link dk.jobmatch.model.JobOrder.Builder}); optional
 *       scalars are {@code null} when unknown, and the scoring treats unknown as "no constraint".
 *   <li><b>Occupation references</b> ({@link dk.jobmatch.model.OccupationRef}) accept ISCO-08
 *       ({@code isco:5322}), DISCO-08 ({@code disco:532210}) and ESCO occupation URIs; a {@link
 *       dk.jobmatch.taxonomy.Taxonomy} places them in one hierarchy.
 *   <li><b>Personal data.</b> A citizen is identified by an opaque, pseudonymous id from the
 *       calling system, never a CPR number. There are no fields for gender, age, ethnicity,
 *       nationality or diagnoses, and {@code toString()} of a citizen or order shows only its id.
 *       The target group (benefit type) is kept for fairness audits only and is never scored.
 * </ul>
 *
 * <p>All types in this package are immutable and thread-safe; builders are not.
 */
package dk.jobmatch.model;
