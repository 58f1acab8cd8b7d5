package dk.jobmatch.kernel;

import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.internal.Geo;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.ComponentScore;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.OccupationCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring formula of docs/scoring.md, on compact features. One implementation, used by the
 * index-based ranking, the suggestions and the exhaustive reference scorer alike, so that they
 * cannot drift apart: {@code score = 0} if a hard gate fails, else {@code Σ wᵢ·fᵢ} summed in
 * {@link Component} order. Stateless and thread-safe.
 *
 * @lucene.internal
 */
public final class FeatureScorer {
  private static final Component[] COMPONENTS = Component.values();
  private static final Gate[] GATES = Gate.values();
  private static final double LN2 = Math.log(2);

  private FeatureScorer() {}

  /**
   * Whether every enforced gate passes. The hot path of every ranking: the rules are checked
   * cheapest first and each gate's rule is the same method {@link #gateChecks} reports on.
   */
  public static boolean passesGates(CompiledOrder o, CitizenFeatures c) {
    return passesGatesButCommute(o, c) && passesCommute(o, c.lat, c.lon, c.maxCommuteKm);
  }

  /** Every enforced gate but the commute gate: {@link #passesGates} is this and {@link #passesCommute}. */
  private static boolean passesGatesButCommute(CompiledOrder o, CitizenFeatures c) {
    ScoringPolicy p = o.policy;
    return passesFlagGates(o, c.flags)
        && (p.relaxed(Gate.HOURS) || hoursRule(o, c))
        && (p.relaxed(Gate.AVAILABILITY) || availabilityRule(o, c))
        && (p.relaxed(Gate.CERTIFICATES) || certificatesRule(o, c))
        && (p.relaxed(Gate.LANGUAGES) || languagesRule(o, c));
  }

  /**
   * The enforced gates that depend only on the citizen's {@link CitizenFeatures#flags flags}
   * (searchable, fleksjob, employment type): {@link #passesGates} fails whenever this fails, so
   * a retrieval may check it first from a packed per-citizen record.
   */
  public static boolean passesFlagGates(CompiledOrder o, int flags) {
    ScoringPolicy p = o.policy;
    return (p.relaxed(Gate.SEARCHABLE) || searchableRule(flags))
        && (p.relaxed(Gate.FLEKSJOB) || fleksjobRule(o, flags))
        && (p.relaxed(Gate.EMPLOYMENT_TYPE) || employmentTypeRule(o, flags));
  }

  /** The commute gate as enforced: relaxed, or the home-to-workplace distance within the citizen's own maximum. */
  public static boolean passesCommute(CompiledOrder o, double lat, double lon, double maxCommuteKm) {
    return o.policy.relaxed(Gate.COMMUTE) || commuteRule(o, lat, lon, maxCommuteKm);
  }

  /**
   * Citizens with a commute limit below this many kilometres are always checked by {@link
   * #commuteRule} itself in {@link #passesCommute(CompiledOrder, double, double, double, double,
   * double, double, double)}.
   */
  static final double FAST_COMMUTE_MIN_KM = 0.5;
  /**
   * Relative margin around the haversine limit inside which the fast commute check defers to the
   * rule itself: far above the rounding of either computation (about 1e-11 relative at half a
   * kilometre), so outside it both give the same answer.
   */
  static final double FAST_COMMUTE_MARGIN = 1e-6;

  /**
   * {@link #passesCommute(CompiledOrder, double, double, double)}, with the same answer, from the
   * citizen's point on the unit sphere ({@code x, y, z}, see {@code Geo.unitVector}) and the
   * haversine value of its limit ({@code Geo.haversineAt(maxCommuteKm)}) computed once per
   * citizen: no trigonometry unless the distance lies within {@link #FAST_COMMUTE_MARGIN} of the
   * limit, where the rule itself decides.
   */
  public static boolean passesCommute(CompiledOrder o, double lat, double lon, double maxCommuteKm, double x,
      double y, double z, double haversineLimit) {
    if (o.policy.relaxed(Gate.COMMUTE) || maxCommuteKm == Double.POSITIVE_INFINITY || Double.isNaN(lat)
        || Double.isNaN(o.workLat)) {
      return true;
    }
    if (maxCommuteKm >= FAST_COMMUTE_MIN_KM) {
      double a = Geo.chordHaversine(x, y, z, o.workUnit[0], o.workUnit[1], o.workUnit[2]);
      if (a < haversineLimit * (1 - FAST_COMMUTE_MARGIN)) {
        return true;
      }
      if (a > haversineLimit * (1 + FAST_COMMUTE_MARGIN)) {
        return false;
      }
    }
    return commuteRule(o, lat, lon, maxCommuteKm);
  }

