package dk.jobmatch.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled order's own rules, each expectation worked out by hand: the related-skill
 * expansion, the hierarchy terms and bounds the retrieval prunes with, the non-term bounds, and
 * how two compilations differ (the standing lists re-rank on it).
 */
class CompiledOrderTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final double EPS = 1e-12;

  static ScoringPolicy policy() {
    return FeatureScorerEdgeTest.policy().toBuilder()
        .set(PolicyConstant.RARITY_MIN_SPECIFICITY, 0.5).set(PolicyConstant.RARITY_MAX_SPECIFICITY, 1.25)
        .build();
  }

  static JobOrder.Builder order() {
    return JobOrder.builder("o-1", OccupationRef.parse("isco:5322")).employmentType(EmploymentType.ORDINARY)
        .requiredSkill(RequiredSkill.essential("a")).requiredSkill(RequiredSkill.optional("b"));
  }

  static CompiledOrder compile(JobOrder.Builder o, ScoringPolicy p, Taxonomy t, Vocabularies v, PopulationStats stats) {
    return CompiledOrder.compile(o.build(), t, ShortageLookup.none(), p, AS_OF, v, stats);
  }

  static CompiledOrder compile(JobOrder.Builder o, ScoringPolicy p) {
    return compile(o, p, Taxonomy.none(), Vocabularies.create(), PopulationStats.EMPTY);
  }

  @Test
  void relatedSkillsExpandARequirementByTheirCreditAboveZero() {
    Taxonomy t = FeatureScorerEdgeTest.related(Map.of("a", Map.of("x", 0.0, "y", 0.4, "a", 0.3, "z", 1.5)));
    CompiledOrder o = compile(order(), policy(), t, Vocabularies.create(), PopulationStats.EMPTY);
    // x (credit 0) left out, a itself stays at 1, z capped at 1.
    assertEquals(Map.of("a", 1.0, "y", 0.4, "z", 1.0), o.expansions.get(0));
    assertEquals(Map.of("b", 1.0), o.expansions.get(1));
    ScoringPolicy scaled = policy().toBuilder().set(PolicyConstant.RELATED_CREDIT_SCALE, 0.5)
        .set(PolicyConstant.MAX_RELATED_SKILLS, 1).build();
    // Only the best related skill (z), at half its credit.
    assertEquals(Map.of("a", 1.0, "z", 0.5), compile(order(), scaled, t, Vocabularies.create(), PopulationStats.EMPTY)
        .expansions.get(0));
  }

  @Test
  void rememberedExpansionsServeOnlyTheirOwnTaxonomyAndVocabularies() {
    Taxonomy t = FeatureScorerEdgeTest.related(Map.of("a", Map.of("y", 0.4)));
    Vocabularies v = Vocabularies.create();
    SkillExpansions remembered = SkillExpansions.remembering(t, v);
    CompiledOrder o = CompiledOrder.compile(order().build(), t, ShortageLookup.none(), policy(), AS_OF, v,
        PopulationStats.EMPTY, remembered);
    // The same expansion as computed afresh: a itself at 1, y at its credit 0.4.
    assertEquals(Map.of("a", 1.0, "y", 0.4), o.expansions.get(0));
    assertTrue(o.internedIn(v));
    assertFalse(o.internedIn(Vocabularies.create()));
    // Expansions remembered for another taxonomy, or other vocabularies, would credit the wrong skills.
    assertThrows(IllegalArgumentException.class, () -> CompiledOrder.compile(order().build(), Taxonomy.none(),
        ShortageLookup.none(), policy(), AS_OF, v, PopulationStats.EMPTY, remembered));
    assertThrows(IllegalArgumentException.class, () -> CompiledOrder.compile(order().build(), t,
        ShortageLookup.none(), policy(), AS_OF, Vocabularies.create(), PopulationStats.EMPTY, remembered));
  }

  @Test
  void skillWeightsAreNormalisedByEssentialityAndRarity() {
    // Neutral rarity (no population): 2 and 1 → 2/3 and 1/3.
    CompiledOrder neutral = compile(order(), policy());
    assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, neutral.requiredWeight, EPS);
    // Three citizens, all hold a, none holds b: a at the minimum specificity 0.5, b at the maximum 1.25:
    // 2·0.5 = 1 and 1·1.25 = 1.25 → 1/2.25 and 1.25/2.25.
    CompiledOrder rare = compile(order(), policy(), Taxonomy.none(), vocabulary(), new PopulationStats(3, new int[] {3, 0}));
    assertArrayEquals(new double[] {1 / 2.25, 1.25 / 2.25}, rare.requiredWeight, EPS);
    double w = policy().weight(Component.SKILLS);
    assertEquals(w * (1 / 2.25) * 0.5, rare.skillBound(0, 0.5), EPS);
  }

  /** A vocabulary with a = 0 and b = 1. */
  static Vocabularies vocabulary() {
    Vocabularies v = Vocabularies.create();
    v.skills().intern("a");
    v.skills().intern("b");
    return v;
  }

  @Test
  void hierarchyTermsAreTheLevelsThenTheEscoUri() {
    assertEquals(List.of(), CompiledOrder.hierarchyTerms(null));
    assertEquals(List.of("5", "53", "532", "5322"), CompiledOrder.hierarchyTerms(OccupationCode.ofDigits("5322")));
    String uri = "http://data.europa.eu/esco/occupation/1";
    assertEquals(List.of("5", "53", "532", "5322", uri), CompiledOrder.hierarchyTerms(new OccupationCode("5322", uri)));
  }

  @Test
  void hierarchyBoundsAreTheLevelCreditsOfEachDepth() {
    ScoringPolicy p = policy(); // major 0.05, sub-major 0.1, minor 0.3, unit 0.88
    double w = p.weight(Component.OCCUPATION);
    assertArrayEquals(new double[] {0.05 * w, 0.1 * w, 0.3 * w, w}, compile(order(), p).hierarchyBounds(Component.OCCUPATION),
        EPS);
    double g = p.weight(Component.GOAL);
    assertArrayEquals(new double[] {0.05 * g, 0.1 * g, 0.3 * g, g}, compile(order(), p).hierarchyBounds(Component.GOAL), EPS);
    // A DISCO code: the unit group 5322 shares 4 or 5 digits at most → 0.88; the full code → 1.
    CompiledOrder disco = compile(JobOrder.builder("o-2", OccupationRef.parse("disco:532210")), p);
    assertArrayEquals(new double[] {0.05 * w, 0.1 * w, 0.3 * w, 0.88 * w, w}, disco.hierarchyBounds(Component.OCCUPATION),
        EPS);
    // An ESCO occupation: one more term, its URI, bounded by the full weight.
    String uri = "http://data.europa.eu/esco/occupation/1";
    Taxonomy none = Taxonomy.none();
    Taxonomy placing = new Taxonomy() {
      @Override public OccupationCode resolve(OccupationRef ref) { return new OccupationCode("5322", uri); }
      @Override public Map<String, Double> relatedSkills(String skillId) { return Map.of(); }
      @Override public java.util.Optional<dk.jobmatch.taxonomy.ReuseLevel> reuseLevel(String skillId) {
        return java.util.Optional.empty();
      }
      @Override public List<RequiredSkill> skillsOf(OccupationRef occupation) { return none.skillsOf(occupation); }
      @Override public java.util.Optional<String> skillLabel(String skillId) { return java.util.Optional.empty(); }
      @Override public java.util.Optional<String> occupationLabel(OccupationRef occupation) { return java.util.Optional.empty(); }
    };
    CompiledOrder esco = compile(order(), p, placing, Vocabularies.create(), PopulationStats.EMPTY);
    assertEquals(List.of("5", "53", "532", "5322", uri), CompiledOrder.hierarchyTerms(esco.occupation));
    assertArrayEquals(new double[] {0.05 * w, 0.1 * w, 0.3 * w, w, w}, esco.hierarchyBounds(Component.OCCUPATION), EPS);
    ScoringPolicy.Builder noOccupation = p.toBuilder().weight(Component.OCCUPATION, 0);
    noOccupation.weight(Component.SKILLS, p.weight(Component.SKILLS) + w);
    assertArrayEquals(new double[0], compile(order(), noOccupation.build()).hierarchyBounds(Component.OCCUPATION));
    assertThrows(IllegalArgumentException.class, () -> compile(order(), p).hierarchyBounds(Component.SKILLS));
  }

  @Test
  void nonTermBoundsTakeTheBestDistanceAndTheOrdersOwnInclusion() {
    ScoringPolicy p = policy();
    double e = p.weight(Component.EDUCATION);
    double d = p.weight(Component.DISTANCE);
    double i = p.weight(Component.INCLUSION);
    double s = p.weight(Component.SHORTAGE);
    assertEquals(e + d, compile(order(), p).nonTermUpperBound(), EPS);
    assertEquals(e + d + i, compile(order().acceptsFleksjob(true), p).nonTermUpperBound(), EPS);
    Location work = new Location("2100", 55.0, 12.0);
    assertEquals(e + d + i, compile(order().employer(new Employer(null, null, null, false, true, work)), p)
        .nonTermUpperBound(), EPS);
    // In a shortage occupation the shortage value (1 for MANGEL) counts too.
    CompiledOrder mangel = CompiledOrder.compile(order().minEducationLevel(3).build(), Taxonomy.none(),
        ShortageLookup.ofDigits(Map.of("53", ShortageCategory.MANGEL)), p, AS_OF, Vocabularies.create(), PopulationStats.EMPTY);
    assertEquals(e + d + s, mangel.nonTermUpperBound(), EPS);
    // One level short in a shortage occupation: 0.75; no fleksjob flag on a non-fleksjob order.
    assertEquals(0.75 * e + d + s, mangel.nonTermBound(2, CitizenFeatures.FLEKSJOB), EPS);
    assertEquals(e + d + s, mangel.nonTermBound(3, 0), EPS);
    assertEquals(d + s, mangel.nonTermBound(0, 0), EPS);
  }

  @Test
  void twoCompilationsDifferByTheirRulesOrOnlyByTheirSkillWeights() {
    ScoringPolicy p = policy();
    Vocabularies v = vocabulary();
    CompiledOrder base = compile(order(), p, Taxonomy.none(), v, PopulationStats.EMPTY);
    CompiledOrder same = compile(order(), p, Taxonomy.none(), v, PopulationStats.EMPTY);
    assertEquals(CompiledOrder.Difference.NONE, base.difference(same));
    assertEquals(0.0, base.scoreChangeBound(same), EPS);
    // Only rarity moved: 2/3, 1/3 → 1/2.25, 1.25/2.25; scores move by at most w·(|2/3 − 4/9| + |1/3 − 5/9|) = w·4/9.
    CompiledOrder rarer = compile(order(), p, Taxonomy.none(), v, new PopulationStats(3, new int[] {3, 0}));
    assertEquals(CompiledOrder.Difference.SKILL_WEIGHTS, base.difference(rarer));
    assertEquals(p.weight(Component.SKILLS) * 4 / 9, base.scoreChangeBound(rarer), 1e-12);
    assertEquals(base.scoreChangeBound(rarer), rarer.scoreChangeBound(base), 1e-12);
    // Anything else: rank afresh.
    for (CompiledOrder other : List.of(
        compile(order().hoursPerWeek(30, 37), p, Taxonomy.none(), v, PopulationStats.EMPTY),
        compile(order(), p.toBuilder().set(PolicyConstant.STALE_FLOOR, 0.4).build(), Taxonomy.none(), v, PopulationStats.EMPTY),
        compile(order(), p, Taxonomy.none(), vocabulary(), PopulationStats.EMPTY),
        CompiledOrder.compile(order().build(), Taxonomy.none(), ShortageLookup.none(), p, AS_OF.plusYears(1), v,
            PopulationStats.EMPTY),
        compile(order(), p, FeatureScorerEdgeTest.related(Map.of("a", Map.of("x", 0.5))), v, PopulationStats.EMPTY))) {
      assertEquals(CompiledOrder.Difference.RULES, base.difference(other), other::toString);
      assertEquals(Double.POSITIVE_INFINITY, base.scoreChangeBound(other), other::toString);
    }
    // The same day of another month in the same year is the same year: no difference.
    CompiledOrder december = CompiledOrder.compile(order().build(), Taxonomy.none(), ShortageLookup.none(), p,
        LocalDate.of(2026, 12, 31), v, PopulationStats.EMPTY);
    assertEquals(CompiledOrder.Difference.NONE, base.difference(december));
  }
}
