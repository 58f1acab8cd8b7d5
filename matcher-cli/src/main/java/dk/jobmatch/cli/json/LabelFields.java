package dk.jobmatch.cli.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.narrative.Labels;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.Match;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names written beside the codes of a result or explain line: {@code "labels"}, an object
 * from each code on the line that has a name to that name, in the order the codes appear — the
 * order's occupation (as written in input, {@code isco:9333} or an ESCO URI), the skills of
 * {@code matchedSkills}, {@code missingSkills} and {@code matchedVia}, and on {@code explain}
 * lines the certificates and languages of the gates. Written only when at least one code has a
 * name, so lines without names are unchanged.
 *
 * <p>Stateless; thread-safe.
 */
final class LabelFields {
  private LabelFields() {}

  /** Writes {@code "matchedVia"} when the match has partial credits: required skill → held skill. */
  static void writeMatchedVia(JsonGenerator gen, Explanation e) throws IOException {
    if (e.matchedVia().isEmpty()) {
      return;
    }
    gen.writeObjectFieldStart("matchedVia");
    for (Map.Entry<String, String> v : e.matchedVia().entrySet()) {
      gen.writeStringField(v.getKey(), v.getValue());
    }
    gen.writeEndObject();
  }

  /**
   * Writes {@code "labels"} for the codes of a line, if any has a name.
   *
   * @param labels the names, or null to write nothing
   * @param order the order of the line, or null
   * @param match the match, or null (not eligible)
   * @param gates the gates of an explain line, or an empty list
   */
  static void writeLabels(JsonGenerator gen, Labels labels, JobOrder order, Match match, List<GateCheck> gates)
      throws IOException {
    if (labels == null) {
      return;
    }
    Map<String, String> names = new LinkedHashMap<>();
    if (order != null) {
      put(names, order.occupation().toString(), labels.occupationLabel(order.occupation()));
    }
    if (match != null) {
      Explanation e = match.explanation();
      add(names, e.matchedSkills(), labels::skillLabel);
      add(names, e.missingSkills(), labels::skillLabel);
      add(names, List.copyOf(e.matchedVia().values()), labels::skillLabel);
    }
    for (GateCheck g : gates) {
      if (g.gate() == Gate.CERTIFICATES && g.values().get("requiredCertificates") instanceof List<?> certs) {
        add(names, certs.stream().map(String::valueOf).toList(), labels::certificateLabel);
      } else if (g.gate() == Gate.LANGUAGES && g.values().get("requiredLanguages") instanceof List<?> langs) {
        add(names, langs.stream().map(l -> String.valueOf(((Map<?, ?>) l).get("code"))).toList(), labels::languageLabel);
      }
    }
    if (names.isEmpty()) {
      return;
    }
    gen.writeObjectFieldStart("labels");
    for (Map.Entry<String, String> n : names.entrySet()) {
      gen.writeStringField(n.getKey(), n.getValue());
    }
    gen.writeEndObject();
  }

  private static void add(Map<String, String> names, List<String> codes, Function<String, Optional<String>> label) {
    for (String c : codes) {
      if (!names.containsKey(c)) {
        put(names, c, label.apply(c));
      }
    }
  }

  private static void put(Map<String, String> names, String code, Optional<String> label) {
    label.ifPresent(l -> names.put(code, l));
  }
}
