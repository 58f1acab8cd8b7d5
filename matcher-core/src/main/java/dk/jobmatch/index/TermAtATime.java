package dk.jobmatch.index;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.kernel.Scored;
import dk.jobmatch.kernel.Shortlists;
import dk.jobmatch.internal.Geo;
import dk.jobmatch.internal.Ranking;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Gate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One exact top-k search over the in-memory postings of a {@link CitizenIndex}, run under its
 * read lock.
 *
 * <ol>
 *   <li><b>Plan.</b> One group of terms per required skill (the skill and the skills crediting
 *       it, each with the bound {@link CompiledOrder#skillBound}), one for the occupation and one
 *       for the goals (hierarchy levels with {@link CompiledOrder#hierarchyBounds}). Within a
 *       group a citizen counts once, at its best term. Dense terms with small bounds may be left
 *       out; the largest bound left out of each group is then added to every citizen's bound
 *       (the slack).
 *   <li><b>Accumulate</b> term-at-a-time into float bounds (rounded up), compact and in the
 *       order the citizens were first touched, in work arrays from the index's pool.
 *   <li><b>Best bound first</b>: the touched citizens are bucketed by bound and checked from the
 *       highest bucket down, each chunk sorted, until a bound plus the order's largest non-term
 *       part can no longer clear the k-th exact score.
 *   <li><b>Prune</b>, each step an upper bound of the citizen's score: the bound plus the
 *       {@linkplain #cellBound cell code's bound} of the non-term part (flags, education level and
 *       the home's {@linkplain GeoCells map cell}, four bytes read); then from the packed record
 *       the flag and commute gates and the non-term part at a chord lower bound of the distance
 *       ({@link CompiledOrder#distanceValueBound}); only then the haversine distance, once, and
 *       the {@linkplain FeatureScorer#scorePassedCommute exact score}.
 *   <li>Citizens matching no term can reach at most slack + the order's largest non-term part.
 *       If the k-th score does not clear that, the search runs again without leaving terms out
 *       (if a slack was allowed), and failing that scans every untouched citizen of the open gate
 *       classes, first against its cell code.
 * </ol>
 *
 * <p>The result ({@link Retrieved}) is the reference scorer's top k with exact scores: a citizen
 * is skipped only when an upper bound of its score, derived from the kernel, falls below the k-th
 * exact score found (by more than the float rounding of the accumulation and the cell bound). Nothing is explained
 * here and no shortlist rule is applied: for a public employer the holders of fortrinsadgang
 * outside the top k who hold one of the order's terms and pass the flag and commute gates are
 * returned, and the kernel's {@link
 * dk.jobmatch.kernel.Shortlists shortlist assembler} decides who qualifies. Which terms the first
 * attempt may leave out is the engine's {@link RetrievalSettings}; what the search did comes back
 * in {@link SearchStats}.
 */
public final class TermAtATime {
  private final RetrievalSettings settings;
  /** Wall time per phase ({@link SearchStats#nanos}). */
  private final long[] phases = new long[SearchStats.PHASES];
  private final CitizenIndex index;
  private final CompiledOrder o;
  private final int k;
  private final int population;
  private final Scratch scratch;
  /** Flag gates by the citizen's six flag bits. */
  private final boolean[] flagOk = new boolean[64];
  /**
   * The gate classes ({@link CitizenIndex#gateClass}) in which some flag combination passes the
   * flag gates, ascending: the only postings the search reads.
   */
  private final int[] okClasses;
  private final double nonTermMax;
  /**
   * The per-search tables of {@link #cellBound}, kept in the pooled {@link Scratch} and valid
   * where their stamp equals this search's (no filling per search).
   */
  private final int stamp;
  /** Whether map cells bound the distance (else every cell takes the largest distance value). */
  private final boolean byCell;
  private final double[] workUnit;
  private final FeatureScorer.Scratch scoreScratch;
  private final Heap heap;
  private int exactlyScored;
  private int considered;
  private int touchedTotal;
  private int attempts;
  private boolean scanned;

  TermAtATime(CitizenIndex index, CompiledOrder o, int k, int population, RetrievalSettings settings,
      long compileNanos, Scratch scratch) {
    this.index = index;
    this.settings = settings;
    this.phases[SearchStats.COMPILE_PHASE] = compileNanos;
    this.o = o;
    this.k = k;
    this.population = population;
    this.scratch = scratch;
    boolean[] classOk = new boolean[Postings.CLASSES];
    int open = 0;
    for (int f = 0; f < 64; f++) {
      flagOk[f] = FeatureScorer.passesFlagGates(o, f);
      int c = CitizenIndex.gateClass(f);
      open += flagOk[f] && !classOk[c] ? 1 : 0;
      classOk[c] |= flagOk[f];
    }
    this.okClasses = new int[open];
    for (int c = 0, i = 0; c < classOk.length; c++) {
      if (classOk[c]) {
        okClasses[i++] = c;
      }
    }
    this.nonTermMax = o.nonTermUpperBound();
    this.stamp = scratch.nextSearch();
    this.byCell = population >= settings.minPopulationForCells();
    this.workUnit = o.workplaceUnitVector();
    this.scoreScratch = new FeatureScorer.Scratch(o);
    this.heap = new Heap((int) Math.max(1, Math.min(k, population)));
  }

  /** A plan: per group the kept terms with their float bounds (descending), and the slack left out. */
  private record Plan(Term[][] terms, float[][] bounds, double slack) {}

  /** A term's postings, the entries in the order's open gate classes, and its bound. */
  private record Term(Postings postings, int size, double bound) {}

  /**
   * Runs the search: the exact top k with their scores and, for a public employer, the
   * fortrinsadgang holders outside it who could qualify (the kernel's shortlist assembler decides).
   */
  Retrieved run() {
    if (population == 0) {
      return new Retrieved(o, List.of(), List.of(), stats());
    }
    long p0 = System.nanoTime();
    List<List<Term>> groups = groups();
    phases[SearchStats.GROUPS_PHASE] += System.nanoTime() - p0;
    boolean mayDrop = population >= settings.minPopulationToDrop();
    boolean done = false;
    while (!done) {
      long p1 = System.nanoTime();
      Plan plan = plan(groups, mayDrop);
      attempts++;
      long p2 = System.nanoTime();
      int touched = accumulate(plan);
      long p3 = System.nanoTime();
      touchedTotal = Math.max(touchedTotal, touched);
      // Float rounding: one addition per group, and the cell bound's (two roundings, one addition).
      double eps = (plan.terms().length + 3) * 1.2e-7 + 1e-9;
      evaluateTouched(plan, touched, eps);
      long p4 = System.nanoTime();
      phases[SearchStats.PLAN_PHASE] += p2 - p1;
      phases[SearchStats.ACCUMULATE_PHASE] += p3 - p2;
      phases[SearchStats.EVALUATE_PHASE] += p4 - p3;
      double untouchedMax = plan.slack() + nonTermMax;
      if (heap.full() && untouchedMax + eps < heap.threshold()) {
        done = true;
      } else if (plan.slack() > 0) {
        mayDrop = false;
      } else {
        scanUntouched(eps);
        done = true;
      }
      reset(touched);
    }
    List<CitizenFeatures> holders = o.publicEmployer ? fortrinsadgang() : List.of();
    return new Retrieved(o, heap.sorted(), holders, stats());
  }

  private SearchStats stats() {
    return new SearchStats(population, touchedTotal, considered, exactlyScored, attempts, scanned, phases);
  }

  /** The order's term groups with the kernel's bounds, terms absent from the index left out. */
  private List<List<Term>> groups() {
    List<List<Term>> out = new ArrayList<>();
    boolean byId = index.internsIn(o);
    for (int j = 0; j < o.requiredIds.length; j++) {
      List<Term> g = new ArrayList<>();
      int[] ids = o.expansionIds[j];
      for (int i = 0; i < ids.length; i++) {
        double b = o.skillBound(j, o.expansionCredits[j][i]);
        Postings p = index.skillPostings(byId ? ids[i] : index.skillId(o.skillNames.name(ids[i])));
        int size = p == null ? 0 : p.size(okClasses);
        if (b > 0 && size > 0) {
          g.add(new Term(p, size, b));
        }
      }
      add(out, g);
    }
    add(out, hierarchy(index.occupationPostings, o.hierarchyBounds(Component.OCCUPATION)));
    add(out, hierarchy(index.goalPostings, o.hierarchyBounds(Component.GOAL)));
    return out;
  }

  private List<Term> hierarchy(Map<String, Postings> postings, double[] bounds) {
    List<Term> g = new ArrayList<>();
    List<String> terms = CompiledOrder.hierarchyTerms(o.occupation);
    for (int i = 0; i < bounds.length; i++) {
      Postings p = postings.get(terms.get(i));
      int size = p == null ? 0 : p.size(okClasses);
      if (bounds[i] > 0 && size > 0) {
        g.add(new Term(p, size, bounds[i]));
      }
    }
    return g;
  }

  private static void add(List<List<Term>> out, List<Term> g) {
    if (!g.isEmpty()) {
      g.sort((a, b) -> Double.compare(b.bound(), a.bound()));
      out.add(g);
    }
  }

  /**
   * Leaves out, cheapest bound first, dense terms while the slack stays within the settings'
   * {@link RetrievalSettings#maxSlack() maxSlack};
   * a group's slack is the largest bound left out of it.
   */
  private Plan plan(List<List<Term>> groups, boolean mayDrop) {
    double[] groupSlack = new double[groups.size()];
    boolean[][] dropped = new boolean[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      dropped[g] = new boolean[groups.get(g).size()];
    }
    double slack = 0;
    if (mayDrop) {
      int dense = population / settings.denseDivisor();
      double budget = settings.maxSlack();
      List<int[]> candidates = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        for (int t = 0; t < groups.get(g).size(); t++) {
          if (groups.get(g).get(t).size() > dense) {
            candidates.add(new int[] {g, t});
          }
        }
      }
      candidates.sort((a, b) -> Double.compare(groups.get(a[0]).get(a[1]).bound(), groups.get(b[0]).get(b[1]).bound()));
      for (int[] c : candidates) {
        double b = groups.get(c[0]).get(c[1]).bound();
        double increase = Math.max(0, b - groupSlack[c[0]]);
        if (slack + increase > budget) {
          break;
        }
        slack += increase;
        groupSlack[c[0]] = Math.max(groupSlack[c[0]], b);
        dropped[c[0]][c[1]] = true;
      }
    }
    // A group's slack already stands for its terms with a bound no higher: they are left out too,
    // and a kept term adds only what it exceeds the slack by (the bound of a citizen is its
    // accumulated sum plus the whole slack; per group max(b, s) = (b − s) + s for b ≥ s).
    List<Term[]> keptTerms = new ArrayList<>();
    List<float[]> keptBounds = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      List<Term> terms = groups.get(g);
      List<Term> kept = new ArrayList<>();
      for (int t = 0; t < terms.size(); t++) {
        if (!dropped[g][t] && terms.get(t).bound() > groupSlack[g]) {
          kept.add(terms.get(t));
        }
      }
      if (kept.isEmpty()) {
        continue;
      }
      float[] bd = new float[kept.size()];
      for (int t = 0; t < bd.length; t++) {
        bd[t] = roundUp(kept.get(t).bound() - groupSlack[g]);
      }
      keptTerms.add(kept.toArray(new Term[0]));
      keptBounds.add(bd);
    }
    return new Plan(keptTerms.toArray(new Term[0][]), keptBounds.toArray(new float[0][]), slack);
  }

  private static float roundUp(double b) {
    float f = (float) b;
    return f < b ? Math.nextUp(f) : f;
  }

  /**
   * Accumulates the bounds; returns how many citizens were touched (listed in scratch.touched).
   * A citizen's bound lives at its position in the touched list ({@code scratch.accs}), its
   * ordinal's slot in {@code scratch.position} holding that position + 1: the bounds end up
   * compact and in touched order, so evaluating them reads no per-ordinal state again, and the
   * repeated additions go to a small array rather than the population-sized one. A group counts
   * once per citizen (its largest term, read first; a term's postings may also hold a citizen
   * twice until they are compacted): the group that last added to a position is kept beside it
   * ({@code scratch.lastGroup}), also compact.
   */
  private int accumulate(Plan plan) {
    int[] position = scratch.position;
    int[] touched = scratch.touched;
    float[] accs = scratch.accs;
    int[] lastGroup = scratch.lastGroup;
    int count = 0;
    for (int g = 0; g < plan.terms().length; g++) {
      Term[] kept = plan.terms()[g];
      float[] bd = plan.bounds()[g];
      for (int t = 0; t < kept.length; t++) {
        Postings postings = kept[t].postings();
        float b = bd[t];
        for (int c : okClasses) {
          int[] ords = postings.ords[c];
          int size = postings.sizes[c];
          for (int i = 0; i < size; i++) {
            int ord = ords[i];
            int at = position[ord];
            if (at == 0) {
              touched[count] = ord;
              accs[count] = b;
              lastGroup[count] = g;
              position[ord] = ++count;
            } else if (lastGroup[at - 1] != g) {
              lastGroup[at - 1] = g;
              accs[at - 1] += b;
            }
          }
        }
      }
    }
    return count;
  }

  /**
   * An upper bound, rounded up, of the non-term part of a citizen with this {@linkplain
   * CitizenIndex#cells cell code}: {@link CompiledOrder#nonTermBoundAt} at the citizen's flags
   * and education level with no distance, plus the distance weight times the {@linkplain
   * CompiledOrder#distanceValueBound distance value bound} of its map cell; far below 0 where the
   * flag gates fail, or where the commute gate fails for every home of the cell and every limit
   * of the citizen's commute class (the cell's lower bound of the distance, {@link
   * GeoCells#minKm}, exceeds the class's upper limit, so the kernel's rule, distance at most the
   * limit, cannot hold).
   */
  private float cellBound(int code) {
    Scratch t = scratch;
    int fe = code & ((1 << CitizenIndex.COMMUTE_SHIFT) - 1);
    float a;
    if (t.feStamp[fe] == stamp) {
      a = t.cellNonTerm[fe];
    } else {
      int flags = fe & 0x3F;
      a = flagOk[flags] ? roundUp(o.nonTermBoundAt(fe >>> 6, 0, flags)) : -1e6f;
      t.cellNonTerm[fe] = a;
      t.feStamp[fe] = stamp;
    }
    int cell = code >>> CitizenIndex.CELL_SHIFT;
    if (!cellMayCommute(code, cell)) {
      return -1e6f;
    }
    return a + t.cellDistance[cell];
  }

  /**
   * False when the commute gate fails for every home of the cell code's map cell and every limit
   * of its commute class: the cell's lower bound of the distance ({@link GeoCells#minKm}) exceeds
   * the class's upper limit, so the kernel's rule (distance at most the limit) cannot hold. Fills
   * the cell's entries of the tables on first use.
   */
  private boolean cellMayCommute(int code, int cell) {
    Scratch t = scratch;
    if (t.cellStamp[cell] != stamp) {
      double minKm = !byCell ? Double.NaN : Double.isNaN(o.workLat) ? 0 : GeoCells.minKm(cell, workUnit);
      t.cellDistance[cell] = roundUp(o.policy.weight(Component.DISTANCE) * o.distanceValueBound(minKm));
      t.cellCommuteClass[cell] = (byte) lowestCommuteClass(minKm);
      t.cellStamp[cell] = stamp;
    }
    return CitizenIndex.commuteClassOf(code) >= t.cellCommuteClass[cell];
  }

  /**
   * The lowest commute class whose upper limit is at least {@code minKm} (a lower bound of the
   * distance to every home of a cell) — the class of a citizen whose limit were {@code minKm}:
   * citizens of a lower class fail the commute gate there. 0 when the policy relaxes the gate or
   * the bound is unknown (NaN) or not positive.
   */
  private int lowestCommuteClass(double minKm) {
    return o.policy.relaxed(Gate.COMMUTE) || !(minKm > 0) ? 0 : CitizenIndex.commuteClass(minKm);
  }

  private void reset(int touched) {
    int[] position = scratch.position;
    int[] list = scratch.touched;
    for (int i = 0; i < touched; i++) {
      position[list[i]] = 0;
    }
  }

  /** Buckets of the bound histogram that orders the touched citizens for evaluation. */
  private static final int BUCKETS = 1024;

  /**
   * Checks the touched citizens best bound first, until a bound can no longer clear the k-th
   * score. The bounds are bucketed by value (a histogram over {@link #BUCKETS} equal ranges up
   * to the largest); chunks of the highest buckets not yet read, each a few times larger than
   * the last, are gathered in one pass over the touched list, sorted and checked in order. The
   * search stops at the first citizen whose bound plus the cut falls below the k-th score found:
   * every later one, in its chunk or in a lower bucket, has a bound no higher.
   */
  private void evaluateTouched(Plan plan, int touched, double eps) {
    double slack = plan.slack();
    int[] position = scratch.position;
    int[] list = scratch.touched;
    float[] accs = scratch.accs;
    // Citizens already in the heap (from an earlier attempt) are not offered twice.
    for (int i = 0; i < heap.size; i++) {
      int at = position[heap.ord[i]];
      if (at != 0) {
        accs[at - 1] = -1f;
      }
    }
    // No bound exceeds the float sum of each group's largest term bound (float addition is
    // monotone); a bound above it would still land in the top bucket, which has no upper limit.
    float max = 0;
    for (float[] bounds : plan.bounds()) {
      max += bounds[0];
    }
    if (!(max > 0)) {
      return;
    }
    double scale = (BUCKETS - 1) / (double) max;
    int[] count = scratch.buckets;
    Arrays.fill(count, 0);
    for (int i = 0; i < touched; i++) {
      float bound = accs[i];
      if (bound >= 0) {
        count[Math.min(BUCKETS - 1, (int) (bound * scale))]++;
      }
    }
    double cut = slack + nonTermMax + eps;
    int[] cells = index.cells;
    int chunk = Math.max(64, 2 * Math.min(k, 1 << 16));
    int hi = BUCKETS - 1;
    while (hi >= 0) {
      // Every bound in buckets 0..hi lies below (hi + 1) / scale; a relative margin covers rounding.
      double upper = hi == BUCKETS - 1 ? Double.POSITIVE_INFINITY : (hi + 1) / scale * (1 + 1e-9);
      if (heap.full() && upper + cut < heap.threshold()) {
        return;
      }
      int lo = hi;
      int size = count[hi];
      while (lo > 0 && size < chunk) {
        size += count[--lo];
      }
      if (size > 0) {
        long[] packed = scratch.chunk(size);
        int n = 0;
        for (int i = 0; i < touched; i++) {
          float bound = accs[i];
          if (bound >= 0) {
            int b = Math.min(BUCKETS - 1, (int) (bound * scale));
            if (b >= lo && b <= hi) {
              // Non-negative floats order like their bits.
              packed[n++] = ((long) Float.floatToRawIntBits(bound) << 32) | i;
            }
          }
        }
        Arrays.sort(packed, 0, n);
        for (int j = n - 1; j >= 0; j--) {
          int i = (int) packed[j];
          float acc = accs[i];
          if (heap.full()) {
            double threshold = heap.threshold();
            if (acc + cut < threshold) {
              return;
            }
            // The cell code's bound of the non-term part: four bytes read instead of a record.
            if (acc + slack + eps + cellBound(cells[list[i]]) < threshold) {
              continue;
            }
          }
          consider(list[i], acc, slack, eps);
        }
      }
      hi = lo - 1;
      chunk = (int) Math.min(1 << 24, 4L * chunk);
    }
  }

  /** Checks a citizen from cheap to exact; offers it to the heap if it can still enter. */
  private void consider(int ord, double acc, double slack, double eps) {
    considered++;
    double[] rec = index.records;
    int b = ord * CitizenIndex.RECORD;
    int meta = (int) rec[b + 3];
    int flags = meta & 0x3F;
    if (!flagOk[flags]) {
      return;
    }
    double base = acc + slack + eps;
    if (!passesCommute(rec, b)) {
      return;
    }
    if (heap.full() && base + o.nonTermBoundAt(meta >>> 8, o.distanceValueBound(chordKm(rec, b)), flags) < heap.threshold()) {
      return;
    }
    double distance = FeatureScorer.distanceValue(o, rec[b], rec[b + 1]);
    CitizenFeatures f = index.features[ord];
    if (f == null) {
      return;
    }
    exactlyScored++;
    double score = FeatureScorer.scorePassedCommute(o, f, scoreScratch, distance);
    if (score > 0) {
      heap.offer(ord, score, f);
    }
  }

  /**
   * A lower bound of the distance in km from the workplace to the home of the citizen whose
   * packed record starts at {@code rec[b]}, without trigonometry: the chord through the Earth
   * between the two points on the unit sphere never exceeds the great-circle arc, and a relative
   * margin of 1e-9 covers the rounding of both. NaN when either place is unknown.
   */
  private double chordKm(double[] rec, int b) {
    return Geo.chordKm(rec[b + 4], rec[b + 5], rec[b + 6], workUnit[0], workUnit[1], workUnit[2]) * (1 - 1e-9);
  }

  /** The kernel's commute gate for the citizen whose packed record starts at {@code rec[b]}. */
  private boolean passesCommute(double[] rec, int b) {
    return FeatureScorer.passesCommute(o, rec[b], rec[b + 1], rec[b + 2], rec[b + 4], rec[b + 5], rec[b + 6], rec[b + 7]);
  }

  /**
   * Every citizen no term touched (and not already in the heap), checked like the others: read
   * from the index's list of every citizen, in the open gate classes only, each once (the list may
   * hold stale or repeated entries until it is compacted), first against its cell code's bound.
   */
  private void scanUntouched(double eps) {
    scanned = true;
    int[] mark = scratch.mark;
    int[] position = scratch.position;
    int doneTag = scratch.nextTag();
    for (int i = 0; i < heap.size; i++) {
      mark[heap.ord[i]] = doneTag;
    }
    CitizenFeatures[] features = index.features;
    int[] cells = index.cells;
    Postings everyone = index.everyone;
    double cut = nonTermMax + eps;
    for (int c : okClasses) {
      int[] ords = everyone.ords[c];
      int size = everyone.sizes[c];
      for (int i = 0; i < size; i++) {
        int ord = ords[i];
        if (position[ord] != 0 || mark[ord] == doneTag || features[ord] == null) {
          continue;
        }
        mark[ord] = doneTag;
        if (heap.full()) {
          double threshold = heap.threshold();
          if (cut < threshold) {
            return;
          }
          if (cellBound(cells[ord]) + eps < threshold) {
            continue;
          }
        }
        consider(ord, 0, 0, eps);
      }
    }
  }

  /**
   * Every holder of fortrinsadgang not already in the top k, each once, who holds at least one of
   * the order's terms and passes the flag and commute gates. The others cannot qualify: the
   * assembler's rule ({@link FeatureScorer#qualifiesForFortrinsadgang}) requires every gate and
   * skill, occupation or goal credit above 0, and such credit comes only from a held skill that
   * credits a required one ({@link CompiledOrder#expansions}) or a shared hierarchy level ({@link
   * CompiledOrder#hierarchyTerms}) — the terms read here, all of them, whatever their bounds.
   * Read from the holder classes of those terms' postings only.
   */
  private List<CitizenFeatures> fortrinsadgang() {
    int[] mark = scratch.mark;
    int doneTag = scratch.nextTag();
    for (int i = 0; i < heap.size; i++) {
      mark[heap.ord[i]] = doneTag;
    }
    List<CitizenFeatures> out = new ArrayList<>();
    boolean byId = index.internsIn(o);
    for (int[] ids : o.expansionIds) {
      for (int id : ids) {
        holders(index.skillPostings(byId ? id : index.skillId(o.skillNames.name(id))), doneTag, out);
      }
    }
    for (String term : CompiledOrder.hierarchyTerms(o.occupation)) {
      holders(index.occupationPostings.get(term), doneTag, out);
      holders(index.goalPostings.get(term), doneTag, out);
    }
    return out;
  }

  private void holders(Postings p, int doneTag, List<CitizenFeatures> out) {
    if (p == null) {
      return;
    }
    int[] mark = scratch.mark;
    int[] cells = index.cells;
    double[] rec = index.records;
    for (int c : okClasses) {
      if ((c & CitizenIndex.HOLDER_CLASS_BIT) == 0) {
        continue;
      }
      int[] ords = p.ords[c];
      for (int i = 0; i < p.sizes[c]; i++) {
        int ord = ords[i];
        if (mark[ord] == doneTag) {
          continue;
        }
        mark[ord] = doneTag;
        // The cell code first (four bytes): flags, then the commute class against the map cell.
        int code = cells[ord];
        int flags = code & 0x3F;
        if ((flags & CitizenFeatures.FORTRINSADGANG) == 0 || !flagOk[flags]
            || !cellMayCommute(code, code >>> CitizenIndex.CELL_SHIFT)
            || !passesCommute(rec, ord * CitizenIndex.RECORD)) {
          continue;
        }
        CitizenFeatures f = index.features[ord];
        if (f != null) {
          out.add(f);
        }
      }
    }
  }

  /**
   * Work arrays of one search at a time (the index keeps a pool): per ordinal its position in the
   * touched list + 1 (0: untouched) and a tag for the passes that read each citizen once (the
   * scan of the untouched, the fortrinsadgang holders); the touched list and, parallel to it, the
   * bounds and the group that last added to each.
   */
  static final class Scratch {
    final int[] position;
    final int[] mark;
    final int[] touched;
    final float[] accs;
    final int[] lastGroup;
    /** The bound histogram of {@link TermAtATime#evaluateTouched}. */
    final int[] buckets = new int[BUCKETS];
    /**
     * The tables of {@link TermAtATime#cellBound}: per flags and education level (the low ten bits
     * of a cell code) the non-term bound without the distance part, rounded up, far below 0 where
     * the flag gates fail; per map cell the bound of the distance part, rounded up, and the lowest
     * commute class whose limit reaches the cell's nearest possible home. An entry is valid for
     * the search whose stamp it carries.
     */
    final float[] cellNonTerm = new float[1 << CitizenIndex.COMMUTE_SHIFT];
    final int[] feStamp = new int[1 << CitizenIndex.COMMUTE_SHIFT];
    final float[] cellDistance = new float[GeoCells.COUNT];
    final byte[] cellCommuteClass = new byte[GeoCells.COUNT];
    final int[] cellStamp = new int[GeoCells.COUNT];
    private long[] chunk = new long[256];
    private int tag;
    private int search;

    Scratch(int n) {
      this.position = new int[n];
      this.mark = new int[n];
      this.touched = new int[n];
      this.accs = new float[n];
      this.lastGroup = new int[n];
    }

    /** Whether these arrays cover {@code n} ordinals. */
    boolean fits(int n) {
      return touched.length >= n;
    }

    /** A work array of at least {@code size} packed (bound, position) pairs. */
    long[] chunk(int size) {
      if (chunk.length < size) {
        chunk = new long[Math.max(size, chunk.length * 2)];
      }
      return chunk;
    }

    /** A stamp for the cell tables that no entry carries yet. */
    int nextSearch() {
      if (search == Integer.MAX_VALUE) {
        Arrays.fill(feStamp, 0);
        Arrays.fill(cellStamp, 0);
        search = 0;
      }
      return ++search;
    }

    int nextTag() {
      if (tag == Integer.MAX_VALUE) {
        Arrays.fill(mark, 0);
        tag = 0;
      }
      return ++tag;
    }
  }

  /** The best k (score, citizen): worst at the root; ties broken by smaller id. Grows on demand. */
  private static final class Heap {
    private final int capacity;
    double[] score;
    int[] ord;
    CitizenFeatures[] f;
    int size;

    Heap(int capacity) {
      this.capacity = capacity;
      int c = Math.min(capacity, 64);
      score = new double[c];
      ord = new int[c];
      f = new CitizenFeatures[c];
    }

    boolean full() {
      return size >= capacity;
    }

    double threshold() {
      return full() ? score[0] : Double.NEGATIVE_INFINITY;
    }

    /** Whether (sa, a) is worse than (sb, b): (sb, b) ranks before it. */
    private static boolean worse(double sa, CitizenFeatures a, double sb, CitizenFeatures b) {
      return Ranking.beats(sb, b.id, sa, a.id);
    }

    void offer(int o, double s, CitizenFeatures c) {
      if (!full()) {
        if (size == score.length) {
          int n = (int) Math.min(capacity, 2L * score.length);
          score = Arrays.copyOf(score, n);
          ord = Arrays.copyOf(ord, n);
          f = Arrays.copyOf(f, n);
        }
        int i = size++;
        while (i > 0) {
          int p = (i - 1) >>> 1;
          if (!worse(s, c, score[p], f[p])) {
            break;
          }
          move(p, i);
          i = p;
        }
        set(i, o, s, c);
        return;
      }
      if (!worse(score[0], f[0], s, c)) {
        return;
      }
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int r = l + 1;
        int w = r < size && worse(score[r], f[r], score[l], f[l]) ? r : l;
        if (!worse(score[w], f[w], s, c)) {
          break;
        }
        move(w, i);
        i = w;
      }
      set(i, o, s, c);
    }

    private void move(int from, int to) {
      score[to] = score[from];
      ord[to] = ord[from];
      f[to] = f[from];
    }

    private void set(int i, int o, double s, CitizenFeatures c) {
      score[i] = s;
      ord[i] = o;
      f[i] = c;
    }

    /** Best first. */
    List<Scored> sorted() {
      List<Scored> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(new Scored(score[i], f[i]));
      }
      out.sort(Shortlists::compare);
      return out;
    }
  }
}
