package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.kernel.PopulationStats;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bound the retrieval prunes with, taken from the kernel, is at least the exact credit it
 * stands for: random citizens, orders and policies (every constant drawn from its range), with
 * and without related-skill taxonomy. The bounds are assembled here exactly as the retrieval
 * assembles them from its postings (per required skill the best credit of a held skill, the
 * deepest shared hierarchy term, the packed non-term record).
 */
class KernelBoundsTest {
  private static final double EPS = 1e-12;

  static ScoringPolicy randomPolicy(SplittableRandom rnd) {
    while (true) {
      ScoringPolicy.Builder b = ScoringPolicy.defaults().toBuilder();
      double[] w = new double[Component.values().length];
      double sum = 0;
      for (int i = 0; i < w.length; i++) {
        w[i] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble();
        sum += w[i];
      }
      for (int i = 0; i < w.length; i++) {
        b.weight(Component.values()[i], sum == 0 ? 1.0 / w.length : w[i] / sum);
      }
      for (PolicyConstant c : PolicyConstant.values()) {
        if (rnd.nextBoolean()) {
          double v = c.min() + rnd.nextDouble() * Math.min(c.max() - c.min(), 30);
          b.set(c, c.integral() ? Math.rint(v) : v);
        }
      }
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        // a relation between constants broken: draw again
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void noBoundIsBelowTheCreditItStandsFor(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> citizens = gen.citizens(400);
    int checked = 0;
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      for (int p = 0; p < 6; p++) {
        ScoringPolicy policy = p == 0 ? ScoringPolicy.defaults() : randomPolicy(rnd);
        Vocabularies v = Vocabularies.create();
        List<CitizenFeatures> features = new ArrayList<>();
        for (Citizen c : citizens) {
          features.add(CitizenFeatures.of(c, v, taxonomy::resolve));
        }
        PopulationStats stats = PopulationStats.of(features, v.skills().size());
        for (int i = 0; i < 20; i++) {
          JobOrder order = gen.order("o-" + i);
          CompiledOrder o = CompiledOrder.compile(order, taxonomy, RandomPopulation.shortage(), policy,
              RandomPopulation.AS_OF, v, stats);
          double[] occBounds = o.hierarchyBounds(Component.OCCUPATION);
          double[] goalBounds = o.hierarchyBounds(Component.GOAL);
          List<String> orderTerms = CompiledOrder.hierarchyTerms(o.occupation);
          for (CitizenFeatures c : features) {
            String ctx = "seed=" + seed + " taxonomy=" + withTaxonomy + " policy=" + p + " order=" + i + " citizen=" + c.id;
            Match m = FeatureScorer.explain(o, c);
            boolean gates = FeatureScorer.passesGates(o, c);
            if (!FeatureScorer.passesFlagGates(o, c.flags) || !FeatureScorer.passesCommute(o, c.lat, c.lon, c.maxCommuteKm)) {
              assertTrue(!gates, ctx + ": a pre-check rejects a citizen passing every gate");
            }
            double nonTerm = o.nonTermBound(c.educationLevel, c.lat, c.lon, c.flags);
            double nonTermNoDistance = o.nonTermBound(c.educationLevel, c.flags);
            assertTrue(nonTerm <= nonTermNoDistance + EPS, ctx + ": distance-free bound below the exact non-term part");
            assertTrue(nonTermNoDistance <= o.nonTermUpperBound() + EPS, ctx + ": order-wide non-term bound too low");
            // The distance value bounds the retrieval prunes with: from a lower bound of the
            // distance (here the distance itself, a little less), and for any home.
            double dv = FeatureScorer.distanceValue(o, c.lat, c.lon);
            double km = Double.isNaN(c.lat) || Double.isNaN(o.workLat) ? 0
                : dk.jobmatch.internal.Geo.distanceKm(c.lat, c.lon, o.workLat, o.workLon) * (1 - 1e-9);
            if (!Double.isNaN(c.lat)) {
              assertTrue(dv <= o.distanceValueBound(km), ctx + ": distance value bound below the distance value");
              assertTrue(o.nonTermBoundAt(c.educationLevel, o.distanceValueBound(km), c.flags) >= nonTerm - EPS,
                  ctx + ": non-term bound at a distance bound below the non-term part");
            }
            assertTrue(dv <= o.distanceValueBound(Double.NaN), ctx + ": any-home distance value bound too low");
            assertEquals(nonTerm, o.nonTermBoundAt(c.educationLevel, dv, c.flags), 1e-15,
                ctx + ": non-term bound at the distance value differs from the non-term part");
            if (m == null) {
              continue;
            }
            checked++;
            double exactNonTerm = 0;
            for (Component comp : List.of(Component.EDUCATION, Component.DISTANCE, Component.INCLUSION, Component.SHORTAGE)) {
              exactNonTerm += m.explanation().components().get(comp).contribution();
            }
            assertTrue(exactNonTerm <= nonTerm + 1e-9, ctx + ": non-term bound " + nonTerm + " < " + exactNonTerm);
            // Skills: per required skill the best credit of a held skill (itself or a related one).
            double skillBound = 0;
            for (int j = 0; j < o.requiredIds.length; j++) {
              double best = 0;
              for (Map.Entry<String, Double> e : o.expansions.get(j).entrySet()) {
                int id = v.skills().lookup(e.getKey());
                if (id >= 0 && Arrays.binarySearch(c.skills, id) >= 0) {
                  best = Math.max(best, o.skillBound(j, e.getValue()));
                }
              }
              skillBound += best;
            }
            double skills = m.explanation().components().get(Component.SKILLS).contribution();
            assertTrue(skills <= skillBound + 1e-9, ctx + ": skill bound " + skillBound + " < " + skills);
            double occ = m.explanation().components().get(Component.OCCUPATION).contribution();
            assertTrue(occ <= deepest(orderTerms, occBounds, c.experience) + 1e-9, ctx + ": occupation bound too low");
            double goal = m.explanation().components().get(Component.GOAL).contribution();
            assertTrue(goal <= deepest(orderTerms, goalBounds, c.goals) + 1e-9, ctx + ": goal bound too low");
            assertTrue(m.score() <= skillBound + deepest(orderTerms, occBounds, c.experience)
                + deepest(orderTerms, goalBounds, c.goals) + nonTerm + 1e-9, ctx + ": total bound too low");
          }
        }
      }
    }
    assertTrue(checked > 1000, "too few eligible pairs checked: " + checked);
  }

  /** The bound of the deepest order term the citizen's codes hold, as the retrieval counts it. */
  private static double deepest(List<String> orderTerms, double[] bounds, OccupationCode[] codes) {
    Set<String> held = new java.util.HashSet<>();
    for (OccupationCode code : codes) {
      held.addAll(CompiledOrder.hierarchyTerms(code));
    }
    double best = 0;
    for (int i = 0; i < bounds.length; i++) {
      if (held.contains(orderTerms.get(i))) {
        best = Math.max(best, bounds[i]);
      }
    }
    return best;
  }
}
