package dk.jobmatch.tuning;

import com.google.common.base.Preconditions;
import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.PopulationStats;
import dk.jobmatch.kernel.TopK;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What a change of policy does to the shortlists, before it is adopted: for each order, the top
 * k under policy A and under policy B, how much they overlap, which citizens a change would put
 * on the list (gained) and take off it (lost), and the same counted by target group.
 *
 * <p>Shortlists are the exact top k of the scoring formula over the given citizens (what {@link
 * dk.jobmatch.engine.MatchEngine#rank} returns, without the fortrinsadgang candidates a public
 * employer's list carries beyond k, which do not depend on the weights), ties broken by citizen
 * id.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyComparison {
  private final Taxonomy taxonomy;
  private final ShortageLookup shortage;
  private final LocalDate asOf;

  /**
   * A comparison that scores with this taxonomy and shortage look-up on the day {@code asOf}.
   *
   * @param taxonomy the taxonomy the engine uses
   * @param shortage the shortage look-up the engine uses
   * @param asOf the day to score on
   * @throws IllegalArgumentException if an argument is missing
   */
  public PolicyComparison(Taxonomy taxonomy, ShortageLookup shortage, LocalDate asOf) {
    this.taxonomy = Checks.required("taxonomy", taxonomy);
    this.shortage = Checks.required("shortage", shortage);
    this.asOf = Checks.required("asOf", asOf);
  }

  /**
   * The comparison.
   *
   * @param policyA the policy in use
   * @param policyB the policy proposed
   * @param overall totals over all orders
   * @param byTargetGroup shortlist places per target group under A and B, in {@link TargetGroup}
   *     order, then citizens without a target group ({@code targetGroup} null)
   * @param orders one entry per order, in input order
   * @param k the shortlist length compared
   */
  public record Result(String policyA, String policyB, int k, Overall overall, List<GroupChange> byTargetGroup,
      List<OrderChange> orders) {
    /** Copies the lists. */
    public Result {
      byTargetGroup = List.copyOf(byTargetGroup);
      orders = List.copyOf(orders);
    }
  }

  /**
   * Totals.
   *
   * @param orders orders compared
   * @param ordersUnchanged orders whose shortlist holds the same citizens under both policies
   * @param meanOverlap the mean over orders of {@link OrderChange#overlap()}
   * @param placesA shortlist places filled under A
   * @param placesB under B
   * @param gained places held under B by a citizen not on that order's list under A
   * @param lost places held under A by a citizen not on that order's list under B
   * @param citizensA distinct citizens on at least one shortlist under A
   * @param citizensB under B
   */
  public record Overall(int orders, int ordersUnchanged, double meanOverlap, int placesA, int placesB, int gained, int lost,
      int citizensA, int citizensB) {}

  /**
   * One order.
   *
   * @param order the order's id
   * @param shortlistA the citizens on the list under A, best first
   * @param shortlistB under B
   * @param overlap citizens on both lists divided by the longer list's length (1 when both are
   *     empty): overlap at k
   * @param gained on B's list, not A's, in B's order
   * @param lost on A's list, not B's, in A's order
   */
  public record OrderChange(String order, List<String> shortlistA, List<String> shortlistB, double overlap,
      List<String> gained, List<String> lost) {
    /** Copies the lists. */
    public OrderChange {
      shortlistA = List.copyOf(shortlistA);
      shortlistB = List.copyOf(shortlistB);
      gained = List.copyOf(gained);
      lost = List.copyOf(lost);
    }
  }

  /**
   * One target group.
   *
   * @param targetGroup the group, or null for citizens without one
   * @param placesA shortlist places its citizens hold under A
   * @param placesB under B
   * @param gained places its citizens gain
   * @param lost places its citizens lose
   * @param citizensA distinct citizens of the group on some list under A
   * @param citizensB under B
   */
  public record GroupChange(TargetGroup targetGroup, int placesA, int placesB, int gained, int lost, int citizensA,
      int citizensB) {}

  /**
   * Compares the shortlists of {@code orders} under two policies.
   *
   * @param citizens the citizens (a later record with the same id wins)
   * @param orders the orders, in the order to report them
   * @param a the policy in use
   * @param b the policy proposed
   * @param k the shortlist length (1–10,000)
   * @return the per-order and overall comparison of the two policies' shortlists
   * @throws IllegalArgumentException if {@code k} is out of range or an argument is missing
   */
  public Result compare(Collection<Citizen> citizens, List<JobOrder> orders, ScoringPolicy a, ScoringPolicy b, int k) {
    Checks.required("citizens", citizens);
    Checks.required("orders", orders);
    Checks.required("a", a);
    Checks.required("b", b);
    Preconditions.checkArgument(k >= 1 && k <= 10_000, "k: '%s' must be between 1 and 10000", k);
    Vocabularies v = Vocabularies.create();
    Map<String, Citizen> unique = new LinkedHashMap<>();
    for (Citizen c : citizens) {
      unique.put(c.id(), c);
    }
    List<CitizenFeatures> features = new ArrayList<>(unique.size());
    for (Citizen c : unique.values()) {
      features.add(CitizenFeatures.of(c, v, taxonomy::resolve));
    }
    PopulationStats stats = PopulationStats.of(features, v.skills().size());
    OrderChange[] changes = new OrderChange[orders.size()];
    IntStream.range(0, orders.size()).parallel().forEach(i -> {
      JobOrder o = orders.get(i);
      List<String> la = top(CompiledOrder.compile(o, taxonomy, shortage, a, asOf, v, stats), features, k);
      List<String> lb = top(CompiledOrder.compile(o, taxonomy, shortage, b, asOf, v, stats), features, k);
      Set<String> sa = new HashSet<>(la);
      Set<String> sb = new HashSet<>(lb);
      List<String> gained = lb.stream().filter(id -> !sa.contains(id)).toList();
      List<String> lost = la.stream().filter(id -> !sb.contains(id)).toList();
      int both = la.size() - lost.size();
      int longer = Math.max(la.size(), lb.size());
      changes[i] = new OrderChange(o.id(), la, lb, longer == 0 ? 1 : (double) both / longer, gained, lost);
    });

    Map<TargetGroup, int[]> groups = new LinkedHashMap<>();
    for (TargetGroup g : TargetGroup.values()) {
      groups.put(g, new int[4]);
    }
    int[] none = new int[4];
    Map<TargetGroup, Set<String>> groupCitizensA = new HashMap<>();
    Map<TargetGroup, Set<String>> groupCitizensB = new HashMap<>();
    Set<String> allA = new HashSet<>();
    Set<String> allB = new HashSet<>();
    int placesA = 0;
    int placesB = 0;
    int gained = 0;
    int lost = 0;
    int unchanged = 0;
    double overlap = 0;
    for (OrderChange c : changes) {
      placesA += c.shortlistA().size();
      placesB += c.shortlistB().size();
      gained += c.gained().size();
      lost += c.lost().size();
      unchanged += c.gained().isEmpty() && c.lost().isEmpty() ? 1 : 0;
      overlap += c.overlap();
      allA.addAll(c.shortlistA());
      allB.addAll(c.shortlistB());
      count(c.shortlistA(), 0, unique, groups, none, groupCitizensA);
      count(c.shortlistB(), 1, unique, groups, none, groupCitizensB);
      count(c.gained(), 2, unique, groups, none, null);
      count(c.lost(), 3, unique, groups, none, null);
    }
    List<GroupChange> byGroup = new ArrayList<>();
    for (Map.Entry<TargetGroup, int[]> e : groups.entrySet()) {
      int[] n = e.getValue();
      byGroup.add(new GroupChange(e.getKey(), n[0], n[1], n[2], n[3], groupCitizensA.getOrDefault(e.getKey(), Set.of()).size(),
          groupCitizensB.getOrDefault(e.getKey(), Set.of()).size()));
    }
    byGroup.add(new GroupChange(null, none[0], none[1], none[2], none[3], groupCitizensA.getOrDefault(null, Set.of()).size(),
        groupCitizensB.getOrDefault(null, Set.of()).size()));
    Overall overall = new Overall(changes.length, unchanged, changes.length == 0 ? 1 : overlap / changes.length, placesA,
        placesB, gained, lost, allA.size(), allB.size());
    return new Result(a.label(), b.label(), k, overall, byGroup, List.of(changes));
  }

  private static void count(List<String> ids, int slot, Map<String, Citizen> citizens, Map<TargetGroup, int[]> groups,
      int[] none, Map<TargetGroup, Set<String>> distinct) {
    for (String id : ids) {
      TargetGroup g = citizens.get(id).targetGroup();
      (g == null ? none : groups.get(g))[slot]++;
      if (distinct != null) {
        distinct.computeIfAbsent(g, x -> new HashSet<>()).add(id);
      }
    }
  }

  /** The top k citizen ids, best first, ties by id; citizens failing a gate or scoring 0 are left out. */
  private static List<String> top(CompiledOrder o, List<CitizenFeatures> features, int k) {
    List<String> ids = new ArrayList<>(k);
    for (var e : TopK.of(o, features, k)) {
      ids.add(e.id());
    }
    return ids;
  }
}
