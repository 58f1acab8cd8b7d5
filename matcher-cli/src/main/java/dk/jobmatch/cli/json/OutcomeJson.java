package dk.jobmatch.cli.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.internal.Checks;
import dk.jobmatch.tuning.Outcome;
import dk.jobmatch.tuning.OutcomeLabel;
import java.util.Set;

/**
 * Reads an outcome line of the {@code tune} command: {@code {"order":"jo-1","citizen":"c-7",
 * "outcome":"HIRED","rank":4}}: {@code order}, {@code citizen} and {@code outcome} required;
 * {@code outcome} is {@code HIRED}, {@code INTERVIEWED} or {@code REJECTED}; the optional {@code
 * rank} (a whole number, 1–1,000,000) is the place on the shortlist at which the citizen was
 * proposed. Unknown fields are errors.
 *
 * <p>Thread-safe (stateless).
 */
public final class OutcomeJson {
  static final Set<String> FIELDS = Set.of("order", "citizen", "outcome", "rank");

  private OutcomeJson() {}

  /**
   * Parses and validates one line.
   *
   * @param text the line without its terminator
   * @param truncatedHint the line is the file's last and has no terminator
   * @return the record
   * @throws LineProblem naming the field and the reason
   */
  public static OutcomeLabel parse(String text, boolean truncatedHint) throws LineProblem {
    ObjectNode node = JsonLine.parseObject(text, truncatedHint);
    Fields f = Fields.of(node, "", FIELDS);
    String order = f.requiredString("order");
    Fields.model("order", "order", () -> Checks.id("order", order));
    String citizen = f.requiredString("citizen");
    Fields.model("citizen", "citizen", () -> Checks.id("citizen", citizen));
    Outcome outcome = f.enumValue("outcome", Outcome.class);
    if (outcome == null) {
      throw new LineProblem("outcome: required");
    }
    Integer rank = f.integer("rank");
    if (rank != null && (rank < 1 || rank > OutcomeLabel.MAX_RANK)) {
      throw new LineProblem("rank: must be between 1 and " + OutcomeLabel.MAX_RANK);
    }
    return new OutcomeLabel(order, citizen, outcome, rank);
  }
}
