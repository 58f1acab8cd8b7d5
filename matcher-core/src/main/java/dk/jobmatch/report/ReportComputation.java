package dk.jobmatch.report;

import dk.jobmatch.batch.BatchResult;
import dk.jobmatch.batch.Shortlist;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.report.BatchReport.Bin;
import dk.jobmatch.report.BatchReport.Congestion;
import dk.jobmatch.report.BatchReport.Coverage;
import dk.jobmatch.report.BatchReport.CoverageRow;
import dk.jobmatch.report.BatchReport.Distribution;
import dk.jobmatch.report.BatchReport.Exposure;
import dk.jobmatch.report.BatchReport.GroupExposure;
import dk.jobmatch.report.BatchReport.ShortageGap;
import dk.jobmatch.report.BatchReport.SkillNeed;
import dk.jobmatch.report.BatchReport.Summary;
import dk.jobmatch.report.BatchReport.Upskilling;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Computes a {@link BatchReport}; one instance per report, not thread-safe. */
final class ReportComputation {
  /** Histogram bins: exact counts up to 5, then widening ranges. */
  private static final int[][] BINS = {
    {0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 10}, {11, 20}, {21, 50}, {51, 100}, {101, -1}
  };

  private final BatchReport.Builder in;
  private final BatchResult result;
  private final Taxonomy taxonomy;
  private final Map<JobOrder, String> occupationKeys = new HashMap<>();
  private final Map<String, String> occupationLabels = new HashMap<>();

  ReportComputation(BatchReport.Builder in) {
    this.in = in;
    this.result = in.result;
    this.taxonomy = in.taxonomy;
  }

  BatchReport compute() {
    for (Shortlist s : result.shortlists()) {
      occupationKey(s.order());
    }
    // The pool: searchable citizens of the population, plus anyone in a candidate list (the
    // engine returns only searchable citizens, so normally these are already in it).
    Map<String, Citizen> attributes = new HashMap<>();
    Set<String> pool = new HashSet<>();
    if (in.population != null) {
      for (Citizen c : in.population) {
        if (c.searchable()) {
          pool.add(c.id());
          attributes.put(c.id(), c);
        }
      }
    }
    Set<String> withCandidacy = new HashSet<>();
    Map<String, Integer> before = new HashMap<>();
    Map<String, Integer> after = new HashMap<>();
    for (Shortlist s : result.shortlists()) {
      for (Match m : s.candidates()) {
        withCandidacy.add(m.citizenId());
      }
      for (Match m : s.independentTopK()) {
        before.merge(m.citizenId(), 1, Integer::sum);
      }
      for (Match m : s.matches()) {
        after.merge(m.citizenId(), 1, Integer::sum);
      }
    }
    pool.addAll(withCandidacy);
    for (String id : withCandidacy) {
      if (!attributes.containsKey(id)) {
        in.citizens.apply(id).ifPresent(c -> attributes.put(id, c));
      }
    }

    Summary summary = new Summary(
        in.policy,
        result.options().algorithm().name(),
        result.options().perCitizen(),
        result.shortlists().size(),
        result.placesRequested(),
        result.placesFilled(),
        result.shortlists().stream().mapToInt(Shortlist::fortrinsadgangSeats).sum(),
        (int) after.values().stream().filter(x -> x > result.options().perCitizen()).count(),
        pool.size(),
        withCandidacy.size(),
        round(result.totalFit()),
        round(result.objective()),
        result.rankingTime().toMillis(),
        result.allocationTime().toMillis(),
        result.closedOrders().size());
    Congestion congestion = new Congestion(distribution(pool, before), distribution(pool, after));
    Exposure exposure = exposure(pool, withCandidacy, attributes, before, after);
    return new BatchReport(summary, coverage(), congestion, shortageGaps(), upskilling(), exposure);
  }

  // ---- occupations ----

