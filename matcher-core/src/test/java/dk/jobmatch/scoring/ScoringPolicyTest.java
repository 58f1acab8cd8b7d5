package dk.jobmatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Validation of the policy: every message names the field and the rule. */
class ScoringPolicyTest {
  /**
   * The documented defaults (docs/scoring.md), written out by hand: a changed default fails here
   * until the change is deliberate (this table, the docs and the policy version move together).
   */
  static final Map<String, Double> DOCUMENTED_DEFAULTS = Map.ofEntries(
      Map.entry("essentialWeight", 2.0),
      Map.entry("optionalWeight", 1.0),
      Map.entry("specificityTransversal", 0.5),
      Map.entry("specificityCrossSector", 0.75),
      Map.entry("specificitySectorSpecific", 1.0),
      Map.entry("specificityOccupationSpecific", 1.25),
      Map.entry("rarityMinSpecificity", 0.5),
      Map.entry("rarityMaxSpecificity", 1.25),
      Map.entry("rarityInfluence", 1.0),
      Map.entry("relatedCreditScale", 1.0),
      Map.entry("maxRelatedSkills", 20.0),
      Map.entry("staleAfterYears", 3.0),
      Map.entry("staleDecayPerYear", 0.1),
      Map.entry("staleFloor", 0.5),
      Map.entry("sameUnitGroupCredit", 0.9),
      Map.entry("siblingOccupationCredit", 0.9),
      Map.entry("sameMinorGroupCredit", 0.3),
      Map.entry("sameSubMajorGroupCredit", 0.1),
      Map.entry("sameMajorGroupCredit", 0.0),
      Map.entry("experienceBaseCredit", 0.8),
      Map.entry("experienceFullYears", 2.0),
      Map.entry("experienceRecentYears", 5.0),
      Map.entry("experienceOldYears", 10.0),
      Map.entry("experienceAgedFactor", 0.8),
      Map.entry("experienceOldFactor", 0.6),
      Map.entry("goalPriority2Factor", 0.85),
      Map.entry("goalPriority3Factor", 0.7),
      Map.entry("goalLowerPriorityFactor", 0.6),
      Map.entry("upskillingCredit", 0.5),
      Map.entry("upskillingShortageCredit", 0.75),
      Map.entry("outdatedEducationYears", 15.0),
      Map.entry("distanceHalfLifeKm", 15.0),
      Map.entry("unknownDistanceCredit", 0.5),
      Map.entry("paradoksShortageCredit", 0.5));

  @Test
  void defaultsAreValidAndNamed() {
    ScoringPolicy p = ScoringPolicy.defaults();
    assertEquals("jobmatch-default@3", p.label());
    assertEquals(DOCUMENTED_DEFAULTS.size(), PolicyConstant.values().length, "one documented default per constant");
    for (PolicyConstant c : PolicyConstant.values()) {
      assertEquals(DOCUMENTED_DEFAULTS.get(c.key()), p.constant(c), c.key());
      assertEquals(DOCUMENTED_DEFAULTS.get(c.key()), c.defaultValue(), c.key());
      assertTrue(c.defaultValue() >= c.min() && c.defaultValue() <= c.max(), c.key());
    }
    assertEquals(p, p.toBuilder().build());
    assertEquals(p.hashCode(), p.toBuilder().build().hashCode());
  }

  @ParameterizedTest
  @EnumSource(PolicyConstant.class)
  void outOfRangeConstantIsRefusedByKey(PolicyConstant c) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().set(c, c.max() + 1).build());
    assertTrue(e.getMessage().startsWith(c.key() + ": must be"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ScoringPolicy.builder().set(c, Double.NaN).build());
    assertTrue(e.getMessage().startsWith(c.key() + ": "), e.getMessage());
  }

  @Test
  void integralConstantsRefuseFractions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().set(PolicyConstant.STALE_AFTER_YEARS, 2.5).build());
    assertEquals("staleAfterYears: must be a whole number (is 2.5)", e.getMessage());
  }

  @Test
  void hierarchyCreditsMustNotRiseAsThePrefixShrinks() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().set(PolicyConstant.SAME_UNIT_GROUP_CREDIT, 0.5)
            .set(PolicyConstant.SAME_MINOR_GROUP_CREDIT, 0.6).build());
    assertEquals("sameMinorGroupCredit: must not exceed sameUnitGroupCredit", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().set(PolicyConstant.SAME_UNIT_GROUP_CREDIT, 1)
            .set(PolicyConstant.SAME_MINOR_GROUP_CREDIT, 0.95).build());
    assertEquals("sameMinorGroupCredit: must not exceed siblingOccupationCredit", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().set(PolicyConstant.SAME_MAJOR_GROUP_CREDIT, 0.5).build());
    assertEquals("sameMajorGroupCredit: must not exceed sameSubMajorGroupCredit", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().set(PolicyConstant.GOAL_LOWER_PRIORITY_FACTOR, 0.9).build());
    assertEquals("goalLowerPriorityFactor: must not exceed goalPriority3Factor", e.getMessage());
  }

  @Test
  void weightsMustSumToOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().weight(Component.SKILLS, 0.5).build());
    assertTrue(e.getMessage().startsWith("weights: must sum to 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ScoringPolicy.builder().weight(Component.GOAL, -0.1).build());
    assertEquals("weights.goal: must be a number between 0 and 1", e.getMessage());
  }

  @Test
  void nameAndVersionAreLabels() {
    ScoringPolicy p = ScoringPolicy.builder().name("glostrup").version("2026-11").build();
    assertEquals("glostrup@2026-11", p.label());
    assertNotEquals(ScoringPolicy.defaults(), p);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().version("1 0").build());
    assertEquals("version: must be 1-64 characters of letters, digits and ._-", e.getMessage());
  }
}
