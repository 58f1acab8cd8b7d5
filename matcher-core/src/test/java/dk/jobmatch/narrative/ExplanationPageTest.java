package dk.jobmatch.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.engine.AuditEvent;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.taxonomy.SampleTaxonomy;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The citizen's page and the narration on pairs explained by a real engine over the sample
 * taxonomy (Danish labels): names instead of codes, the values of the gate worked out by hand,
 * the rule set and the date that the audit hook records, escaping.
 */
class ExplanationPageTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  /** Along a meridian 0.4° is 0.4 · π/180 · 6371.0088 km = 44.4788 km, shown by the gate as 44.5. */
  static final Location HOME = new Location("2600", 55.0, 12.4);
  static final Location WORK = new Location("2600", 55.01, 12.4);
  static final Location FAR = new Location("2600", 55.4, 12.4);

  static JobOrder order(Location work) {
    return JobOrder.builder("jo-1", "disco:532210").title("SOSU-hjælper <nat> & weekend")
        .employer(new Employer(null, null, "Glostrup Kommune", true, false, work))
        .essentialSkill("skill:personlig-pleje").essentialSkill("skill:medicin-administration").optionalSkill("skill:forflytning")
        .certificate("DRIVING_B").build();
  }

  static Citizen.Builder citizen(String id) {
    return Citizen.builder(id).jobReady(true).searchable(true).location(HOME).maxCommuteKm(30.0)
        .skill("skill:personlig-pleje").skill("skill:forflytning").certificate("DRIVING_B").jobGoal("disco:532210", 1);
  }

  @Test
  void thePageNamesTheRuleSetAndDateTheAuditHookRecords() throws Exception {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (MatchEngine engine = MatchEngine.builder().taxonomy(SampleTaxonomy.get()).asOf(AS_OF)
        .auditListener(events::add).build()) {
      engine.upsertAll(List.of(citizen("c-1").build(), citizen("c-2").skill("skill:medicin-administration").build(),
          citizen("c-3").build()));
      JobOrder order = order(WORK);
      engine.rank(order, 2);
      AuditEvent event = events.get(0);
      Citizen c1 = engine.citizen("c-1").orElseThrow();
      PairExplanation why = engine.explainPair(c1, order, 2);
      Narrator da = Narrator.of(engine.taxonomy(), "da");
      String html = ExplanationPage.of(da, null).render(why, c1, order, engine.policy().label(), engine.today());
      assertTrue(html.contains("<dt>Regelsæt</dt><dd>" + event.policy() + "</dd>"), html);
      assertTrue(html.contains("<dd>" + da.date(event.asOf()) + "</dd>"), html);
      assertEquals("1. november 2026", da.date(event.asOf()));
      // Names from the taxonomy, never its codes.
      assertTrue(html.contains("Færdighed: Medicinadministration (vigtig)"), html);
      assertTrue(html.contains("<dt>Fag</dt><dd>Social- og sundhedshjælper</dd>"), html);
      assertTrue(html.contains("kørekort kategori B (bil)"), html);
      assertFalse(html.contains("skill:"), "a skill code on the page");
      assertFalse(html.contains("DRIVING_B"), "a certificate code on the page");
      // The order's title is escaped, in the title and the subject.
      assertTrue(html.contains("Borger c-1 og job jo-1: SOSU-hjælper &lt;nat&gt; &amp; weekend"), html);
      assertFalse(html.contains("<nat>"));
      assertTrue(html.contains("Kontakt dit jobcenter, og oplys borger c-1 og job jo-1."), html);
    }
  }

  @Test
  void aGateFailingInTheEngineIsSaidWithTheValuesWorkedOutByHand() throws Exception {
    try (MatchEngine engine = MatchEngine.builder().taxonomy(SampleTaxonomy.get()).asOf(AS_OF).build()) {
      Citizen c = citizen("c-9").build();
      engine.upsert(c);
      JobOrder far = order(FAR);
      PairExplanation why = engine.explainPair(c, far, 10);
      Narration da = Narrator.of(engine.taxonomy(), "da").explain(why, far);
      assertEquals("Nej – du kan ikke foreslås til dette job, fordi et krav ikke er opfyldt.", da.headline());
      // 44.4788 km; the gate shows it to 0.1 km (44.5, as in the JSON), and the sentence says that in whole km.
      assertEquals(List.of("Jobbet ligger 45 km fra din bopæl; du har angivet højst 30 km. "
          + "Hvis du kan tage 45 km til arbejde, opfylder du kravet."), da.sentences());
      String html = ExplanationPage.of(Narrator.of(engine.taxonomy(), "en"), "Jobcenter Glostrup").render(why, c, far,
          "glostrup@2", AS_OF);
      assertTrue(html.contains("<h1>Why was I not proposed for this job?</h1>"), html);
      assertTrue(html.contains("<th scope=\"row\">Distance to work</th><td>The workplace is 45 km from your home</td>"
          + "<td>At most 30 km</td><td class=\"no\">No</td>"), html);
      // Not assessed: a skill the citizen does not hold directly, when a requirement failed first.
      assertTrue(html.contains("<th scope=\"row\">Skill: Medicinadministration (important)</th><td>Asks for it</td>"
          + "<td>No</td><td class=\"notChecked\">Not assessed</td>"), html);
      assertTrue(html.contains("Contact Jobcenter Glostrup and give citizen c-9 and job jo-1."), html);
      assertThrows(IllegalArgumentException.class, () -> ExplanationPage.of(Narrator.of(engine.taxonomy(), "da"), null)
          .render(why, citizen("c-other").build(), far, "p@1", AS_OF));
    }
  }
}
