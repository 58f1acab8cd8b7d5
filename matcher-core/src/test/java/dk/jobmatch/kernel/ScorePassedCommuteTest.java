package dk.jobmatch.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Location;
import org.junit.jupiter.api.Test;

/**
 * {@link FeatureScorer#scorePassedCommute}, the retrieval's scoring of a citizen already past the
 * commute gate: -1 exactly (its documented answer, not merely "not above 0") when another gate
 * fails, and the score of {@link FeatureScorer#score} when every gate passes. Added for the
 * mutant that returned 0 for a failed gate (the retrieval reads only {@code > 0}, so no engine
 * test saw it).
 */
class ScorePassedCommuteTest {
  private static final Location WORK = new Location("2100", 55.0, 12.0);
  private static final Location HOME = new Location("2200", 55.1, 12.0);

  @Test
  void aFailedGateOtherThanCommuteGivesMinusOne() {
    // Hours 10-20 against the order's 30-37: the hours gate fails; the home is 11 km away and the
    // citizen accepts 50 km, so the commute gate would pass.
    FeatureScorerEdgeTest.Pair p = FeatureScorerEdgeTest.pair(
        FeatureScorerEdgeTest.citizen().hoursPerWeek(10, 20).location(HOME).maxCommuteKm(50.0),
        FeatureScorerEdgeTest.order().employer(new dk.jobmatch.model.Employer(null, null, null, false, false, WORK)));
    double d = FeatureScorer.distanceValue(p.o(), p.c().lat, p.c().lon);
    assertEquals(-1.0, FeatureScorer.scorePassedCommute(p.o(), p.c(), new FeatureScorer.Scratch(p.o()), d));
    assertEquals(-1.0, FeatureScorer.score(p.o(), p.c()));
  }

  @Test
  void everyGatePassedGivesTheScore() {
    FeatureScorerEdgeTest.Pair p = FeatureScorerEdgeTest.pair(
        FeatureScorerEdgeTest.citizen().location(HOME).maxCommuteKm(50.0).experience("isco:5322", 3, null),
        FeatureScorerEdgeTest.order().employer(new dk.jobmatch.model.Employer(null, null, null, false, false, WORK)));
    double d = FeatureScorer.distanceValue(p.o(), p.c().lat, p.c().lon);
    double s = FeatureScorer.scorePassedCommute(p.o(), p.c(), new FeatureScorer.Scratch(p.o()), d);
    assertTrue(s > 0, "a positive score: " + s);
    assertEquals(FeatureScorer.score(p.o(), p.c()), s);
  }
}
