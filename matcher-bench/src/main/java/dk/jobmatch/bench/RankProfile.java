package dk.jobmatch.bench;

import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.engine.BenchAccess;
import dk.jobmatch.index.RetrievalSettings;
import dk.jobmatch.index.SearchStats;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.util.Arrays;
import java.util.List;

/**
 * An ad-hoc profile of the engine's retrieval (not a JMH benchmark): builds an engine of
 * {@code size} citizens, ranks the 128 query orders several rounds, and prints per order the
 * time and what the search did (citizens touched by a term, scored exactly, attempts, whether
 * the untouched citizens were scanned). For finding where time goes; the numbers to quote come
 * from {@link RankBenchmark}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dk.jobmatch.bench.RankProfile SIZE TAXONOMY [ROUNDS]}.
 */
public final class RankProfile {
  private RankProfile() {}

  /** Runs the profile. */
  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args[0]);
    String taxonomy = args.length > 1 ? args[1] : "none";
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<Citizen> population = BenchData.generator().citizens(size);
    JobOrder[] orders = BenchData.queryOrders();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    String[] configs = args.length > 4 ? Arrays.copyOfRange(args, 4, args.length) : new String[] {"32:0.15"};
    for (String config : configs) {
      String[] kv = config.split(":");
      // Per-engine settings; the listener keeps what the last search on this thread did.
      SearchStats[] last = new SearchStats[1];
      RetrievalSettings settings = RetrievalSettings.DEFAULTS
          .withTuning(Integer.parseInt(kv[0]), Double.parseDouble(kv[1])).withListener(s -> last[0] = s);
      if (kv.length > 2) {
        settings = settings.withMinPopulationForCells(Integer.parseInt(kv[2]));
      }
      try (MatchEngine engine = BenchAccess.retrieval(BenchData.engineBuilder(taxonomy), settings).build()) {
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      engine.upsertAll(population);
      System.out.printf("build: %.1f s wall (%.0f citizens/s), %.1f s process CPU (%.0f citizens per CPU-second)%n",
          (System.nanoTime() - t0) / 1e9, size / ((System.nanoTime() - t0) / 1e9), (os.getProcessCpuTime() - c0) / 1e9,
          size / ((os.getProcessCpuTime() - c0) / 1e9));
      System.out.println("config dense=1/" + kv[0] + " maxSlack=" + kv[1] + " minPopulationForCells="
          + settings.minPopulationForCells());
      long[][] times = new long[orders.length][rounds];
      long[] ph = new long[SearchStats.PHASES];
      long[] rankNanos = {0};
      SearchStats[] stats = new SearchStats[orders.length];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < orders.length; i++) {
          long t = threads.getCurrentThreadCpuTime();
          long w = System.nanoTime();
          engine.rank(orders[i], BenchData.TOP_K);
          rankNanos[0] += System.nanoTime() - w;
          times[i][r] = threads.getCurrentThreadCpuTime() - t;
          stats[i] = last[0];
          long[] n = stats[i].nanos();
          for (int p = 0; p < ph.length; p++) {
            ph[p] += n[p];
          }
        }
      }
      double calls = rounds * orders.length;
      double searched = 0;
      for (long p : ph) {
        searched += p;
      }
      System.out.printf("per ranking (wall, µs): compile %.0f, groups %.0f, plan %.0f, accumulate %.0f, evaluate %.0f,"
          + " assemble and explain %.0f%n", ph[SearchStats.COMPILE_PHASE] / calls / 1e3, ph[SearchStats.GROUPS_PHASE] / calls / 1e3,
          ph[SearchStats.PLAN_PHASE] / calls / 1e3, ph[SearchStats.ACCUMULATE_PHASE] / calls / 1e3,
          ph[SearchStats.EVALUATE_PHASE] / calls / 1e3, (rankNanos[0] - searched) / calls / 1e3);
      var prepared = BenchData.prepare(taxonomy, population.subList(0, Math.min(size, 20000)));
      for (int w = 0; w < 3; w++) {
        long c = threads.getCurrentThreadCpuTime();
        for (int r = 0; r < 20; r++) {
          for (JobOrder o : orders) {
            BenchData.compile(taxonomy, prepared, o);
          }
        }
        System.out.printf("compile: %.1f µs CPU per order%n", (threads.getCurrentThreadCpuTime() - c) / 1e3 / 20 / orders.length);
      }
      var f = prepared.features().subList(0, 2000);
      for (int w = 0; w < 3; w++) {
        long c = threads.getCurrentThreadCpuTime();
        int n = 0;
        for (JobOrder o : orders) {
          var co = BenchData.compile(taxonomy, prepared, o);
          for (var x : f) {
            if (dk.jobmatch.kernel.FeatureScorer.explain(co, x) != null) {
              n++;
            }
          }
        }
        long c2 = threads.getCurrentThreadCpuTime();
        for (JobOrder o : orders) {
          var co = BenchData.compile(taxonomy, prepared, o);
          var scratch = new dk.jobmatch.kernel.FeatureScorer.Scratch(co);
          for (var x : f) {
            dk.jobmatch.kernel.FeatureScorer.score(co, x, scratch);
          }
        }
        long c3 = threads.getCurrentThreadCpuTime();
        System.out.printf("explain: %.2f µs CPU per eligible pair (%d), score %.2f µs per pair%n", (c2 - c) / 1e3 / n, n,
            (c3 - c2) / 1e3 / (orders.length * f.size()));
      }
      double[] medians = new double[orders.length];
      long touched = 0;
      long scored = 0;
      int retries = 0;
      int scans = 0;
      for (int i = 0; i < orders.length; i++) {
        long[] t = times[i].clone();
        Arrays.sort(t);
        medians[i] = t[t.length / 2] / 1e6;
        touched += stats[i].touched();
        scored += stats[i].exactlyScored();
        retries += stats[i].attempts() > 1 ? 1 : 0;
        scans += stats[i].scannedUntouched() ? 1 : 0;
        if (args.length > 3 && args[3].equals("v")) {
          System.out.printf("%3d %7.3f ms touched=%d considered=%d scored=%d attempts=%d scan=%s skills=%d public=%s%n", i,
              medians[i], stats[i].touched(), stats[i].considered(), stats[i].exactlyScored(), stats[i].attempts(), stats[i].scannedUntouched(),
              orders[i].requiredSkills().size(), orders[i].publicEmployer());
        }
      }
      double[] all = medians.clone();
      Arrays.sort(all);
      long[] flat = Arrays.stream(times).flatMapToLong(Arrays::stream).sorted().toArray();
      System.out.printf("(thread CPU time per ranking) size=%d taxonomy=%s: median of per-order medians %.3f ms, overall p50 %.3f p90 %.3f p99 %.3f max %.3f ms;"
          + " mean touched %d, mean scored exactly %d, retries %d, scans %d%n", size, taxonomy, all[all.length / 2],
          flat[flat.length / 2] / 1e6, flat[(int) (flat.length * 0.9)] / 1e6, flat[(int) (flat.length * 0.99)] / 1e6,
          flat[flat.length - 1] / 1e6, touched / orders.length, scored / orders.length, retries, scans);
      }
    }
  }
}
