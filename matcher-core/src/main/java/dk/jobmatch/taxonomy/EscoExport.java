package dk.jobmatch.taxonomy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loading an ESCO CSV export: finds the seven files of one language, reads each through the one
 * CSV reader ({@link CsvRecords}, Jackson's CSV parser: quoting, BOM, columns by header name,
 * errors naming file and line) into growable structures, checks codes and references, and keeps
 * the problems found. {@link EscoTaxonomy} builds its concept graph from the result and then drops
 * it: this class is loading only, the graph and the credit rules are the taxonomy's.
 *
 * <p>Not thread-safe: one instance reads one export once, on one thread.
 */
final class EscoExport {
  private static final Logger LOG = LoggerFactory.getLogger(EscoExport.class);
  private static final Pattern ISCO_DIGITS = Pattern.compile("\\d{1,4}");
  private static final Pattern OCCUPATIONS_FILE = Pattern.compile("occupations_(" + EscoTaxonomy.LANGUAGE.pattern() + ")\\.csv");
  private static final int MAX_PROBLEMS_KEPT = 20;

  final String language;
  final boolean strict;
  final Map<String, String> iscoLabels = new LinkedHashMap<>();
  final Map<String, String> iscoByUri = new HashMap<>();
  final List<String> occUri = new ArrayList<>();
  final List<String> occLabel = new ArrayList<>();
  final List<String> occAlt = new ArrayList<>();
  final List<String> occIsco = new ArrayList<>();
  final ObjectIntHashMap<String> occIndex = new ObjectIntHashMap<>(4096);
  final List<IntArrayList> occSkills = new ArrayList<>();
  final List<String> skillUri = new ArrayList<>();
  final List<String> skillLabel = new ArrayList<>();
  final List<String> skillAlt = new ArrayList<>();
  final ByteList skillType = new ByteList();
  final ByteList skillReuse = new ByteList();
  final ObjectIntHashMap<String> skillIndex = new ObjectIntHashMap<>(16384);
  final List<IntArrayList> skillRel = new ArrayList<>();
  final List<IntArrayList> broader = new ArrayList<>();
  final List<String> groupUri = new ArrayList<>();
  final ObjectIntHashMap<String> groupIndex = new ObjectIntHashMap<>();
  final Map<String, String> shared = new HashMap<>();
  final List<String> problems = new ArrayList<>();
  int skippedOsr;
  int skippedOther;
  int broaderOccEdges;
  String[] occBroaderIsco; // ISCO group from the occupation hierarchy, for occupations lacking one
  int[] occBroaderOcc;

  private EscoExport(String language, boolean strict) {
    this.language = language;
    this.strict = strict;
  }

  String share(String s) {
    return s == null ? null : shared.computeIfAbsent(s, k -> k);
  }

  /** One line of an export file, its columns by name (their positions read once, from the header). */
  private static final class Line {
    final CsvRecords in;
    private final String[] names;
    private final int[] cols;

    Line(CsvRecords in, String[] names, int[] cols) {
      this.in = in;
      this.names = names;
      this.cols = cols;
    }

