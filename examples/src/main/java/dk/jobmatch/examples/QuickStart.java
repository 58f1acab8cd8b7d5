package dk.jobmatch.examples;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
        .taxonomy(Taxonomy.none())                                   // or an ESCO/DISCO taxonomy
        .shortage(ShortageLookup.ofDigits(Map.of("2221", ShortageCategory.MANGEL)))
        .asOf(LocalDate.of(2026, 11, 22))
        .build()) {
      engine.upsertAll(List.of(
          Citizen.builder("c-1").location("2600", 55.666, 12.399).maxCommuteKm(25.0).hoursPerWeek(30, 37)
              .jobGoal("isco:2221", 1).experience("isco:2221", 6, 2026).education(5, "sygeplejerske", 2018)
              .skill("skill:sygepleje").skill("skill:medicin-administration").build(),
          Citizen.builder("c-2").location("2620", 55.657, 12.353).maxCommuteKm(15.0).hoursPerWeek(25, 37)
              .jobGoal("isco:5322", 1).experience("isco:5322", 3, 2025).education(3, "social- og sundhedsassistent", 2020)
              .skill("skill:medicin-administration").skill("skill:personlig-pleje").build()));
      engine.refresh();                                              // make the upserts visible to searches

      JobOrder order = JobOrder.builder("jo-1", "isco:2221").title("Sygeplejerske")
          .employer(new Employer(null, null, "Hospitalet i Glostrup", true, false, new Location("2600", 55.664, 12.384)))
          .essentialSkill("skill:sygepleje").essentialSkill("skill:medicin-administration")
          .minEducationLevel(5).hoursPerWeek(32, 37).build();
      for (Match m : engine.rank(order, 10)) {                      // best first, ties by citizen id
        Explanation why = m.explanation();
        System.out.printf("%s  score %.3f  flags %s%n", m.citizenId(), m.score(), why.flags());
        why.components().forEach((component, s) -> System.out.printf("  %-10s %.2f x %.2f = %.3f%n",
            component.jsonName(), s.value(), s.weight(), s.contribution()));
        System.out.printf("  matched %s, missing %s%n", why.matchedSkills(), why.missingSkills());
      }
    }
  }
}
