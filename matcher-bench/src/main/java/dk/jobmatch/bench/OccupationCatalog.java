package dk.jobmatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The occupations a generated population is drawn from, each with its ISCO-08 unit group and its
 * essential and optional skills: either ESCO's real occupation→skill relations, or a synthetic
 * taxonomy with a Zipf-like skill popularity when ESCO is not available.
 *
 * <p>Immutable after construction and therefore thread-safe; arrays are never handed out for
 * writing. Skill id strings are shared between all citizens and orders holding them, so a
 * generated population of a million citizens does not hold a million copies of each URI.
 */
final class OccupationCatalog {
  /** Where the data came from, for reports: {@code esco-v1.1.1 (DIR)} or {@code synthetic}. */
  final String source;
  final boolean esco;
  /** Per occupation: the 4-digit ISCO-08 unit group. */
  final String[] isco;
  /** Per occupation: a label (ESCO preferred label, or a synthetic one). */
  final String[] label;
  /** Per occupation: essential skill ids. */
  final String[][] essential;
  /** Per occupation: optional skill ids. */
  final String[][] optional;
  /**
   * Every (occupation, skill) relation's skill, so that a uniform draw from it picks a skill in
   * proportion to how many occupations need it: the real popularity skew of ESCO, or the Zipf
   * skew of the synthetic taxonomy.
   */
  final String[] skillByRelation;
  /** Occupation indices by 3-digit ISCO minor group, for related second occupations and goals. */
  final Map<String, int[]> byMinorGroup;

