package dk.jobmatch.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One hard gate evaluated for one (citizen, order) pair: whether it passed, whether the policy
 * relaxes it, and the values it compared, in the units of the input.
 *
 * <p>{@code values} maps a name to a value, in a fixed order per gate. A value is a {@link
 * Boolean}, an {@link Integer}, a {@link Double}, a {@link String}, a {@link java.time.LocalDate},
 * a {@link java.util.List} of values, a {@link Map} from names to values, or {@code null} for a
 * detail the citizen or the order did not give (a gate never fails on a detail that was not
 * given). The names, per gate:
 *
 * <ul>
 *   <li>{@link Gate#SEARCHABLE}: {@code searchable};
 *   <li>{@link Gate#COMMUTE}: {@code distanceKm} (home to workplace, great-circle, rounded to
 *       0.1 km unless that would hide the verdict), {@code maxCommuteKm};
 *   <li>{@link Gate#HOURS}: {@code orderHoursPerWeek} and {@code citizenHoursPerWeek}, each
 *       {@code {"min":…,"max":…}}, and for a fleksjob-approved citizen {@code
 *       fleksjobMaxHoursPerWeek};
 *   <li>{@link Gate#FLEKSJOB}: {@code fleksjobApproved}, {@code fleksjobMaxHoursPerWeek} (when
 *       approved), {@code employmentType}, {@code acceptsFleksjob};
 *   <li>{@link Gate#CERTIFICATES}: {@code requiredCertificates}, {@code missingCertificates}
 *       (alphabetical);
 *   <li>{@link Gate#LANGUAGES}: {@code requiredLanguages} ({@code {"code":…,"minLevel":…}} each)
 *       and {@code unmetLanguages} ({@code {"code":…,"level":…,"minLevel":…}} each, {@code
 *       level} null when the language is not held at all);
 *   <li>{@link Gate#AVAILABILITY}: {@code availableFrom}, {@code startDate};
 *   <li>{@link Gate#EMPLOYMENT_TYPE}: {@code employmentType}, {@code jobReady}, {@code
 *       fleksjobApproved}, {@code acceptsFleksjob}.
 * </ul>
 *
 * <p>Immutable and thread-safe; the map is unmodifiable and iterates in insertion order.
 *
 * @param gate the gate
 * @param passed whether the gate passed (always true when relaxed)
 * @param relaxed whether the policy relaxes the gate (it is then reported but not enforced)
 * @param values the values compared, by name
 */
public record GateCheck(Gate gate, boolean passed, boolean relaxed, Map<String, Object> values) {

  /**
   * Copies {@code values} into an unmodifiable, ordered map (null values allowed).
   *
   * @throws NullPointerException if {@code gate} or {@code values} is null
   * @throws IllegalArgumentException if a relaxed gate is reported as failed
   */
  public GateCheck {
    Objects.requireNonNull(gate, "gate");
    if (relaxed && !passed) {
      throw new IllegalArgumentException("passed: a relaxed gate (" + gate + ") always passes");
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
  }

  /** The gate, the verdict and the names of the values; the values describe a person and are left out. */
  @Override
  public String toString() {
    return "GateCheck[" + gate + ", passed=" + passed + ", relaxed=" + relaxed + ", values=" + values.keySet() + "]";
  }
}
