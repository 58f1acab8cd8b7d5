package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.index.RetrievalSettings;
import dk.jobmatch.index.SearchStats;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retrieval core against the reference scorer where it matters most: a population large
 * enough that pruning skips most citizens (asserted through the search statistics), changes
 * visible to the very next search without {@link MatchEngine#refresh()}, orders with thousands
 * of terms, and {@code k = Integer.MAX_VALUE}. Seeded; the seed is in every message.
 */
class RetrievalTest {
  private static final int LARGE = 30_000;

  private static MatchEngine engine(Taxonomy taxonomy) {
    return MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
        .policy(ScoringPolicy.defaults()).asOf(RandomPopulation.AS_OF).build();
  }

  private static ReferenceScorer reference(Taxonomy taxonomy) {
    return new ReferenceScorer(taxonomy, RandomPopulation.shortage(), ScoringPolicy.defaults(), RandomPopulation.AS_OF);
  }

  private static List<String> summary(List<Match> matches) {
    return matches.stream().map(m -> m.citizenId() + "=" + m.score()).toList();
  }

  /**
   * A large population, both taxonomies: every top-k equals the reference scorer's, and pruning
   * really skips — most orders score exactly only a small share of the population.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12})
  void prunesAndStaysExactOnALargePopulation(long seed) throws Exception {
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      RandomPopulation gen = new RandomPopulation(seed);
      List<Citizen> population = gen.citizens(LARGE);
      ReferenceScorer reference = reference(taxonomy);
      int orders = 16;
      int pruned = 0;
      long scored = 0;
      SearchStats[] last = new SearchStats[1];
      try (MatchEngine engine = MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
          .policy(ScoringPolicy.defaults()).asOf(RandomPopulation.AS_OF)
          .retrieval(RetrievalSettings.DEFAULTS.withListener(s -> last[0] = s)).build()) {
        engine.upsertAll(population);
        for (int i = 0; i < orders; i++) {
          JobOrder order = gen.order("o-" + i);
          int k = i % 2 == 0 ? 10 : 20;
          String ctx = "seed=" + seed + " taxonomy=" + withTaxonomy + " order=" + i;
          List<Match> actual = engine.rank(order, k);
          SearchStats stats = last[0];
          assertEquals(summary(reference.rank(population, order, k)), summary(actual), ctx);
          assertEquals(LARGE, stats.population(), ctx);
          scored += stats.exactlyScored();
          if (stats.exactlyScored() < LARGE / 10) {
            pruned++;
          }
        }
      }
      assertTrue(pruned >= orders / 2, "seed=" + seed + " taxonomy=" + withTaxonomy + ": only " + pruned + " of "
          + orders + " orders scored fewer than 10% exactly (" + scored + " exact scores in all)");
    }
  }

  /**
   * Random upserts and deletes interleaved with searches, never a refresh: every search equals the
   * reference scorer on the population as it is at that moment (rarity statistics included).
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  void everyChangeIsVisibleToTheNextSearch(long seed) throws Exception {
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      RandomPopulation gen = new RandomPopulation(seed);
      SplittableRandom rnd = new SplittableRandom(seed);
      Map<String, Citizen> current = new LinkedHashMap<>();
      for (Citizen c : gen.citizens(1500)) {
        current.put(c.id(), c);
      }
      ReferenceScorer reference = reference(taxonomy);
      try (MatchEngine engine = engine(taxonomy)) {
        engine.upsertAll(current.values());
        for (int step = 0; step < 60; step++) {
          String ctx = "seed=" + seed + " taxonomy=" + withTaxonomy + " step=" + step;
          int changes = 1 + rnd.nextInt(20);
          for (int c = 0; c < changes; c++) {
            String id = "c-" + rnd.nextInt(1700);
            if (rnd.nextInt(4) == 0) {
              assertEquals(current.remove(id) != null, engine.delete(id), ctx);
            } else {
              Citizen updated = gen.citizen(id);
              current.put(id, updated);
              engine.upsert(updated);
            }
          }
          JobOrder order = gen.order("o-" + step);
          int k = 1 + rnd.nextInt(25);
          List<Match> expected = reference.rank(current.values(), order, k);
          List<Match> actual = engine.rank(order, k);
          assertEquals(summary(expected), summary(actual), ctx);
          assertEquals(expected, actual, ctx + " (explanations)");
        }
      }
    }
  }

  private static Citizen.Builder nurse(String id) {
    return Citizen.builder(id).searchable(true).jobReady(true)
        .skill("skill:wound-care", null).skill("skill:medication", null);
  }

  private static JobOrder nurseOrder(boolean publicEmployer) {
    return JobOrder.builder("o-nurse", dk.jobmatch.model.OccupationRef.isco("2221"))
        .requiredSkill(new RequiredSkill("skill:wound-care", true))
        .requiredSkill(new RequiredSkill("skill:medication", false))
        .employer(new Employer(null, null, null, publicEmployer, false, null)).build();
  }

  @Test
  void anUpdateIntoTheTopIsVisibleWithoutRefresh() throws Exception {
    try (MatchEngine engine = engine(Taxonomy.none())) {
      List<Citizen> all = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        all.add(nurse("n-" + i).build());
      }
      all.add(Citizen.builder("z-newcomer").searchable(true).jobReady(true).skill("skill:cooking", null).build());
      engine.upsertAll(all);
      engine.refresh();
      assertFalse(engine.rank(nurseOrder(false), 5).stream().anyMatch(m -> m.citizenId().equals("z-newcomer")));
      // Now the best profile: the required skills plus experience in the very occupation.
      engine.upsert(nurse("z-newcomer").experience(
          new dk.jobmatch.model.Experience(dk.jobmatch.model.OccupationRef.isco("2221"), 10.0, null)).build());
      List<Match> top = engine.rank(nurseOrder(false), 5);
      assertEquals("z-newcomer", top.get(0).citizenId());
      assertEquals(reference(Taxonomy.none()).rank(currentOf(engine, all), nurseOrder(false), 5), top);
    }
  }

  private static List<Citizen> currentOf(MatchEngine engine, List<Citizen> ids) {
    return ids.stream().map(c -> engine.citizen(c.id()).orElseThrow()).toList();
  }

  @Test
  void aNewFortrinsadgangHolderIsOnAPublicEmployersListAtOnce() throws Exception {
    try (MatchEngine engine = engine(Taxonomy.none())) {
      List<Citizen> all = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        all.add(nurse("n-" + i).experience(
            new dk.jobmatch.model.Experience(dk.jobmatch.model.OccupationRef.isco("2221"), 5.0, null)).build());
      }
      all.add(nurse("z-holder").build());
      engine.upsertAll(all);
      engine.refresh();
      assertFalse(engine.rank(nurseOrder(true), 3).stream().anyMatch(m -> m.citizenId().equals("z-holder")));
      engine.upsert(nurse("z-holder").compensation(CompensationScheme.FORTRINSADGANG).build());
      List<Match> list = engine.rank(nurseOrder(true), 3);
      assertEquals(4, list.size());
      assertEquals("z-holder", list.get(3).citizenId());
      assertTrue(list.get(3).has(dk.jobmatch.scoring.Flag.FORTRINSADGANG));
    }
  }

  @Test
  void aDeleteIsVisibleAtOnce() throws Exception {
    try (MatchEngine engine = engine(Taxonomy.none())) {
      engine.upsertAll(List.of(nurse("a").build(), nurse("b").build()));
      assertEquals(List.of("a", "b"), engine.rank(nurseOrder(false), 5).stream().map(Match::citizenId).toList());
      assertTrue(engine.delete("a"));
      assertEquals(List.of("b"), engine.rank(nurseOrder(false), 5).stream().map(Match::citizenId).toList());
      assertTrue(engine.citizen("a").isEmpty());
    }
  }

  /**
   * The largest orders the model accepts ({@link dk.jobmatch.model.Limits}: 200 required skills,
   * ~600 terms with related skills; 50 certificates) are answered exactly, for a public employer
   * too; beyond the limit the order is refused at the boundary, naming the field.
   */
  @Test
  void ordersAtTheTermLimitsAreAnsweredAndBeyondThemRefused() throws Exception {
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      RandomPopulation gen = new RandomPopulation(5);
      List<Citizen> population = gen.citizens(2000);
      JobOrder.Builder many = JobOrder.builder("o-many", dk.jobmatch.model.OccupationRef.isco("2221"))
          .employer(new Employer(null, null, null, true, false, null));
      for (int i = 0; i < dk.jobmatch.model.Limits.ORDER_REQUIRED_SKILLS; i++) {
        many.requiredSkill(new RequiredSkill(RandomPopulation.skill(i), i % 3 == 0));
      }
      JobOrder manySkills = many.build();
      JobOrder.Builder certs = JobOrder.builder("o-certs", dk.jobmatch.model.OccupationRef.isco("2221"));
      for (int i = 0; i < dk.jobmatch.model.Limits.ORDER_CERTIFICATES; i++) {
        certs.certificate(i == 0 ? "DRIVING_B" : "CERT_" + i);
      }
      JobOrder manyCertificates = certs.build();
      ReferenceScorer reference = reference(taxonomy);
      try (MatchEngine engine = engine(taxonomy)) {
        engine.upsertAll(population);
        for (JobOrder o : List.of(manySkills, manyCertificates)) {
          assertEquals(summary(reference.rank(population, o, 10)), summary(engine.rank(o, 10)),
              o.id() + " taxonomy=" + withTaxonomy);
        }
        assertFalse(engine.rank(manySkills, 10).isEmpty());
      }
    }
    JobOrder.Builder tooMany = JobOrder.builder("o-too-many", dk.jobmatch.model.OccupationRef.isco("2221"));
    for (int i = 0; i < 5000; i++) {
      tooMany.requiredSkill(new RequiredSkill(RandomPopulation.skill(i), true));
    }
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, tooMany::build);
    assertTrue(e.getMessage().startsWith("requiredSkills:"), e.getMessage());
  }

  @Test
  void rankWithTheLargestKReturnsEveryoneEligible() throws Exception {
    RandomPopulation gen = new RandomPopulation(6);
    List<Citizen> population = gen.citizens(3000);
    try (MatchEngine engine = engine(Taxonomy.none())) {
      engine.upsertAll(population);
      for (int i = 0; i < 5; i++) {
        JobOrder o = gen.order("o-" + i);
        List<Match> all = engine.rank(o, Integer.MAX_VALUE);
        assertEquals(summary(reference(Taxonomy.none()).rank(population, o, Integer.MAX_VALUE)), summary(all), "order " + i);
      }
    }
  }
}
