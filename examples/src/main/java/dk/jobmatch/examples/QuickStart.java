package dk.jobmatch.examples;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.SampleTaxonomy;
import dk.jobmatch.taxonomy.ShortageRegistry;
import java.time.LocalDate;
import java.util.List;

/** The README's one-screen example: two citizens, one job order, a ranked and explained shortlist. */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   * @throws Exception if the engine cannot be closed
   */
  public static void main(String[] args) throws Exception {
    try (MatchEngine engine = MatchEngine.builder()
        .taxonomy(SampleTaxonomy.get())                       // or EscoTaxonomy over an ESCO CSV export
        .shortage(ShortageRegistry.hovedstadenExample())      // or ShortageRegistry.load(path)
        .asOf(LocalDate.of(2026, 11, 22))
        .build()) {
      engine.upsertAll(List.of(
          Citizen.builder("c-1").location("2600", 55.666, 12.399).maxCommuteKm(25.0).hoursPerWeek(30, 37)
              .jobGoal("disco:222110", 1).experience("disco:222110", 6, 2026).education(5, "sygeplejerske", 2018)
              .skill("skill:sygepleje").skill("skill:medicin-administration").build(),
          Citizen.builder("c-2").location("2620", 55.657, 12.353).maxCommuteKm(15.0).hoursPerWeek(25, 37)
              .jobGoal("disco:532220", 1).experience("disco:532220", 3, 2025).education(3, "sosu-assistent", 2020)
              .skill("skill:medicin-administration").skill("skill:personlig-pleje").build()));

      JobOrder order = JobOrder.builder("jo-1", "disco:222110").title("Sygeplejerske").rarArea(RarArea.HOVEDSTADEN)
          .employer(new Employer(null, null, "Hospitalet i Glostrup", true, false, new Location("2600", 55.664, 12.384)))
          .essentialSkill("skill:sygepleje").essentialSkill("skill:medicin-administration")
          .minEducationLevel(5).hoursPerWeek(32, 37).build();
      for (Match m : engine.rank(order, 10)) {               // best first, ties by citizen id
        Explanation why = m.explanation();
        System.out.printf("%s  score %.3f  flags %s%n", m.citizenId(), m.score(), why.flags());
        why.components().forEach((component, s) -> System.out.printf("  %-10s %.2f x %.2f = %.3f%n",
            component.jsonName(), s.value(), s.weight(), s.contribution()));
        System.out.printf("  matched %s, missing %s%n", why.matchedSkills(), why.missingSkills());
      }
    }
    // end of the example (docs/api.md shows the lines above, ApiDocsTest holds them to it)
  }
}
