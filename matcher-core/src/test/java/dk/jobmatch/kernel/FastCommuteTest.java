package dk.jobmatch.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.internal.Geo;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The retrieval's commute check without trigonometry ({@link FeatureScorer#passesCommute(
 * CompiledOrder, double, double, double, double, double, double, double)}) gives the rule's own
 * answer for every pair: random homes around random workplaces, and homes placed on the limit
 * itself (found by bisection on the rule's own distance, to the last bit), where only the margin
 * keeps the two apart. Seeded; the seed is in every message.
 */
class FastCommuteTest {
  @Test
  void fastCheckAgreesWithTheRule() {
    long seed = dk.jobmatch.TestSeeds.seed("FastCommuteTest", "commute.seed", 8_812_004L);
    SplittableRandom r = new SplittableRandom(seed);
    double[] unit = new double[3];
    int onTheLimit = 0;
    for (int w = 0; w < 200; w++) {
      double wLat = 54.5 + r.nextDouble() * 3.5;
      double wLon = 8 + r.nextDouble() * 7;
      CompiledOrder o = order(wLat, wLon);
      for (int i = 0; i < 500; i++) {
        double limit = i % 10 == 0 ? r.nextDouble() * 2 : 0.5 + r.nextDouble() * 120;
        double lat;
        double lon;
        double bearing = r.nextDouble() * 2 * Math.PI;
        if (i % 2 == 0) {
          double d = r.nextDouble() * 2 * limit;
          lat = wLat + d * Math.cos(bearing) / 111.2;
          lon = wLon + d * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(wLat)));
        } else {
          // Bisect along the bearing until the rule's own distance meets the limit.
          double lo = 0;
          double hi = 4 * limit + 1;
          for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            double la = wLat + mid * Math.cos(bearing) / 111.2;
            double lg = wLon + mid * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(wLat)));
            if (Geo.distanceKm(la, lg, wLat, wLon) <= limit) {
              lo = mid;
            } else {
              hi = mid;
            }
          }
          double d = r.nextBoolean() ? lo : hi;
          lat = wLat + d * Math.cos(bearing) / 111.2;
          lon = wLon + d * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(wLat)));
          onTheLimit++;
        }
        Geo.unitVector(lat, lon, unit, 0);
        boolean fast = FeatureScorer.passesCommute(o, lat, lon, limit, unit[0], unit[1], unit[2], Geo.haversineAt(limit));
        boolean rule = FeatureScorer.passesCommute(o, lat, lon, limit);
        assertEquals(rule, fast, "seed=" + seed + "L workplace=" + w + " home=" + i + " limit=" + limit);
      }
    }
    assertTrue(onTheLimit > 10_000, "seed=" + seed + "L");
  }

  @Test
  void unknownPlacesAndNoLimitPass() {
    CompiledOrder o = order(55.6, 12.4);
    double[] unit = new double[3];
    Geo.unitVector(57.0, 9.0, unit, 0);
    assertTrue(FeatureScorer.passesCommute(o, 57.0, 9.0, Double.POSITIVE_INFINITY, unit[0], unit[1], unit[2], 2));
    assertTrue(FeatureScorer.passesCommute(o, Double.NaN, Double.NaN, 10, Double.NaN, Double.NaN, Double.NaN,
        Geo.haversineAt(10)));
    assertEquals(false, FeatureScorer.passesCommute(o, 57.0, 9.0, 10, unit[0], unit[1], unit[2], Geo.haversineAt(10)));
    assertEquals(2.0, Geo.haversineAt(30_000));
  }

  private static CompiledOrder order(double lat, double lon) {
    JobOrder j = JobOrder.builder("o-1", "isco:2512").employer(new Employer(null, null, null, false, false, new Location(null, lat, lon)))
        .build();
    return CompiledOrder.compile(j, Taxonomy.none(), ShortageLookup.none(), ScoringPolicy.defaults(),
        LocalDate.of(2026, 12, 1), Vocabularies.create(), PopulationStats.EMPTY);
  }
}
