package dk.jobmatch.internal;

/**
 * Great-circle distance. One implementation so that the engine, the reference scorer and the
 * Lucene filters agree to the last bit.
 *
 * <p>Internal (not exported).
 *
 * @lucene.internal
 */
public final class Geo {
  /** Mean Earth radius in kilometres. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  private Geo() {}

  /** Haversine distance in kilometres between two WGS84 points. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
            * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /**
   * The point on the unit sphere: {@code out[at..at+2] = (cos φ cos λ, cos φ sin λ, sin φ)}. For
   * two points, a quarter of the squared distance between their unit vectors is the haversine
   * {@code a} of {@link #distanceKm} (mathematically; computed without trigonometry).
   */
  public static void unitVector(double lat, double lon, double[] out, int at) {
    double phi = Math.toRadians(lat);
    double lambda = Math.toRadians(lon);
    out[at] = Math.cos(phi) * Math.cos(lambda);
    out[at + 1] = Math.cos(phi) * Math.sin(lambda);
    out[at + 2] = Math.sin(phi);
  }

  /**
   * The haversine {@code a} at which {@link #distanceKm} reaches {@code km}: {@code sin²(km / 2R)},
   * or 2 (above every {@code a}) at half the Earth's circumference and beyond.
   */
  public static double haversineAt(double km) {
    if (km >= Math.PI * EARTH_RADIUS_KM) {
      return 2;
    }
    double s = Math.sin(km / (2 * EARTH_RADIUS_KM));
    return s * s;
  }

  /**
   * The straight-line distance in km through the Earth between two points given as unit vectors
   * ({@link #unitVector}): never more than their great-circle distance ({@code R·|u − v| =
   * 2R·sin(θ/2) ≤ R·θ}), so a lower bound of {@link #distanceKm} without trigonometry. NaN if
   * either point is unknown.
   */
  public static double chordKm(double x1, double y1, double z1, double x2, double y2, double z2) {
    double dx = x1 - x2;
    double dy = y1 - y2;
    double dz = z1 - z2;
    return EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** A quarter of the squared distance of two unit vectors ({@link #unitVector}): the haversine {@code a}. */
  public static double chordHaversine(double x1, double y1, double z1, double x2, double y2, double z2) {
    double dx = x1 - x2;
    double dy = y1 - y2;
    double dz = z1 - z2;
    return 0.25 * (dx * dx + dy * dy + dz * dz);
  }
}
