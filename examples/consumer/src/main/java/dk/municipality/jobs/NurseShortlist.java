package dk.municipality.jobs;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.SampleTaxonomy;
import dk.jobmatch.taxonomy.ShortageRegistry;
import java.time.LocalDate;
import java.util.List;

/** Ranks two citizens for a nurse's job order through matcher-core's public API. */
public final class NurseShortlist {
  private NurseShortlist() {}

  /**
   * The shortlist for the order, best first.
   *
   * @return the ranked matches
   * @throws Exception if the engine cannot be closed
   */
  public static List<Match> rank() throws Exception {
    try (MatchEngine engine = MatchEngine.builder()
        .taxonomy(SampleTaxonomy.get())
        .shortage(ShortageRegistry.hovedstadenExample())
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
      return engine.rank(order, 10);
    }
  }

  /**
   * Prints the shortlist.
   *
   * @param args ignored
   * @throws Exception if the engine cannot be closed
   */
  public static void main(String[] args) throws Exception {
    for (Match m : rank()) {
      System.out.printf("%s %.3f %s%n", m.citizenId(), m.score(), m.explanation().matchedSkills());
    }
  }
}
