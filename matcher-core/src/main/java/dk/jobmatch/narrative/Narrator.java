package dk.jobmatch.narrative;

import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.ComponentScore;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.OrderClosed;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.taxonomy.Taxonomy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Puts a {@link PairExplanation} ("why (not)?") or a {@link Match} into short sentences a
 * caseworker can read aloud to the citizen, in Danish ({@code da}, the default) or English
 * ({@code en}). See the {@linkplain dk.jobmatch.narrative package description} for what is said
 * and why.
 *
 * <p>Immutable and thread-safe; every method may be called concurrently. Methods throw {@link
 * NullPointerException} on a null argument unless the parameter says it may be null.
 */
public final class Narrator {
  /** The languages the narrator speaks, the default first. */
  public static final List<String> LANGUAGES = List.of("da", "en");

  /**
   * A component must reach this value to be named as a reason (half of what the component can
   * give: below it, the component held the citizen back more than it helped).
   */
  static final double REASON_MIN_VALUE = 0.5;
  /** At most this many component reasons are given, strongest (largest contribution) first. */
  static final int MAX_REASONS = 3;
  /** At most this many skills are named in one sentence; the rest are counted. */
  static final int MAX_NAMED = 5;
  /** At most this many "counts partly for" sentences. */
  static final int MAX_VIA = 3;
  /** A gap of at most this many points (of 100) to the last place on the list is "close". */
  static final int GAP_CLOSE = 5;
  /** A gap of at most this many points is "some way"; more is "far". */
  static final int GAP_SOME = 15;

  /** The flags that name a scheme the citizen knows, said right after the reasons. */
  private static final List<Flag> SCHEMES = List.of(Flag.FORTRINSADGANG, Flag.FLEKSJOB_FIT, Flag.COMPENSATION_SCHEME);
  /** The other flags with a sentence of their own, in the order they are said. */
  private static final List<Flag> NOTES = List.of(Flag.SHORTAGE, Flag.UPSKILLING_CANDIDATE, Flag.OUTDATED_EDUCATION,
      Flag.STALE_SKILLS, Flag.DERIVED_REQUIREMENTS);

  private final Templates t;
  private final Labels labels;
  private final DateTimeFormatter dates;

  private Narrator(Taxonomy taxonomy, Templates templates) {
    this.t = templates;
    this.labels = Labels.of(taxonomy, templates);
    this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(templates.locale());
  }

  /**
   * A narrator naming skills and occupations by the taxonomy's labels.
   *
   * @param taxonomy where skill and occupation labels come from ({@link Taxonomy#none()} for codes)
   * @param locale {@code da} or {@code en}; only the language counts
   * @return a narrator speaking that language
   * @throws IllegalArgumentException if the language is not one of {@link #LANGUAGES}
   */
  public static Narrator of(Taxonomy taxonomy, Locale locale) {
    return new Narrator(Objects.requireNonNull(taxonomy, "taxonomy"), Templates.of(locale));
  }

