package dk.jobmatch.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel's lists: the bounded top-k heap, the shortlist assembler with its fortrinsadgang
 * seats, a citizen's best orders and the exhaustive candidates. Scores are made easy to work out
 * by hand: only the skills component weighs (1), rarity is neutral, and the order requires an
 * essential skill {@code a} (weight 2) and an optional skill {@code b} (weight 1), so holding
 * both scores 1, {@code a} alone 2/3, {@code b} alone 1/3 and neither 0.
 */
class KernelListsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static final double EPS = 1e-12;

  static ScoringPolicy skillsOnly() {
    ScoringPolicy.Builder b = ScoringPolicy.defaults().toBuilder()
        .set(PolicyConstant.ESSENTIAL_WEIGHT, 2).set(PolicyConstant.OPTIONAL_WEIGHT, 1)
        .set(PolicyConstant.RARITY_MIN_SPECIFICITY, 1).set(PolicyConstant.RARITY_MAX_SPECIFICITY, 1);
    for (Component c : Component.values()) {
      b.weight(c, c == Component.SKILLS ? 1 : 0);
    }
    return b.build();
  }

  static Citizen citizen(String id, boolean fortrinsadgang, String... skills) {
    Citizen.Builder b = Citizen.builder(id).jobReady(true).searchable(true);
    for (String s : skills) {
      b.skill(s);
    }
    if (fortrinsadgang) {
      b.compensation(CompensationScheme.FORTRINSADGANG);
    }
    return b.build();
  }

  static JobOrder.Builder order(String id, boolean publicEmployer) {
    return JobOrder.builder(id, OccupationRef.parse("isco:5322")).employmentType(EmploymentType.ORDINARY)
        .employer(new Employer(null, null, null, publicEmployer, false, null))
        .requiredSkill(RequiredSkill.essential("a")).requiredSkill(RequiredSkill.optional("b"));
  }

  /** c-0 holds nothing (0), c-1 and c-2 both skills (1), c-3 and c-4 a (2/3, fortrinsadgang), c-5 b (1/3, fortrinsadgang). */
  static List<Citizen> citizens() {
    return List.of(citizen("c-0", true), citizen("c-1", false, "a", "b"), citizen("c-2", false, "b", "a"),
        citizen("c-3", true, "a"), citizen("c-4", true, "a"), citizen("c-5", true, "b"));
  }

  static PreparedPopulation population() {
    return PreparedPopulation.of(citizens(), Taxonomy.none());
  }

  static CompiledOrder compile(PreparedPopulation p, JobOrder.Builder o) {
    return p.compile(o.build(), Taxonomy.none(), ShortageLookup.none(), skillsOnly(), AS_OF);
  }

  static CitizenFeatures features(PreparedPopulation p, String id) {
    return p.features().stream().filter(f -> f.id.equals(id)).findFirst().orElseThrow();
  }

  static List<String> ids(List<Match> matches) {
    return matches.stream().map(Match::citizenId).toList();
  }

  static List<String> scoredIds(List<Scored> scored) {
    return scored.stream().map(Scored::id).toList();
  }

  @Test
  void theScoresAreTheOnesWorkedOut() {
    PreparedPopulation p = population();
    CompiledOrder o = compile(p, order("o-1", false));
    double[] expected = {0, 1, 1, 2.0 / 3, 2.0 / 3, 1.0 / 3};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], FeatureScorer.score(o, features(p, "c-" + i)), EPS, "c-" + i);
    }
  }

  @Test
  void topKKeepsTheBestKInRankingOrder() {
    PreparedPopulation p = population();
    TopK top = new TopK(3);
    assertFalse(top.full());
    assertEquals(Double.NEGATIVE_INFINITY, top.threshold());
    assertTrue(top.offer(0.5, features(p, "c-3")));
    assertTrue(top.offer(0.7, features(p, "c-1")));
    assertFalse(top.full());
    assertTrue(top.offer(0.6, features(p, "c-2")));
    assertTrue(top.full());
    assertEquals(0.5, top.threshold(), EPS);
    assertFalse(top.offer(0.4, features(p, "c-0")), "below the k-th");
    assertFalse(top.offer(0.5, features(p, "c-4")), "tied with the k-th, later id: ranks after it");
    assertTrue(top.offer(0.5, features(p, "c-0")), "tied with the k-th, earlier id: ranks before it");
    assertEquals(0.5, top.threshold(), EPS);
    assertTrue(top.offer(0.9, features(p, "c-5")));
    assertEquals(0.6, top.threshold(), EPS);
    List<Scored> sorted = top.sorted();
    assertEquals(List.of("c-5", "c-1", "c-2"), scoredIds(sorted));
    assertEquals(0.9, sorted.get(0).score(), EPS);
    TopK one = new TopK(1);
    assertTrue(one.offer(0.1, features(p, "c-1")));
    assertTrue(one.full());
  }

  @Test
  void theExhaustiveTopKLeavesOutScoresOfZero() {
    PreparedPopulation p = population();
    CompiledOrder o = compile(p, order("o-1", false));
    assertEquals(List.of("c-1", "c-2", "c-3", "c-4", "c-5"), scoredIds(TopK.of(o, p.features(), 10)), "c-0 scores 0");
    assertEquals(List.of("c-1", "c-2", "c-3"), scoredIds(TopK.of(o, p.features(), 3)));
    assertEquals(List.of("c-1", "c-3", "c-4", "c-5"), scoredIds(p.candidates(o, "c-2")), "ranking order, c-2 and c-0 left out");
  }

  @Test
  void candidatesComeInRankingOrderWhateverTheOrderOfThePopulation() {
    PreparedPopulation p = PreparedPopulation.of(List.of(citizen("c-5", false, "b"), citizen("c-3", false, "a"),
        citizen("c-1", false, "a", "b")), Taxonomy.none());
    CompiledOrder o = compile(p, order("o-1", false));
    assertEquals(List.of("c-1", "c-3", "c-5"), scoredIds(p.candidates(o, "nobody")));
  }

  @Test
  void rarityCountsFromTwoCitizensOn() {
    ScoringPolicy p = ScoringPolicy.defaults().toBuilder().set(PolicyConstant.RARITY_MIN_SPECIFICITY, 0.5)
        .set(PolicyConstant.RARITY_MAX_SPECIFICITY, 1.25).build();
    assertEquals(1.0, new PopulationStats(1, new int[] {1}).specificity(p, 0), EPS, "one citizen: neutral");
    // Two citizens, one holds the skill: idf = ln(3/2)/ln(3) = 0.36907 → 0.5 + 0.75 · 0.36907 = 0.77680.
    assertEquals(0.77680, new PopulationStats(2, new int[] {1}).specificity(p, 0), 1e-5);
    assertEquals(1.25, new PopulationStats(2, new int[] {0}).specificity(p, 0), EPS, "held by none");
    assertEquals(0.5, new PopulationStats(2, new int[] {2}).specificity(p, 0), EPS, "held by all");
  }

  @Test
  void aShortlistIsTheTopKThenTheQualifiedHoldersOfAPublicEmployer() {
    PreparedPopulation p = population();
    CompiledOrder o = compile(p, order("o-1", true));
    // Candidates in the worst order, holders too: the assembler sorts both.
    List<Scored> worstFirst = new ArrayList<>();
    for (String id : List.of("c-5", "c-4", "c-3", "c-2", "c-1")) {
      worstFirst.add(new Scored(FeatureScorer.score(o, features(p, id)), features(p, id)));
    }
    List<CitizenFeatures> holders = List.of(features(p, "c-5"), features(p, "c-4"), features(p, "c-0"), features(p, "c-3"));
    // Top 2: c-1, c-2 (1, ties by id); seats: c-3, c-4 (2/3, qualified); c-5 misses the essential skill, c-0 has none.
    List<Match> list = Shortlists.assemble(o, worstFirst, 2, holders);
    assertEquals(List.of("c-1", "c-2", "c-3", "c-4"), ids(list));
    assertEquals(List.of(1.0, 1.0, 2.0 / 3, 2.0 / 3), list.stream().map(Match::score).toList());
    assertEquals(ids(list), ids(p.rank(o, 2)));
    // A holder already in the top k gets no second place.
    assertEquals(List.of("c-1", "c-2", "c-3", "c-4"), ids(Shortlists.assemble(o, worstFirst, 3, holders)));
    // A private employer: no seats.
    CompiledOrder priv = compile(p, order("o-2", false));
    assertEquals(List.of("c-1", "c-2"), ids(Shortlists.assemble(priv, worstFirst, 2, holders)));
    assertEquals(List.of("c-1", "c-2", "c-3", "c-4", "c-5"), ids(p.rank(priv, 10)));
  }

  @Test
  void aCitizensBestOrdersAreThoseScoringAboveZeroBestFirstTiesByOrderId() {
    PreparedPopulation p = population();
    List<CompiledOrder> orders = List.of(
        compile(p, order("o-3", false)),
        compile(p, JobOrder.builder("o-1", OccupationRef.parse("isco:5322")).requiredSkill(RequiredSkill.essential("z"))),
        compile(p, order("o-2", false)),
        compile(p, JobOrder.builder("o-0", OccupationRef.parse("isco:5322")).requiredSkill(RequiredSkill.essential("b"))
            .requiredSkill(RequiredSkill.optional("z"))));
    // c-1 scores 1 on o-3 and o-2, 0 on o-1 (needs z), 2/3 on o-0 (b essential, z optional).
    assertArrayEquals(new int[] {2, 0, 3}, Shortlists.bestOrders(orders, features(p, "c-1"), 10));
    assertArrayEquals(new int[] {2}, Shortlists.bestOrders(orders, features(p, "c-1"), 1));
    assertArrayEquals(new int[0], Shortlists.bestOrders(orders, features(p, "c-0"), 10));
  }
}
