package dk.jobmatch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.scoring.ScoringPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's data through the engine: every order has candidates, and the demo's stories hold. */
class DemoShortlistTest {
  private static final GlostrupMunicipality M = GlostrupMunicipality.build();
  private static final Map<String, Citizen> BY_ID =
      M.citizens().stream().collect(Collectors.toMap(Citizen::id, Function.identity()));
  private static MatchEngine engine;

  @BeforeAll
  static void index() {
    engine = MatchEngine.builder().taxonomy(M.taxonomy()).shortage(M.shortage()).asOf(GlostrupMunicipality.AS_OF)
        .build();
    engine.upsertAll(M.citizens());
    M.orders().forEach(engine::upsertOrder);
    engine.refresh();
  }

  @AfterAll
  static void close() throws IOException {
    engine.close();
  }

  private static JobOrder order(String id) {
    return M.orders().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyOrderGetsCandidates() {
    assertEquals(M.citizens().size(), engine.citizenCount());
    int full = 0;
    for (JobOrder o : M.orders()) {
      List<Match> top = engine.rank(o, MunicipalityDemo.SHORTLIST);
      assertFalse(top.isEmpty(), o.id());
      full += top.size() >= MunicipalityDemo.SHORTLIST ? 1 : 0;
    }
    // Shortage shows: a CE truck licence is rare, so the haulier's list may stay short.
    assertTrue(full >= M.orders().size() - 2, "full shortlists: " + full);
  }

  @Test
  void engineAgreesWithTheReferenceScorerOnTheDemoData() {
    ReferenceScorer reference =
        new ReferenceScorer(M.taxonomy(), M.shortage(), ScoringPolicy.defaults(), GlostrupMunicipality.AS_OF);
    for (JobOrder o : M.orders()) {
      List<Match> expected = reference.rank(M.citizens(), o, MunicipalityDemo.SHORTLIST);
      List<Match> actual = engine.rank(o, MunicipalityDemo.SHORTLIST);
      assertEquals(expected.stream().map(Match::citizenId).toList(), actual.stream().map(Match::citizenId).toList(),
          o.id());
    }
  }

  @Test
  void fleksjobCandidatesOnlyWhereFleksjobIsAccepted() {
    for (JobOrder o : M.orders()) {
      for (Match m : engine.rank(o, 20)) {
        Citizen c = BY_ID.get(m.citizenId());
        if (c.fleksjobApproved()) {
          assertTrue(o.fleksjobFeasible(), o.id() + " proposes " + c.id());
          assertTrue(m.has(Flag.FLEKSJOB_FIT), m.toString());
        } else {
          assertTrue(o.employmentType() != EmploymentType.FLEKSJOB, o.id() + " proposes " + c.id());
        }
      }
    }
    assertEquals(GlostrupMunicipality.FEATURED_FLEKSJOB, engine.rank(order("jo-2026-109"), 1).get(0).citizenId());
  }

  @Test
  void theFortrinsadgangNurseIsOnBothPublicNurseShortlists() {
    for (String id : List.of("jo-2026-101", "jo-2026-111")) {
      Match nurse = engine.rank(order(id), MunicipalityDemo.SHORTLIST).stream()
          .filter(m -> m.citizenId().equals(GlostrupMunicipality.FEATURED_NURSE)).findFirst().orElseThrow();
      assertTrue(nurse.has(Flag.FORTRINSADGANG), id);
    }
  }

  @Test
  void aQualifiedFortrinsadgangHolderBeyondTheTopFiveIsStillListed() {
    List<Match> shortlist = engine.rank(order("jo-2026-108"), MunicipalityDemo.SHORTLIST);
    assertTrue(shortlist.size() > MunicipalityDemo.SHORTLIST, "size " + shortlist.size());
    List<String> ids = shortlist.stream().map(Match::citizenId).toList();
    int at = ids.indexOf(GlostrupMunicipality.FEATURED_FORTRINSADGANG_OFFICE);
    assertTrue(at >= MunicipalityDemo.SHORTLIST, ids.toString());
    assertTrue(shortlist.get(at).has(Flag.FORTRINSADGANG));
    // Everything beyond k is there by the rule alone.
    shortlist.subList(MunicipalityDemo.SHORTLIST, shortlist.size()).forEach(m -> assertTrue(m.has(Flag.FORTRINSADGANG)));
  }

  @Test
  void fortrinsadgangIsFlaggedOnlyForHoldersAtPublicEmployers() {
    for (JobOrder o : M.orders()) {
      List<Match> shortlist = engine.rank(o, MunicipalityDemo.SHORTLIST);
      long flagged = shortlist.stream().filter(m -> m.has(Flag.FORTRINSADGANG)).count();
      if (!o.publicEmployer()) {
        assertEquals(0, flagged, o.id());
      }
      for (Match m : shortlist) {
        if (m.has(Flag.FORTRINSADGANG)) {
          assertTrue(BY_ID.get(m.citizenId()).compensation().contains(CompensationScheme.FORTRINSADGANG));
        }
      }
    }
  }

  @Test
  void theCareWorkerIsAnUpskillingCandidateForSosu() {
    Citizen care = BY_ID.get(GlostrupMunicipality.FEATURED_CARE_WORKER);
    List<Match> suggestions = engine.suggest(care, MunicipalityDemo.SUGGESTIONS);
    assertEquals("jo-2026-102", suggestions.get(0).orderId());
    assertTrue(suggestions.get(0).has(Flag.UPSKILLING_CANDIDATE));
    assertTrue(suggestions.get(0).explanation().missingEssentialSkills()
        .contains(DemoVocabulary.Skill.MEDICIN_ADMINISTRATION.id));
  }

  @Test
  void theFleksjobCitizenGetsOnlyFleksjobFeasibleSuggestions() {
    List<Match> suggestions = engine.suggest(BY_ID.get(GlostrupMunicipality.FEATURED_FLEKSJOB), 10);
    assertFalse(suggestions.isEmpty());
    assertEquals("jo-2026-109", suggestions.get(0).orderId());
    for (Match m : suggestions) {
      assertTrue(order(m.orderId()).fleksjobFeasible(), m.orderId());
    }
  }
}
