package dk.jobmatch.examples;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.LanguageRequirement;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.ComponentScore;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The README's demo: indexes a small Glostrup-like municipality ({@link GlostrupMunicipality}),
 * prints each open job order's top five candidates with their explanations as a caseworker would
 * read them, then the top three job orders for two citizens.
 *
 * <p>Run it with {@code ./mvnw -q -Pdemo -DskipTests package}. The output is deterministic.
 */
public final class MunicipalityDemo {
  /** Candidates shown per job order. */
  static final int SHORTLIST = 5;
  /** Job orders suggested per citizen. */
  static final int SUGGESTIONS = 3;

  private static final String RULE = "-".repeat(100);
  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

  private final PrintStream out;
  private final GlostrupMunicipality municipality;
  private final Taxonomy taxonomy;
  private final Map<String, Citizen> citizens;

  private MunicipalityDemo(PrintStream out, GlostrupMunicipality municipality) {
    this.out = out;
    this.municipality = municipality;
    this.taxonomy = municipality.taxonomy();
    this.citizens = municipality.citizens().stream().collect(Collectors.toMap(Citizen::id, Function.identity()));
  }

  /**
   * Runs the demo on standard output.
   *
   * @param args ignored
   * @throws IOException if the engine cannot be closed
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    // Danish labels need æ, ø and å; a terminal without them would print '?'.
    if (!out.charset().newEncoder().canEncode("æøå")) {
      out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }
    GlostrupMunicipality municipality = GlostrupMunicipality.build();
    MunicipalityDemo demo = new MunicipalityDemo(out, municipality);
    demo.printPopulation();

    // Lucene reports its vector set-up through java.util.logging; a caseworker needs not see it.
    LUCENE_LOG.setLevel(Level.WARNING);
    try (MatchEngine engine = MatchEngine.builder()
        .taxonomy(municipality.taxonomy())
        .shortage(municipality.shortage())
        .asOf(GlostrupMunicipality.AS_OF)
        .build()) {
      engine.upsertAll(municipality.citizens());
      for (JobOrder order : municipality.orders()) {
        engine.upsertOrder(order);
      }
      engine.refresh();
      for (JobOrder order : municipality.orders()) {
        demo.printShortlist(order, engine.rank(order, SHORTLIST));
      }
      for (String id : List.of(GlostrupMunicipality.FEATURED_CARE_WORKER, GlostrupMunicipality.FEATURED_FLEKSJOB)) {
        Citizen citizen = demo.citizens.get(id);
        demo.printSuggestions(citizen, engine.suggest(citizen, SUGGESTIONS));
      }
    }
  }

  // --- population ---------------------------------------------------------------------------

  private void printPopulation() {
    List<Citizen> all = municipality.citizens();
    out.printf(Locale.ROOT, "jobmatch demo: a Glostrup-like municipality on %s%n", GlostrupMunicipality.AS_OF);
    out.printf(Locale.ROOT, "%d citizens, %d job orders. Target groups (share here / Glostrup Q1 2022):%n",
        all.size(), municipality.orders().size());
    int total = GlostrupMunicipality.FULL_TIME_PERSONS_2022.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder line = new StringBuilder("  ");
    for (TargetGroup g : TargetGroup.values()) {
      long n = all.stream().filter(c -> c.targetGroup() == g).count();
      line.append(String.format(Locale.ROOT, "%s %d (%.1f%%/%.1f%%)  ", g, n, 100.0 * n / all.size(),
          100.0 * GlostrupMunicipality.FULL_TIME_PERSONS_2022.get(g) / total));
      if (line.length() > 80) {
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        line.append("  ");
      }
    }
    if (line.length() > 2) {
      out.println(line.toString().stripTrailing());
    }
    out.printf(Locale.ROOT, "  job-ready %d, searchable %d, fleksjob-approved %d, holding fortrinsadgang %d%n",
        all.stream().filter(Citizen::jobReady).count(),
        all.stream().filter(Citizen::searchable).count(),
        all.stream().filter(Citizen::fleksjobApproved).count(),
        all.stream().filter(c -> c.compensation().contains(dk.jobmatch.model.CompensationScheme.FORTRINSADGANG)).count());
    out.println();
  }

  // --- one order's shortlist ----------------------------------------------------------------

  private void printShortlist(JobOrder order, List<Match> matches) {
    out.println(RULE);
    out.printf(Locale.ROOT, "%s  %s%n", order.id(), order.title());
    out.printf(Locale.ROOT, "  %s%s · %s (%s) · %s · %s h/week%n",
        order.employer().name(), order.publicEmployer() ? " (public employer)" : "",
        occupationLabel(order), order.occupation(), order.employmentType().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        order.hoursPerWeek() == null ? "any" : order.hoursPerWeek().min() + "-" + order.hoursPerWeek().max());
    out.printf(Locale.ROOT, "  requires: %s%n", requirements(order));
    if (matches.isEmpty()) {
      out.println("  no candidate passes the hard gates");
      out.println();
      return;
    }
    for (int i = 0; i < matches.size(); i++) {
      Match m = matches.get(i);
      Citizen c = citizens.get(m.citizenId());
      String extra = i >= SHORTLIST ? "   (beyond the top " + SHORTLIST + ": fortrinsadgang must be invited)" : "";
      out.printf(Locale.ROOT, "  %d. %s  score %.3f  %s%s%n", i + 1, m.citizenId(), m.score(),
          flags(m.explanation()), extra);
      printExplanation(m.explanation());
      out.printf(Locale.ROOT, "     why: %s%n", reason(c, order, m.explanation()));
    }
    if (matches.size() < SHORTLIST) {
      out.printf(Locale.ROOT, "  only %d of %d citizens pass the hard gates (hours, commute, certificates, ...)%n",
          matches.size(), citizens.size());
    }
    out.println();
  }

  private void printSuggestions(Citizen citizen, List<Match> matches) {
    out.println(RULE);
    String goals = citizen.jobGoals().stream()
        .sorted(Comparator.comparingInt(JobGoal::priority))
        .map(g -> taxonomy.occupationLabel(g.occupation()).orElse(g.occupation().toString()))
        .collect(Collectors.joining(", "));
    out.printf(Locale.ROOT, "Best job orders for %s (job goals: %s%s)%n", citizen.id(), goals.isEmpty() ? "none" : goals,
        citizen.fleksjobApproved() ? "; fleksjob, " + citizen.fleksjob().maxHoursPerWeek() + " h/week approved" : "");
    if (matches.isEmpty()) {
      out.println("  no open job order passes the hard gates");
    }
    for (int i = 0; i < matches.size(); i++) {
      Match m = matches.get(i);
      JobOrder order = municipality.orders().stream().filter(o -> o.id().equals(m.orderId())).findFirst().orElseThrow();
      out.printf(Locale.ROOT, "  %d. %s  %s · %s  score %.3f  %s%n", i + 1, order.id(), order.title(),
          order.employer().name(), m.score(), flags(m.explanation()));
      printExplanation(m.explanation());
      out.printf(Locale.ROOT, "     why: %s%n", reason(citizen, order, m.explanation()));
    }
    out.println();
  }

  private void printExplanation(Explanation e) {
    StringBuilder sb = new StringBuilder("     ");
    for (Map.Entry<Component, ComponentScore> entry : e.components().entrySet()) {
      ComponentScore s = entry.getValue();
      sb.append(String.format(Locale.ROOT, "%s %.2f×%.2f=%.3f  ", entry.getKey().jsonName(), s.value(), s.weight(),
          s.contribution()));
    }
    out.println(sb.toString().stripTrailing());
    List<String> missing = new ArrayList<>();
    for (String id : e.missingSkills()) {
      missing.add(skillLabel(id) + (e.missingEssentialSkills().contains(id) ? " (essential: upskilling need)" : ""));
    }
    out.printf(Locale.ROOT, "     matched: %s | missing: %s%n", labels(e.matchedSkills()),
        missing.isEmpty() ? "none" : String.join(", ", missing));
  }

  // --- the one-line reason ------------------------------------------------------------------

  /**
   * Why, in words: the three largest contributions, then the rules and facts a caseworker must
   * act on (fortrinsadgang, fleksjob, upskilling).
   */
  private String reason(Citizen c, JobOrder order, Explanation e) {
    record Part(double weight, String text) {}
    List<Part> parts = new ArrayList<>();
    int required = e.matchedSkills().size() + e.missingSkills().size();
    if (required > 0 && !e.matchedSkills().isEmpty()) {
      parts.add(new Part(contribution(e, Component.SKILLS),
          "has " + e.matchedSkills().size() + " of " + required + " required skills"));
    }
    double occupation = e.value(Component.OCCUPATION);
    if (occupation > 0) {
      Optional<Experience> best = bestExperience(c, order);
      String text = best.map(x -> (sameUnitGroup(x.occupation(), order) ? "" : "related experience: ")
          + years(x.years()) + " as " + taxonomy.occupationLabel(x.occupation()).orElse(x.occupation().toString()))
          .orElse("related experience");
      parts.add(new Part(contribution(e, Component.OCCUPATION), text));
    }
    if (e.value(Component.GOAL) > 0) {
      boolean first = c.jobGoals().stream().anyMatch(g -> g.priority() == 1 && sameUnitGroup(g.occupation(), order));
      parts.add(new Part(contribution(e, Component.GOAL), first ? "it is the first job goal" : "matches a job goal"));
    }
    if (e.value(Component.EDUCATION) >= 0.999) {
      parts.add(new Part(contribution(e, Component.EDUCATION), "education level met"));
    }
    if (c.location() != null && order.workplace() != null) {
      parts.add(new Part(contribution(e, Component.DISTANCE),
          String.format(Locale.ROOT, "%.1f km from home", c.location().distanceKm(order.workplace()))));
    }
    parts.sort(Comparator.comparingDouble(Part::weight).reversed());
    List<String> words = new ArrayList<>();
    for (int i = 0; i < Math.min(3, parts.size()); i++) {
      words.add(parts.get(i).text());
    }
    if (e.has(Flag.UPSKILLING_CANDIDATE)) {
      words.add("one education level short: upskilling candidate");
    }
    if (!e.missingEssentialSkills().isEmpty()) {
      words.add("needs " + labels(e.missingEssentialSkills()));
    }
    if (e.has(Flag.FLEKSJOB_FIT)) {
      words.add("fleksjob fit (" + c.fleksjob().maxHoursPerWeek() + " h approved)");
    }
    if (e.has(Flag.FORTRINSADGANG)) {
      words.add("holds fortrinsadgang: the public employer must invite");
    }
    if (e.has(Flag.COMPENSATION_SCHEME)) {
      words.add("compensation scheme with a disability-friendly employer");
    }
    return String.join("; ", words);
  }

