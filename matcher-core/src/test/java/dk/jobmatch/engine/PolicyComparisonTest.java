package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.tuning.PolicyComparison;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy comparison against the reference scorer's shortlists under each policy. */
class PolicyComparisonTest {
  static final ScoringPolicy NEAR = ScoringPolicy.builder().name("near").version("1")
      .weight(Component.SKILLS, 0.20).weight(Component.OCCUPATION, 0.15).weight(Component.GOAL, 0.15)
      .weight(Component.EDUCATION, 0.05).weight(Component.DISTANCE, 0.35).weight(Component.INCLUSION, 0.05)
      .weight(Component.SHORTAGE, 0.05).distanceHalfLifeKm(5).build();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void agreesWithTheReferenceScorerUnderBothPolicies(long seed) {
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> citizens = gen.citizens(300);
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      orders.add(gen.order("jo-" + i));
    }
    int k = 5;
    PolicyComparison.Result r = new PolicyComparison(RandomPopulation.relatedTaxonomy(), RandomPopulation.shortage(),
        RandomPopulation.AS_OF).compare(citizens, orders, ScoringPolicy.defaults(), NEAR, k);
    ReferenceScorer a = new ReferenceScorer(RandomPopulation.relatedTaxonomy(), RandomPopulation.shortage(),
        ScoringPolicy.defaults(), RandomPopulation.AS_OF);
    ReferenceScorer b = new ReferenceScorer(RandomPopulation.relatedTaxonomy(), RandomPopulation.shortage(), NEAR,
        RandomPopulation.AS_OF);
    Map<String, Citizen> byId = new HashMap<>();
    citizens.forEach(c -> byId.put(c.id(), c));
    Map<TargetGroup, int[]> groups = new HashMap<>();
    int gained = 0;
    int lost = 0;
    assertEquals(orders.size(), r.orders().size());
    for (int i = 0; i < orders.size(); i++) {
      List<String> la = ids(a.rank(citizens, orders.get(i), k), k);
      List<String> lb = ids(b.rank(citizens, orders.get(i), k), k);
      PolicyComparison.OrderChange c = r.orders().get(i);
      String where = "seed " + seed + ", " + orders.get(i).id();
      assertEquals(orders.get(i).id(), c.order());
      assertEquals(la, c.shortlistA(), where);
      assertEquals(lb, c.shortlistB(), where);
      assertEquals(lb.stream().filter(x -> !la.contains(x)).toList(), c.gained(), where);
      assertEquals(la.stream().filter(x -> !lb.contains(x)).toList(), c.lost(), where);
      Set<String> both = new HashSet<>(la);
      both.retainAll(lb);
      int longer = Math.max(la.size(), lb.size());
      assertEquals(longer == 0 ? 1.0 : (double) both.size() / longer, c.overlap(), 1e-12, where);
      gained += c.gained().size();
      lost += c.lost().size();
      for (String id : c.gained()) {
        groups.computeIfAbsent(byId.get(id).targetGroup(), g -> new int[2])[0]++;
      }
      for (String id : c.lost()) {
        groups.computeIfAbsent(byId.get(id).targetGroup(), g -> new int[2])[1]++;
      }
    }
    assertEquals(gained, r.overall().gained());
    assertEquals(lost, r.overall().lost());
    assertTrue(gained > 0, "the policies should differ somewhere (seed " + seed + ")");
    for (PolicyComparison.GroupChange g : r.byTargetGroup()) {
      int[] n = groups.getOrDefault(g.targetGroup(), new int[2]);
      assertEquals(n[0], g.gained(), "seed " + seed + ", " + g.targetGroup());
      assertEquals(n[1], g.lost(), "seed " + seed + ", " + g.targetGroup());
      assertEquals(g.placesA() + g.gained() - g.lost(), g.placesB(), "places balance, " + g.targetGroup());
    }
    assertEquals(r.overall().placesA(), r.byTargetGroup().stream().mapToInt(PolicyComparison.GroupChange::placesA).sum());
    assertTrue(r.byTargetGroup().stream().anyMatch(g -> Objects.isNull(g.targetGroup())), "a row for no target group");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {4})
  void aPolicyComparedWithItselfChangesNothing(long seed) {
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> citizens = gen.citizens(200);
    List<JobOrder> orders = List.of(gen.order("jo-1"), gen.order("jo-2"), gen.order("jo-3"));
    PolicyComparison.Result r = new PolicyComparison(RandomPopulation.relatedTaxonomy(), ShortageLookup.none(),
        RandomPopulation.AS_OF).compare(citizens, orders, NEAR, NEAR, 10);
    assertEquals(3, r.overall().ordersUnchanged());
    assertEquals(1.0, r.overall().meanOverlap());
    assertEquals(0, r.overall().gained() + r.overall().lost());
    assertEquals("near@1", r.policyA());
  }

  /** The shortlist proper: the top k, without fortrinsadgang candidates listed beyond it. */
  private static List<String> ids(List<Match> ms, int k) {
    return ms.stream().limit(k).map(Match::citizenId).toList();
  }
}
