package dk.jobmatch.engine;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's taxonomy as order compilation sees it: the same answers, with the per-skill
 * look-ups that compilation repeats for every ranking (reuse level, an occupation's skills)
 * remembered. A skill's related skills are not remembered here: compilation asks for them only
 * through the engine's {@link dk.jobmatch.kernel.SkillExpansions}, which keeps what it makes of
 * them (ranked, limited, interned) and asks once per skill and policy setting. Immutable answers only, so the results are identical to the wrapped
 * taxonomy's; bounded (past {@link #MAX_ENTRIES} entries per map it stops remembering).
 * Thread-safe.
 */
final class CompileCache implements Taxonomy {
  static final int MAX_ENTRIES = 200_000;

  private final Taxonomy t;
  private final ConcurrentHashMap<String, Optional<ReuseLevel>> reuse = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<OccupationRef, List<RequiredSkill>> skillsOf = new ConcurrentHashMap<>();

  CompileCache(Taxonomy t) {
    this.t = t;
  }

  private static <K, V> V remember(ConcurrentHashMap<K, V> map, K key, java.util.function.Function<K, V> f) {
    V v = map.get(key);
    if (v != null) {
      return v;
    }
    v = f.apply(key);
    if (map.size() < MAX_ENTRIES) {
      map.putIfAbsent(key, v);
    }
    return v;
  }

  @Override
  public OccupationCode resolve(OccupationRef ref) {
    return t.resolve(ref);
  }

  @Override
  public Map<String, Double> relatedSkills(String skillId) {
    return t.relatedSkills(skillId);
  }

  @Override
  public Optional<ReuseLevel> reuseLevel(String skillId) {
    return remember(reuse, skillId, t::reuseLevel);
  }

  @Override
  public List<RequiredSkill> skillsOf(OccupationRef occupation) {
    return remember(skillsOf, occupation, k -> List.copyOf(t.skillsOf(k)));
  }

  @Override
  public Optional<String> skillLabel(String skillId) {
    return t.skillLabel(skillId);
  }

  @Override
  public Optional<String> occupationLabel(OccupationRef occupation) {
    return t.occupationLabel(occupation);
  }

  @Override
  public Map<OccupationRef, List<String>> occupationLabels() {
    return t.occupationLabels();
  }

  @Override
  public Map<String, List<String>> skillLabels() {
    return t.skillLabels();
  }

  @Override
  public boolean knows(OccupationRef ref) {
    return t.knows(ref);
  }

  @Override
  public boolean covers(OccupationRef.Scheme scheme) {
    return t.covers(scheme);
  }
}
