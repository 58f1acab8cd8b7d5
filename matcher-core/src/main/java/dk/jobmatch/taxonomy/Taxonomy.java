package dk.jobmatch.taxonomy;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine knows about occupations and skills: where an occupation sits in the
 * ISCO/DISCO hierarchy, which skills stand in partly for one another, how specific a skill is,
 * and which skills an occupation needs.
 *
 * <p>Implementations must be immutable after construction and thread-safe; the engine calls
 * them concurrently from every search thread.
 */
public interface Taxonomy {
  /**
   * Places an occupation reference in the hierarchy. ISCO and DISCO references resolve to their
   * digits; an ESCO URI resolves to its ISCO unit group if known, else to the URI alone.
   *
   * @param ref the reference
   * @return the code; never null, also for an unknown reference
   */
  OccupationCode resolve(OccupationRef ref);

  /**
   * Skills that give partial credit for {@code skillId} when the skill itself is not held, with
   * their credit in (0, 1): ESCO skill–skill relations, skills under the same broader skill, …
   * The skill itself is never included. Implementations should return at most a few dozen
   * entries, the highest credits.
   *
   * @param skillId the skill's id
   * @return an unmodifiable map of related skill ids to their credit; empty if none or unknown
   */
  Map<String, Double> relatedSkills(String skillId);

  /**
   * The ESCO reuse level of the skill, if known.
   *
   * @param skillId the skill's id
   * @return the reuse level, or empty
   */
  Optional<ReuseLevel> reuseLevel(String skillId);

  /**
   * The skills an occupation requires according to the taxonomy (ESCO essential and optional
   * skills), used when a job order names only an occupation; empty if unknown.
   *
   * @param occupation the occupation
   * @return an unmodifiable list of the skills, essential and optional
   */
  List<RequiredSkill> skillsOf(OccupationRef occupation);

  /**
   * A human-readable label for a skill id, if known.
   *
   * @param skillId the skill's id
   * @return the preferred label, or empty
   */
  Optional<String> skillLabel(String skillId);

  /**
   * A human-readable label for an occupation, if known.
   *
   * @param occupation the occupation
   * @return the preferred label, or empty
   */
  Optional<String> occupationLabel(OccupationRef occupation);

  /**
   * Every occupation this taxonomy has labels for, with its labels, the preferred label first
   * (e.g. ESCO preferred and alternative labels, DISCO-08 titles). Used to map free text to
   * occupations ({@link DanishTextMapper}). Iteration order is deterministic. The default has
   * none.
   *
   * <p>Implementations may build the map on each call; callers that need it repeatedly should
   * keep the result.
   *
   * @return an unmodifiable map of every labelled occupation to its labels
   */
  default Map<OccupationRef, List<String>> occupationLabels() {
    return Map.of();
  }

  /**
   * Every skill this taxonomy has labels for, keyed by skill id, with its labels, the preferred
   * label first. Iteration order is deterministic. The default has none; see {@link
   * #occupationLabels()} on cost.
   *
   * @return an unmodifiable map of every labelled skill id to its labels
   */
  default Map<String, List<String>> skillLabels() {
    return Map.of();
  }

  /**
   * Whether the taxonomy lists this occupation (an ESCO occupation it loaded, an ISCO group or
   * DISCO-08 code it has). Only meaningful for schemes the taxonomy {@linkplain #covers covers};
   * use it to reject typos in input files. The default knows nothing.
   *
   * @param ref the reference
   * @return true if the taxonomy lists the occupation
   */
  default boolean knows(OccupationRef ref) {
    return false;
  }

  /**
   * Whether the taxonomy lists every code of {@code scheme}, so that a code it does not
   * {@linkplain #knows know} is an error rather than a gap in the taxonomy. The default covers
   * nothing.
   *
   * @param scheme the classification
   * @return true if every code of the scheme is listed
   */
  default boolean covers(OccupationRef.Scheme scheme) {
    return false;
  }

  /**
   * A taxonomy that knows nothing: digits resolve to themselves, ESCO URIs stay unplaced.
   *
   * @return the empty taxonomy, one shared immutable instance
   */
  static Taxonomy none() {
    return EmptyTaxonomy.INSTANCE;
  }
}
