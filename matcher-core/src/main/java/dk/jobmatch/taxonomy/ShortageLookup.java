package dk.jobmatch.taxonomy;

import dk.jobmatch.model.RarArea;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "what is the labour-market balance status of this occupation in this RAR area on this
 * date". Implementations must be immutable and thread-safe.
 */
@FunctionalInterface
public interface ShortageLookup {
  /**
   * The category of {@code occupation} in {@code area} on {@code date}.
   *
   * @param occupation the resolved occupation
   * @param area the RAR area, or {@code null} when the order names none (implementations may then
   *     answer for any area or not at all)
   * @param date the day asked about
   * @return the category, or empty if unknown
   */
  Optional<ShortageCategory> category(OccupationCode occupation, RarArea area, LocalDate date);

  /**
   * No shortage data.
   *
   * @return a lookup that answers empty for every occupation, area and date
   */
  static ShortageLookup none() {
    return (o, a, d) -> Optional.empty();
  }

  /**
   * A simple lookup by group digits, valid in every area and on every date. A code covers the
   * groups below it; the most specific match wins.
   *
   * @param byDigits the category of each group, keyed by its digits; copied
   * @return an immutable, thread-safe lookup
   * @throws NullPointerException if the map, a key or a value is null
   */
  static ShortageLookup ofDigits(Map<String, ShortageCategory> byDigits) {
    Map<String, ShortageCategory> copy = Map.copyOf(byDigits);
    return (o, a, d) -> {
      if (o.digits() == null) {
        return Optional.empty();
      }
      for (int len = o.digits().length(); len >= 1; len--) {
        ShortageCategory c = copy.get(o.digits().substring(0, len));
        if (c != null) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    };
  }
}
