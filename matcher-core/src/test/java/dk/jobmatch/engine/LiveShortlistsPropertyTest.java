package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.internal.DayClock;
import dk.jobmatch.engine.LiveShortlists.Change;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random change sequences: after every step every standing shortlist equals a fresh {@code
 * rank(order, K)}, every citizen's standing suggestions equal a fresh {@code suggest}, and the
 * events, replayed, give exactly the members of every list. Seeded; the seed is in every message.
 */
class LiveShortlistsPropertyTest {
  private static final int SUGGESTIONS = 4;

  @Test
  void standingListsEqualFreshRankingsAfterEveryChange() {
    // A fixed base, printed; -Dlive.seed=N runs the seeds N, N+1, ... (the message names the failing one).
    long base = dk.jobmatch.TestSeeds.seed("LiveShortlistsPropertyTest", "live.seed", 7_316_220_591L);
    for (int i = 0; i < 6; i++) {
      long seed = base + i;
      try {
        long t = Math.floorMod(seed, 3);
        run(seed, t == 0 ? Taxonomy.none() : t == 1 ? RandomPopulation.relatedTaxonomy() : reuseEverywhere());
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + "L: " + e, e);
      }
    }
  }

  /** Reuse levels for every skill: no rarity drift, so SUGGESTED must be exact. */
  private static Taxonomy reuseEverywhere() {
    Taxonomy base = RandomPopulation.relatedTaxonomy();
    return new Taxonomy() {
      @Override
      public dk.jobmatch.taxonomy.OccupationCode resolve(dk.jobmatch.model.OccupationRef ref) {
        return base.resolve(ref);
      }

      @Override
      public Map<String, Double> relatedSkills(String skillId) {
        return base.relatedSkills(skillId);
      }

      @Override
      public java.util.Optional<dk.jobmatch.taxonomy.ReuseLevel> reuseLevel(String skillId) {
        int i = Integer.parseInt(skillId.substring("skill:s".length()));
        return java.util.Optional.of(dk.jobmatch.taxonomy.ReuseLevel.values()[i % 4]);
      }

      @Override
      public List<dk.jobmatch.model.RequiredSkill> skillsOf(dk.jobmatch.model.OccupationRef occupation) {
        return base.skillsOf(occupation);
      }

      @Override
      public java.util.Optional<String> skillLabel(String skillId) {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<String> occupationLabel(dk.jobmatch.model.OccupationRef occupation) {
        return java.util.Optional.empty();
      }
    };
  }

  private static void run(long seed, Taxonomy taxonomy) {
    // Without drift: every skill has a reuse level and rarity does not modulate it.
    boolean drift = !(taxonomy.reuseLevel(RandomPopulation.skill(1)).isPresent()
        && taxonomy.reuseLevel(RandomPopulation.skill(2)).isPresent());
    dk.jobmatch.scoring.ScoringPolicy policy = drift ? dk.jobmatch.scoring.ScoringPolicy.defaults()
        : dk.jobmatch.scoring.ScoringPolicy.defaults().toBuilder().set(dk.jobmatch.scoring.PolicyConstant.RARITY_INFLUENCE, 0).build();
    String where = "seed " + seed + "L";
    SplittableRandom rnd = new SplittableRandom(seed);
    RandomPopulation pop = new RandomPopulation(seed);
    DayClock clock = new DayClock(RandomPopulation.AS_OF);
    try (MatchEngine engine = MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
        .policy(policy).clock(clock).build()) {
      int nextCitizen = 0;
      int nextOrder = 0;
      List<String> citizenIds = new ArrayList<>();
      List<String> orderIds = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Citizen c = citizen(pop, rnd, "c-" + nextCitizen++);
        engine.upsert(c);
        citizenIds.add(c.id());
      }
      for (int i = 0; i < 8; i++) {
        JobOrder o = order(pop, rnd, "o-" + nextOrder++, clock.day());
        engine.upsertOrder(o);
        orderIds.add(o.id());
      }
      List<ShortlistEvent> events = new ArrayList<>();
      LiveShortlists live = LiveShortlists.start(engine, events::add, SUGGESTIONS);
      Map<String, Set<String>> members = new HashMap<>();
      Map<String, Set<String>> suggested = new HashMap<>();
      Map<String, List<String>> lastSuggestions = new HashMap<>();
      check(where + " start", engine, live, members, suggested, lastSuggestions, true, List.of(), false, Set.of());
      for (int step = 0; step < 40; step++) {
        List<Change> changes = new ArrayList<>();
        int n = rnd.nextInt(6) == 0 ? 1 + rnd.nextInt(5) : 1;
        for (int j = 0; j < n; j++) {
          int op = rnd.nextInt(100);
          if (op < 25) {
            Citizen c = citizen(pop, rnd, "c-" + nextCitizen++);
            citizenIds.add(c.id());
            changes.add(new Change.UpsertCitizen(c));
          } else if (op < 50 && !citizenIds.isEmpty()) {
            changes.add(new Change.UpsertCitizen(citizen(pop, rnd, citizenIds.get(rnd.nextInt(citizenIds.size())))));
          } else if (op < 60 && !citizenIds.isEmpty()) {
            changes.add(new Change.DeleteCitizen(citizenIds.remove(rnd.nextInt(citizenIds.size()))));
          } else if (op < 63) {
            changes.add(new Change.DeleteCitizen("c-unknown"));
          } else if (op < 73) {
            JobOrder o = order(pop, rnd, "o-" + nextOrder++, clock.day());
            orderIds.add(o.id());
            changes.add(new Change.UpsertOrder(o));
          } else if (op < 83 && !orderIds.isEmpty()) {
            changes.add(new Change.UpsertOrder(order(pop, rnd, orderIds.get(rnd.nextInt(orderIds.size())), clock.day())));
          } else if (op < 90 && !orderIds.isEmpty()) {
            changes.add(new Change.DeleteOrder(orderIds.remove(rnd.nextInt(orderIds.size()))));
          } else {
            clock.set(clock.day().plusDays(1 + rnd.nextInt(4)));
          }
        }
        events.clear();
        Set<String> touched = new java.util.HashSet<>();
        for (Change ch : changes) {
          touched.add(switch (ch) {
            case Change.UpsertCitizen u -> u.citizen().id();
            case Change.DeleteCitizen d -> d.citizenId();
            case Change.UpsertOrder u -> u.order().id();
            case Change.DeleteOrder d -> d.orderId();
          });
        }
        live.apply(changes);
        replay(where + " step " + step, events, members, suggested);
        check(where + " step " + step, engine, live, members, suggested, lastSuggestions, false, events, drift, touched);
        resumed(where + " step " + step, engine, live);
      }
      assertTrue(live.reranks() > 0, where);
      assertTrue(!drift || live.reweighs > 0, where + ": the rescoring path for rarity drift was never taken");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Lists resumed from the stored state equal the live ones, and store the same state again. */
  private static void resumed(String where, MatchEngine engine, LiveShortlists live) {
    resumed(where + " (scores checked)", engine, live, true);
    resumed(where + " (scores trusted)", engine, live, false);
  }

  /**
   * Lists resumed from the stored state, with or without checking every score, equal the live ones
   * and store the same state again; a changed score is refused only when scores are checked, every
   * other misfit either way.
   */
  private static void resumed(String where, MatchEngine engine, LiveShortlists live, boolean checkScores) {
    List<LiveShortlists.Stored> stored = live.stored();
    LiveShortlists r = LiveShortlists.resume(engine, ShortlistListener.none(), SUGGESTIONS, stored, checkScores)
        .orElseThrow(() -> new AssertionError(where + ": the stored lists were refused"));
    assertEquals(live.openOrders(), r.openOrders(), where);
    for (String id : live.openOrders()) {
      assertEquals(live.shortlist(id), r.shortlist(id), where + " " + id);
    }
    assertEquals(stored.size(), r.stored().size(), where);
    for (int i = 0; i < stored.size(); i++) {
      LiveShortlists.Stored a = stored.get(i);
      LiveShortlists.Stored b = r.stored().get(i);
      assertEquals(a.citizenIds(), b.citizenIds(), where);
      assertEquals(a.scores(), b.scores(), where);
      assertEquals(Set.copyOf(a.holders()), Set.copyOf(b.holders()), where);
    }
    if (!stored.isEmpty() && !stored.get(0).citizenIds().isEmpty()) {
      List<LiveShortlists.Stored> spoilt = new ArrayList<>(stored);
      LiveShortlists.Stored a = stored.get(0);
      List<Double> scores = new ArrayList<>(a.scores());
      scores.set(0, Math.nextUp(scores.get(0)));
      spoilt.set(0, new LiveShortlists.Stored(a.orderId(), a.k(), a.complete(), a.citizenIds(), scores, a.holders()));
      // One stored score off by one ulp: refused when checked, taken as stored when trusted.
      assertEquals(checkScores,
          LiveShortlists.resume(engine, ShortlistListener.none(), SUGGESTIONS, spoilt, checkScores).isEmpty(), where);
      // An open order missing: refused.
      assertTrue(LiveShortlists.resume(engine, ShortlistListener.none(), SUGGESTIONS, stored.subList(1, stored.size()),
          checkScores).isEmpty(), where);
      // A kept citizen that is not indexed: refused.
      List<String> ids = new ArrayList<>(a.citizenIds());
      ids.set(0, "no-such-citizen");
      List<LiveShortlists.Stored> unknown = new ArrayList<>(stored);
      unknown.set(0, new LiveShortlists.Stored(a.orderId(), a.k(), a.complete(), ids, a.scores(), a.holders()));
      assertTrue(LiveShortlists.resume(engine, ShortlistListener.none(), SUGGESTIONS, unknown, checkScores).isEmpty(),
          where);
    }
  }

  private static Citizen citizen(RandomPopulation pop, SplittableRandom rnd, String id) {
    Citizen c = pop.citizen(id);
    // More fortrinsadgang holders than the engine tests, so that public lists carry extra seats.
    if (rnd.nextInt(4) == 0 && !c.compensation().contains(CompensationScheme.FORTRINSADGANG)) {
      c = c.toBuilder().compensation(CompensationScheme.FORTRINSADGANG).build();
    }
    return c;
  }

  private static JobOrder order(RandomPopulation pop, SplittableRandom rnd, String id, LocalDate today) {
    JobOrder o = pop.order(id);
    JobOrder.Builder b = o.toBuilder();
    if (rnd.nextInt(3) != 0) {
      b.maxCandidates(1 + rnd.nextInt(5));
    }
    if (rnd.nextInt(2) == 0) {
      LocalDate deadline = today.plusDays(rnd.nextInt(10));
      b.deadline(o.startDate() != null && deadline.isAfter(o.startDate()) ? o.startDate() : deadline);
    }
    if (rnd.nextInt(3) == 0) {
      Employer e = o.employer();
      b.employer(new Employer(null, null, null, true, e != null && e.disabilityFriendly(), e == null ? null : e.location()));
    }
    return b.build();
  }

  private static void replay(String where, List<ShortlistEvent> events, Map<String, Set<String>> members,
      Map<String, Set<String>> suggested) {
    for (ShortlistEvent e : events) {
      switch (e.kind()) {
        case ENTERED -> assertTrue(members.computeIfAbsent(e.orderId(), k -> new LinkedHashSet<>()).add(e.citizenId()),
            where + ": entered twice " + e);
        case LEFT -> assertTrue(members.getOrDefault(e.orderId(), Set.of()).contains(e.citizenId())
            && members.get(e.orderId()).remove(e.citizenId()), where + ": left without being there " + e);
        case SUGGESTED -> suggested.computeIfAbsent(e.citizenId(), k -> new LinkedHashSet<>()).add(e.orderId());
      }
    }
  }

  private static void check(String where, MatchEngine engine, LiveShortlists live, Map<String, Set<String>> members,
      Map<String, Set<String>> suggested, Map<String, List<String>> lastSuggestions, boolean initial,
      List<ShortlistEvent> events, boolean drift, Set<String> touched) {
    Set<String> expectedSuggested = new java.util.TreeSet<>();
    LocalDate today = engine.today();
    List<String> open = new ArrayList<>();
    for (JobOrder o : engine.orders()) {
      boolean expired = o.deadline() != null && o.deadline().isBefore(today);
      if (expired) {
        assertEquals(List.of(), live.shortlist(o.id()), where + ": expired order " + o.id());
        continue;
      }
      open.add(o.id());
      int k = o.maxCandidates() != null ? o.maxCandidates() : LiveShortlists.DEFAULT_K;
      List<Match> expected = engine.rank(o, k);
      List<Match> actual = live.shortlist(o.id());
      assertEquals(expected, actual, where + ": shortlist of " + o.id());
      Set<String> ids = new LinkedHashSet<>();
      for (Match m : expected) {
        ids.add(m.citizenId());
      }
      if (initial) {
        members.put(o.id(), ids);
      } else {
        assertEquals(ids, members.getOrDefault(o.id(), Set.of()), where + ": events replayed for " + o.id());
      }
    }
    assertEquals(open, live.openOrders(), where + ": open orders");
    for (String gone : new ArrayList<>(members.keySet())) {
      if (!open.contains(gone)) {
        assertEquals(Set.of(), members.get(gone), where + ": closed order still has members by the events " + gone);
      }
    }
    lastSuggestions.keySet().retainAll(engine.citizenIds());
    for (String id : engine.citizenIds()) {
      Citizen c = engine.citizen(id).orElseThrow();
      List<Match> expected = engine.suggest(c, SUGGESTIONS);
      assertEquals(expected, live.suggestions(id), where + ": suggestions of " + id);
      List<String> now = expected.stream().map(Match::orderId).toList();
      List<String> had = lastSuggestions.getOrDefault(id, List.of());
      for (int r = 0; r < now.size(); r++) {
        if (!had.contains(now.get(r))) {
          expectedSuggested.add(id + " " + now.get(r) + " " + (r + 1));
        }
      }
      lastSuggestions.put(id, now);
      if (initial) {
        Set<String> s = new LinkedHashSet<>();
        expected.forEach(m -> s.add(m.orderId()));
        suggested.put(id, s);
      } else {
        for (Match m : expected) {
          // (with rarity drift an order may move into a list unreported; see LiveShortlists)
          assertTrue(drift || suggested.getOrDefault(id, Set.of()).contains(m.orderId()),
              where + ": " + m.orderId() + " in the suggestions of " + id + " without a SUGGESTED event");
        }
      }
    }
    if (!initial) {
      Set<String> actual = new java.util.TreeSet<>();
      for (ShortlistEvent e : events) {
        if (e.kind() == ShortlistEvent.Kind.SUGGESTED) {
          assertTrue(actual.add(e.citizenId() + " " + e.orderId() + " " + e.rank()), where + ": twice " + e);
        }
      }
      if (!drift) {
        assertEquals(expectedSuggested, actual, where + ": SUGGESTED events = orders new in a citizen's top "
            + SUGGESTIONS);
      } else {
        // Every event is true; every move caused by a changed citizen or a changed order is reported.
        assertTrue(expectedSuggested.containsAll(actual), where + ": false SUGGESTED events " + actual);
        for (String e : expectedSuggested) {
          String[] p = e.split(" ");
          if (touched.contains(p[0]) || touched.contains(p[1])) {
            assertTrue(actual.contains(e), where + ": missing SUGGESTED " + e);
          }
        }
      }
    }
  }
}