  private OccupationCatalog(String source, boolean esco, List<String> isco, List<String> label,
      List<String[]> essential, List<String[]> optional) {
    this.source = source;
    this.esco = esco;
    this.isco = isco.toArray(String[]::new);
    this.label = label.toArray(String[]::new);
    this.essential = essential.toArray(String[][]::new);
    this.optional = optional.toArray(String[][]::new);
    List<String> rel = new ArrayList<>();
    for (int i = 0; i < this.isco.length; i++) {
      rel.addAll(Arrays.asList(this.essential[i]));
      rel.addAll(Arrays.asList(this.optional[i]));
    }
    this.skillByRelation = rel.toArray(String[]::new);
    Map<String, List<Integer>> minor = new LinkedHashMap<>();
    for (int i = 0; i < this.isco.length; i++) {
      minor.computeIfAbsent(this.isco[i].substring(0, 3), k -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> m = new HashMap<>();
    minor.forEach((k, v) -> m.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    this.byMinorGroup = Map.copyOf(m);
  }

  int size() {
    return isco.length;
  }

  /**
   * Loads ESCO's occupations and occupation→skill relations from an ESCO CSV export folder
   * ({@code occupations_en.csv} or another language's {@code occupations_*.csv}, and {@code
   * occupationSkillRelations[_xx].csv}). Occupations without a 4-digit ISCO group or without
   * skills are left out.
   *
   * @throws IOException if a file is missing or malformed (the message names the file and line)
   */
  static OccupationCatalog esco(Path dir) throws IOException {
    Path occFile = find(dir, "occupations_en.csv", "occupations_");
    Path relFile = find(dir, "occupationSkillRelations.csv", "occupationSkillRelations");
    Map<String, Integer> index = new LinkedHashMap<>();
    List<String> isco = new ArrayList<>();
    List<String> label = new ArrayList<>();
    try (CsvReader r = new CsvReader(occFile)) {
      int uriCol = r.column("conceptUri");
      int groupCol = r.column("iscoGroup");
      int labelCol = r.column("preferredLabel");
      for (List<String> f = r.next(); f != null; f = r.next()) {
        if (f.size() <= Math.max(uriCol, Math.max(groupCol, labelCol))) {
          continue; // a trailing blank line
        }
        String group = f.get(groupCol).trim();
        if (!group.matches("\\d{4}")) {
          continue;
        }
        index.put(f.get(uriCol).trim(), isco.size());
        isco.add(group);
        label.add(f.get(labelCol).trim());
      }
    }
    List<List<String>> ess = new ArrayList<>();
    List<List<String>> opt = new ArrayList<>();
    for (int i = 0; i < isco.size(); i++) {
      ess.add(new ArrayList<>());
      opt.add(new ArrayList<>());
    }
    Map<String, String> interned = new HashMap<>();
    try (CsvReader r = new CsvReader(relFile)) {
      int occCol = r.column("occupationUri");
      int typeCol = r.column("relationType");
      int skillCol = r.column("skillUri");
      for (List<String> f = r.next(); f != null; f = r.next()) {
        if (f.size() <= Math.max(occCol, Math.max(typeCol, skillCol))) {
          continue;
        }
        Integer o = index.get(f.get(occCol).trim());
        if (o == null) {
          continue;
        }
        String skill = interned.computeIfAbsent(f.get(skillCol).trim(), s -> s);
        if (skill.isEmpty()) {
          continue;
        }
        ("essential".equals(f.get(typeCol).trim()) ? ess : opt).get(o).add(skill);
      }
    }
    List<String> keptIsco = new ArrayList<>();
    List<String> keptLabel = new ArrayList<>();
    List<String[]> keptEss = new ArrayList<>();
    List<String[]> keptOpt = new ArrayList<>();
    for (int i = 0; i < isco.size(); i++) {
      if (ess.get(i).isEmpty() && opt.get(i).isEmpty()) {
        continue;
      }
      keptIsco.add(isco.get(i));
      keptLabel.add(label.get(i));
      keptEss.add(ess.get(i).toArray(String[]::new));
      keptOpt.add(opt.get(i).toArray(String[]::new));
    }
    if (keptIsco.isEmpty()) {
      throw new IOException(occFile + ": no occupation with an ISCO group and skills");
    }
    return new OccupationCatalog("esco (" + dir.getFileName() + ")", true, keptIsco, keptLabel, keptEss, keptOpt);
  }

  private static Path find(Path dir, String preferred, String prefix) throws IOException {
    Path p = dir.resolve(preferred);
    if (Files.isRegularFile(p)) {
      return p;
    }
    try (var s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".csv"))
          .sorted()
          .findFirst()
          .orElseThrow(() -> new IOException(dir + ": no " + preferred + " (ESCO CSV export expected)"));
    }
  }

  /** ISCO-08 unit groups common in a Danish job centre's caseload and in job orders. */
  static final String[] SYNTHETIC_GROUPS = {
    "1120", "1211", "1212", "1221", "1321", "1411", "2111", "2141", "2142", "2144", "2149", "2151",
    "2211", "2221", "2222", "2261", "2264", "2310", "2330", "2341", "2342", "2352", "2411", "2412",
    "2421", "2423", "2431", "2511", "2512", "2513", "2514", "2611", "2634", "2635", "2642", "3112",
    "3113", "3115", "3118", "3211", "3221", "3255", "3313", "3322", "3334", "3343", "3412", "3512",
    "4110", "4120", "4131", "4211", "4221", "4224", "4225", "4311", "4321", "4322", "4411", "5120",
    "5131", "5141", "5151", "5153", "5221", "5223", "5230", "5311", "5312", "5321", "5322", "5414",
    "6113", "6121", "7112", "7115", "7119", "7126", "7131", "7213", "7231", "7233", "7411", "7412",
    "7512", "7522", "8121", "8160", "8322", "8331", "8332", "8344", "9112", "9121", "9129", "9211",
    "9313", "9321", "9329", "9333", "9334", "9412", "9613", "9621"
  };

  /**
   * A synthetic taxonomy: three occupations per common ISCO unit group; each group has a cluster
   * of 40 specific skills, and each occupation also needs a few skills from a shared universe of
   * 3,000 whose popularity follows a Zipf law (exponent 1.07), so a few transversal skills are
   * held by most citizens and most skills by few — the shape ESCO has.
   */
  static OccupationCatalog synthetic(long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5EEDCA7A1L);
    int universe = 3000;
    double[] zipf = new double[universe];
    double sum = 0;
    for (int i = 0; i < universe; i++) {
      sum += 1.0 / Math.pow(i + 1, 1.07);
      zipf[i] = sum;
    }
    List<String> isco = new ArrayList<>();
    List<String> label = new ArrayList<>();
    List<String[]> ess = new ArrayList<>();
    List<String[]> opt = new ArrayList<>();
    String[] shared = new String[universe];
    for (int i = 0; i < universe; i++) {
      shared[i] = String.format("skill:syn-g%04d", i);
    }
    for (String g : SYNTHETIC_GROUPS) {
      String[] cluster = new String[40];
      for (int i = 0; i < cluster.length; i++) {
        cluster[i] = "skill:syn-" + g + "-" + String.format("%02d", i);
      }
      for (int o = 1; o <= 3; o++) {
        isco.add(g);
        label.add("synthetic occupation " + g + "." + o);
        ess.add(draw(r, cluster, shared, zipf, sum, 8 + r.nextInt(9), 2 + r.nextInt(4)));
        opt.add(draw(r, cluster, shared, zipf, sum, 6 + r.nextInt(7), 2 + r.nextInt(4)));
      }
    }
    return new OccupationCatalog("synthetic", false, isco, label, ess, opt);
  }

  private static String[] draw(SplittableRandom r, String[] cluster, String[] shared, double[] zipf, double sum,
      int fromCluster, int fromShared) {
    LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
    while (out.size() < fromCluster) {
      out.put(cluster[r.nextInt(cluster.length)], Boolean.TRUE);
    }
    int target = fromCluster + fromShared;
    while (out.size() < target) {
      int i = Arrays.binarySearch(zipf, r.nextDouble() * sum);
      out.put(shared[Math.min(zipf.length - 1, i < 0 ? -i - 1 : i)], Boolean.TRUE);
    }
    return out.keySet().toArray(String[]::new);
  }
}
