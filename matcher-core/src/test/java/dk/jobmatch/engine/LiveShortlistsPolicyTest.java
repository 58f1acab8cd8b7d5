package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.engine.LiveShortlists.Change;
import dk.jobmatch.internal.DayClock;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Standing lists equal fresh rankings under random policies, after changes the policy makes
 * irrelevant and after relevant ones alike. Each drawn policy gives the distance component weight
 * 0 and relaxes the commute gate, so moving a citizen's home (or commute limit) changes no score:
 * a policy-irrelevant change, which the lists must absorb without drifting. Relevant changes are
 * new and changed citizens (skills, occupations), deletions, new and changed orders and a moving
 * day. After every step every standing list equals {@code rank(order, K)} — ids, scores and the
 * fortrinsadgang seats — in both taxonomy configurations.
 *
 * <p>Seeded: the seed is in every message; replay with {@code -Djobmatch.seed=N}.
 */
class LiveShortlistsPolicyTest {
  /** A random policy (weights, constants, relaxed gates) in which distance and commute do not count. */
  static ScoringPolicy distanceBlind(SplittableRandom rnd) {
    ScoringPolicy p = RandomPolicyExactnessTest.randomPolicy(rnd);
    Map<Component, Double> w = new EnumMap<>(p.weights());
    double rest = 1 - w.get(Component.DISTANCE);
    ScoringPolicy.Builder b = p.toBuilder().relax(Gate.COMMUTE);
    for (Component c : Component.values()) {
      double v = c == Component.DISTANCE ? 0 : rest > 0 ? w.get(c) / rest : 1.0 / (Component.values().length - 1);
      b.weight(c, v);
    }
    return b.build();
  }

  @Test
  void standingListsEqualFreshRankingsUnderRandomPolicies() throws Exception {
    long seed = RandomPolicyExactnessTest.seed();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (boolean withTaxonomy : new boolean[] {false, true}) {
      Taxonomy taxonomy = withTaxonomy ? RandomPopulation.relatedTaxonomy() : Taxonomy.none();
      for (int p = 0; p < 2; p++) {
        run(seed, rnd, taxonomy, distanceBlind(rnd), "seed=" + seed + " (replay: -Djobmatch.seed=" + seed + ") taxonomy="
            + withTaxonomy + " policy=" + p);
      }
    }
  }

  private static void run(long seed, SplittableRandom rnd, Taxonomy taxonomy, ScoringPolicy policy, String where)
      throws Exception {
    RandomPopulation pop = new RandomPopulation(seed ^ rnd.nextLong());
    DayClock clock = new DayClock(RandomPopulation.AS_OF);
    try (MatchEngine engine = MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
        .policy(policy).clock(clock).build()) {
      List<String> citizens = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        Citizen c = pop.citizen("c-" + i);
        engine.upsert(c);
        citizens.add(c.id());
      }
      List<String> orders = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        JobOrder o = pop.order("o-" + i);
        engine.upsertOrder(o);
        orders.add(o.id());
      }
      LiveShortlists live = LiveShortlists.start(engine, e -> { });
      check(where + " start", engine, live);
      int irrelevant = 0;
      int next = citizens.size();
      for (int step = 0; step < 30; step++) {
        List<Change> changes = new ArrayList<>();
        int op = rnd.nextInt(100);
        if (op < 40) {
          // Policy-irrelevant: a new home and commute limit, nothing else.
          for (int j = 0; j < 1 + rnd.nextInt(4); j++) {
            Citizen c = engine.citizen(citizens.get(rnd.nextInt(citizens.size()))).orElseThrow();
            Location l = c.location();
            Citizen moved = c.toBuilder().location(new Location(null, (l == null ? 55.6 : l.lat()) + rnd.nextDouble() - 0.5,
                (l == null ? 12.4 : l.lon()) + rnd.nextDouble() - 0.5)).maxCommuteKm(1.0 + rnd.nextInt(5)).build();
            changes.add(new Change.UpsertCitizen(moved));
          }
          irrelevant++;
        } else if (op < 65) {
          changes.add(new Change.UpsertCitizen(pop.citizen(rnd.nextBoolean() ? "c-" + next++
              : citizens.get(rnd.nextInt(citizens.size())))));
        } else if (op < 75 && citizens.size() > 10) {
          changes.add(new Change.DeleteCitizen(citizens.remove(rnd.nextInt(citizens.size()))));
        } else if (op < 90) {
          changes.add(new Change.UpsertOrder(pop.order(rnd.nextBoolean() ? "o-" + orders.size()
              : orders.get(rnd.nextInt(orders.size())))));
        } else {
          clock.set(clock.day().plusDays(100 + rnd.nextInt(300)));
        }
        for (Change c : changes) {
          if (c instanceof Change.UpsertCitizen u && !citizens.contains(u.citizen().id())) {
            citizens.add(u.citizen().id());
          }
          if (c instanceof Change.UpsertOrder u && !orders.contains(u.order().id())) {
            orders.add(u.order().id());
          }
        }
        live.apply(changes);
        check(where + " step " + step + " op " + op, engine, live);
      }
      assertTrue(irrelevant > 0, where + ": no policy-irrelevant change was drawn");
    }
  }

  private static void check(String where, MatchEngine engine, LiveShortlists live) {
    List<String> open = new ArrayList<>();
    for (JobOrder o : engine.orders()) {
      if (o.isOpenOn(engine.today())) {
        open.add(o.id());
      }
    }
    assertEquals(open, live.openOrders(), where);
    for (JobOrder o : engine.orders()) {
      if (!o.isOpenOn(engine.today())) {
        continue;
      }
      int k = o.maxCandidates() != null ? o.maxCandidates() : LiveShortlists.DEFAULT_K;
      assertEquals(summary(engine.rank(o, k)), summary(live.shortlist(o.id())), where + " order " + o.id());
    }
  }

  private static List<String> summary(List<Match> matches) {
    return matches.stream().map(m -> m.citizenId() + "=" + m.score() + m.explanation().flags()).toList();
  }
}