  /** The ISCO unit group where the taxonomy places the order, else the code as written. */
  private String occupationKey(JobOrder order) {
    return occupationKeys.computeIfAbsent(order, o -> {
      OccupationRef ref = o.occupation();
      OccupationCode code = taxonomy.resolve(ref);
      String key;
      Optional<String> label;
      if (code.unitGroup() != null) {
        key = "isco:" + code.unitGroup();
        label = taxonomy.occupationLabel(OccupationRef.isco(code.unitGroup()));
      } else {
        key = code.digits() != null ? ref.toString() : code.escoUri();
        label = Optional.empty();
      }
      if (label.isEmpty()) {
        label = taxonomy.occupationLabel(ref);
      }
      label.ifPresent(l -> occupationLabels.putIfAbsent(key, l));
      return key;
    });
  }

  private static String category(Shortlist s) {
    if (s.shortageCategory() != null) {
      return s.shortageCategory().name();
    }
    return s.shortage() ? "SHORTAGE" : "UNKNOWN";
  }

  // ---- coverage ----

  private static final class Counts {
    final String key;
    String label;
    String category;
    int orders;
    int requested;
    int filled;
    int withoutQualified;
    int fewerQualified;
    int emptyAfter;
    int fewerAfter;

    Counts(String key) {
      this.key = key;
    }

    void add(Shortlist s) {
      orders++;
      requested += s.requested();
      filled += s.filled();
      int q = s.candidates().size();
      if (q == 0) {
        withoutQualified++;
      } else if (q < s.requested()) {
        fewerQualified++;
      }
      if (s.filled() == 0) {
        emptyAfter++;
      } else if (s.filled() < s.requested()) {
        fewerAfter++;
      }
    }

    CoverageRow row() {
      return new CoverageRow(key, label, category, orders, requested, filled, withoutQualified, fewerQualified,
          emptyAfter, fewerAfter);
    }
  }

  private Coverage coverage() {
    Counts all = new Counts("ALL");
    Map<String, Counts> byOccupation = new HashMap<>();
    Map<String, Counts> byCategory = new TreeMap<>();
    int coveredBefore = 0;
    for (Shortlist s : result.shortlists()) {
      all.add(s);
      String key = occupationKey(s.order());
      Counts occ = byOccupation.computeIfAbsent(key, k -> {
        Counts c = new Counts(k);
        c.label = occupationLabels.get(k);
        c.category = s.shortageCategory() != null ? s.shortageCategory().name() : (s.shortage() ? "SHORTAGE" : null);
        return c;
      });
      occ.add(s);
      byCategory.computeIfAbsent(category(s), Counts::new).add(s);
      if (!s.independentTopK().isEmpty()) {
        coveredBefore++;
      }
    }
    List<CoverageRow> occRows = byOccupation.values().stream()
        .sorted(Comparator.comparingInt((Counts c) -> -c.orders).thenComparing(c -> c.key))
        .map(Counts::row)
        .toList();
    List<CoverageRow> catRows = byCategory.values().stream().map(Counts::row).toList();
    return new Coverage(all.orders, all.withoutQualified, all.fewerQualified, coveredBefore,
        all.orders - all.emptyAfter, all.emptyAfter, all.fewerAfter, occRows, catRows);
  }

  // ---- congestion ----

  static Distribution distribution(Set<String> pool, Map<String, Integer> proposals) {
    int[] counts = new int[pool.size()];
    int i = 0;
    long total = 0;
    int max = 0;
    int proposed = 0;
    int[] bins = new int[BINS.length];
    for (String id : pool) {
      int x = proposals.getOrDefault(id, 0);
      counts[i++] = x;
      total += x;
      max = Math.max(max, x);
      if (x > 0) {
        proposed++;
      }
      bins[bin(x)]++;
    }
    Arrays.sort(counts);
    double gini = gini(counts, 0, counts.length);
    double giniProposed = gini(counts, counts.length - proposed, counts.length);
    List<Bin> hist = new ArrayList<>(BINS.length);
    for (int b = 0; b < BINS.length; b++) {
      int from = BINS[b][0];
      int to = BINS[b][1];
      String label = to < 0 ? from + "+" : from == to ? Integer.toString(from) : from + "-" + to;
      hist.add(new Bin(label, from, to, bins[b]));
    }
    double mean = counts.length == 0 ? 0 : (double) total / counts.length;
    return new Distribution(counts.length, proposed, total, max, round(mean), round(gini), round(giniProposed), hist);
  }

