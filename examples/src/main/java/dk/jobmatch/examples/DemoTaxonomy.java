package dk.jobmatch.examples;

import dk.jobmatch.examples.DemoVocabulary.Related;
import dk.jobmatch.examples.DemoVocabulary.Requirement;
import dk.jobmatch.examples.DemoVocabulary.Skill;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny taxonomy over {@link DemoVocabulary}: labels, reuse levels, symmetric related-skill
 * credits and occupation skill profiles. It stands in for the built-in sample taxonomy until the
 * demo can use that one.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class DemoTaxonomy implements Taxonomy {
  private final Map<String, Skill> skills = new HashMap<>();
  private final Map<String, Map<String, Double>> related = new HashMap<>();

  DemoTaxonomy() {
    for (Skill s : Skill.values()) {
      skills.put(s.id, s);
    }
    for (Related r : DemoVocabulary.RELATED) {
      related.computeIfAbsent(r.a().id, k -> new LinkedHashMap<>()).put(r.b().id, r.credit());
      related.computeIfAbsent(r.b().id, k -> new LinkedHashMap<>()).put(r.a().id, r.credit());
    }
  }

  @Override
  public OccupationCode resolve(OccupationRef ref) {
    return Taxonomy.none().resolve(ref);
  }

  @Override
  public Map<String, Double> relatedSkills(String skillId) {
    return Map.copyOf(related.getOrDefault(skillId, Map.of()));
  }

  @Override
  public Optional<ReuseLevel> reuseLevel(String skillId) {
    return Optional.ofNullable(skills.get(skillId)).map(s -> s.reuse);
  }

  @Override
  public List<RequiredSkill> skillsOf(OccupationRef occupation) {
    List<RequiredSkill> out = new ArrayList<>();
    for (Requirement r : DemoVocabulary.OCCUPATION_SKILLS.getOrDefault(occupation.toString(), List.of())) {
      out.add(new RequiredSkill(r.skill().id, r.essential()));
    }
    return List.copyOf(out);
  }

  @Override
  public Optional<String> skillLabel(String skillId) {
    return Optional.ofNullable(skills.get(skillId)).map(s -> s.label);
  }

  @Override
  public Optional<String> occupationLabel(OccupationRef occupation) {
    return Optional.ofNullable(DemoVocabulary.OCCUPATION_LABELS.get(occupation.toString()));
  }
}
