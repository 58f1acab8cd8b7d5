package dk.jobmatch.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.engine.LiveShortlists.Change;
import java.util.Set;

/**
 * One line of an {@code apply} change file: {@code {"op":"upsert","citizen":{…}}}, {@code
 * {"op":"delete","citizen":"ID"}}, {@code {"op":"upsert","order":{…}}} or {@code
 * {"op":"delete","order":"ID"}}. The record of an upsert is checked exactly as a line of
 * {@code --citizens} or {@code --orders} is, and its problems are named by their path under
 * {@code citizen.} or {@code order.}. Stateless and thread-safe.
 */
public final class ChangeJson {
  private static final Set<String> FIELDS = Set.of("op", "citizen", "order");

  private ChangeJson() {}

  /**
   * Parses one line.
   *
   * @param truncatedHint the line is the file's last and has no terminator
   * @throws LineProblem naming the field and the rule
   */
  public static Change parse(String text, boolean truncatedHint) throws LineProblem {
    ObjectNode node = JsonLine.parseObject(text, truncatedHint);
    Fields f = Fields.of(node, "", FIELDS);
    String op = f.requiredString("op");
    boolean citizen = f.has("citizen");
    boolean order = f.has("order");
    if (citizen && order) {
      throw new LineProblem("citizen, order: give one of them per line, not both");
    }
    if (!citizen && !order) {
      throw new LineProblem("citizen: is required (or order)");
    }
    String field = citizen ? "citizen" : "order";
    JsonNode value = node.get(field);
    switch (op) {
      case "upsert" -> {
        if (!(value instanceof ObjectNode record)) {
          throw Fields.wrongType(field, "an object (the whole record)", value);
        }
        try {
          return citizen ? new Change.UpsertCitizen(CitizenJson.read(record)) : new Change.UpsertOrder(JobOrderJson.read(record));
        } catch (LineProblem p) {
          throw new LineProblem(field + "." + p.getMessage());
        }
      }
      case "delete" -> {
        String id = f.requiredString(field);
        Fields.model(field, field, () -> dk.jobmatch.internal.Checks.id(field, id));
        return citizen ? new Change.DeleteCitizen(id) : new Change.DeleteOrder(id);
      }
      default -> throw new LineProblem("op: must be \"upsert\" or \"delete\"");
    }
  }

  /** The id a change is about. */
  public static String id(Change c) {
    return switch (c) {
      case Change.UpsertCitizen u -> u.citizen().id();
      case Change.DeleteCitizen d -> d.citizenId();
      case Change.UpsertOrder u -> u.order().id();
      case Change.DeleteOrder d -> d.orderId();
    };
  }
}