  /**
   * Whether the rule of one gate holds for the pair, regardless of whether the policy relaxes it.
   *
   * @throws NullPointerException if an argument is null
   */
  public static boolean gateRule(Gate gate, CompiledOrder o, CitizenFeatures c) {
    return switch (gate) {
      case SEARCHABLE -> searchableRule(c.flags);
      case COMMUTE -> commuteRule(o, c.lat, c.lon, c.maxCommuteKm);
      case HOURS -> hoursRule(o, c);
      case FLEKSJOB -> fleksjobRule(o, c.flags);
      case CERTIFICATES -> certificatesRule(o, c);
      case LANGUAGES -> languagesRule(o, c);
      case AVAILABILITY -> availabilityRule(o, c);
      case EMPLOYMENT_TYPE -> employmentTypeRule(o, c.flags);
    };
  }

  /** The citizen is searchable. */
  private static boolean searchableRule(int flags) {
    return (flags & CitizenFeatures.SEARCHABLE) != 0;
  }

  /** A fleksjob-approved citizen only for an order accepting fleksjob; a fleksjob order only for them. */
  private static boolean fleksjobRule(CompiledOrder o, int flags) {
    boolean fleks = (flags & CitizenFeatures.FLEKSJOB) != 0;
    return fleks ? o.fleksjobFeasible : o.type != EmploymentType.FLEKSJOB;
  }

  /**
   * Ordinary jobs and apprenticeships for job-ready citizens (or fleksjob-approved ones where the
   * order accepts fleksjob); internships and wage subsidy for all; fleksjob orders for
   * fleksjob-approved citizens.
   */
  private static boolean employmentTypeRule(CompiledOrder o, int flags) {
    boolean fleks = (flags & CitizenFeatures.FLEKSJOB) != 0;
    return switch (o.type) {
      case ORDINARY, APPRENTICESHIP -> (flags & CitizenFeatures.JOB_READY) != 0 || (fleks && o.fleksjobFeasible);
      case INTERNSHIP, WAGE_SUBSIDY -> true;
      case FLEKSJOB -> fleks;
    };
  }

  /**
   * Hours: a fleksjob-approved citizen works within the approved hours, so an order that accepts
   * fleksjob fits unless it is a fleksjob order whose minimum exceeds them; otherwise the two
   * ranges must overlap (an unknown range fits anything).
   */
  private static boolean hoursRule(CompiledOrder o, CitizenFeatures c) {
    if (c.has(CitizenFeatures.FLEKSJOB) && o.fleksjobFeasible) {
      return o.type != EmploymentType.FLEKSJOB || o.hoursMin < 0 || o.hoursMin <= c.fleksjobHours;
    }
    if (c.hoursMin < 0 || o.hoursMin < 0) {
      return true;
    }
    return c.hoursMin <= o.hoursMax && o.hoursMin <= c.hoursMax;
  }

  /** Available by the start date; an unknown date on either side fits. */
  private static boolean availabilityRule(CompiledOrder o, CitizenFeatures c) {
    return c.availableFromDay == Integer.MIN_VALUE || c.availableFromDay <= o.startDay;
  }

