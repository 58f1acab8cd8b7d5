package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.internal.Geo;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link GeoCells#minKm} is a lower bound of the distance from a workplace to every home of a
 * cell — for homes anywhere in a cell, on its borders and corners, and workplaces near and far
 * (inside the grid, outside it, on another continent) — and not a vacuous one: within 300 km,
 * within two cell radii of the true distance. Seeded; the seed is in every message ({@code -Dgeocells.seed=N}).
 */
class GeoCellsTest {
  private static final double ROW = (GeoCells.LAT_MAX - GeoCells.LAT_MIN) / GeoCells.ROWS;
  private static final double COL = (GeoCells.LON_MAX - GeoCells.LON_MIN) / GeoCells.COLS;

  @Test
  void cellDistanceBoundsEveryHomeFromBelowAndNotVacuously() {
    long seed = Long.getLong("geocells.seed", 7_000_022L);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] w = new double[3];
    for (int t = 0; t < 200_000; t++) {
      double lat;
      double lon;
      if (rnd.nextInt(3) == 0) {
        // On a border or corner of a cell, give or take the last bits.
        lat = GeoCells.LAT_MIN + rnd.nextInt(GeoCells.ROWS + 1) * ROW + (rnd.nextInt(3) - 1) * 1e-12;
        lon = GeoCells.LON_MIN + rnd.nextInt(GeoCells.COLS + 1) * COL + (rnd.nextInt(3) - 1) * 1e-12;
      } else {
        lat = 53.5 + rnd.nextDouble() * 5.5;
        lon = 7 + rnd.nextDouble() * 9.5;
      }
      int cell = GeoCells.cell(lat, lon);
      boolean inside = lat >= GeoCells.LAT_MIN && lat < GeoCells.LAT_MAX && lon >= GeoCells.LON_MIN && lon < GeoCells.LON_MAX;
      String ctx = "seed=" + seed + " t=" + t;
      assertEquals(!inside, cell == GeoCells.OUTSIDE, ctx + ": outside the grid exactly when the home is");
      if (!inside) {
        continue;
      }
      double wLat;
      double wLon;
      switch (rnd.nextInt(4)) {
        case 0 -> {
          wLat = lat + (rnd.nextDouble() - 0.5) * 0.2;
          wLon = lon + (rnd.nextDouble() - 0.5) * 0.3;
        }
        case 1 -> {
          wLat = 50 + rnd.nextDouble() * 12;
          wLon = 3 + rnd.nextDouble() * 18;
        }
        case 2 -> {
          wLat = -60 + rnd.nextDouble() * 140;
          wLon = -180 + rnd.nextDouble() * 360;
        }
        default -> {
          wLat = lat;
          wLon = lon;
        }
      }
      Geo.unitVector(wLat, wLon, w, 0);
      double actual = Geo.distanceKm(lat, lon, wLat, wLon);
      double bound = GeoCells.minKm(cell, w);
      assertTrue(bound <= actual, ctx + ": bound " + bound + " above the distance " + actual);
      if (actual < 300) {
        // Near, where it matters, the chord is within metres of the arc.
        assertTrue(bound >= actual - 2 * GeoCells.radiusKm(cell) - 0.5, ctx + ": bound " + bound + " vacuous for " + actual);
      }
    }
  }

  @Test
  void unknownHomesAreOutside() {
    assertEquals(GeoCells.OUTSIDE, GeoCells.cell(Double.NaN, 12));
    assertEquals(GeoCells.OUTSIDE, GeoCells.cell(55, Double.NaN));
    assertTrue(Double.isNaN(GeoCells.minKm(GeoCells.OUTSIDE, new double[] {1, 0, 0})));
  }
}
