package dk.jobmatch.bench.tuning;

import dk.jobmatch.bench.JsonLines;
import dk.jobmatch.bench.PopulationGenerator;
import dk.jobmatch.engine.ReferenceScorer;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import dk.jobmatch.tuning.Outcome;
import dk.jobmatch.tuning.OutcomeLabel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated outcomes for testing and demonstrating the policy tuner: a population from {@link
 * PopulationGenerator} (synthetic taxonomy), and for every order, outcomes drawn from a known
 * "true" policy. Each eligible citizen's utility is the true score plus Gumbel noise; the best is
 * HIRED, the next three INTERVIEWED, the next six REJECTED, the rest have no outcome. Nothing here
 * is real data.
 *
 * <p>Usage: {@code java -cp matcher-bench/target/benchmarks.jar dk.jobmatch.bench.tuning.OutcomeGenerator
 * --citizens 1500 --orders 300 [--seed S] [--noise X] --out DIR}; writes {@code citizens.jsonl},
 * {@code orders.jsonl}, {@code outcomes.jsonl} and the true policy {@code truth.json} to DIR.
 *
 * <p>Stateless and thread-safe.
 */
public final class OutcomeGenerator {
  /**
   * The true policy of the worked example: goal and distance weigh more, skills and occupation
   * less than by default; shortage keeps the default 0.05.
   */
  public static final ScoringPolicy TRUTH = ScoringPolicy.builder().name("truth").version("1")
      .weight(Component.SKILLS, 0.20).weight(Component.OCCUPATION, 0.10).weight(Component.GOAL, 0.35)
      .weight(Component.EDUCATION, 0.05).weight(Component.DISTANCE, 0.20).weight(Component.INCLUSION, 0.05)
      .weight(Component.SHORTAGE, 0.05).build();

  private OutcomeGenerator() {}

  /**
   * A generated population with outcomes.
   *
   * @param citizens the citizens
   * @param orders the orders
   * @param outcomes up to ten outcomes per order
   * @param generator the population's generator (its {@code asOf} date)
   */
  public record Generated(List<Citizen> citizens, List<JobOrder> orders, List<OutcomeLabel> outcomes,
      PopulationGenerator generator) {}

  /**
   * Generates a population and its outcomes under {@code truth}.
   *
   * @param seed seeds the population and the noise
   * @param citizens how many citizens
   * @param orders how many orders
   * @param truth the policy the outcomes follow
   * @param shortage the shortage look-up scored with
   * @param noise the Gumbel noise scale added to each true score
   */
  public static Generated generate(long seed, int citizens, int orders, ScoringPolicy truth, ShortageLookup shortage,
      double noise) {
    PopulationGenerator gen = PopulationGenerator.builder(seed).synthetic().build();
    List<Citizen> cs = gen.citizens(citizens);
    List<JobOrder> os = gen.orders(orders);
    ReferenceScorer scorer = new ReferenceScorer(Taxonomy.none(), shortage, truth, gen.asOf());
    ReferenceScorer.Population pop = scorer.prepare(cs); // once, not per order
    SplittableRandom r = new SplittableRandom(seed);
    List<OutcomeLabel> out = new ArrayList<>();
    record Utility(String citizen, double u) {}
    for (JobOrder o : os) {
      List<Utility> us = new ArrayList<>();
      for (Match m : scorer.rank(pop, o, cs.size())) {
        double gumbel = -Math.log(-Math.log(r.nextDouble(1e-12, 1)));
        us.add(new Utility(m.citizenId(), m.score() + noise * gumbel));
      }
      us.sort(Comparator.comparingDouble(Utility::u).reversed().thenComparing(Utility::citizen));
      for (int i = 0; i < Math.min(10, us.size()); i++) {
        Outcome oc = i == 0 ? Outcome.HIRED : i < 4 ? Outcome.INTERVIEWED : Outcome.REJECTED;
        out.add(new OutcomeLabel(o.id(), us.get(i).citizen(), oc));
      }
    }
    return new Generated(cs, os, out, gen);
  }

  /**
   * Outcomes as a job centre's history arises: for every order a <em>proposer</em> policy (the
   * one in use) ranks the eligible citizens and its top {@code shortlist} are proposed; only they
   * get an outcome, and each outcome line carries the rank it was proposed at. What the proposed
   * are worth follows the <em>truth</em>: each eligible citizen's utility is the true score plus
   * Gumbel noise, the best {@link #HIRE_WORTHY} of the order are hire-worthy, the next up to
   * {@link #INTERVIEW_WORTHY} interview-worthy. A proposed citizen at rank r is looked at with
   * probability {@code r^−eta} (position bias); if looked at, the outcome is HIRED,
   * INTERVIEWED or REJECTED by worth; if not, REJECTED.
   *
   * @param seed seeds the population, the noise and the looking
   * @param citizens how many citizens
   * @param orders how many orders
   * @param truth the policy the worth follows
   * @param proposer the policy that made the proposals
   * @param shortlist how many are proposed per order
   * @param eta the position bias
   * @param noise the Gumbel noise scale
   * @return the population and the outcomes
   */
  public static Generated proposed(long seed, int citizens, int orders, ScoringPolicy truth, ScoringPolicy proposer,
      int shortlist, double eta, double noise) {
    PopulationGenerator gen = PopulationGenerator.builder(seed).synthetic().build();
    List<Citizen> cs = gen.citizens(citizens);
    List<JobOrder> os = gen.orders(orders);
    return new Generated(cs, os, proposedOutcomes(seed, cs, os, truth, proposer, shortlist, eta, noise, gen.asOf()), gen);
  }

