package dk.jobmatch.narrative;

import com.google.common.html.HtmlEscapers;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.PairExplanation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The printable page for the citizen: "Hvorfor blev jeg (ikke) foreslået til dette job?" — one
 * self-contained HTML document per (citizen, order) pair, with the answer in words, a table of
 * what the employer asks against what the citizen has (requirement by requirement), the rule set
 * ({@code name@version}) and the day the assessment was made on, the kinds of data about the
 * citizen that were used, and where to ask for a review.
 *
 * <p>The page has no scripts, no external resources and no images; it is laid out for A4 (it
 * wraps long words rather than scroll sideways), declares its language, and uses headings, a
 * captioned table with header cells and plain text for every verdict (not colour alone), so a
 * screen reader reads it in order. Only the citizen's own data, the order's requirements and the
 * two ids appear on it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExplanationPage {
  private final Narrator narrator;
  private final String reviewContact;

  private ExplanationPage(Narrator narrator, String reviewContact) {
    this.narrator = narrator;
    this.reviewContact = reviewContact;
  }

  /**
   * A page in the narrator's language.
   *
   * @param narrator the narrator (language and labels)
   * @param reviewContact who to contact for a review ("Jobcenter Glostrup, tlf. 43 23 …"), or
   *     null for the templates' generic "dit jobcenter"
   * @return the page builder for this narrator and contact
   * @throws NullPointerException if {@code narrator} is null
   */
  public static ExplanationPage of(Narrator narrator, String reviewContact) {
    return new ExplanationPage(Objects.requireNonNull(narrator, "narrator"),
        reviewContact == null || reviewContact.isBlank() ? null : reviewContact.strip());
  }

  /**
   * Renders the page of one pair.
   *
   * @param e the explanation of the pair
   * @param citizen the citizen explained (their own education and skills fill the table)
   * @param order the order explained
   * @param policy the rule set that judged the pair, {@code name@version}
   * @param decidedOn the day the pair was scored for
   * @return the HTML document
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the citizen or order is not the one explained
   */
  public String render(PairExplanation e, Citizen citizen, JobOrder order, String policy, LocalDate decidedOn) {
    Objects.requireNonNull(e, "e");
    Objects.requireNonNull(citizen, "citizen");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(decidedOn, "decidedOn");
    if (!citizen.id().equals(e.citizenId()) || !order.id().equals(e.orderId())) {
      throw new IllegalArgumentException("citizen, order: must be the pair the explanation is about");
    }
    Templates t = narrator.templates();
    Narration n = narrator.explain(e, order);
    String title = t.format(e.eligible() && (e.withinTopK() || e.match().orElseThrow().has(dk.jobmatch.scoring.Flag.FORTRINSADGANG))
        ? "page.titleYes" : "page.titleNo");
    StringBuilder b = new StringBuilder(8192);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(t.locale().getLanguage()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append(" – ").append(esc(n.subject())).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    b.append("<h1>").append(esc(title)).append("</h1>\n");
    b.append("<p class=\"subject\">").append(esc(n.subject())).append("</p>\n");

    b.append("<section aria-labelledby=\"answer\">\n<h2 id=\"answer\">").append(esc(t.format("page.answer"))).append("</h2>\n");
    b.append("<p class=\"headline\"><strong>").append(esc(n.headline())).append("</strong></p>\n<ul>\n");
    for (String s : n.sentences()) {
      b.append("<li>").append(esc(s)).append("</li>\n");
    }
    b.append("</ul>\n</section>\n");

    b.append("<section aria-labelledby=\"table\">\n<h2 id=\"table\">").append(esc(t.format("page.table"))).append("</h2>\n");
    b.append("<table>\n<caption>").append(esc(t.format("page.caption"))).append("</caption>\n");
    b.append("<colgroup><col class=\"c1\"><col class=\"c2\"><col class=\"c3\"><col class=\"c4\"></colgroup>\n<thead><tr>");
    for (String col : List.of("page.col.requirement", "page.col.employer", "page.col.citizen", "page.col.met")) {
      b.append("<th scope=\"col\">").append(esc(t.format(col))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (Row r : rows(e, citizen, order)) {
      b.append("<tr><th scope=\"row\">").append(esc(r.requirement)).append("</th><td>").append(esc(r.employer))
          .append("</td><td>").append(esc(r.citizen)).append("</td><td class=\"").append(r.met).append("\">")
          .append(esc(t.format("page.met." + r.met))).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");

    b.append("<section aria-labelledby=\"about\">\n<h2 id=\"about\">").append(esc(t.format("page.about"))).append("</h2>\n<dl>\n");
    dd(b, t.format("page.citizen"), e.citizenId());
    dd(b, t.format("page.order"), e.orderId());
    dd(b, t.format("page.occupation"), narrator.labels().occupation(order.occupation()));
    dd(b, t.format("page.ruleSet"), policy);
    dd(b, t.format("page.date"), narrator.date(decidedOn));
    b.append("</dl>\n</section>\n");

    b.append("<section aria-labelledby=\"data\">\n<h2 id=\"data\">").append(esc(t.format("page.data"))).append("</h2>\n<ul>\n");
    for (int i = 1; t.has("page.data." + i); i++) {
      b.append("<li>").append(esc(t.format("page.data." + i))).append("</li>\n");
    }
    b.append("</ul>\n<p>").append(esc(t.format("page.data.none"))).append("</p>\n</section>\n");

    b.append("<section aria-labelledby=\"review\">\n<h2 id=\"review\">").append(esc(t.format("page.review"))).append("</h2>\n");
    String contact = reviewContact != null ? reviewContact : t.format("page.review.contact");
    b.append("<p>").append(esc(t.format("page.review.text", contact, e.citizenId(), e.orderId()))).append("</p>\n</section>\n");
    b.append("</main>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void dd(StringBuilder b, String term, String value) {
    b.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
  }

  /** One line of the table; {@code met} is {@code yes}, {@code no}, {@code partly} or {@code notChecked}. */
  private record Row(String requirement, String employer, String citizen, String met) {}

  private List<Row> rows(PairExplanation e, Citizen citizen, JobOrder order) {
    Templates t = narrator.templates();
    Labels labels = narrator.labels();
    String notGiven = t.format("notGiven");
    List<Row> rows = new ArrayList<>();
    for (GateCheck g : e.gates()) {
      Map<String, Object> v = g.values();
      String met = g.passed() ? "yes" : "no";
      String gate = g.gate().name();
      switch (gate) {
        case "SEARCHABLE" -> rows.add(new Row(t.format("row.SEARCHABLE"), t.format("row.SEARCHABLE.employer"),
            yesNo(v.get("searchable")), met));
        case "COMMUTE" -> rows.add(new Row(t.format("row.COMMUTE"),
            v.get("distanceKm") instanceof Number d ? t.format("row.COMMUTE.employer",
                v.get("maxCommuteKm") instanceof Number max ? narrator.km(d.doubleValue(), max.doubleValue())
                    : narrator.number(Math.round(d.doubleValue()), 0)) : notGiven,
            v.get("maxCommuteKm") instanceof Number max ? t.format("row.COMMUTE.citizen", narrator.number(max.doubleValue(), 1))
                : t.format("row.COMMUTE.noLimit"), met));
        case "HOURS" -> rows.add(new Row(t.format("row.HOURS"),
            v.get("orderHoursPerWeek") instanceof Map<?, ?> o ? narrator.range(o) : notGiven,
            v.get("fleksjobMaxHoursPerWeek") instanceof Number f ? t.format("row.HOURS.fleksjob", f)
                : v.get("citizenHoursPerWeek") instanceof Map<?, ?> c ? narrator.range(c) : notGiven, met));
        case "FLEKSJOB" -> rows.add(new Row(t.format("row.FLEKSJOB"),
            t.format("row.FLEKSJOB.employer", yesNo(Boolean.TRUE.equals(v.get("acceptsFleksjob"))
                || "FLEKSJOB".equals(v.get("employmentType")))),
            t.format("row.FLEKSJOB.citizen", yesNo(v.get("fleksjobApproved"))), met));
        case "CERTIFICATES" -> {
          List<?> required = (List<?>) v.get("requiredCertificates");
          if (required != null && !required.isEmpty()) {
            Set<Object> missing = new HashSet<>((List<?>) v.getOrDefault("missingCertificates", List.of()));
            List<String> held = required.stream().filter(c -> !missing.contains(c)).map(c -> labels.certificate(c.toString())).toList();
            rows.add(new Row(t.format("row.CERTIFICATES"), narrator.list(required.stream().map(c -> labels.certificate(c.toString())).toList()),
                narrator.list(held), met));
          }
        }
        case "LANGUAGES" -> {
          List<?> required = (List<?>) v.get("requiredLanguages");
          if (required != null && !required.isEmpty()) {
            List<String> asked = new ArrayList<>();
            List<String> has = new ArrayList<>();
            Map<Object, Map<?, ?>> unmet = new java.util.HashMap<>();
            for (Object o : (List<?>) v.getOrDefault("unmetLanguages", List.of())) {
              unmet.put(((Map<?, ?>) o).get("code"), (Map<?, ?>) o);
            }
            for (Object o : required) {
              Map<?, ?> r = (Map<?, ?>) o;
              String name = labels.language(String.valueOf(r.get("code")));
              asked.add(t.format("row.LANGUAGES.required", name, r.get("minLevel")));
              Map<?, ?> u = unmet.get(r.get("code"));
              has.add(u == null ? t.format("row.LANGUAGES.met", name) : name + " " + (u.get("level") == null ? notGiven : u.get("level")));
            }
            rows.add(new Row(t.format("row.LANGUAGES"), narrator.list(asked), narrator.list(has), met));
          }
        }
        case "AVAILABILITY" -> rows.add(new Row(t.format("row.AVAILABILITY"),
            v.get("startDate") instanceof LocalDate s ? t.format("row.AVAILABILITY.employer", narrator.date(s)) : notGiven,
            v.get("availableFrom") instanceof LocalDate f ? t.format("row.AVAILABILITY.citizen", narrator.date(f))
                : t.format("row.AVAILABILITY.now"), met));
        case "EMPLOYMENT_TYPE" -> rows.add(new Row(t.format("row.EMPLOYMENT_TYPE"),
            narrator.employmentType(String.valueOf(v.get("employmentType"))),
            t.format(Boolean.TRUE.equals(v.get("jobReady")) ? "row.EMPLOYMENT_TYPE.jobReady" : "row.EMPLOYMENT_TYPE.notJobReady"),
            met));
        default -> {
          if (t.has("row." + gate)) {
            rows.add(new Row(t.format("row." + gate), "", "", met));
          }
        }
      }
    }
    Explanation x = e.match().map(m -> m.explanation()).orElse(null);
    if (e.closed().isPresent()) {
      rows.add(0, new Row(t.format("row.ORDER_CLOSED"),
          t.format("row.ORDER_CLOSED.employer", narrator.date(e.closed().get().deadline())),
          t.format("row.ORDER_CLOSED.citizen", narrator.date(e.closed().get().asOf())), "no"));
    }
    if (order.minEducationLevel() != null) {
      int min = order.minEducationLevel();
      Integer level = citizen.education() == null ? null : citizen.education().level();
      String met;
      if (x != null) {
        double value = x.value(Component.EDUCATION);
        met = value >= 1 ? "yes" : value > 0 ? "partly" : "no";
      } else {
        met = level == null ? "no" : level >= min ? "yes" : level == min - 1 ? "partly" : "no";
      }
      rows.add(new Row(t.format("row.EDUCATION"), t.format("row.EDUCATION.employer", t.format("education." + min)),
          level == null ? notGiven : t.format("education." + level), met));
    }
    List<RequiredSkill> skills = new ArrayList<>(order.requiredSkills());
    if (skills.isEmpty() && x != null) {
      Set<String> essential = new HashSet<>(x.missingEssentialSkills());
      for (String s : new LinkedHashSet<>(concat(x.matchedSkills(), x.missingSkills()))) {
        skills.add(new RequiredSkill(s, essential.contains(s)));
      }
    }
    Set<String> heldDirectly = new HashSet<>();
    for (SkillHolding h : citizen.skills()) {
      heldDirectly.add(h.id());
    }
    for (RequiredSkill s : skills) {
      String name = t.format(s.essential() ? "row.skill.essential" : "row.skill", labels.skill(s.id()));
      String has;
      String met;
      if (x != null && x.matchedVia().containsKey(s.id())) {
        has = t.format("row.skill.via", labels.skill(x.matchedVia().get(s.id())));
        met = "partly";
      } else if (x != null ? x.matchedSkills().contains(s.id()) : heldDirectly.contains(s.id())) {
        has = t.format("row.skill.held");
        met = "yes";
      } else {
        has = t.format("row.skill.missing");
        met = x != null ? "no" : "notChecked";
      }
      rows.add(new Row(name, t.format("row.skill.asked"), has, met));
    }
    return rows;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private String yesNo(Object b) {
    return narrator.templates().format(Boolean.TRUE.equals(b) ? "yes" : "no");
  }

  /** Escapes text for HTML element content and attribute values (Guava's HTML escaper: {@code & < > " '}). */
  static String esc(String s) {
    return HtmlEscapers.htmlEscaper().escape(s);
  }

  /** A4-friendly, readable, no horizontal scrolling: long words wrap, the table has fixed columns. */
  private static final String CSS = """
      @page { size: A4; margin: 16mm; }
      html { -webkit-text-size-adjust: 100%; }
      body { margin: 0; padding: 16px; font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 15px;
        line-height: 1.45; color: #111; background: #fff; overflow-wrap: anywhere; }
      main { max-width: 46em; margin: 0 auto; }
      h1 { font-size: 1.55em; line-height: 1.2; margin: 0 0 .3em; }
      h2 { font-size: 1.15em; margin: 1.3em 0 .4em; border-bottom: 1px solid #888; padding-bottom: .15em; }
      .subject { margin: 0 0 .8em; color: #333; }
      .headline { font-size: 1.1em; }
      ul { padding-left: 1.3em; }
      li { margin: .25em 0; }
      table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .92em; }
      caption { text-align: left; padding: 0 0 .4em; color: #333; }
      col.c1 { width: 28%; } col.c2 { width: 28%; } col.c3 { width: 28%; } col.c4 { width: 16%; }
      th, td { border: 1px solid #777; padding: .3em .4em; text-align: left; vertical-align: top; }
      thead th { background: #e8e8e8; }
      tbody th { font-weight: normal; }
      td.yes { color: #0b5d1e; font-weight: bold; }
      td.no { color: #9b1111; font-weight: bold; }
      td.partly, td.notChecked { color: #5a4500; font-weight: bold; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }
      dt { font-weight: bold; } dd { margin: 0; }
      @media print { body { padding: 0; font-size: 11pt; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
      """;

  @Override
  public String toString() {
    return "ExplanationPage[" + narrator.locale().getLanguage() + "]";
  }
}
