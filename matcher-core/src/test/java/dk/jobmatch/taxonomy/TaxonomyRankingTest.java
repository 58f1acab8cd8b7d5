package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.scoring.ScoringPolicy;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The taxonomy as the scorer uses it: an order that names only an ESCO occupation gets that
 * occupation's skills as requirements; a citizen holding the essential skills ranks first, one
 * holding only related skills (through the skill hierarchy and skill–skill relations) above one
 * holding unrelated skills. Checked on the reference scorer and the engine alike.
 */
class TaxonomyRankingTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  static final String S = EscoTaxonomyFixtureTest.S;

  static Citizen.Builder citizen(String id) {
    // Same place, hours and (absent) experience for all, so only skills differ.
    return Citizen.builder(id).location(new Location("2600", 55.666, 12.399)).maxCommuteKm(30.0).hoursPerWeek(30, 37);
  }

  static List<Citizen> population() {
    return List.of(
        citizen("c-unrelated").skill(S + "test-forklift").skill(S + "test-pick-orders").build(),
        citizen("c-related").skill(S + "test-patient-care").build(),
        citizen("c-essentials").skill(S + "test-medication").skill(S + "test-wound-care").skill(S + "test-hygiene").build());
  }

  static JobOrder order() {
    return JobOrder.builder("jo-esco-nurse", EscoTaxonomyFixtureTest.NURSE).title("Nurse")
        .hoursPerWeek(30, 37).build();
  }

  static List<String> ids(List<Match> matches) {
    return matches.stream().map(Match::citizenId).toList();
  }

  private static void check(List<Match> ranked) {
    assertEquals(List.of("c-essentials", "c-related", "c-unrelated"), ids(ranked));
    Match best = ranked.get(0);
    assertTrue(best.has(Flag.DERIVED_REQUIREMENTS));
    assertEquals(List.of(S + "test-teamwork"), best.explanation().missingSkills());
    double related = ranked.get(1).explanation().value(Component.SKILLS);
    double unrelated = ranked.get(2).explanation().value(Component.SKILLS);
    assertTrue(related > 0, "related skills give partial credit");
    assertEquals(0.0, unrelated);
    assertTrue(best.explanation().value(Component.SKILLS) > related);
  }

  @Test
  void referenceScorerRanksEssentialThenRelatedThenUnrelated() throws IOException {
    EscoTaxonomy esco = EscoTaxonomy.load(TestFiles.ESCO_MINI);
    ReferenceScorer scorer = new ReferenceScorer(esco, ShortageRegistry.hovedstadenExample(), ScoringPolicy.defaults(), AS_OF);
    check(scorer.rank(population(), order(), 10));
  }

  @Test
  void engineAgreesWithTheReferenceScorer() throws IOException {
    EscoTaxonomy esco = EscoTaxonomy.load(TestFiles.ESCO_MINI);
    try (MatchEngine engine = MatchEngine.builder().taxonomy(esco).asOf(AS_OF).build()) {
      engine.upsertAll(population());
      engine.refresh();
      check(engine.rank(order(), 10));
    }
  }

  @Test
  void sampleTaxonomyDerivesTheSosuAssistantsSkills() throws IOException {
    Taxonomy sample = SampleTaxonomy.get();
    List<Citizen> people = List.of(
        citizen("c-cleaner").skill("skill:rengoering").skill("skill:rengoeringsmidler").build(),
        citizen("c-helper").skill("skill:personlig-pleje").skill("skill:praktisk-hjaelp").skill("skill:forflytning")
            .skill("skill:hygiejne-smitte").build(),
        citizen("c-assistant").skill("skill:personlig-pleje").skill("skill:medicin-administration")
            .skill("skill:observation-sundhed").skill("skill:dokumentation-omsorg").skill("skill:forflytning")
            .skill("skill:hygiejne-smitte").build());
    JobOrder sosu = JobOrder.builder("jo-sosu", "disco:532220").title("Social- og sundhedsassistent til nattevagt")
        .hoursPerWeek(30, 37).build();
    ReferenceScorer scorer = new ReferenceScorer(sample, ShortageRegistry.hovedstadenExample(), ScoringPolicy.defaults(), AS_OF);
    List<Match> ranked = scorer.rank(people, sosu, 10);
    assertEquals(List.of("c-assistant", "c-helper", "c-cleaner"), ids(ranked));
    assertTrue(ranked.get(0).has(Flag.DERIVED_REQUIREMENTS));
  }
}
