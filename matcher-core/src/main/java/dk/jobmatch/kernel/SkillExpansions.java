package dk.jobmatch.kernel;

import dk.jobmatch.taxonomy.Taxonomy;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a required skill stands for when an order is compiled: the skill itself (credit 1) and its
 * related skills from the taxonomy, best first (ties by id), at most the policy's {@code
 * maxRelatedSkills}, each credited {@code min(1, relatedness) · relatedCreditScale} — the one
 * place this rule is written. With the vocabulary ids of those skills interned once.
 *
 * <p>An engine keeps one instance for its taxonomy and vocabularies and compiles every order
 * through it, so the sorting of a skill's related skills and the interning of their ids happen
 * once per skill and policy setting instead of once per ranking (they were the larger part of
 * compiling an order with ESCO). Results are immutable and identical to computing them afresh;
 * remembered up to {@link #MAX_ENTRIES} entries. Thread-safe.
 *
 * @lucene.internal
 */
public final class SkillExpansions {
  /** Entries remembered at most; past it, expansions are computed and not kept. */
  static final int MAX_ENTRIES = 100_000;

  /**
   * One required skill's expansion.
   *
   * @param terms skill id → credit, the skill itself first (immutable)
   * @param ids the vocabulary ids of the skills, parallel to {@code credits}
   * @param credits the credits, parallel to {@code ids}
   */
  public record Expansion(Map<String, Double> terms, int[] ids, double[] credits) {}

  private record Key(String skill, int maxRelated, double scale) {}

  private final Taxonomy taxonomy;
  private final Vocabularies vocabularies;
  private final ConcurrentHashMap<Key, Expansion> cache;

  private SkillExpansions(Taxonomy taxonomy, Vocabularies vocabularies, boolean remember) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
    this.cache = remember ? new ConcurrentHashMap<>() : null;
  }

  /**
   * Expansions over this taxonomy and these vocabularies, remembered.
   *
   * @throws NullPointerException if an argument is null
   */
  public static SkillExpansions remembering(Taxonomy taxonomy, Vocabularies vocabularies) {
    return new SkillExpansions(taxonomy, vocabularies, true);
  }

  /** Expansions computed afresh on every call. */
  static SkillExpansions afresh(Taxonomy taxonomy, Vocabularies vocabularies) {
    return new SkillExpansions(taxonomy, vocabularies, false);
  }

  /** Whether this instance answers for exactly this taxonomy and these vocabularies. */
  boolean serves(Taxonomy t, Vocabularies v) {
    return t == taxonomy && v == vocabularies;
  }

  /** The expansion of a required skill under these policy settings. */
  Expansion of(String skillId, int maxRelated, double scale) {
    if (cache == null) {
      return compute(skillId, maxRelated, scale);
    }
    Key key = new Key(skillId, maxRelated, scale);
    Expansion e = cache.get(key);
    if (e == null) {
      e = compute(skillId, maxRelated, scale);
      if (cache.size() < MAX_ENTRIES) {
        cache.putIfAbsent(key, e);
      }
    }
    return e;
  }

  private Expansion compute(String skillId, int maxRelated, double scale) {
    Map<String, Double> expansion = new LinkedHashMap<>();
    expansion.put(skillId, 1.0);
    taxonomy.relatedSkills(skillId).entrySet().stream()
        .filter(e -> !e.getKey().equals(skillId) && e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(maxRelated)
        .forEach(e -> expansion.put(e.getKey(), Math.min(1.0, e.getValue()) * scale));
    int[] ids = new int[expansion.size()];
    double[] credits = new double[expansion.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : expansion.entrySet()) {
      ids[i] = vocabularies.skills().intern(e.getKey());
      credits[i++] = e.getValue();
    }
    return new Expansion(Map.copyOf(expansion), ids, credits);
  }
}
