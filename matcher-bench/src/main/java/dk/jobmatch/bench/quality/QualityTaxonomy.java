package dk.jobmatch.bench.quality;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.taxonomy.DanishTextMapper;
import dk.jobmatch.taxonomy.DiscoClassification;
import dk.jobmatch.taxonomy.EscoTaxonomy;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference data a quality benchmark is generated from and scored with: the real ESCO
 * v1.1.1 graph (occupations, their essential and optional skills, skill relations and reuse
 * levels), DISCO-08 with its Danish titles, the taxonomy the engine is given (ESCO decorated with
 * DISCO-08) and a {@link DanishTextMapper} over it.
 *
 * <p>Occupations are numbered {@code 0 .. size()-1}: only ESCO occupations with a four-digit ISCO
 * unit group and at least one essential skill take part (they can be someone's trade).
 *
 * <p>Immutable and thread-safe after {@link #load}; arrays are never handed out for writing.
 */
public final class QualityTaxonomy {
  private final Path dataDir;
  private final EscoTaxonomy esco;
  private final DiscoClassification disco;
  private final Taxonomy taxonomy;
  private final DanishTextMapper mapper;
  final OccupationRef[] occupation;
  final String[] unitGroup;
  final String[][] essential;
  final String[][] optional;
  /** Occupation indices by ISCO unit group (4 digits) and by minor group (3 digits). */
  final Map<String, int[]> byUnitGroup;
  final Map<String, int[]> byMinorGroup;
  /** ESCO transversal skills (reuse level transversal). */
  final String[] transversal;
  /** Every (occupation, skill) relation's skill: a draw picks skills in proportion to their use. */
  final String[] skillByRelation;
  private final Map<String, String[]> relatedCache = new java.util.concurrent.ConcurrentHashMap<>();

  private QualityTaxonomy(Path dataDir, EscoTaxonomy esco, DiscoClassification disco) {
    this.dataDir = dataDir;
    this.esco = esco;
    this.disco = disco;
    this.taxonomy = disco.decorate(esco);
    this.mapper = DanishTextMapper.build(taxonomy);
    List<OccupationRef> occ = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String[]> ess = new ArrayList<>();
    List<String[]> opt = new ArrayList<>();
    List<String> rel = new ArrayList<>();
    for (OccupationRef ref : esco.occupationLabels().keySet()) {
      OccupationCode code = esco.resolve(ref);
      if (code.digits() == null || code.digits().length() != 4) {
        continue;
      }
      List<String> e = new ArrayList<>();
      List<String> o = new ArrayList<>();
      for (RequiredSkill s : esco.skillsOf(ref)) {
        (s.essential() ? e : o).add(s.id());
      }
      if (e.isEmpty()) {
        continue;
      }
      occ.add(ref);
      groups.add(code.digits());
      ess.add(e.toArray(String[]::new));
      opt.add(o.toArray(String[]::new));
      rel.addAll(e);
      rel.addAll(o);
    }
    this.occupation = occ.toArray(OccupationRef[]::new);
    this.unitGroup = groups.toArray(String[]::new);
    this.essential = ess.toArray(String[][]::new);
    this.optional = opt.toArray(String[][]::new);
    this.skillByRelation = rel.toArray(String[]::new);
    this.byUnitGroup = index(4);
    this.byMinorGroup = index(3);
    List<String> tr = new ArrayList<>();
    for (String s : esco.skillLabels().keySet()) {
      if (esco.reuseLevel(s).orElse(null) == ReuseLevel.TRANSVERSAL) {
        tr.add(s);
      }
    }
    this.transversal = tr.toArray(String[]::new);
  }

  private Map<String, int[]> index(int digits) {
    Map<String, List<Integer>> m = new LinkedHashMap<>();
    for (int i = 0; i < unitGroup.length; i++) {
      m.computeIfAbsent(unitGroup[i].substring(0, digits), k -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return Map.copyOf(out);
  }

  /**
   * Loads ESCO from {@code dataDir/esco-v1.1.1} and DISCO-08 from {@code dataDir/disco-08/disco.csv}
   * and builds the Danish text mapper (a few seconds in all).
   *
   * @throws IOException if a file is missing or malformed
   */
  public static QualityTaxonomy load(Path dataDir) throws IOException {
    EscoTaxonomy esco = EscoTaxonomy.load(dataDir.resolve("esco-v1.1.1"));
    DiscoClassification disco = DiscoClassification.load(dataDir.resolve("disco-08").resolve("disco.csv"));
    return new QualityTaxonomy(dataDir, esco, disco);
  }

  /**
   * The data folder: {@code ../shared/data} relative to the working directory (the project root)
   * or its parent (a module directory, as under Maven), if it holds both data sets.
   */
  public static Optional<Path> defaultDataDir() {
    for (String c : new String[] {"../shared/data", "../../shared/data"}) {
      Path p = Path.of(c);
      if (present(p)) {
        return Optional.of(p.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code dir} holds the ESCO export and DISCO-08 this benchmark needs. */
  public static boolean present(Path dir) {
    return Files.isRegularFile(dir.resolve("esco-v1.1.1").resolve("occupationSkillRelations.csv"))
        && Files.isRegularFile(dir.resolve("disco-08").resolve("disco.csv"));
  }

  /** The folder the data was loaded from. */
  public Path dataDir() {
    return dataDir;
  }

  /** The taxonomy the engine and the baselines are given: ESCO decorated with DISCO-08. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** ESCO alone. */
  public EscoTaxonomy esco() {
    return esco;
  }

  /** DISCO-08. */
  public DiscoClassification disco() {
    return disco;
  }

  /** The Danish free-text mapper over {@link #taxonomy()}. */
  public DanishTextMapper mapper() {
    return mapper;
  }

  /** Number of occupations a citizen's trade or an order's occupation is drawn from. */
  public int size() {
    return occupation.length;
  }

  /** The ESCO reference of occupation {@code i}. */
  public OccupationRef occupation(int i) {
    return occupation[i];
  }

  /** The four-digit ISCO-08 unit group of occupation {@code i}. */
  public String unitGroup(int i) {
    return unitGroup[i];
  }

  /**
   * Graded truth of a citizen whose trade is {@code citizenOcc} for an order whose true
   * occupation is {@code orderOcc}: 3 the same occupation, 2 the same ISCO unit group, 1 the same
   * minor group, else 0.
   */
  public int grade(int citizenOcc, int orderOcc) {
    if (citizenOcc == orderOcc) {
      return 3;
    }
    String a = unitGroup[citizenOcc];
    String b = unitGroup[orderOcc];
    if (a.equals(b)) {
      return 2;
    }
    return a.regionMatches(0, b, 0, 3) ? 1 : 0;
  }

  /** ESCO-related skills of a skill (relations and hierarchy), highest credit first; cached. */
  String[] related(String skill) {
    return relatedCache.computeIfAbsent(skill, s -> esco.relatedSkills(s).keySet().toArray(String[]::new));
  }

  @Override
  public String toString() {
    return "QualityTaxonomy[" + occupation.length + " occupations, " + byUnitGroup.size() + " unit groups]";
  }
}
