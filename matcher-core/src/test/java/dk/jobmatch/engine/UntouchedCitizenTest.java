package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.scoring.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A citizen whom none of the order's terms touches (no required skill, no occupation or goal in
 * its hierarchy) still wins a seat on the components outside the terms (education, distance) when
 * the touched citizens score less: the retrieval must go on to the untouched citizens although
 * its top k is already full. The expectation is worked out from docs/scoring.md's default weights.
 */
class UntouchedCitizenTest {
  private static final double FAR = 100 * RankingTest.KM;

  @Test
  void anUntouchedCitizenOutscoringAFullTopKIsFound() throws Exception {
    // The order: two essential skills and one optional (DOK), education level 5, at Glostrup.
    JobOrder order = JobOrder.builder("jo-1", "isco:2221")
        .employer(new Employer("12345678", null, "Glostrup Kommune", false, false,
            new Location("2600", RankingTest.GLOSTRUP_LAT, RankingTest.GLOSTRUP_LON)))
        .essentialSkill(RankingTest.MEDICIN).essentialSkill(RankingTest.SAAR).optionalSkill(RankingTest.DOK)
        .minEducationLevel(5).build();
    // Touched by the DOK term only: skills at most 0.30 · 1.25 / (2·0.5 + 2·0.5 + 1.25) = 0.115
    // (DOK's weight at the highest rarity specificity, the essentials' at the lowest), no
    // education (0), 100 km away (0.10 · 0.5^(100/15) < 0.001): below 0.117.
    Citizen touched = Citizen.builder("touched-far")
        .location(new Location("2600", RankingTest.GLOSTRUP_LAT + FAR, RankingTest.GLOSTRUP_LON))
        .skill(RankingTest.DOK).build();
    // No term: education met (0.10 · 1) and at the workplace (0.10 · 1) = 0.20.
    Citizen untouched = Citizen.builder("untouched-near")
        .location(new Location("2600", RankingTest.GLOSTRUP_LAT, RankingTest.GLOSTRUP_LON))
        .education(5, null, 2015).build();
    try (MatchEngine engine = MatchEngine.builder().asOf(RankingTest.AS_OF).build()) {
      engine.upsertAll(List.of(touched, untouched));
      engine.refresh();
      List<Match> top1 = engine.rank(order, 1);
      assertEquals(List.of("untouched-near"), top1.stream().map(Match::citizenId).toList());
      assertEquals(0.20, top1.get(0).score(), 1e-9);
      assertEquals(List.of("untouched-near", "touched-far"),
          engine.rank(order, 2).stream().map(Match::citizenId).toList());
    }
  }
}