  private static int bin(int x) {
    for (int b = 0; b < BINS.length; b++) {
      if (x >= BINS[b][0] && (BINS[b][1] < 0 || x <= BINS[b][1])) {
        return b;
      }
    }
    throw new AssertionError(x);
  }

  /**
   * The Gini coefficient of {@code sorted[from, to)}, which must be ascending: {@code Σ (2i − n −
   * 1) xᵢ / (n Σ xᵢ)} with i from 1; 0 for an empty or all-zero range.
   */
  static double gini(int[] sorted, int from, int to) {
    int n = to - from;
    long sum = 0;
    double weighted = 0;
    for (int i = from; i < to; i++) {
      int rank = i - from + 1;
      sum += sorted[i];
      weighted += (2.0 * rank - n - 1) * sorted[i];
    }
    return n == 0 || sum == 0 ? 0 : weighted / ((double) n * sum);
  }

  // ---- shortage gaps ----

  private List<ShortageGap> shortageGaps() {
    Map<String, List<Shortlist>> byOccupation = new TreeMap<>();
    for (Shortlist s : result.shortlists()) {
      if (s.shortage()) {
        byOccupation.computeIfAbsent(occupationKey(s.order()), k -> new ArrayList<>()).add(s);
      }
    }
    List<ShortageGap> out = new ArrayList<>();
    for (Map.Entry<String, List<Shortlist>> e : byOccupation.entrySet()) {
      int positions = 0;
      int requested = 0;
      int filled = 0;
      int unfillable = 0;
      int shortAfter = 0;
      int emptyAfter = 0;
      Set<String> qualified = new HashSet<>();
      for (Shortlist s : e.getValue()) {
        int pos = s.order().positions();
        positions += pos;
        requested += s.requested();
        filled += s.filled();
        s.candidates().forEach(m -> qualified.add(m.citizenId()));
        if (s.candidates().size() < pos) {
          unfillable++;
        }
        if (s.filled() < pos) {
          shortAfter++;
        }
        if (s.filled() == 0) {
          emptyAfter++;
        }
      }
      if (unfillable > 0 || shortAfter > 0) {
        out.add(new ShortageGap(e.getKey(), occupationLabels.get(e.getKey()), category(e.getValue().get(0)),
            e.getValue().size(), positions, requested, filled, qualified.size(), unfillable, shortAfter, emptyAfter));
      }
    }
    out.sort(Comparator.comparingInt((ShortageGap g) -> -g.ordersUnfillable())
        .thenComparingInt(g -> -g.ordersShortAfter())
        .thenComparingInt(g -> -g.ordersEmptyAfter())
        .thenComparing(ShortageGap::occupation));
    return out;
  }

  // ---- upskilling ----

  private static final class Need {
    final String skill;
    int pairs;
    final Set<String> citizens = new HashSet<>();
    final Set<String> orders = new HashSet<>();
    final Map<String, Integer> occupations = new HashMap<>();

    Need(String skill) {
      this.skill = skill;
    }
  }