  /**
   * A narrator for a language given as its code.
   *
   * @param taxonomy where skill and occupation labels come from
   * @param language {@code da} or {@code en}
   * @return a narrator speaking that language
   * @throws IllegalArgumentException if the language is not one of {@link #LANGUAGES}
   */
  public static Narrator of(Taxonomy taxonomy, String language) {
    Objects.requireNonNull(language, "language");
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language: '" + language + "' is not supported; the narrator speaks " + LANGUAGES);
    }
    return of(taxonomy, Locale.forLanguageTag(language));
  }

  /**
   * The labels this narrator names things by.
   *
   * @return the labels, in this narrator's language
   */
  public Labels labels() {
    return labels;
  }

  /**
   * The language spoken.
   *
   * @return the locale ({@code da} or {@code en})
   */
  public Locale locale() {
    return t.locale();
  }

  Templates templates() {
    return t;
  }

  /**
   * "Why was I (not) proposed?" for one pair: the answer, then one sentence per failing gate with
   * the values compared and what would change the answer (for an order closed on the day matched
   * on, first the deadline and that day: {@code ORDER_CLOSED}); or, when every gate passes, the
   * strongest reasons first, schemes, partial credits, the upskilling need, and the place and
   * distance from the shortlist in points of 100.
   *
   * @param e the explanation
   * @param order the order, for its title in the subject; may be null
   * @return the explanation in words
   */
  public Narration explain(PairExplanation e, JobOrder order) {
    Objects.requireNonNull(e, "e");
    String subject = subject(e.citizenId(), e.orderId(), order);
    List<String> sentences = new ArrayList<>();
    if (e.closed().isPresent()) {
      // The order is closed on the day matched on: that answers for everyone; failed gates follow.
      OrderClosed c = e.closed().get();
      sentences.add(t.format("closed", date(c.deadline()), date(c.asOf())));
      for (Gate g : e.failedGates()) {
        sentences.add(gateSentence(e, e.gate(g)));
      }
      return new Narration(subject, t.format("headline.closed"), sentences);
    }
    if (!e.eligible()) {
      List<Gate> failed = e.failedGates();
      for (Gate g : failed) {
        sentences.add(gateSentence(e, e.gate(g)));
      }
      return new Narration(subject, t.format("headline.notEligible", failed.size()), sentences);
    }
    Match m = e.match().orElseThrow();
    String headline;
    if (e.withinTopK()) {
      headline = t.format("headline.shortlisted", e.rank(), e.k());
    } else if (m.has(Flag.FORTRINSADGANG)) {
      headline = t.format("headline.fortrinsadgang", e.rank(), e.k());
    } else {
      headline = t.format("headline.notShortlisted", e.rank(), e.k());
    }
    sentences.addAll(reasons(m.explanation()));
    int own = points(m.score());
    sentences.add(t.format("points", own));
    if (!e.withinTopK() && !m.has(Flag.FORTRINSADGANG)) {
      int kth = points(e.kthScore().orElseThrow());
      if (e.gapToTop() == 0) {
        sentences.add(t.format("gap.tie", e.k(), own));
      } else if (kth <= own) {
        sentences.add(t.format("gap.underOne", own, e.k()));
      } else {
        int gap = kth - own;
        String where = t.format(gap <= GAP_CLOSE ? "gap.close" : gap <= GAP_SOME ? "gap.some" : "gap.far");
        sentences.add(t.format("gap.points", where, own, e.k(), kth, gap));
      }
    }
    return new Narration(subject, headline, sentences);
  }

  /**
   * One citizen on an order's shortlist ({@code match}): the place and points, then the reasons
   * as in {@link #explain}.
   *
   * @param m the match
   * @param rank its 1-based place on the list
   * @param order the order, for its title in the subject; may be null
   * @return the candidate in words
   */
  public Narration candidate(Match m, int rank, JobOrder order) {
    Objects.requireNonNull(m, "m");
    return new Narration(subject(m.citizenId(), m.orderId(), order),
        t.format("headline.candidate", rank, m.citizenId(), points(m.score())), reasons(m.explanation()));
  }

  /**
   * One order suggested to a citizen ({@code suggest}): the place and points, then the reasons
   * as in {@link #explain}.
   *
   * @param m the match
   * @param rank its 1-based place among the citizen's suggestions
   * @param order the order, for its title in the subject; may be null
   * @return the suggestion in words
   */
  public Narration suggestion(Match m, int rank, JobOrder order) {
    Objects.requireNonNull(m, "m");
    return new Narration(subject(m.citizenId(), m.orderId(), order),
        t.format("headline.suggestion", rank, m.orderId(), points(m.score())), reasons(m.explanation()));
  }

  /**
   * The line that says under which rule set and on which day a result was made ("Vurderet efter
   * regelsæt jobmatch-default@3 den 1. november 2026.").
   *
   * @param policy the policy label, {@code name@version}
   * @param date the day scored for
   * @return the footer line
   */
  public String footer(String policy, LocalDate date) {
    return t.format("footer", Objects.requireNonNull(policy, "policy"), date(date));
  }

  /**
   * A date as written in this language ("1. november 2026", "November 1, 2026").
   *
   * @param date the day
   * @return the day as written in this language
   */
  public String date(LocalDate date) {
    return dates.format(Objects.requireNonNull(date, "date"));
  }

  /**
   * A score in (0, 1] as whole points of 100, rounded half-up; a positive score never shows as 0.
   * Scores are shown this way and no finer: the citizen hears how close they are, not decimals
   * of a weighted sum.
   *
   * @param score a score in [0, 1]
   * @return whole points of 100 (at least 1 for a positive score)
   */
  public static int points(double score) {
    if (!(score >= 0) || score > 1) {
      throw new IllegalArgumentException("score: '" + score + "' must be in [0, 1]");
    }
    int p = BigDecimal.valueOf(score).movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
    return score > 0 ? Math.max(1, p) : 0;
  }

  private String subject(String citizenId, String orderId, JobOrder order) {
    String title = order == null ? null : order.title();
    return title == null || title.isBlank() ? t.format("subject.pair", citizenId, orderId)
        : t.format("subject.pairTitled", citizenId, orderId, title);
  }

  // ---------------------------------------------------------------- reasons

  /** The reasons of an eligible pair, in the order they are said. */
  List<String> reasons(Explanation x) {
    List<String> out = new ArrayList<>();
    List<Map.Entry<Component, ComponentScore>> strongest = new ArrayList<>(x.components().entrySet());
    strongest.sort(Comparator.comparingDouble((Map.Entry<Component, ComponentScore> en) -> en.getValue().contribution())
        .reversed());
    int given = 0;
    for (Map.Entry<Component, ComponentScore> en : strongest) {
      if (given == MAX_REASONS) {
        break;
      }
      ComponentScore s = en.getValue();
      if (s.contribution() <= 0 || s.value() < REASON_MIN_VALUE) {
        continue;
      }
      String r = componentReason(en.getKey(), s.value(), x);
      if (r != null) {
        out.add(r);
        given++;
      }
    }
    for (Flag f : SCHEMES) {
      if (x.has(f)) {
        out.add(t.format("flag." + f.name()));
      }
    }
    int via = 0;
    for (Map.Entry<String, String> en : x.matchedVia().entrySet()) {
      if (via++ == MAX_VIA) {
        break;
      }
      out.add(t.format("matchedVia", labels.skill(en.getValue()), labels.skill(en.getKey())));
    }
    if (!x.missingEssentialSkills().isEmpty()) {
      out.add(t.format("upskilling", list(x.missingEssentialSkills().stream().map(labels::skill).toList())));
    }
    for (Flag f : NOTES) {
      if (x.has(f)) {
        out.add(t.format("flag." + f.name()));
      }
    }
    return out;
  }

  private String componentReason(Component c, double value, Explanation x) {
    return switch (c) {
      case SKILLS -> {
        // Skills held directly; those credited through a related skill are said by their own sentences.
        List<String> direct = x.matchedSkills().stream().filter(s -> !x.matchedVia().containsKey(s)).toList();
        int n = direct.size();
        int total = x.matchedSkills().size() + x.missingSkills().size();
        if (n == 0) {
          yield null;
        }
        String named = list(direct.stream().map(labels::skill).toList());
        yield n == total ? t.format("reason.SKILLS.full", n, named) : t.format("reason.SKILLS.partial", n, total, named);
      }
      case OCCUPATION, GOAL -> t.format("reason." + c.name() + (value >= 0.9 ? ".full" : ".partial"));
      case EDUCATION -> value >= 1 ? t.format("reason.EDUCATION.full") : null;
      case DISTANCE -> t.format(value >= 0.7 ? "reason.DISTANCE.full" : "reason.DISTANCE.partial");
      default -> null; // inclusion and shortage are said through their flags
    };
  }

  /** "a, b og c"; more than {@link #MAX_NAMED} are counted ("a, b, c, d, e og 3 flere"). */
  String list(List<String> items) {
    if (items.isEmpty()) {
      return t.format("row.none");
    }
    if (items.size() > MAX_NAMED) {
      return t.format("list.more", String.join(", ", items.subList(0, MAX_NAMED)), items.size() - MAX_NAMED);
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + t.format("list.and") + " " + items.get(items.size() - 1);
  }

  // ---------------------------------------------------------------- gates

  /** One sentence for a failing gate: the values compared and what would change the answer. */
  String gateSentence(PairExplanation e, GateCheck g) {
    Map<String, Object> v = g.values();
    switch (g.gate().name()) {
      case "SEARCHABLE":
        return t.format("gate.SEARCHABLE");
      case "COMMUTE":
        if (v.get("distanceKm") instanceof Number d && v.get("maxCommuteKm") instanceof Number max) {
          return t.format("gate.COMMUTE", km(d.doubleValue(), max.doubleValue()), number(max.doubleValue(), 1));
        }
        break;
      case "HOURS":
        if (v.get("orderHoursPerWeek") instanceof Map<?, ?> order) {
          if (v.get("fleksjobMaxHoursPerWeek") instanceof Number fleks && e.gate(Gate.FLEKSJOB).passed()) {
            return t.format("gate.HOURS.fleksjob", order.get("min"), fleks);
          }
          if (v.get("citizenHoursPerWeek") instanceof Map<?, ?> citizen) {
            return t.format("gate.HOURS", range(order), range(citizen));
          }
        }
        break;
      case "FLEKSJOB":
        return t.format(Boolean.TRUE.equals(v.get("fleksjobApproved")) ? "gate.FLEKSJOB.notAccepted" : "gate.FLEKSJOB.onlyApproved");
      case "CERTIFICATES":
        if (v.get("missingCertificates") instanceof List<?> missing && !missing.isEmpty()) {
          return t.format("gate.CERTIFICATES", list(missing.stream().map(c -> labels.certificate(c.toString())).toList()),
              missing.size());
        }
        break;
      case "LANGUAGES":
        if (v.get("unmetLanguages") instanceof List<?> unmet && !unmet.isEmpty()) {
          List<String> items = new ArrayList<>();
          for (Object o : unmet) {
            Map<?, ?> u = (Map<?, ?>) o;
            String name = labels.language(String.valueOf(u.get("code")));
            items.add(u.get("level") == null ? t.format("gate.LANGUAGES.notHeld", name, u.get("minLevel"))
                : t.format("gate.LANGUAGES.held", name, u.get("minLevel"), u.get("level")));
          }
          return t.format("gate.LANGUAGES", list(items));
        }
        break;
      case "AVAILABILITY":
        if (v.get("startDate") instanceof LocalDate start && v.get("availableFrom") instanceof LocalDate from) {
          return t.format("gate.AVAILABILITY", date(start), date(from));
        }
        break;
      case "EMPLOYMENT_TYPE":
        if ("FLEKSJOB".equals(v.get("employmentType"))) {
          return t.format("gate.EMPLOYMENT_TYPE.fleksjob");
        }
        return t.format("gate.EMPLOYMENT_TYPE", employmentType(String.valueOf(v.get("employmentType"))));
      default:
        break;
    }
    return t.format("gate.other");
  }

  /** "et almindeligt job" for {@code ORDINARY}; the code when unknown. */
  String employmentType(String code) {
    String key = "employmentType." + code;
    return t.has(key) ? t.format(key) : code;
  }

  /**
   * A distance in whole km, unless rounding to whole km would hide the verdict (30.4 km over a
   * 30 km limit): then as compared, with as many decimals as the gate gave.
   */
  String km(double km, double max) {
    long whole = Math.round(km);
    return (whole > max) == (km > max) ? number(whole, 0) : number(km, 8);
  }

  /** {@code 20–30}, or {@code 37} when both ends are equal. */
  String range(Map<?, ?> r) {
    Object min = r.get("min");
    Object max = r.get("max");
    return Objects.equals(min, max) ? String.valueOf(min) : min + "–" + max;
  }

  String number(double v, int maxDecimals) {
    NumberFormat f = NumberFormat.getNumberInstance(t.locale());
    f.setMaximumFractionDigits(maxDecimals);
    f.setGroupingUsed(false);
    return f.format(v);
  }

  @Override
  public String toString() {
    return "Narrator[" + t.locale().getLanguage() + "]";
  }
}