  /** Every required certificate held. */
  private static boolean certificatesRule(CompiledOrder o, CitizenFeatures c) {
    for (int r : o.certificates) {
      if (!holdsCertificate(c, r)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holdsCertificate(CitizenFeatures c, int certificate) {
    return java.util.Arrays.binarySearch(c.certificates, certificate) >= 0;
  }

  /** Every required language held at its minimum level or above. */
  private static boolean languagesRule(CompiledOrder o, CitizenFeatures c) {
    for (int i = 0; i < o.languages.length; i++) {
      if (!languageMet(o, c, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean languageMet(CompiledOrder o, CitizenFeatures c, int required) {
    return heldLanguageLevel(o, c, required) >= o.languageLevels[required];
  }

  /** The level (CEFR ordinal) at which the citizen holds the order's {@code required}-th language (first entry), or -1. */
  private static int heldLanguageLevel(CompiledOrder o, CitizenFeatures c, int required) {
    for (int j = 0; j < c.languages.length; j++) {
      if (c.languages[j] == o.languages[required]) {
        return c.languageLevels[j];
      }
    }
    return -1;
  }

  /** Within the citizen's maximum commute; an unknown location or limit fits. */
  private static boolean commuteRule(CompiledOrder o, double lat, double lon, double maxCommuteKm) {
    return maxCommuteKm == Double.POSITIVE_INFINITY || Double.isNaN(lat) || Double.isNaN(o.workLat)
        || Geo.distanceKm(lat, lon, o.workLat, o.workLon) <= maxCommuteKm;
  }

  /**
   * Every gate of {@link Gate}, in enum order, evaluated for the pair with the values it compared
   * in the units of the input (see {@link GateCheck} for the names). A gate the policy relaxes
   * is reported as relaxed and passed. Agrees with {@link #passesGates}: every check passes
   * exactly when {@code passesGates} returns true.
   *
   * @throws NullPointerException if an argument is null
   */
  public static List<GateCheck> gateChecks(CompiledOrder o, CitizenFeatures c) {
    List<GateCheck> out = new ArrayList<>(GATES.length);
    for (Gate g : GATES) {
      boolean relaxed = o.policy.relaxed(g);
      out.add(new GateCheck(g, relaxed || gateRule(g, o, c), relaxed, gateValues(g, o, c)));
    }
    return List.copyOf(out);
  }

  private static Map<String, Object> gateValues(Gate g, CompiledOrder o, CitizenFeatures c) {
    Map<String, Object> v = new LinkedHashMap<>();
    boolean fleks = c.has(CitizenFeatures.FLEKSJOB);
    switch (g) {
      case SEARCHABLE -> v.put("searchable", c.has(CitizenFeatures.SEARCHABLE));
      case COMMUTE -> {
        double km = Double.isNaN(c.lat) || Double.isNaN(o.workLat) ? Double.NaN
            : Geo.distanceKm(c.lat, c.lon, o.workLat, o.workLon);
        boolean limited = c.maxCommuteKm != Double.POSITIVE_INFINITY;
        v.put("distanceKm", Double.isNaN(km) ? null : limited ? displayKm(km, c.maxCommuteKm) : roundKm(km, 1));
        v.put("maxCommuteKm", limited ? c.maxCommuteKm : null);
      }
      case HOURS -> {
        v.put("orderHoursPerWeek", o.hoursMin < 0 ? null : hours(o.hoursMin, o.hoursMax));
        v.put("citizenHoursPerWeek", c.hoursMin < 0 ? null : hours(c.hoursMin, c.hoursMax));
        if (fleks) {
          v.put("fleksjobMaxHoursPerWeek", (int) c.fleksjobHours);
        }
      }
      case FLEKSJOB -> {
        v.put("fleksjobApproved", fleks);
        if (fleks) {
          v.put("fleksjobMaxHoursPerWeek", (int) c.fleksjobHours);
        }
        v.put("employmentType", o.type.name());
        v.put("acceptsFleksjob", o.order.acceptsFleksjob());
      }
      case CERTIFICATES -> {
        List<String> required = new ArrayList<>(new java.util.TreeSet<>(o.order.certificates()));
        List<String> missing = new ArrayList<>();
        for (String name : required) {
          int id = o.vocabularies.certificates().lookup(name);
          if (id < 0 || !holdsCertificate(c, id)) {
            missing.add(name);
          }
        }
        v.put("requiredCertificates", List.copyOf(required));
        v.put("missingCertificates", List.copyOf(missing));
      }
      case LANGUAGES -> {
        List<Object> required = new ArrayList<>();
        List<Object> unmet = new ArrayList<>();
        for (int i = 0; i < o.languages.length; i++) {
          String code = o.order.languages().get(i).code();
          String min = CefrLevel.values()[o.languageLevels[i]].name();
          required.add(ordered("code", code, "minLevel", min));
          if (!languageMet(o, c, i)) {
            int held = heldLanguageLevel(o, c, i);
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("code", code);
            u.put("level", held < 0 ? null : CefrLevel.values()[held].name());
            u.put("minLevel", min);
            unmet.add(java.util.Collections.unmodifiableMap(u));
          }
        }
        v.put("requiredLanguages", List.copyOf(required));
        v.put("unmetLanguages", List.copyOf(unmet));
      }
      case AVAILABILITY -> {
        v.put("availableFrom", c.availableFromDay == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(c.availableFromDay));
        v.put("startDate", o.order.startDate());
      }
      case EMPLOYMENT_TYPE -> {
        v.put("employmentType", o.type.name());
        v.put("jobReady", c.has(CitizenFeatures.JOB_READY));
        v.put("fleksjobApproved", fleks);
        v.put("acceptsFleksjob", o.order.acceptsFleksjob());
      }
    }
    return v;
  }

  private static Map<String, Object> hours(int min, int max) {
    return ordered("min", min, "max", max);
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * A distance rounded to 0.1 km, or to as many more decimals as it takes for the rounded value
   * to compare with the limit as the exact one does (30.04 km over a 30 km limit shows as 30.04,
   * not as 30.0).
   */
  static double displayKm(double km, double limit) {
    boolean over = km > limit;
    for (int decimals = 1; decimals < 9; decimals++) {
      double r = roundKm(km, decimals);
      if ((r > limit) == over) {
        return r;
      }
    }
    return km;
  }

  private static double roundKm(double km, int decimals) {
    return java.math.BigDecimal.valueOf(km).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  /** The score, or -1 if a gate fails. */
  public static double score(CompiledOrder o, CitizenFeatures c) {
    return score(o, c, new Scratch(o));
  }

  /**
   * Reusable work arrays for scoring many citizens against one order on one thread, so the hot
   * loop allocates nothing.
   */
  public static final class Scratch {
    final double[] values = new double[COMPONENTS.length];
    final double[] best;

    /** Scratch space for this order. */
    public Scratch(CompiledOrder o) {
      this.best = new double[o.requiredIds.length];
    }
  }

  /** The score, or -1 if a gate fails, using {@code scratch} (not thread-safe) for work arrays. */
  public static double score(CompiledOrder o, CitizenFeatures c, Scratch scratch) {
    if (!passesGates(o, c)) {
      return -1;
    }
    java.util.Arrays.fill(scratch.best, 0);
    componentValues(o, c, scratch.values, scratch.best, null, null, distanceValue(o, c.lat, c.lon));
    return total(o.policy, scratch.values);
  }

  /**
   * {@link #score(CompiledOrder, CitizenFeatures, Scratch)} of a citizen already known to pass
   * the commute gate ({@link #passesCommute}), with its distance value already computed: the
   * same result, without computing the distance again. For a retrieval that checked the commute
   * gate and bounded the non-term part before scoring.
   *
   * @param distanceValue {@link #distanceValue distanceValue(o, c.lat, c.lon)}
   */
  public static double scorePassedCommute(CompiledOrder o, CitizenFeatures c, Scratch scratch, double distanceValue) {
    if (!passesGatesButCommute(o, c)) {
      return -1;
    }
    java.util.Arrays.fill(scratch.best, 0);
    componentValues(o, c, scratch.values, scratch.best, null, null, distanceValue);
    return total(o.policy, scratch.values);
  }

  /**
   * Fills {@code out} with every component's value in [0, 1], in {@link Component} order, without
   * checking the gates: what the weights multiply. The policy tuner fits weights on these.
   *
   * @param scratch work arrays for this order (not thread-safe)
   * @param out one slot per component
   */
  public static void componentValues(CompiledOrder o, CitizenFeatures c, Scratch scratch, double[] out) {
    java.util.Arrays.fill(scratch.best, 0);
    componentValues(o, c, out, scratch.best, null, null, distanceValue(o, c.lat, c.lon));
  }

  private static double total(ScoringPolicy p, double[] values) {
    double sum = 0;
    for (int i = 0; i < COMPONENTS.length; i++) {
      sum += p.weight(COMPONENTS[i]) * values[i];
    }
    return sum;
  }

  /**
   * Scores and explains, or returns {@code null} if a gate fails or the score is 0.
   *
   */
  public static Match explain(CompiledOrder o, CitizenFeatures c) {
    if (!passesGates(o, c)) {
      return null;
    }
    Match m = explainPassed(o, c);
    return m.score() <= 0 ? null : m;
  }

  /**
   * Scores and explains a pair that passes every gate, whatever its score (a "why not?"
   * explanation shows a score of 0 too), or returns {@code null} if a gate fails.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Match explainEligible(CompiledOrder o, CitizenFeatures c) {
    return passesGates(o, c) ? explainPassed(o, c) : null;
  }

  private static Match explainPassed(CompiledOrder o, CitizenFeatures c) {
    double[] values = new double[COMPONENTS.length];
    double[] best = new double[o.requiredIds.length];
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    int[] bestFrom = new int[best.length];
    componentValues(o, c, values, best, flags, bestFrom, distanceValue(o, c.lat, c.lon));
    double score = total(o.policy, values);
    Map<Component, ComponentScore> comps = new EnumMap<>(Component.class);
    for (int i = 0; i < COMPONENTS.length; i++) {
      double w = o.policy.weight(COMPONENTS[i]);
      comps.put(COMPONENTS[i], new ComponentScore(values[i], w, w * values[i]));
    }
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> missingEssential = new ArrayList<>();
    Map<String, String> via = new java.util.LinkedHashMap<>();
    for (int j = 0; j < best.length; j++) {
      if (best[j] > 0) {
        matched.add(o.requiredIds[j]);
        String held = o.skillNames.name(bestFrom[j]);
        if (!held.equals(o.requiredIds[j])) {
          via.put(o.requiredIds[j], held);
        }
      } else {
        missing.add(o.requiredIds[j]);
        if (o.essential[j]) {
          missingEssential.add(o.requiredIds[j]);
        }
      }
    }
    if (!missingEssential.isEmpty()) {
      flags.add(Flag.MISSING_ESSENTIAL_SKILLS);
    }
    if (o.derivedRequirements) {
      flags.add(Flag.DERIVED_REQUIREMENTS);
    }
    if (o.publicEmployer && c.has(CitizenFeatures.FORTRINSADGANG) && qualified(o, c, values, best)) {
      flags.add(Flag.FORTRINSADGANG);
    }
    return new Match(c.id, o.order.id(), score, new Explanation(comps, matched, missing, missingEssential, flags, via));
  }

  /**
   * Whether a fortrinsadgang holder is <em>qualified</em> for a public employer's order: every
   * enforced gate passes, the education requirement is met in full, every essential required
   * skill is credited (held, or a related skill held), and the citizen has some occupational
   * relevance (skills, occupation or goal credit above 0).
   */
  public static boolean qualifiesForFortrinsadgang(CompiledOrder o, CitizenFeatures c) {
    if (!o.publicEmployer || !c.has(CitizenFeatures.FORTRINSADGANG) || !educationMet(o, c.educationLevel)
        || !passesGates(o, c)) {
      return false;
    }
    double[] values = new double[COMPONENTS.length];
    double[] best = new double[o.requiredIds.length];
    componentValues(o, c, values, best, null, null, distanceValue(o, c.lat, c.lon));
    return qualified(o, c, values, best);
  }

  /** The education requirement met in full. */
  private static boolean educationMet(CompiledOrder o, int educationLevel) {
    return o.minEducation == 0 || educationLevel >= o.minEducation;
  }

  private static boolean qualified(CompiledOrder o, CitizenFeatures c, double[] values, double[] best) {
    if (!educationMet(o, c.educationLevel)) {
      return false;
    }
    for (int j = 0; j < best.length; j++) {
      if (o.essential[j] && best[j] <= 0) {
        return false;
      }
    }
    return values[Component.SKILLS.ordinal()] > 0 || values[Component.OCCUPATION.ordinal()] > 0
        || values[Component.GOAL.ordinal()] > 0;
  }

  /**
   * Fills {@code values} (one per component) and {@code best} (credit per required skill); in
   * explain mode ({@code flags} non-null) also the flags and, in {@code bestFrom}, the held skill
   * that earned each best credit. {@code distance} is the pair's {@link #distanceValue}.
   */
  private static void componentValues(CompiledOrder o, CitizenFeatures c, double[] values, double[] best, Set<Flag> flags,
      int[] bestFrom, double distance) {
    ScoringPolicy p = o.policy;
    // Skills: each held skill credits the required skills it stands for; best credit wins.
    if (best.length > 0) {
      boolean stale = false;
      int[] skills = c.skills;
      for (int i = 0; i < skills.length; i++) {
        if (!o.credits(skills[i])) {
          continue;
        }
        CompiledOrder.SkillCredit sc = o.credits.get(skills[i]);
        double fresh = freshness(p, o.asOfYear, c.skillLastUsed[i]);
        for (int k = 0; k < sc.req().length; k++) {
          double credit = sc.credit()[k] * fresh;
          int j = sc.req()[k];
          if (credit > best[j]) {
            best[j] = credit;
            if (bestFrom != null) {
              bestFrom[j] = skills[i];
            }
          } else if (bestFrom != null && credit == best[j] && credit > 0 && preferred(o, j, skills[i], bestFrom[j])) {
            // Equal credit from two held skills: name one independently of interning order.
            bestFrom[j] = skills[i];
          }
        }
        stale |= fresh < 1;
      }
      double s = 0;
      for (int j = 0; j < best.length; j++) {
        s += o.requiredWeight[j] * best[j];
      }
      values[Component.SKILLS.ordinal()] = Math.min(1.0, s);
      if (stale && flags != null && s > 0) {
        flags.add(Flag.STALE_SKILLS);
      }
    }
    // Occupation: experience in the order's occupation, partial credit by hierarchy distance.
    double occ = 0;
    for (int i = 0; i < c.experience.length; i++) {
      double sim = similarity(p, o.occupation, c.experience[i]);
      if (sim > 0) {
        occ = Math.max(occ, sim * experienceFactor(p, o.asOfYear, c.experienceYears[i], c.experienceLastYear[i]));
      }
    }
    values[Component.OCCUPATION.ordinal()] = occ;
    // Goal: the citizen's own wishes, by priority.
    double goal = 0;
    for (int i = 0; i < c.goals.length; i++) {
      double sim = similarity(p, o.occupation, c.goals[i]);
      if (sim > 0) {
        goal = Math.max(goal, sim * priorityFactor(p, c.goalPriority[i]));
      }
    }
    values[Component.GOAL.ordinal()] = goal;
    // Education: meets → 1; one level short → upskilling credit; two or more → 0.
    double edu = educationValue(o, c.educationLevel);
    if (flags != null && o.minEducation > 0 && c.educationLevel == o.minEducation - 1) {
      flags.add(Flag.UPSKILLING_CANDIDATE);
    }
    values[Component.EDUCATION.ordinal()] = edu;
    if (flags != null && c.educationYear > 0 && o.asOfYear - c.educationYear > p.outdatedEducationYears()) {
      flags.add(Flag.OUTDATED_EDUCATION);
    }
    // Distance: halves every half-life kilometres.
    values[Component.DISTANCE.ordinal()] = distance;
    // Inclusion: fleksjob fit, compensation scheme × disability-friendly employer.
    if (flags != null) {
      if (c.has(CitizenFeatures.FLEKSJOB) && o.fleksjobFeasible) {
        flags.add(Flag.FLEKSJOB_FIT);
      }
      if (o.disabilityFriendly && (c.has(CitizenFeatures.PERSONAL_ASSISTANCE) || c.has(CitizenFeatures.AIDS))) {
        flags.add(Flag.COMPENSATION_SCHEME);
      }
    }
    values[Component.INCLUSION.ordinal()] = inclusionValue(o, c.flags);
    values[Component.SHORTAGE.ordinal()] = o.shortageValue;
    if (flags != null && o.shortage != null && o.shortage.isShortage()) {
      flags.add(Flag.SHORTAGE);
    }
  }

  /** Education value: meets the level → 1; one level short → upskilling credit; two or more → 0. */
  public static double educationValue(CompiledOrder o, int educationLevel) {
    if (educationMet(o, educationLevel)) {
      return 1;
    }
    if (educationLevel == o.minEducation - 1) {
      return o.shortageValue > 0 ? o.policy.upskillingShortageCredit() : o.policy.upskillingCredit();
    }
    return 0;
  }

  /** Distance value: halves every half-life kilometres; the policy's credit when unknown. */
  public static double distanceValue(CompiledOrder o, double lat, double lon) {
    ScoringPolicy p = o.policy;
    if (Double.isNaN(lat) || Double.isNaN(o.workLat)) {
      return p.unknownDistanceCredit();
    }
    return distanceValueAtKm(o, Geo.distanceKm(lat, lon, o.workLat, o.workLon));
  }

  /**
   * The distance value of a home {@code km} kilometres from the workplace: halves every
   * half-life kilometres. Never rises with {@code km}, so a lower bound of the distance gives an
   * upper bound of the value ({@link CompiledOrder#distanceValueBound}).
   */
  static double distanceValueAtKm(CompiledOrder o, double km) {
    return Math.exp(-LN2 * km / o.policy.distanceHalfLifeKm());
  }

  /** Inclusion value: fleksjob fit, or a compensation scheme at a disability-friendly employer. */
  public static double inclusionValue(CompiledOrder o, int flags) {
    if ((flags & CitizenFeatures.FLEKSJOB) != 0 && o.fleksjobFeasible) {
      return 1;
    }
    if (o.disabilityFriendly && (flags & (CitizenFeatures.PERSONAL_ASSISTANCE | CitizenFeatures.AIDS)) != 0) {
      return 1;
    }
    return 0;
  }

  /**
   * The weighted sum of the components no term carries (education, distance, inclusion,
   * shortage) for a citizen with these features: exactly their contribution to {@link #score}
   * (up to summation order), computed from primitives so the retrieval can evaluate it from a
   * packed per-citizen record before the full score.
   */
  public static double nonTermScore(CompiledOrder o, int educationLevel, double lat, double lon, int flags) {
    return o.nonTermSum(educationValue(o, educationLevel), distanceValue(o, lat, lon), inclusionValue(o, flags));
  }

  /** The largest factor {@link #freshness} can return (1 unless a policy allowed more). */
  public static double maxFreshness(ScoringPolicy p) {
    return Math.max(1.0, p.staleFloor());
  }

  /** The largest factor {@link #experienceFactor} can return. */
  public static double maxExperienceFactor(ScoringPolicy p) {
    return Math.max(1.0, Math.max(p.constant(PolicyConstant.EXPERIENCE_AGED_FACTOR),
        p.constant(PolicyConstant.EXPERIENCE_OLD_FACTOR)));
  }

  /** The largest factor {@link #priorityFactor} can return. */
  public static double maxPriorityFactor(ScoringPolicy p) {
    return Math.max(Math.max(1.0, p.constant(PolicyConstant.GOAL_PRIORITY_2_FACTOR)),
        Math.max(p.constant(PolicyConstant.GOAL_PRIORITY_3_FACTOR), p.constant(PolicyConstant.GOAL_LOWER_PRIORITY_FACTOR)));
  }

  /** On a tie, the required skill itself, else the alphabetically first held skill, earns the credit. */
  private static boolean preferred(CompiledOrder o, int j, int candidate, int current) {
    String required = o.requiredIds[j];
    String a = o.skillNames.name(candidate);
    String b = o.skillNames.name(current);
    if (b.equals(required)) {
      return false;
    }
    return a.equals(required) || a.compareTo(b) < 0;
  }

  /** Full credit if used within {@code staleAfterYears}, then linear decay to the floor. */
  public static double freshness(ScoringPolicy p, int asOfYear, short lastUsed) {
    if (lastUsed == 0) {
      return 1;
    }
    int age = asOfYear - lastUsed - p.staleAfterYears();
    return age <= 0 ? 1 : Math.max(p.staleFloor(), 1 - p.staleDecayPerYear() * age);
  }

  /**
   * Experience credit: {@code experienceBaseCredit} for a stint of no length, rising linearly to 1
   * at {@code experienceFullYears}; times 1 if it ended at most {@code experienceRecentYears} ago,
   * {@code experienceAgedFactor} if at most {@code experienceOldYears} ago, else {@code
   * experienceOldFactor}. Unknown end year counts as recent.
   */
  public static double experienceFactor(ScoringPolicy p, int asOfYear, float years, short lastYear) {
    double base = p.constant(PolicyConstant.EXPERIENCE_BASE_CREDIT);
    double amount = Math.min(1.0, base + (1 - base) * years / p.constant(PolicyConstant.EXPERIENCE_FULL_YEARS));
    if (lastYear == 0) {
      return amount;
    }
    int age = asOfYear - lastYear;
    return amount * (age <= p.constant(PolicyConstant.EXPERIENCE_RECENT_YEARS) ? 1.0
        : age <= p.constant(PolicyConstant.EXPERIENCE_OLD_YEARS) ? p.constant(PolicyConstant.EXPERIENCE_AGED_FACTOR)
        : p.constant(PolicyConstant.EXPERIENCE_OLD_FACTOR));
  }

  /** Goal credit share by priority: 1 for the first goal, then the policy's priority factors. */
  public static double priorityFactor(ScoringPolicy p, int priority) {
    return switch (priority) {
      case 1 -> 1.0;
      case 2 -> p.constant(PolicyConstant.GOAL_PRIORITY_2_FACTOR);
      case 3 -> p.constant(PolicyConstant.GOAL_PRIORITY_3_FACTOR);
      default -> p.constant(PolicyConstant.GOAL_LOWER_PRIORITY_FACTOR);
    };
  }

  /**
   * Hierarchy similarity of a held occupation to the order's: the same ESCO occupation or a
   * group within the order's group → 1; a different ESCO occupation of the same unit group → the
   * policy's {@code siblingOccupationCredit} (at most 1, so the hierarchy bounds of the retrieval,
   * which give the order's full code 1, stay upper bounds); otherwise the policy's credit for the
   * deepest shared level (same ISCO unit group, minor, sub-major, major group), 0 when nothing is
   * shared.
   */
  public static double similarity(ScoringPolicy p, OccupationCode order, OccupationCode held) {
    if (order == null || held == null) {
      return 0;
    }
    if (order.escoUri() != null && order.escoUri().equals(held.escoUri())) {
      return 1;
    }
    String a = order.digits();
    String b = held.digits();
    if (a == null || b == null) {
      return 0;
    }
    if (order.escoUri() != null && held.escoUri() != null && a.equals(b)) {
      // Two different ESCO occupations of one unit group: a neighbouring trade, not the same one.
      return p.constant(PolicyConstant.SIBLING_OCCUPATION_CREDIT);
    }
    int n = Math.min(a.length(), b.length());
    int prefix = 0;
    while (prefix < n && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    if (prefix >= a.length()) {
      return 1;
    }
    return levelCredit(p, prefix);
  }

  /**
   * Credit for a shared prefix of {@code prefix} digits short of the order's full code; never
   * rises as the prefix shrinks (the policy validates it), which the retrieval's hierarchy
   * bounds rely on.
   */
  public static double levelCredit(ScoringPolicy p, int prefix) {
    return switch (prefix) {
      case 0 -> 0;
      case 1 -> p.constant(PolicyConstant.SAME_MAJOR_GROUP_CREDIT);
      case 2 -> p.constant(PolicyConstant.SAME_SUB_MAJOR_GROUP_CREDIT);
      case 3 -> p.constant(PolicyConstant.SAME_MINOR_GROUP_CREDIT);
      default -> p.constant(PolicyConstant.SAME_UNIT_GROUP_CREDIT);
    };
  }
}
