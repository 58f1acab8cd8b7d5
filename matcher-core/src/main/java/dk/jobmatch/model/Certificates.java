package dk.jobmatch.model;

import dk.jobmatch.internal.Checks;
import java.util.Collection;
import java.util.Set;

/** Certificate codes: upper-case, compared exactly ({@code DRIVING_B}, {@code FORKLIFT}, …). */
final class Certificates {
  private Certificates() {}

  static Set<String> of(String field, Collection<String> codes) {
    Set<String> set = Checks.set(field, codes);
    for (String c : set) {
      if (!c.matches("[A-Z0-9_]{1,40}")) {
        throw Checks.rule(field, "must be an upper-case code of A-Z, 0-9 and _ (e.g. DRIVING_B)");
      }
    }
    return set;
  }
}