  private static double contribution(Explanation e, Component c) {
    ComponentScore s = e.components().get(c);
    return s == null ? 0 : s.contribution();
  }

  private Optional<Experience> bestExperience(Citizen c, JobOrder order) {
    // The experience sharing the longest code prefix with the order's occupation, then the longest.
    String target = digits(order.occupation());
    return c.experience().stream().max(Comparator
        .comparingInt((Experience x) -> commonPrefix(digits(x.occupation()), target))
        .thenComparingDouble(Experience::years));
  }

  private boolean sameUnitGroup(dk.jobmatch.model.OccupationRef ref, JobOrder order) {
    String a = digits(ref);
    String b = digits(order.occupation());
    return a.length() >= 4 && b.length() >= 4 && a.substring(0, 4).equals(b.substring(0, 4));
  }

  private String digits(dk.jobmatch.model.OccupationRef ref) {
    OccupationCode code = taxonomy.resolve(ref);
    return code.digits() == null ? "" : code.digits();
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  private static String years(double years) {
    String n = years == Math.rint(years) ? String.valueOf((long) years) : String.valueOf(years);
    return n + (years == 1 ? " year" : " years");
  }

  // --- labels -------------------------------------------------------------------------------

  private String requirements(JobOrder order) {
    List<RequiredSkill> skills = order.requiredSkills();
    boolean derived = skills.isEmpty();
    if (derived) {
      skills = taxonomy.skillsOf(order.occupation());
    }
    List<String> parts = new ArrayList<>();
    boolean anyEssential = skills.stream().anyMatch(RequiredSkill::essential);
    parts.add((skills.isEmpty() ? "no skills named"
        : skills.stream().map(s -> skillLabel(s.id()) + (s.essential() ? "*" : "")).collect(Collectors.joining(", ")))
        + (anyEssential ? " (*essential)" : "")
        + (derived && !skills.isEmpty() ? ", from the occupation's profile" : ""));
    if (order.minEducationLevel() != null) {
      parts.add("education level ≥ " + order.minEducationLevel());
    }
    if (!order.certificates().isEmpty()) {
      parts.add(String.join(", ", order.certificates().stream().sorted().toList()));
    }
    for (LanguageRequirement l : order.languages()) {
      parts.add(l.code() + " ≥ " + l.minLevel());
    }
    OccupationCode code = taxonomy.resolve(order.occupation());
    Optional<ShortageCategory> shortage = municipality.shortage().category(code, order.rarArea(), GlostrupMunicipality.AS_OF);
    shortage.filter(ShortageCategory::isShortage).ifPresent(s -> parts.add("shortage occupation (" + s + ")"));
    return String.join(" · ", parts);
  }

  private String occupationLabel(JobOrder order) {
    return taxonomy.occupationLabel(order.occupation()).orElse(order.occupation().toString());
  }

  private String skillLabel(String id) {
    return taxonomy.skillLabel(id).orElse(id);
  }

  private String labels(List<String> skillIds) {
    return skillIds.isEmpty() ? "none" : skillIds.stream().map(this::skillLabel).collect(Collectors.joining(", "));
  }

  private static String flags(Explanation e) {
    return e.flags().isEmpty() ? "" : e.flags().stream().map(Flag::name).collect(Collectors.joining(" "));
  }
}
