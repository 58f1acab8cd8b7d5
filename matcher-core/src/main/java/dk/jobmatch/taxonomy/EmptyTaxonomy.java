package dk.jobmatch.taxonomy;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The taxonomy that knows nothing beyond the codes themselves. */
enum EmptyTaxonomy implements Taxonomy {
  INSTANCE;

  @Override
  public OccupationCode resolve(OccupationRef ref) {
    return ref.scheme() == OccupationRef.Scheme.ESCO
        ? new OccupationCode(null, ref.code())
        : OccupationCode.ofDigits(ref.code());
  }

  @Override
  public Map<String, Double> relatedSkills(String skillId) {
    return Map.of();
  }

  @Override
  public Optional<ReuseLevel> reuseLevel(String skillId) {
    return Optional.empty();
  }

  @Override
  public List<RequiredSkill> skillsOf(OccupationRef occupation) {
    return List.of();
  }

  @Override
  public Optional<String> skillLabel(String skillId) {
    return Optional.empty();
  }

  @Override
  public Optional<String> occupationLabel(OccupationRef occupation) {
    return Optional.empty();
  }
}
