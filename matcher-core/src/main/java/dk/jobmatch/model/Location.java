package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;
import dk.jobmatch.internal.Geo;

/**
 * A place: an optional Danish postal code and WGS84 coordinates.
 *
 * @param postalCode a four-digit Danish postal code, or {@code null}
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 */
public record Location(String postalCode, double lat, double lon) {
  /**
   * Validates the postal code and the coordinates.
   *
   * @throws IllegalArgumentException if the postal code is not four digits or a coordinate is out
   *     of range or not finite
   */
  public Location {
    if (postalCode != null && !postalCode.matches("\\d{4}")) {
      throw Checks.rule("location.postalCode", "must be four digits");
    }
    Checks.range("location.lat", lat, -90, 90);
    Checks.range("location.lon", lon, -180, 180);
  }

  /**
   * Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).
   *
   * @param other the other location; not null
   * @return the distance in kilometres, 0 for the same coordinates
   */
  public double distanceKm(Location other) {
    return Geo.distanceKm(lat, lon, other.lat, other.lon);
  }

  /**
   * No field values: they describe a person (or an order's requirements) and must not reach logs
   * or exception messages through string concatenation.
   */
  @Override
  public String toString() {
    return "Location[values not shown]";
  }
}
