package dk.jobmatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded population of citizens and job orders whose occupations and skills are real ESCO
 * URIs, drawn from ESCO's occupation→skill relations ({@code occupationSkillRelations.csv}), so
 * that {@code --esco} has real work to do. Written for the CLI's scale test and, through {@link
 * #main}, for measuring the jar by hand.
 */
final class EscoPopulation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An ESCO occupation with its essential and optional skills, in file order. */
  record Occupation(String uri, List<String> essential, List<String> optional) {}

  private final List<Occupation> pool;
  private final List<String> allSkills;

  private EscoPopulation(List<Occupation> pool, List<String> allSkills) {
    this.pool = pool;
    this.allSkills = allSkills;
  }

  /**
   * Reads the relations and picks, with the seed, a pool of occupations that have at least five
   * essential skills. Popularity is skewed: low pool indexes are drawn far more often.
   */
  static EscoPopulation load(Path escoDir, long seed, int poolSize) throws IOException {
    Map<String, List<String>> essential = new TreeMap<>();
    Map<String, List<String>> optional = new TreeMap<>();
    Set<String> skills = new LinkedHashSet<>();
    try (BufferedReader r = Files.newBufferedReader(escoDir.resolve("occupationSkillRelations.csv"), StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.startsWith("occupationUri,relationType")) {
        throw new IOException("unexpected header in occupationSkillRelations.csv: " + header);
      }
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          continue;
        }
        (f[1].equals("essential") ? essential : optional).computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[3]);
        skills.add(f[3]);
      }
    }
    List<Occupation> candidates = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : essential.entrySet()) {
      if (e.getValue().size() >= 5) {
        candidates.add(new Occupation(e.getKey(), e.getValue(), optional.getOrDefault(e.getKey(), List.of())));
      }
    }
    Collections.shuffle(candidates, new Random(seed));
    return new EscoPopulation(List.copyOf(candidates.subList(0, Math.min(poolSize, candidates.size()))), List.copyOf(skills));
  }

  /** The occupations, most popular first. */
  List<Occupation> pool() {
    return pool;
  }

  private Occupation draw(Random r) {
    // a geometric-like skew: about half the population in the first tenth of the pool
    int i = (int) Math.min(pool.size() - 1, Math.floor(-Math.log(1 - r.nextDouble()) * pool.size() / 7.0));
    return pool.get(i);
  }

  /** One citizen line. */
  String citizen(Random r, String id) {
    Occupation main = draw(r);
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("jobReady", r.nextInt(100) < 85);
    ObjectNode loc = n.putObject("location");
    loc.put("lat", round(55.66 + (r.nextDouble() - 0.5) * 0.5)).put("lon", round(12.40 + (r.nextDouble() - 0.5) * 0.8));
    if (r.nextInt(3) > 0) {
      n.put("maxCommuteKm", 20 + r.nextInt(50));
    }
    ArrayNode goals = n.putArray("jobGoals");
    goals.addObject().put("occupation", main.uri()).put("priority", 1);
    if (r.nextInt(4) == 0) {
      goals.addObject().put("occupation", draw(r).uri()).put("priority", 2);
    }
    ArrayNode exp = n.putArray("experience");
    exp.addObject().put("occupation", main.uri()).put("years", r.nextInt(200) / 10.0).put("lastYear", 2015 + r.nextInt(12));
    Set<String> held = new LinkedHashSet<>();
    for (String s : main.essential()) {
      if (r.nextInt(100) < 70) {
        held.add(s);
      }
    }
    for (String s : main.optional()) {
      if (r.nextInt(100) < 25) {
        held.add(s);
      }
    }
    int extra = r.nextInt(4);
    for (int i = 0; i < extra; i++) {
      held.add(allSkills.get(r.nextInt(allSkills.size())));
    }
    ArrayNode skills = n.putArray("skills");
    for (String s : held) {
      ObjectNode o = skills.addObject().put("id", s);
      if (r.nextBoolean()) {
        o.put("lastUsedYear", 2012 + r.nextInt(15));
      }
    }
    n.putObject("education").put("level", 2 + r.nextInt(6));
    n.putArray("languages").addObject().put("code", "da").put("level", "B2");
    return n.toString();
  }

  /**
   * One order line for the {@code i}-th most popular occupation; every third order names only
   * its occupation (requirements derived from ESCO).
   */
  String order(Random r, String id, int i) {
    Occupation occ = pool.get(i % pool.size());
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id).put("title", "Ordre " + id).put("occupation", occ.uri());
    ObjectNode emp = n.putObject("employer").put("public", r.nextInt(4) == 0);
    emp.putObject("location").put("lat", round(55.66 + (r.nextDouble() - 0.5) * 0.2))
        .put("lon", round(12.40 + (r.nextDouble() - 0.5) * 0.3));
    n.put("rarArea", "HOVEDSTADEN");
    if (i % 3 != 0) {
      ArrayNode req = n.putArray("requiredSkills");
      List<String> ess = occ.essential();
      for (int k = 0; k < Math.min(8, ess.size()); k++) {
        req.addObject().put("id", ess.get(k)).put("essential", k < 5);
      }
    }
    return n.toString();
  }

  /** Writes {@code citizens} citizens and {@code orders} orders to two files. */
  void write(Path citizensFile, Path ordersFile, int citizens, int orders, long seed) throws IOException {
    Random r = new Random(seed);
    try (BufferedWriter w = Files.newBufferedWriter(citizensFile, StandardCharsets.UTF_8)) {
      for (int i = 0; i < citizens; i++) {
        w.write(citizen(r, String.format("c-%07d", i)));
        w.write('\n');
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(ordersFile, StandardCharsets.UTF_8)) {
      for (int i = 0; i < orders; i++) {
        w.write(order(r, String.format("jo-%05d", i), i));
        w.write('\n');
      }
    }
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }

  /** {@code EscoPopulation ESCO_DIR OUT_DIR CITIZENS ORDERS SEED}: writes citizens.jsonl and orders.jsonl. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    long seed = Long.parseLong(args[4]);
    load(Path.of(args[0]), seed, 400).write(out.resolve("citizens.jsonl"), out.resolve("orders.jsonl"),
        Integer.parseInt(args[2]), Integer.parseInt(args[3]), seed);
  }
}
