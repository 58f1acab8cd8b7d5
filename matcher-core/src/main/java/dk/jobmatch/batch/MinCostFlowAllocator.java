package dk.jobmatch.batch;

/**
 * Maximum-value b-matching by successive shortest paths with node potentials (a primal-dual
 * min-cost flow specialised to the bipartite batch graph).
 *
 * <h2>The network</h2>
 *
 * Nodes are the orders, the citizens and a sink {@code t}. Each open place of an order is one
 * unit of supply at the order; it flows either along an edge {@code order → citizen} (cost
 * {@code -value}, capacity 1) and on through {@code citizen → t} (capacity the citizen's
 * remaining cap; convex cost: the citizen's k-th shortlist costs {@code (k − 1) · spreadPenalty}),
 * or straight along the order's "empty place" arc {@code order → t}. The empty
 * arc is convex: an order's first {@code cap - 1} empty places cost 0 and the last one costs the
 * coverage bonus, so leaving an order with nobody at all is penalised. Every feasible flow is a
 * feasible set of shortlists and its cost is minus the objective of {@link BatchOptions}; the
 * problem is always feasible because every unit can go empty.
 *
 * <h2>The algorithm</h2>
 *
 * Units are pushed one at a time from their order to {@code t} along a shortest path in the
 * residual graph (which may reassign citizens between orders: {@code o1 → c1 ⇢ o2 → c2 → t}
 * means o1 takes c1 from o2 and o2 takes c2). Reduced costs {@code cost + π(u) − π(v)} are kept
 * non-negative by the potentials π, so each path is found with Dijkstra, stopped as soon as
 * {@code t} is settled; afterwards every settled node {@code v} gets {@code π(v) += d(v) − d(t)},
 * which keeps all reduced costs non-negative and those on the path zero. After each unit the flow
 * is optimal for the units pushed so far (the successive-shortest-path invariant), so the final
 * flow is optimal. Initial potentials ({@code π(order) = 0}, {@code π(citizen) = π(t) =
 * −maxValue}) make the negative edge costs non-negative in reduced form.
 *
 * <p>Costs are integers ({@link AllocationProblem#SCALE}), so optimality is exact and ties are
 * broken deterministically (the heap orders by distance, then node number). Cost: one early-exit
 * Dijkstra per place; on batch graphs (a few dozen candidates per order) each settles only the
 * neighbourhood around congested citizens.
 *
 * <p>Not thread-safe; one instance per run.
 */
final class MinCostFlowAllocator {
  private final AllocationProblem p;
  private final int m;
  private final int t;
  private final boolean[] assigned;
  private final int[] load;
  private final int[] held; // per citizen, the edges assigned to it: held[c * stride + i], i < load[c]
  private final int stride;
  private final int[] empties;
  private final long[] pi;

  // Dijkstra state, reused across units; "seen" stamps avoid clearing arrays per unit.
  private final long[] dist;
  private final int[] pred; // citizen/order: the edge it was reached by; t: the node it was reached from
  private final int[] seen;
  private int stamp;
  private final int[] heap;
  private final int[] heapPos; // position in heap, or -1 once settled
  private int heapSize;
  private final int[] settled;
  private int settledCount;
  private long settledTotal;

  MinCostFlowAllocator(AllocationProblem p) {
    this.p = p;
    this.m = p.m;
    int nodes = p.m + p.n + 1;
    this.t = nodes - 1;
    this.assigned = new boolean[p.edgeValue.length];
    this.load = new int[p.n];
    this.stride = Math.max(1, p.maxCitizenCap());
    this.held = new int[p.n * stride];
    this.empties = new int[p.m];
    this.pi = new long[nodes];
    for (int v = m; v < nodes; v++) {
      pi[v] = -p.maxEdgeValue;
    }
    this.dist = new long[nodes];
    this.pred = new int[nodes];
    this.seen = new int[nodes];
    this.heap = new int[nodes];
    this.heapPos = new int[nodes];
    this.settled = new int[nodes];
  }

  /**
   * Solves and returns, per edge, whether it is chosen.
   *
   * @throws InterruptedException if the calling thread is interrupted (checked every few units)
   */
  boolean[] solve(BatchListener listener) throws InterruptedException {
    long total = p.openPlaces();
    listener.phaseStarted(BatchListener.Phase.ALLOCATION, total);
    long step = Math.max(1, total / 100);
    long done = 0;
    for (int o = 0; o < m; o++) {
      for (int u = 0; u < p.orderCap[o]; u++) {
        augment(o);
        done++;
        if ((done & 63) == 0 && Thread.interrupted()) {
          throw new InterruptedException("batch allocation cancelled");
        }
        if (done % step == 0) {
          listener.progress(BatchListener.Phase.ALLOCATION, done, total);
        }
      }
    }
    if (total % step != 0 || total == 0) {
      listener.progress(BatchListener.Phase.ALLOCATION, done, total);
    }
    return assigned.clone();
  }

