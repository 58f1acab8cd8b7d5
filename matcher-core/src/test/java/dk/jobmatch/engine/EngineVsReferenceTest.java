package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.LanguageRequirement;
import dk.jobmatch.model.LanguageSkill;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests over random populations: the index-based top-k equals the exhaustive reference
 * scorer's, no result violates a gate (checked here independently of the scorer), adding a
 * required skill never lowers a score, and ranking is deterministic. Each case prints its seed
 * on failure; replay by adding the seed to the value source.
 */
class EngineVsReferenceTest {
  private static final int CITIZENS = 2500;
  private static final int ORDERS = 30;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void indexTopKEqualsReferenceAndRespectsGates(long seed) throws Exception {
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      RandomPopulation gen = new RandomPopulation(seed);
      List<Citizen> population = gen.citizens(CITIZENS);
      ReferenceScorer reference = new ReferenceScorer(taxonomy, RandomPopulation.shortage(), ScoringPolicy.defaults(),
          RandomPopulation.AS_OF);
      Map<String, Citizen> byId = population.stream().collect(Collectors.toMap(Citizen::id, Function.identity()));
      try (MatchEngine engine = engine(taxonomy)) {
        engine.upsertAll(population);
        engine.refresh();
        for (int i = 0; i < ORDERS; i++) {
          JobOrder order = gen.order("o-" + i);
          int k = 1 + (i % 4) * 7;
          String ctx = "seed=" + seed + " taxonomy=" + withTaxonomy + " order=" + i + " k=" + k;
          List<Match> expected = reference.rank(population, order, k);
          List<Match> actual = engine.rank(order, k);
          assertEquals(summary(expected), summary(actual), ctx);
          assertEquals(expected, actual, ctx + " (explanations)");
          for (Match m : actual) {
            assertTrue(m.score() > 0 && m.score() <= 1 + 1e-9, ctx);
            assertTrue(gatesHold(byId.get(m.citizenId()), order), ctx + " gate violated by " + m.citizenId());
          }
          assertEquals(summary(actual), summary(engine.rank(order, k)), ctx + " (deterministic)");
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8, 9})
  void insertionOrderDoesNotChangeTheRanking(long seed) throws Exception {
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> population = gen.citizens(1500);
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      orders.add(gen.order("o-" + i));
    }
    List<Citizen> shuffled = new ArrayList<>(population);
    Collections.shuffle(shuffled, new Random(seed));
    try (MatchEngine a = engine(Taxonomy.none()); MatchEngine b = engine(Taxonomy.none())) {
      a.upsertAll(population);
      a.refresh();
      for (int i = 0; i < shuffled.size(); i += 100) {
        b.upsertAll(shuffled.subList(i, Math.min(shuffled.size(), i + 100)));
        b.refresh();
      }
      for (JobOrder o : orders) {
        assertEquals(summary(a.rank(o, 10)), summary(b.rank(o, 10)), "seed=" + seed + " order=" + o.id());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13})
  void addingARequiredSkillNeverLowersTheScore(long seed) {
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> population = gen.citizens(500);
    // Skill rarity comes from this fixed population, so only the citizen's own skills change.
    List<Citizen> statsPopulation = population.subList(100, 200);
    ReferenceScorer reference = new ReferenceScorer(RandomPopulation.relatedTaxonomy(), RandomPopulation.shortage(),
        ScoringPolicy.defaults(), RandomPopulation.AS_OF);
    int compared = 0;
    for (int i = 0; i < 60; i++) {
      JobOrder order = gen.order("o-" + i);
      if (order.requiredSkills().isEmpty()) {
        continue;
      }
      for (Citizen c : population.subList(0, 60)) {
        Optional<Match> before = reference.explain(statsPopulation, c, order);
        for (var req : order.requiredSkills()) {
          if (c.skills().stream().anyMatch(s -> s.id().equals(req.id()))) {
            continue;
          }
          Citizen more = c.toBuilder().skill(SkillHolding.of(req.id())).build();
          Optional<Match> after = reference.explain(statsPopulation, more, order);
          String ctx = "seed=" + seed + " order=" + order.id() + " citizen=" + c.id() + " skill=" + req.id();
          assertEquals(before.isPresent(), after.isPresent(), ctx + " (gates do not depend on skills)");
          if (before.isPresent()) {
            assertTrue(after.get().score() >= before.get().score(), ctx);
            assertTrue(after.get().explanation().matchedSkills().contains(req.id()), ctx);
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 100, "too few comparisons: " + compared);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22})
  void suggestEqualsReference(long seed) throws Exception {
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> population = gen.citizens(800);
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      orders.add(gen.order("o-" + i));
    }
    ReferenceScorer reference = new ReferenceScorer(Taxonomy.none(), RandomPopulation.shortage(),
        ScoringPolicy.defaults(), RandomPopulation.AS_OF);
    try (MatchEngine engine = engine(Taxonomy.none())) {
      engine.upsertAll(population);
      orders.forEach(engine::upsertOrder);
      engine.refresh();
      for (Citizen c : population.subList(0, 50)) {
        assertEquals(reference.suggest(population, orders, c, 7), engine.suggest(c, 7), "seed=" + seed + " " + c.id());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32})
  void ordersWithTooManyTermsForOneQueryStayExact(long seed) throws Exception {
    // Every skill relates to 45 others: an order of 30 skills has 1,380 terms, more than one
    // query takes, so the engine queries the skills themselves and bounds the related ones.
    Taxonomy wide = new ForwardingTaxonomy(RandomPopulation.relatedTaxonomy()) {
      @Override
      public Map<String, Double> relatedSkills(String skillId) {
        int i = Integer.parseInt(skillId.substring("skill:s".length()));
        Map<String, Double> m = new java.util.HashMap<>();
        for (int d = 1; d <= 45; d++) {
          m.put(RandomPopulation.skill((i + d) % RandomPopulation.SKILLS), d <= 3 ? 0.5 : 0.2);
        }
        return m;
      }
    };
    RandomPopulation gen = new RandomPopulation(seed);
    List<Citizen> population = gen.citizens(1500);
    ReferenceScorer reference = new ReferenceScorer(wide, RandomPopulation.shortage(), ScoringPolicy.defaults(),
        RandomPopulation.AS_OF);
    try (MatchEngine engine = engine(wide)) {
      engine.upsertAll(population);
      engine.refresh();
      for (int i = 0; i < 6; i++) {
        JobOrder.Builder b = gen.order("o-" + i).toBuilder();
        JobOrder base = b.build();
        JobOrder.Builder many = JobOrder.builder(base.id(), base.occupation()).employer(base.employer());
        for (int s = 0; s < 30; s++) {
          many.requiredSkill(new dk.jobmatch.model.RequiredSkill(RandomPopulation.skill((i * 7 + s * 2) % RandomPopulation.SKILLS), s % 3 == 0));
        }
        JobOrder order = many.build();
        assertEquals(reference.rank(population, order, 10), engine.rank(order, 10), "seed=" + seed + " order=" + i);
      }
    }
  }

  /** Delegates everything; tests override what they vary. */
  static class ForwardingTaxonomy implements Taxonomy {
    private final Taxonomy d;

    ForwardingTaxonomy(Taxonomy d) {
      this.d = d;
    }

    @Override public dk.jobmatch.taxonomy.OccupationCode resolve(dk.jobmatch.model.OccupationRef r) { return d.resolve(r); }
    @Override public Map<String, Double> relatedSkills(String s) { return d.relatedSkills(s); }
    @Override public Optional<dk.jobmatch.taxonomy.ReuseLevel> reuseLevel(String s) { return d.reuseLevel(s); }
    @Override public List<dk.jobmatch.model.RequiredSkill> skillsOf(dk.jobmatch.model.OccupationRef o) { return d.skillsOf(o); }
    @Override public Optional<String> skillLabel(String s) { return d.skillLabel(s); }
    @Override public Optional<String> occupationLabel(dk.jobmatch.model.OccupationRef o) { return d.occupationLabel(o); }
  }

  static MatchEngine engine(Taxonomy taxonomy) {
    return MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
        .asOf(RandomPopulation.AS_OF).build();
  }

  static List<String> summary(List<Match> matches) {
    return matches.stream().map(m -> m.citizenId() + "@" + m.score()).toList();
  }

  /** The hard gates of docs/scoring.md, written again from the model, independently of the scorer. */
  static boolean gatesHold(Citizen c, JobOrder o) {
    if (!c.searchable()) {
      return false;
    }
    boolean fleks = c.fleksjobApproved();
    if (fleks && !o.fleksjobFeasible()) {
      return false;
    }
    if (o.employmentType() == EmploymentType.FLEKSJOB && !fleks) {
      return false;
    }
    if ((o.employmentType() == EmploymentType.ORDINARY || o.employmentType() == EmploymentType.APPRENTICESHIP)
        && !c.jobReady() && !(fleks && o.fleksjobFeasible())) {
      return false;
    }
    if (!fleks && c.hoursPerWeek() != null && o.hoursPerWeek() != null && !c.hoursPerWeek().overlaps(o.hoursPerWeek())) {
      return false;
    }
    if (fleks && o.employmentType() == EmploymentType.FLEKSJOB && o.hoursPerWeek() != null
        && o.hoursPerWeek().min() > c.fleksjob().maxHoursPerWeek()) {
      return false;
    }
    if (!c.certificates().containsAll(o.certificates())) {
      return false;
    }
    for (LanguageRequirement req : o.languages()) {
      Optional<LanguageSkill> held = c.languages().stream().filter(l -> l.code().equals(req.code())).findFirst();
      if (held.isEmpty() || !held.get().level().atLeast(req.minLevel())) {
        return false;
      }
    }
    if (c.availableFrom() != null && o.startDate() != null && c.availableFrom().isAfter(o.startDate())) {
      return false;
    }
    if (c.location() != null && c.maxCommuteKm() != null && o.workplace() != null
        && c.location().distanceKm(o.workplace()) > c.maxCommuteKm()) {
      return false;
    }
    return true;
  }
}