    private int col(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return cols[i];
        }
      }
      throw new IllegalArgumentException("column: '" + name + "' is not among the columns the reader asked for");
    }

    /** The value, stripped; an empty one is an error naming the column. */
    String required(String name) throws DataFileException {
      return EscoExport.required(in, col(name), name);
    }

    /** The value, stripped, or null if empty (or if the optional column is absent). */
    String trimmedOrNull(String name) {
      return in.trimmedOrNull(col(name));
    }

    /** The value as it stands. */
    String get(String name) {
      return in.get(col(name));
    }
  }

  /** What a reader does with one line; returning early skips the rest of that line. */
  @FunctionalInterface
  private interface LineReader {
    void read(Line line) throws IOException;
  }

  /**
   * The one loop every file of the export is read with: opens {@code file} (comma-separated, its
   * last line complete), finds {@code columns} in the header (a missing one fails naming it) and
   * {@code optionalColumns} where present, and hands every line to {@code reader}.
   */
  private static void readLines(Path file, List<String> columns, List<String> optionalColumns, LineReader reader)
      throws IOException {
    try (CsvRecords in = CsvRecords.openComplete(file, ',', false)) {
      String[] names = new String[columns.size() + optionalColumns.size()];
      int[] cols = new int[names.length];
      int i = 0;
      for (String c : columns) {
        names[i] = c;
        cols[i++] = in.column(c);
      }
      for (String c : optionalColumns) {
        names[i] = c;
        cols[i++] = in.optionalColumn(c);
      }
      Line line = new Line(in, names, cols);
      while (in.next()) {
        reader.read(line);
      }
    }
  }

  void readIscoGroups(Path file) throws IOException {
    readLines(file, List.of("conceptUri", "code", "preferredLabel"), List.of(), line -> {
      String u = line.required("conceptUri");
      String c = line.required("code");
      if (!ISCO_DIGITS.matcher(c).matches()) {
        throw line.in.error("code", c, "must be 1-4 digits");
      }
      c = share(c);
      if (iscoLabels.putIfAbsent(c, line.get("preferredLabel").strip()) != null) {
        throw line.in.error("code", c, "appears twice");
      }
      iscoByUri.put(u, c);
    });
  }

  void readOccupations(Path file) throws IOException {
    readLines(file, List.of("conceptUri", "iscoGroup", "preferredLabel"), List.of("altLabels"), line -> {
      String u = line.required("conceptUri");
      String pref = line.required("preferredLabel");
      String g = line.trimmedOrNull("iscoGroup");
      if (g != null) {
        if (!ISCO_DIGITS.matcher(g).matches()) {
          throw line.in.error("iscoGroup", g, "must be 1-4 digits of ISCO-08");
        }
        if (!iscoLabels.containsKey(g)) {
          reference(line.in, "iscoGroup", g, "is not in the ISCO groups file", false);
        }
      }
      if (occIndex.containsKey(u)) {
        throw line.in.error("conceptUri", u, "appears twice");
      }
      occIndex.put(u, occUri.size());
      occUri.add(u);
      occLabel.add(pref);
      occAlt.add(altLabels(line.trimmedOrNull("altLabels"), pref));
      occIsco.add(share(g));
      occSkills.add(null);
    });
  }

  void readSkills(Path file) throws IOException {
    readLines(file, List.of("conceptUri", "skillType", "reuseLevel", "preferredLabel"), List.of("altLabels"), line -> {
      String u = line.required("conceptUri");
      String pref = line.required("preferredLabel");
      String t = line.trimmedOrNull("skillType");
      byte tb;
      if (t == null) {
        tb = -1;
      } else if (t.equals("skill/competence") || t.endsWith("/skill")) {
        tb = (byte) EscoTaxonomy.SkillType.SKILL_COMPETENCE.ordinal();
      } else if (t.equals("knowledge") || t.endsWith("/knowledge")) {
        tb = (byte) EscoTaxonomy.SkillType.KNOWLEDGE.ordinal();
      } else {
        throw line.in.error("skillType", t, "must be skill/competence or knowledge");
      }
      String r = line.trimmedOrNull("reuseLevel");
      byte rb;
      if (r == null) {
        rb = -1;
      } else {
        try {
          rb = (byte) ReuseLevel.parseEsco(r).ordinal();
        } catch (IllegalArgumentException e) {
          throw line.in.error("reuseLevel", r, "must be transversal, cross-sector, sector-specific or occupation-specific");
        }
      }
      if (skillIndex.containsKey(u)) {
        throw line.in.error("conceptUri", u, "appears twice");
      }
      skillIndex.put(u, skillUri.size());
      skillUri.add(u);
      skillLabel.add(pref);
      skillAlt.add(altLabels(line.trimmedOrNull("altLabels"), pref));
      skillType.add(tb);
      skillReuse.add(rb);
      skillRel.add(null);
      broader.add(null);
    });
  }

  void readOccupationSkills(Path file) throws IOException {
    readLines(file, List.of("occupationUri", "relationType", "skillUri"), List.of(), line -> {
      String ou = line.required("occupationUri");
      String su = line.required("skillUri");
      int essential = relationType(line);
      int o = occIndex.getIfAbsent(ou, -1);
      int s = skillIndex.getIfAbsent(su, -1);
      if (o < 0 || s < 0) {
        if (o < 0) {
          reference(line.in, "occupationUri", ou, "is not in the occupations file", true);
        } else {
          reference(line.in, "skillUri", su, "is not in the skills file", true);
        }
        return;
      }
      IntArrayList list = occSkills.get(o);
      if (list == null) {
        occSkills.set(o, list = new IntArrayList(32));
      }
      list.add((s << 1) | essential);
    });
  }

  void readSkillSkills(Path file) throws IOException {
    readLines(file, List.of("originalSkillUri", "relationType", "relatedSkillUri"), List.of(), line -> {
      String fu = line.required("originalSkillUri");
      String tu = line.required("relatedSkillUri");
      int essential = relationType(line);
      int f = skillIndex.getIfAbsent(fu, -1);
      int t = skillIndex.getIfAbsent(tu, -1);
      if (f < 0 || t < 0) {
        reference(line.in, f < 0 ? "originalSkillUri" : "relatedSkillUri", f < 0 ? fu : tu,
            "is not in the skills file", false);
        return;
      }
      if (f == t) {
        return;
      }
      // Both directions: holding either skill is partial evidence of the other.
      add(skillRel, f, (t << 1) | essential);
      add(skillRel, t, (f << 1) | essential);
    });
  }

  /** The columns of both broader-relations files. */
  private static final List<String> BROADER_COLUMNS = List.of("conceptType", "conceptUri", "broaderType", "broaderUri");

  void readBroaderSkills(Path file) throws IOException {
    readLines(file, BROADER_COLUMNS, List.of(), line -> {
      String ct = line.required("conceptType");
      String cu = line.required("conceptUri");
      String bt = line.required("broaderType");
      String bu = line.required("broaderUri");
      boolean conceptIsSkill = skillKind(line.in, "conceptType", ct);
      boolean broaderIsSkill = skillKind(line.in, "broaderType", bt);
      if (!conceptIsSkill) {
        return; // group-to-group edges are not needed for credit
      }
      int s = skillIndex.getIfAbsent(cu, -1);
      if (s < 0) {
        reference(line.in, "conceptUri", cu, "is not in the skills file", false);
        return;
      }
      int node;
      if (broaderIsSkill) {
        node = skillIndex.getIfAbsent(bu, -1);
        if (node < 0) {
          reference(line.in, "broaderUri", bu, "is not in the skills file", false);
          return;
        }
      } else {
        int g = groupIndex.getIfAbsent(bu, -1);
        if (g < 0) {
          g = groupUri.size();
          groupIndex.put(bu, g);
          groupUri.add(bu);
        }
        node = -1 - g; // groups are renumbered after all skills are known
      }
      add(broader, s, node);
    });
    // Skill groups become nodes skillCount + g.
    int n = skillUri.size();
    for (IntArrayList list : broader) {
      if (list != null) {
        for (int i = 0; i < list.size(); i++) {
          int v = list.get(i);
          if (v < 0) {
            list.set(i, n + (-1 - v));
          }
        }
      }
    }
  }

  void readBroaderOccupations(Path file) throws IOException {
    occBroaderIsco = new String[occUri.size()];
    occBroaderOcc = new int[occUri.size()];
    Arrays.fill(occBroaderOcc, -1);
    readLines(file, BROADER_COLUMNS, List.of(), line -> {
      String ct = line.required("conceptType");
      String cu = line.required("conceptUri");
      String bt = line.required("broaderType");
      String bu = line.required("broaderUri");
      boolean conceptIsOcc = occupationKind(line.in, "conceptType", ct);
      boolean broaderIsOcc = occupationKind(line.in, "broaderType", bt);
      int o = -1;
      if (conceptIsOcc) {
        o = occIndex.getIfAbsent(cu, -1);
        if (o < 0) {
          reference(line.in, "conceptUri", cu, "is not in the occupations file", false);
          return;
        }
      } else if (!iscoByUri.containsKey(cu)) {
        reference(line.in, "conceptUri", cu, "is not in the ISCO groups file", false);
        return;
      }
      if (broaderIsOcc) {
        int b = occIndex.getIfAbsent(bu, -1);
        if (b < 0) {
          reference(line.in, "broaderUri", bu, "is not in the occupations file", false);
          return;
        }
        if (o >= 0) {
          occBroaderOcc[o] = b;
        }
      } else {
        String code = iscoByUri.get(bu);
        if (code == null) {
          reference(line.in, "broaderUri", bu, "is not in the ISCO groups file", false);
          return;
        }
        if (o >= 0) {
          occBroaderIsco[o] = code;
        }
      }
      broaderOccEdges++;
    });
    // An occupation without an ISCO group takes it from its broader concepts.
    for (int o = 0; o < occUri.size(); o++) {
      if (occIsco.get(o) == null) {
        int cur = o;
        for (int depth = 0; depth < 16 && cur >= 0; depth++) {
          String g = occIsco.get(cur) != null ? occIsco.get(cur) : occBroaderIsco[cur];
          if (g != null) {
            occIsco.set(o, g);
            break;
          }
          cur = occBroaderOcc[cur];
        }
      }
    }
  }

  private static boolean skillKind(CsvRecords in, String field, String value) throws DataFileException {
    return switch (value) {
      case "KnowledgeSkillCompetence" -> true;
      case "SkillGroup" -> false;
      default -> throw in.error(field, value, "must be KnowledgeSkillCompetence or SkillGroup");
    };
  }

  private static boolean occupationKind(CsvRecords in, String field, String value) throws DataFileException {
    return switch (value) {
      case "Occupation" -> true;
      case "ISCOGroup" -> false;
      default -> throw in.error(field, value, "must be Occupation or ISCOGroup");
    };
  }

  private static int relationType(Line line) throws DataFileException {
    String t = line.get("relationType").strip();
    return switch (t) {
      case "essential" -> 1;
      case "optional" -> 0;
      default -> throw line.in.error("relationType", t, "must be essential or optional");
    };
  }

  private static String required(CsvRecords in, int col, String field) throws DataFileException {
    String v = in.trimmedOrNull(col);
    if (v == null) {
      throw in.error(field + ": is required but empty");
    }
    return v;
  }

  private void reference(CsvRecords in, String field, String value, String rule, boolean osr)
      throws DataFileException {
    DataFileException e = in.error(field, value, rule);
    if (strict) {
      throw e;
    }
    if (osr) {
      skippedOsr++;
    } else {
      skippedOther++;
    }
    if (problems.size() < MAX_PROBLEMS_KEPT) {
      problems.add(e.getMessage());
    }
  }

  private static void add(List<IntArrayList> lists, int at, int value) {
    IntArrayList list = lists.get(at);
    if (list == null) {
      lists.set(at, list = new IntArrayList(4));
    }
    list.add(value);
  }

  /** ESCO keeps alternative labels newline-separated; keep them so, cleaned, in one string. */
  private static String altLabels(String raw, String preferred) {
    if (raw == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String s : raw.split("\n")) {
      String t = s.strip();
      if (!t.isEmpty() && !t.equals(preferred)) {
        out.add(t);
      }
    }
    return out.isEmpty() ? null : String.join("\n", out);
  }

  /**
   * Reads the seven files of the export in {@code dir}: every file is resolved first, so a missing
   * one fails before minutes of work on the others.
   *
   * @throws NoSuchFileException if the directory or a required file is missing
   * @throws DataFileException on malformed content, or with strict references on a relation to an
   *     unknown concept, naming file and line
   * @throws IOException on other I/O errors, or if the language is not given and the directory
   *     holds several
   */
  static EscoExport read(Path dir, EscoTaxonomy.Options options) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "ESCO export directory does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    String lang = options.language() != null ? options.language() : detectLanguage(dir);
    // Resolve every file first, so a missing one fails before minutes of work on the others.
    Path isco = file(dir, "ISCOGroups", lang);
    Path occupations = file(dir, "occupations", lang);
    Path skills = file(dir, "skills", lang);
    Path occupationSkills = file(dir, "occupationSkillRelations", lang);
    Path skillSkills = file(dir, "skillSkillRelations", lang);
    Path broaderSkills = file(dir, "broaderRelationsSkillPillar", lang);
    Path broaderOccupations = file(dir, "broaderRelationsOccPillar", lang);
    EscoExport l = new EscoExport(lang, options.strictReferences());
    long t = System.nanoTime();
    l.readIscoGroups(isco);
    t = timed(isco, t);
    l.readOccupations(occupations);
    t = timed(occupations, t);
    l.readSkills(skills);
    t = timed(skills, t);
    l.readOccupationSkills(occupationSkills);
    t = timed(occupationSkills, t);
    l.readSkillSkills(skillSkills);
    t = timed(skillSkills, t);
    l.readBroaderSkills(broaderSkills);
    t = timed(broaderSkills, t);
    l.readBroaderOccupations(broaderOccupations);
    timed(broaderOccupations, t);
    return l;
  }

  private static long timed(Path file, long since) {
    long now = System.nanoTime();
    LOG.debug("read {} in {} ms", file.getFileName(), (now - since) / 1_000_000);
    return now;
  }

  private static String detectLanguage(Path dir) throws IOException {
    Set<String> langs = new TreeSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "occupations_*.csv")) {
      for (Path p : files) {
        Matcher m = OCCUPATIONS_FILE.matcher(p.getFileName().toString());
        if (m.matches()) {
          langs.add(m.group(1));
        }
      }
    }
    if (langs.isEmpty()) {
      throw new NoSuchFileException(dir.resolve("occupations_<lang>.csv").toString(), null,
          "no ESCO occupations file (occupations_<lang>.csv) in the export directory");
    }
    if (langs.size() > 1) {
      throw new IOException(dir + ": ESCO export holds several languages " + langs
          + "; choose one with EscoTaxonomy.Options.withLanguage");
    }
    return langs.iterator().next();
  }

  private static Path file(Path dir, String name, String lang) throws NoSuchFileException {
    Path withLang = dir.resolve(name + "_" + lang + ".csv");
    if (Files.isRegularFile(withLang)) {
      return withLang;
    }
    Path plain = dir.resolve(name + ".csv");
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    throw new NoSuchFileException(withLang.toString(), null,
        "required ESCO file missing (neither " + withLang.getFileName() + " nor " + plain.getFileName() + " exists)");
  }

  /** A growable byte list (Eclipse Collections' would do, but this keeps the dependency surface small). */
  static final class ByteList {
    private byte[] a = new byte[1024];
    private int n;

    void add(byte b) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = b;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
