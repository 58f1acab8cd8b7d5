package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.kernel.PopulationStats;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests of "why not?" over seeded random populations: the engine's explanation of a
 * pair equals the exhaustive reference scorer's, the rank is the place the reference ranking
 * lists the citizen at, the k-th score is the reference's k-th place, and the gate report agrees
 * with the kernel's {@code passesGates} under random relaxed gates. Every message carries the
 * seed; replay a failure by adding its seed to the value source.
 */
class ExplainPairPropertyTest {
  private static final int CITIZENS = 1200;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 17, 2026})
  void engineEqualsReferenceAndTheRankIsThePlaceInTheRanking(long seed) throws Exception {
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      RandomPopulation gen = new RandomPopulation(seed);
      SplittableRandom rnd = new SplittableRandom(seed);
      List<Citizen> population = gen.citizens(CITIZENS);
      ReferenceScorer reference = new ReferenceScorer(taxonomy, RandomPopulation.shortage(), ScoringPolicy.defaults(),
          RandomPopulation.AS_OF);
      int eligible = 0;
      int outsideTopK = 0;
      try (MatchEngine engine = MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
          .asOf(RandomPopulation.AS_OF).build()) {
        engine.upsertAll(population);
        engine.refresh();
        for (int i = 0; i < 10; i++) {
          JobOrder order = gen.order("o-" + i);
          int k = 1 + rnd.nextInt(15);
          List<Match> ranking = reference.rank(population, order, CITIZENS);
          int seats = (int) ranking.stream().filter(m -> m.score() > 0).count();
          // The top part of a full-length ranking is every candidate; fortrinsadgang extras never follow it.
          List<Match> places = ranking.subList(0, Math.min(seats, ranking.size()));
          for (int j = 0; j < 14; j++) {
            Citizen c = j < 5 && !places.isEmpty()
                ? population.get(Integer.parseInt(places.get(rnd.nextInt(places.size())).citizenId().substring(2)))
                : population.get(rnd.nextInt(CITIZENS));
            String ctx = "seed=" + seed + " taxonomy=" + withTaxonomy + " order=" + order.id() + " citizen=" + c.id() + " k=" + k;
            PairExplanation expected = reference.explainPair(population, c, order, k);
            PairExplanation actual = engine.explainPair(c.id(), order, k);
            assertEquals(expected, actual, ctx);
            if (!actual.eligible()) {
              assertTrue(reference.explain(population, c, order).isEmpty(), ctx);
              continue;
            }
            eligible++;
            Match m = actual.match().orElseThrow();
            assertEquals(c.id(), places.get(actual.rank() - 1).citizenId(), ctx + " rank " + actual.rank());
            assertEquals(m, places.get(actual.rank() - 1), ctx);
            if (places.size() >= k) {
              double kth = places.get(k - 1).score();
              assertEquals(kth, actual.kthScore().orElseThrow(), ctx);
              assertEquals(actual.rank() <= k ? 0 : kth - m.score(), actual.gapToTop(), ctx);
              outsideTopK += actual.rank() > k ? 1 : 0;
            } else {
              assertTrue(actual.kthScore().isEmpty(), ctx);
              assertEquals(0, actual.gapToTop(), ctx);
            }
          }
        }
      }
      assertTrue(eligible > 30, "seed=" + seed + ": too few eligible pairs: " + eligible);
      assertTrue(outsideTopK > 10, "seed=" + seed + ": too few pairs outside the top k: " + outsideTopK);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 6, 7, 8})
  void theGateReportAgreesWithPassesGatesUnderRandomRelaxedGates(long seed) {
    RandomPopulation gen = new RandomPopulation(seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Citizen> citizens = gen.citizens(400);
    Vocabularies v = Vocabularies.create();
    List<CitizenFeatures> features = new ArrayList<>();
    for (Citizen c : citizens) {
      features.add(CitizenFeatures.of(c, v, Taxonomy.none()::resolve));
    }
    int[] failures = new int[Gate.values().length];
    for (int i = 0; i < 60; i++) {
      ScoringPolicy.Builder p = ScoringPolicy.defaults().toBuilder();
      for (Gate g : Gate.values()) {
        if (rnd.nextInt(4) == 0) {
          p.relax(g);
        }
      }
      ScoringPolicy policy = p.build();
      JobOrder order = gen.order("o-" + i);
      CompiledOrder o = CompiledOrder.compile(order, Taxonomy.none(), RandomPopulation.shortage(), policy,
          RandomPopulation.AS_OF, v, PopulationStats.EMPTY);
      for (int ci = 0; ci < features.size(); ci++) {
        CitizenFeatures f = features.get(ci);
        Citizen citizen = citizens.get(ci);
        String ctx = "seed=" + seed + " order=" + i + " citizen=" + f.id + " relaxed=" + policy.relaxedGates();
        List<GateCheck> checks = FeatureScorer.gateChecks(o, f);
        boolean all = true;
        for (GateCheck g : checks) {
          boolean rule = documentedGate(g.gate(), citizen, order);
          assertEquals(policy.relaxed(g.gate()), g.relaxed(), ctx);
          assertEquals(rule, FeatureScorer.gateRule(g.gate(), o, f), ctx + " " + g.gate());
          assertEquals(g.relaxed() || rule, g.passed(), ctx + " " + g.gate());
          all &= g.passed();
          if (!rule) {
            failures[g.gate().ordinal()]++;
          }
        }
        assertEquals(FeatureScorer.passesGates(o, f), all, ctx + " " + checks);
        assertEquals(checks.get(Gate.SEARCHABLE.ordinal()).passed() && checks.get(Gate.FLEKSJOB.ordinal()).passed()
            && checks.get(Gate.EMPLOYMENT_TYPE.ordinal()).passed(), FeatureScorer.passesFlagGates(o, f.flags), ctx);
        assertEquals(checks.get(Gate.COMMUTE.ordinal()).passed(), FeatureScorer.passesCommute(o, f.lat, f.lon, f.maxCommuteKm), ctx);
        assertEquals(all, FeatureScorer.explainEligible(o, f) != null, ctx);
      }
    }
    for (Gate g : Gate.values()) {
      assertTrue(failures[g.ordinal()] > 0, "seed=" + seed + ": no pair failed " + g + " (the test would not notice a wrong rule)");
    }
  }

  /**
   * The gates as docs/scoring.md states them, read from the model records (not from the kernel's
   * compact features), so the kernel's gate rules are checked against an independent statement.
   */
  static boolean documentedGate(Gate gate, Citizen c, JobOrder o) {
    boolean fleks = c.fleksjob() != null && c.fleksjob().approved();
    boolean acceptsFleks = o.acceptsFleksjob() || o.employmentType() == EmploymentType.FLEKSJOB;
    return switch (gate) {
      case SEARCHABLE -> c.searchable();
      case COMMUTE -> c.maxCommuteKm() == null || c.location() == null || o.workplace() == null
          || chordKm(c.location(), o.workplace()) <= c.maxCommuteKm();
      case HOURS -> {
        if (fleks && acceptsFleks) {
          yield o.employmentType() != EmploymentType.FLEKSJOB || o.hoursPerWeek() == null
              || o.hoursPerWeek().min() <= c.fleksjob().maxHoursPerWeek();
        }
        yield c.hoursPerWeek() == null || o.hoursPerWeek() == null
            || c.hoursPerWeek().min() <= o.hoursPerWeek().max() && o.hoursPerWeek().min() <= c.hoursPerWeek().max();
      }
      case FLEKSJOB -> fleks ? acceptsFleks : o.employmentType() != EmploymentType.FLEKSJOB;
      case CERTIFICATES -> c.certificates().containsAll(o.certificates());
      case LANGUAGES -> o.languages().stream().allMatch(r -> c.languages().stream()
          .filter(l -> l.code().equals(r.code())).findFirst()
          .map(l -> l.level().compareTo(r.minLevel()) >= 0).orElse(false));
      case AVAILABILITY -> c.availableFrom() == null || o.startDate() == null
          || !c.availableFrom().isAfter(o.startDate());
      case EMPLOYMENT_TYPE -> switch (o.employmentType()) {
        case ORDINARY, APPRENTICESHIP -> c.jobReady() || fleks && acceptsFleks;
        case INTERNSHIP, WAGE_SUBSIDY -> true;
        case FLEKSJOB -> fleks;
      };
    };
  }

  /** Great-circle distance through the chord of unit vectors (a different formula from the kernel's haversine). */
  private static double chordKm(Location a, Location b) {
    double[] u = unit(a);
    double[] w = unit(b);
    double chord = Math.sqrt(Math.pow(u[0] - w[0], 2) + Math.pow(u[1] - w[1], 2) + Math.pow(u[2] - w[2], 2));
    return 6371.0088 * 2 * Math.asin(Math.min(1, chord / 2));
  }

  private static double[] unit(Location l) {
    double lat = Math.toRadians(l.lat());
    double lon = Math.toRadians(l.lon());
    return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
  }
}
