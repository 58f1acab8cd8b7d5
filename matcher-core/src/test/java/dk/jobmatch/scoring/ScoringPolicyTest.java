package dk.jobmatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Validation of the policy: every message names the field and the rule. */
class ScoringPolicyTest {
  @Test
  void defaultsAreValidAndNamed() {
    ScoringPolicy p = ScoringPolicy.defaults();
    assertEquals(ScoringPolicy.DEFAULT_NAME + "@" + ScoringPolicy.DEFAULT_VERSION, p.label());
    for (PolicyConstant c : PolicyConstant.values()) {
      assertEquals(c.defaultValue(), p.constant(c), c.key());
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