  /** The hire-worthy citizens per order: the best by true utility. */
  public static final int HIRE_WORTHY = 3;

  /** The interview-worthy citizens per order after the hire-worthy. */
  public static final int INTERVIEW_WORTHY = 12;

  /**
   * Per order, each eligible citizen's worth under the truth with noise: 2 for the best {@link
   * #HIRE_WORTHY}, 1 for the next {@link #INTERVIEW_WORTHY}, absent (0) otherwise.
   */
  public static java.util.Map<String, Integer> worth(ReferenceScorer.Population pop, ReferenceScorer truth, JobOrder o,
      SplittableRandom r, double noise) {
    record Utility(String citizen, double u) {}
    List<Utility> us = new ArrayList<>();
    for (Match m : truth.rank(pop, o, Integer.MAX_VALUE)) {
      double gumbel = -Math.log(-Math.log(r.nextDouble(1e-12, 1)));
      us.add(new Utility(m.citizenId(), m.score() + noise * gumbel));
    }
    us.sort(Comparator.comparingDouble(Utility::u).reversed().thenComparing(Utility::citizen));
    java.util.Map<String, Integer> worth = new java.util.HashMap<>();
    for (int i = 0; i < Math.min(HIRE_WORTHY + INTERVIEW_WORTHY, us.size()); i++) {
      worth.put(us.get(i).citizen(), i < HIRE_WORTHY ? 2 : 1);
    }
    return worth;
  }

  static List<OutcomeLabel> proposedOutcomes(long seed, List<Citizen> cs, List<JobOrder> os, ScoringPolicy truth,
      ScoringPolicy proposer, int shortlist, double eta, double noise, java.time.LocalDate asOf) {
    ReferenceScorer t = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), truth, asOf);
    ReferenceScorer p = new ReferenceScorer(Taxonomy.none(), ShortageLookup.none(), proposer, asOf);
    ReferenceScorer.Population pop = t.prepare(cs);
    SplittableRandom r = new SplittableRandom(seed);
    List<OutcomeLabel> out = new ArrayList<>();
    for (JobOrder o : os) {
      java.util.Map<String, Integer> worth = worth(pop, t, o, r, noise);
      List<Match> list = p.rank(pop, o, shortlist);
      for (int i = 0; i < Math.min(shortlist, list.size()); i++) {
        int rank = i + 1;
        boolean looked = r.nextDouble() < Math.pow(rank, -eta);
        int w = looked ? worth.getOrDefault(list.get(i).citizenId(), 0) : 0;
        Outcome oc = w == 2 ? Outcome.HIRED : w == 1 ? Outcome.INTERVIEWED : Outcome.REJECTED;
        out.add(new OutcomeLabel(o.id(), list.get(i).citizenId(), oc, rank));
      }
    }
    return out;
  }

  /**
   * Writes a generated population, its outcomes (under {@link #TRUTH}, no shortage data) and the
   * true policy.
   *
   * @param args see the class comment
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    int citizens = 1500;
    int orders = 300;
    long seed = 20261130;
    double noise = 0.02;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--citizens" -> citizens = Integer.parseInt(args[++i]);
        case "--orders" -> orders = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--noise" -> noise = Double.parseDouble(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("usage: OutcomeGenerator --citizens N --orders M [--seed S] [--noise X] --out DIR");
          System.exit(2);
        }
      }
    }
    if (out == null) {
      System.err.println("OutcomeGenerator: --out DIR is required");
      System.exit(2);
    }
    Generated g = generate(seed, citizens, orders, TRUTH, ShortageLookup.none(), noise);
    Files.createDirectories(out);
    JsonLines.writeCitizens(out.resolve("citizens.jsonl"), g.citizens());
    JsonLines.writeOrders(out.resolve("orders.jsonl"), g.orders());
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("outcomes.jsonl"), StandardCharsets.UTF_8)) {
      for (OutcomeLabel l : g.outcomes()) {
        w.write("{\"order\":\"" + l.order() + "\",\"citizen\":\"" + l.citizen() + "\",\"outcome\":\"" + l.outcome() + "\"}\n");
      }
    }
    PolicyFile.write(TRUTH, out.resolve("truth.json"));
    System.err.printf("OutcomeGenerator: %d citizens, %d orders, %d outcomes (seed %d, noise %s, as of %s) in %s%n",
        citizens, orders, g.outcomes().size(), seed, noise, g.generator().asOf(), out);
  }
}
