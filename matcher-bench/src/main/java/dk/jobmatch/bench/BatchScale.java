package dk.jobmatch.bench;

import dk.jobmatch.batch.Algorithm;
import dk.jobmatch.batch.BatchListener;
import dk.jobmatch.batch.BatchMatcher;
import dk.jobmatch.batch.BatchOptions;
import dk.jobmatch.batch.BatchResult;
import dk.jobmatch.batch.Shortlist;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.report.BatchReport;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measurement behind the batch numbers in the README: a generated population
 * (matcher-bench's PopulationGenerator), the batch through the engine, and every baseline.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Xmx6g BatchScale CITIZENS ORDERS [ESCO_DIR]}
 */
public final class BatchScale {
  private BatchScale() {}

  public static void main(String[] a) throws Exception {
    int nc = Integer.parseInt(a[0]);
    int no = Integer.parseInt(a[1]);
    Path esco = Path.of(a.length > 2 ? a[2] : "../shared/data/esco-v1.1.1");
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t0 = System.nanoTime();
    PopulationGenerator gen = PopulationGenerator.builder(20261102L).escoIfPresent(esco).build();
    List<Citizen> citizens = gen.citizens(nc);
    List<JobOrder> orders = gen.orders(no);
    long t1 = System.nanoTime();
    System.out.printf("source=%s, generated in %.1f s%n", gen.source(), (t1 - t0) / 1e9);
    try (MatchEngine engine = MatchEngine.builder().shortage(gen.shortage()).asOf(gen.asOf()).build()) {
      engine.upsertAll(citizens);
      engine.refresh();
      long t2 = System.nanoTime();
      System.out.printf("indexed %d citizens in %.1f s%n", nc, (t2 - t1) / 1e9);
      BatchOptions opts = BatchOptions.builder().parallelism(2).build();
      BatchResult r = null;
      for (int rep = 0; rep < 2; rep++) {
        long s = System.nanoTime();
        long cpu0 = os.getProcessCpuTime();
        r = new BatchMatcher(opts).run(engine, orders);
        long e = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        System.out.printf("run %d: wall %.2f s (ranking %.2f s, allocation %.3f s), process CPU %.2f s, load average %.1f%n",
            rep, (e - s) / 1e9, r.rankingTime().toMillis() / 1e3, r.allocationTime().toMillis() / 1e3,
            (cpu1 - cpu0) / 1e9, os.getSystemLoadAverage());
      }
      Set<String> pool = new HashSet<>();
      citizens.stream().filter(Citizen::searchable).forEach(c -> pool.add(c.id()));
      long shortage = r.shortlists().stream().filter(Shortlist::shortage).count();
      long withCandidate = r.shortlists().stream().filter(s -> !s.candidates().isEmpty()).count();
      System.out.printf("orders %d (shortage %d, with a qualified candidate %d), places requested %d, pool %d%n",
          no, shortage, withCandidate, r.placesRequested(), pool.size());
      System.out.println("| shortlists | orders with >= 1 | shortage orders with >= 1 | places | total fit | Gini (pool) | Gini (proposed) | max | citizens proposed |");
      BatchResult indep = new BatchMatcher(opts.withAlgorithm(Algorithm.INDEPENDENT_TOP_K)).reallocate(r, BatchListener.NONE);
      row("independent top-k (no cap)", lists(indep), r, pool);
      row("independent top-k, each citizen keeps 3 best", capped(indep, opts.perCitizen()), r, pool);
      row("greedy, C = 3", lists(new BatchMatcher(opts.withAlgorithm(Algorithm.GREEDY)).reallocate(r, BatchListener.NONE)), r, pool);
      row("min-cost flow, pure fit", lists(new BatchMatcher(opts.toBuilder().shortageBonus(0).coverageBonus(0).build()).reallocate(r, BatchListener.NONE)), r, pool);
      row("min-cost flow, defaults", lists(r), r, pool);
      for (double lambda : new double[] {0.05, 0.1, 0.2}) {
        long cpu0 = os.getProcessCpuTime();
        BatchResult sp = new BatchMatcher(opts.toBuilder().spreadPenalty(lambda).build()).reallocate(r, BatchListener.NONE);
        long cpu1 = os.getProcessCpuTime();
        row("min-cost flow, spread " + lambda + " (alloc " + String.format("%.2f", (cpu1 - cpu0) / 1e9) + " s CPU)", lists(sp), r, pool);
      }
      BatchReport rep = BatchReport.of(r, engine, citizens);
      System.out.println("report gini " + rep.congestion().before().gini() + " -> " + rep.congestion().after().gini()
          + ", over cap by fortrinsadgang " + rep.summary().citizensOverCap() + ", fortrinsadgang places "
          + rep.summary().fortrinsadgangPlaces());
      System.out.println("shortage gaps " + rep.shortageGaps().size() + ", upskilling pairs " + rep.upskilling().nearMissPairs()
          + ", top skill pairs " + rep.upskilling().skills().stream().limit(5).map(s -> s.pairs()).toList());
    }
  }

  /** Each order's chosen matches. */
  static Map<String, List<Match>> lists(BatchResult r) {
    Map<String, List<Match>> out = new HashMap<>();
    r.shortlists().forEach(s -> out.put(s.order().id(), s.matches()));
    return out;
  }

  /** Independent top-k, then every citizen keeps only their C best proposals (fortrinsadgang seats always). */
  static Map<String, List<Match>> capped(BatchResult indep, int c) {
    Map<String, List<Match>> byCitizen = new HashMap<>();
    indep.shortlists().forEach(s -> s.matches().forEach(m -> byCitizen.computeIfAbsent(m.citizenId(), k -> new ArrayList<>()).add(m)));
    Map<String, List<Match>> out = new HashMap<>();
    indep.shortlists().forEach(s -> out.put(s.order().id(), new ArrayList<>()));
    for (List<Match> ms : byCitizen.values()) {
      ms.sort(Match.BY_SCORE_THEN_ORDER);
      for (int i = 0; i < ms.size(); i++) {
        if (i < c || ms.get(i).has(Flag.FORTRINSADGANG)) {
          out.get(ms.get(i).orderId()).add(ms.get(i));
        }
      }
    }
    return out;
  }

  static void row(String name, Map<String, List<Match>> lists, BatchResult any, Set<String> pool) {
    int covered = 0;
    int shortageCovered = 0;
    int places = 0;
    double fit = 0;
    Map<String, Integer> per = new HashMap<>();
    for (Shortlist s : any.shortlists()) {
      List<Match> ms = lists.get(s.order().id());
      if (!ms.isEmpty()) {
        covered++;
        if (s.shortage()) {
          shortageCovered++;
        }
      }
      places += ms.size();
      for (Match m : ms) {
        fit += m.score();
        per.merge(m.citizenId(), 1, Integer::sum);
      }
    }
    int[] all = pool.stream().mapToInt(id -> per.getOrDefault(id, 0)).sorted().toArray();
    int[] proposed = Arrays.stream(all).filter(x -> x > 0).toArray();
    System.out.printf("| %s | %,d (%.1f %%) | %,d | %,d | %,.0f | %.3f | %.3f | %d | %,d |%n", name, covered,
        100.0 * covered / any.shortlists().size(), shortageCovered, places, fit, gini(all), gini(proposed),
        Arrays.stream(all).max().orElse(0), proposed.length);
  }

  static double gini(int[] sorted) {
    int n = sorted.length;
    double sum = 0;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      sum += sorted[i];
      weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    return n == 0 || sum == 0 ? 0 : weighted / (n * sum);
  }
}
