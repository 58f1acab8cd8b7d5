package dk.jobmatch.cli.json;

import java.util.Set;

/**
 * Reads a line of an {@code explain --pairs} file: {@code {"citizen":"ID","order":"ID"}}, both
 * required, no other field. Thread-safe (stateless).
 */
public final class PairJson {
  private static final Set<String> FIELDS = Set.of("citizen", "order");

  /**
   * One requested pair.
   *
   * @param citizen the citizen's id
   * @param order the order's id
   */
  public record Pair(String citizen, String order) {}

  private PairJson() {}

  /**
   * Parses one line.
   *
   * @param text the line without its terminator
   * @param truncatedHint the line is the file's last and has no terminator
   * @throws LineProblem naming the field and the rule
   */
  public static Pair parse(String text, boolean truncatedHint) throws LineProblem {
    Fields f = Fields.of(JsonLine.parseObject(text, truncatedHint), "", FIELDS);
    String citizen = f.requiredString("citizen");
    String order = f.requiredString("order");
    if (citizen.isBlank()) {
      throw new LineProblem("citizen: must not be blank");
    }
    if (order.isBlank()) {
      throw new LineProblem("order: must not be blank");
    }
    return new Pair(citizen, order);
  }
}
