package dk.jobmatch.index;

import dk.jobmatch.internal.Geo;

/**
 * A fixed grid of map cells over Denmark, for the retrieval's first bound of a citizen's
 * distance value: every home lies in one cell (homes outside the grid or unknown in {@link
 * #OUTSIDE}), and for a workplace the distance to every home of a cell is bounded from below by
 * the straight-line (chord) distance to the cell's centre minus the cell's radius.
 *
 * <p>Why the bound holds: the great-circle distance is a metric, so for a home P in cell C with
 * centre c, {@code arc(W, P) ≥ arc(W, c) − arc(c, P)}; the chord through the Earth never exceeds
 * the arc ({@code R·|u − v| = 2R·sin(θ/2) ≤ R·θ}); and {@link #radiusKm} exceeds every {@code
 * arc(c, P)} — it is the largest distance from the centre to the cell's corners and edge
 * midpoints, plus 2 % and 50 m, which also covers a home on a cell border assigned to the
 * neighbouring cell by rounding and the rounding of {@link Geo#distanceKm} itself.
 *
 * <p>Immutable; thread-safe.
 */
final class GeoCells {
  static final double LAT_MIN = 54.4;
  static final double LAT_MAX = 58.0;
  static final double LON_MIN = 7.8;
  static final double LON_MAX = 15.4;
  static final int ROWS = 64;
  static final int COLS = 64;
  /** The cell of every home outside the grid or without a known location. */
  static final int OUTSIDE = ROWS * COLS;
  /** Cells, {@link #OUTSIDE} included. */
  static final int COUNT = OUTSIDE + 1;

  private static final double ROW_DEG = (LAT_MAX - LAT_MIN) / ROWS;
  private static final double COL_DEG = (LON_MAX - LON_MIN) / COLS;
  /** Per cell the centre on the unit sphere (x, y, z) and the radius in km. */
  private static final double[] CENTRES = new double[3 * OUTSIDE];
  private static final double[] RADII = new double[OUTSIDE];

  static {
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLS; c++) {
        int cell = r * COLS + c;
        double lat0 = LAT_MIN + r * ROW_DEG;
        double lon0 = LON_MIN + c * COL_DEG;
        double lat = lat0 + ROW_DEG / 2;
        double lon = lon0 + COL_DEG / 2;
        Geo.unitVector(lat, lon, CENTRES, 3 * cell);
        double radius = 0;
        for (double la : new double[] {lat0, lat, lat0 + ROW_DEG}) {
          for (double lo : new double[] {lon0, lon, lon0 + COL_DEG}) {
            radius = Math.max(radius, Geo.distanceKm(lat, lon, la, lo));
          }
        }
        RADII[cell] = radius * 1.02 + 0.05;
      }
    }
  }

  private GeoCells() {}

  /** The cell of a home; {@link #OUTSIDE} outside the grid or when the location is unknown (NaN). */
  static int cell(double lat, double lon) {
    if (!(lat >= LAT_MIN && lat < LAT_MAX && lon >= LON_MIN && lon < LON_MAX)) {
      return OUTSIDE;
    }
    int r = Math.min(ROWS - 1, (int) ((lat - LAT_MIN) / ROW_DEG));
    int c = Math.min(COLS - 1, (int) ((lon - LON_MIN) / COL_DEG));
    return r * COLS + c;
  }

  /**
   * A lower bound (km, possibly negative) of the great-circle distance from the point {@code w}
   * on the unit sphere to every home of {@code cell}; NaN for {@link #OUTSIDE}.
   */
  static double minKm(int cell, double[] w) {
    if (cell == OUTSIDE) {
      return Double.NaN;
    }
    return Geo.chordKm(CENTRES[3 * cell], CENTRES[3 * cell + 1], CENTRES[3 * cell + 2], w[0], w[1], w[2]) - RADII[cell];
  }

  /** The cell's radius in km (for tests). */
  static double radiusKm(int cell) {
    return RADII[cell];
  }
}