  private Upskilling upskilling() {
    int shortageOrders = 0;
    int pairs = 0;
    int educationShort = 0;
    Set<String> citizens = new HashSet<>();
    Map<String, Need> needs = new HashMap<>();
    for (Shortlist s : result.shortlists()) {
      if (!s.shortage()) {
        continue;
      }
      shortageOrders++;
      String occupation = occupationKey(s.order());
      for (Match m : s.candidates()) {
        List<String> missing = m.explanation().missingEssentialSkills();
        boolean educationOneShort = m.has(Flag.UPSKILLING_CANDIDATE);
        if (missing.size() > in.maxMissingEssential || (missing.isEmpty() && !educationOneShort)) {
          continue;
        }
        pairs++;
        citizens.add(m.citizenId());
        if (educationOneShort) {
          educationShort++;
        }
        for (String skill : missing) {
          Need n = needs.computeIfAbsent(skill, Need::new);
          n.pairs++;
          n.citizens.add(m.citizenId());
          n.orders.add(s.order().id());
          n.occupations.merge(occupation, 1, Integer::sum);
        }
      }
    }
    List<SkillNeed> top = needs.values().stream()
        .sorted(Comparator.comparingInt((Need n) -> -n.pairs)
            .thenComparingInt(n -> -n.citizens.size())
            .thenComparing(n -> n.skill))
        .limit(in.topSkills)
        .map(n -> new SkillNeed(n.skill, taxonomy.skillLabel(n.skill).orElse(null), n.pairs, n.citizens.size(),
            n.orders.size(), topKeys(n.occupations, 5)))
        .toList();
    return new Upskilling(shortageOrders, in.maxMissingEssential, pairs, citizens.size(), educationShort, top);
  }

  private static List<String> topKeys(Map<String, Integer> counts, int limit) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  // ---- exposure ----

  private static final class Group {
    int pool;
    int candidates;
    int before;
    int after;
  }

  private Exposure exposure(Set<String> pool, Set<String> withCandidacy, Map<String, Citizen> attributes,
      Map<String, Integer> before, Map<String, Integer> after) {
    Map<String, Group> byTarget = new LinkedHashMap<>();
    for (TargetGroup g : TargetGroup.values()) {
      byTarget.put(g.name(), new Group());
    }
    byTarget.put("UNKNOWN", new Group());
    Map<String, Group> byScheme = new LinkedHashMap<>();
    for (CompensationScheme s : CompensationScheme.values()) {
      byScheme.put(s.name(), new Group());
    }
    byScheme.put("NONE", new Group());
    int candidatesTotal = 0;
    long beforeTotal = 0;
    long afterTotal = 0;
    for (String id : pool) {
      Citizen c = attributes.get(id);
      List<Group> groups = new ArrayList<>(4);
      groups.add(byTarget.get(c == null || c.targetGroup() == null ? "UNKNOWN" : c.targetGroup().name()));
      if (c == null || c.compensation().isEmpty()) {
        groups.add(byScheme.get("NONE"));
      } else {
        for (CompensationScheme s : c.compensation()) {
          groups.add(byScheme.get(s.name()));
        }
      }
      boolean cand = withCandidacy.contains(id);
      int b = before.getOrDefault(id, 0);
      int a = after.getOrDefault(id, 0);
      candidatesTotal += cand ? 1 : 0;
      beforeTotal += b;
      afterTotal += a;
      for (Group g : groups) {
        g.pool++;
        g.candidates += cand ? 1 : 0;
        g.before += b;
        g.after += a;
      }
    }
    return new Exposure(rows(byTarget, pool.size(), candidatesTotal, beforeTotal, afterTotal),
        rows(byScheme, pool.size(), candidatesTotal, beforeTotal, afterTotal));
  }

  private static List<GroupExposure> rows(Map<String, Group> groups, int pool, int candidates, long before, long after) {
    List<GroupExposure> out = new ArrayList<>();
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      double poolShare = share(g.pool, pool);
      double placeShare = share(g.after, after);
      out.add(new GroupExposure(e.getKey(), g.pool, round(poolShare), g.candidates, round(share(g.candidates, candidates)),
          g.before, round(share(g.before, before)), g.after, round(placeShare),
          g.pool == 0 ? null : round(placeShare / poolShare)));
    }
    return out;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