  /** Nodes settled over all Dijkstra runs; a measure of work for tests and tuning. */
  long settledTotal() {
    return settledTotal;
  }

  /** Pushes one unit from order {@code source} to t along a shortest residual path. */
  private void augment(int source) {
    stamp++;
    heapSize = 0;
    settledCount = 0;
    reach(source, 0, -1);
    while (heapSize > 0) {
      int u = pop();
      settled[settledCount++] = u;
      if (u == t) {
        break;
      }
      long du = dist[u];
      if (u < m) {
        scanOrder(u, du);
      } else {
        scanCitizen(u, du);
      }
    }
    settledTotal += settledCount;
    // t is always reached: every order with supply has an empty-place arc.
    long d = dist[t];
    for (int i = 0; i < settledCount; i++) {
      int v = settled[i];
      pi[v] += dist[v] - d;
    }
    applyPath(source);
  }

  private void scanOrder(int o, long du) {
    long po = pi[o];
    for (int e = p.edgeStart[o], end = p.edgeStart[o + 1]; e < end; e++) {
      if (!assigned[e]) {
        int v = m + p.edgeCitizen[e];
        long rc = -p.edgeValue[e] + po - pi[v];
        assert rc >= 0 : "negative reduced cost on edge " + e;
        reach(v, du + rc, e);
      }
    }
    int cap = p.orderCap[o];
    if (empties[o] < cap) {
      long cost = empties[o] + 1 == cap ? p.coverageValue[o] : 0;
      long rc = cost + po - pi[t];
      assert rc >= 0 : "negative reduced cost on empty arc of order " + o;
      reach(t, du + rc, o);
    }
  }

  private void scanCitizen(int v, long du) {
    int c = v - m;
    long pv = pi[v];
    if (load[c] < p.citizenCap[c]) {
      long rc = p.spreadValue * (p.citizenBase[c] + load[c]) + pv - pi[t];
      assert rc >= 0 : "negative reduced cost on sink arc of citizen " + c;
      reach(t, du + rc, v);
    }
    for (int i = c * stride, end = i + load[c]; i < end; i++) {
      int e = held[i];
      int o = p.edgeOrder[e];
      long rc = p.edgeValue[e] + pv - pi[o];
      assert rc >= 0 : "negative reduced cost on reverse edge " + e;
      reach(o, du + rc, e);
    }
  }

  /** Walks the path back from t, flipping edges. */
  private void applyPath(int source) {
    int v = pred[t];
    if (v < m) {
      empties[v]++; // the path ends with this order leaving a place empty
    }
    while (true) {
      if (v >= m) {
        int c = v - m;
        int e = pred[v]; // forward edge order -> c, now assigned
        assigned[e] = true;
        held[c * stride + load[c]++] = e;
        v = p.edgeOrder[e];
      } else {
        if (v == source) {
          return;
        }
        int e = pred[v]; // reverse edge: this order gives up the citizen of e
        assigned[e] = false;
        int c = p.edgeCitizen[e];
        int base = c * stride;
        int last = base + --load[c];
        for (int i = base; i <= last; i++) {
          if (held[i] == e) {
            held[i] = held[last];
            break;
          }
        }
        v = m + c;
      }
    }
  }

  // ---- indexed binary min-heap on (dist, node) ----

  private void reach(int v, long d, int via) {
    if (seen[v] != stamp) {
      seen[v] = stamp;
      dist[v] = d;
      pred[v] = via;
      int i = heapSize++;
      heap[i] = v;
      heapPos[v] = i;
      siftUp(i);
    } else if (heapPos[v] >= 0 && d < dist[v]) {
      dist[v] = d;
      pred[v] = via;
      siftUp(heapPos[v]);
    }
  }

  private int pop() {
    int top = heap[0];
    heapPos[top] = -1;
    int last = heap[--heapSize];
    if (heapSize > 0) {
      heap[0] = last;
      heapPos[last] = 0;
      siftDown(0);
    }
    return top;
  }

  private boolean less(int a, int b) {
    long da = dist[a];
    long db = dist[b];
    return da < db || (da == db && a < b);
  }

  private void siftUp(int i) {
    int v = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int pv = heap[parent];
      if (!less(v, pv)) {
        break;
      }
      heap[i] = pv;
      heapPos[pv] = i;
      i = parent;
    }
    heap[i] = v;
    heapPos[v] = i;
  }

  private void siftDown(int i) {
    int v = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= heapSize) {
        break;
      }
      if (child + 1 < heapSize && less(heap[child + 1], heap[child])) {
        child++;
      }
      int cv = heap[child];
      if (!less(cv, v)) {
        break;
      }
      heap[i] = cv;
      heapPos[cv] = i;
      i = child;
    }
    heap[i] = v;
    heapPos[v] = i;
  }
}
