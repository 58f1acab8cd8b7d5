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

  void readIscoGroups(Path file) throws IOException {
    try (CsvRecords in = CsvRecords.openComplete(file, ',', false)) {
      int uri = in.column("conceptUri");
      int code = in.column("code");
      int label = in.column("preferredLabel");
      while (in.next()) {
        String u = required(in, uri, "conceptUri");
        String c = required(in, code, "code");
        if (!ISCO_DIGITS.matcher(c).matches()) {
          throw in.error("code", c, "must be 1-4 digits");
        }
        c = share(c);
        if (iscoLabels.putIfAbsent(c, in.get(label).strip()) != null) {
          throw in.error("code", c, "appears twice");
        }
        iscoByUri.put(u, c);
      }
    }
  }

  void readOccupations(Path file) throws IOException {
    try (CsvRecords in = CsvRecords.openComplete(file, ',', false)) {
      int uri = in.column("conceptUri");
      int isco = in.column("iscoGroup");
      int label = in.column("preferredLabel");
      int alt = in.optionalColumn("altLabels");
      while (in.next()) {
        String u = required(in, uri, "conceptUri");
        String pref = required(in, label, "preferredLabel");
        String g = in.trimmedOrNull(isco);
        if (g != null) {
          if (!ISCO_DIGITS.matcher(g).matches()) {
            throw in.error("iscoGroup", g, "must be 1-4 digits of ISCO-08");
          }
          if (!iscoLabels.containsKey(g)) {
            reference(in, "iscoGroup", g, "is not in the ISCO groups file", false);
          }
        }
        if (occIndex.containsKey(u)) {
          throw in.error("conceptUri", u, "appears twice");
        }
        occIndex.put(u, occUri.size());
        occUri.add(u);
        occLabel.add(pref);
        occAlt.add(altLabels(in.trimmedOrNull(alt), pref));
        occIsco.add(share(g));
        occSkills.add(null);
      }
    }
  }

  void readSkills(Path file) throws IOException {
    try (CsvRecords in = CsvRecords.openComplete(file, ',', false)) {
      int uri = in.column("conceptUri");
      int type = in.column("skillType");
      int reuse = in.column("reuseLevel");
      int label = in.column("preferredLabel");
      int alt = in.optionalColumn("altLabels");
      while (in.next()) {
        String u = required(in, uri, "conceptUri");
        String pref = required(in, label, "preferredLabel");
        String t = in.trimmedOrNull(type);
        byte tb;
        if (t == null) {
          tb = -1;
        } else if (t.equals("skill/competence") || t.endsWith("/skill")) {
          tb = (byte) EscoTaxonomy.SkillType.SKILL_COMPETENCE.ordinal();
        } else if (t.equals("knowledge") || t.endsWith("/knowledge")) {
          tb = (byte) EscoTaxonomy.SkillType.KNOWLEDGE.ordinal();
        } else {
          throw in.error("skillType", t, "must be skill/competence or knowledge");
        }
        String r = in.trimmedOrNull(reuse);
        byte rb;
        if (r == null) {
          rb = -1;
        } else {
          try {
            rb = (byte) ReuseLevel.parseEsco(r).ordinal();
          } catch (IllegalArgumentException e) {
            throw in.error("reuseLevel", r, "must be transversal, cross-sector, sector-specific or occupation-specific");
          }
        }
        if (skillIndex.containsKey(u)) {
          throw in.error("conceptUri", u, "appears twice");
        }
        skillIndex.put(u, skillUri.size());
        skillUri.add(u);
        skillLabel.add(pref);
        skillAlt.add(altLabels(in.trimmedOrNull(alt), pref));
        skillType.add(tb);
        skillReuse.add(rb);
        skillRel.add(null);
        broader.add(null);
      }
    }
  }

  void readOccupationSkills(Path file) throws IOException {
    try (CsvRecords in = CsvRecords.openComplete(file, ',', false)) {
      int occ = in.column("occupationUri");
      int type = in.column("relationType");
      int skill = in.column("skillUri");
      while (in.next()) {
        String ou = required(in, occ, "occupationUri");
        String su = required(in, skill, "skillUri");
        int essential = relationType(in, type);
        int o = occIndex.getIfAbsent(ou, -1);
        int s = skillIndex.getIfAbsent(su, -1);
        if (o < 0 || s < 0) {
          if (o < 0) {
            reference(in, "occupationUri", ou, "is not in the occupations file", true);
          } else {
            reference(in, "skillUri", su, "is not in the skills file", true);
          }
          continue;
        }
        IntArrayList list = occSkills.get(o);
        if (list == null) {
          occSkills.set(o, list = new IntArrayList(32));
        }
        list.add((s << 1) | essential);
      }
    }
  }

  void readSkillSkills(Path file) throws IOException {
    try (CsvRecords in = CsvRecords.openComplete(file, ',', false)) {
      int from = in.column("originalSkillUri");
      int type = in.column("relationType");
      int to = in.column("relatedSkillUri");
      while (in.next()) {
        String fu = required(in, from, "originalSkillUri");
        String tu = required(in, to, "relatedSkillUri");
        int essential = relationType(in, type);
        int f = skillIndex.getIfAbsent(fu, -1);
        int t = skillIndex.getIfAbsent(tu, -1);
        if (f < 0 || t < 0) {
          reference(in, f < 0 ? "originalSkillUri" : "relatedSkillUri", f < 0 ? fu : tu,
              "is not in the skills file", false);
          continue;
        }
        if (f == t) {
          continue;
        }
        // Both directions: holding either skill is partial evidence of the other.
        add(skillRel, f, (t << 1) | essential);
        add(skillRel, t, (f << 1) | essential);
      }
    }
  }

  void readBroaderSkills(Path file) throws IOException {
    try (CsvRecords in = CsvRecords.openComplete(file, ',', false)) {
      int type = in.column("conceptType");
      int uri = in.column("conceptUri");
      int btype = in.column("broaderType");
      int buri = in.column("broaderUri");
      while (in.next()) {
        String ct = required(in, type, "conceptType");
        String cu = required(in, uri, "conceptUri");
        String bt = required(in, btype, "broaderType");
        String bu = required(in, buri, "broaderUri");
        boolean conceptIsSkill = skillKind(in, "conceptType", ct);
        boolean broaderIsSkill = skillKind(in, "broaderType", bt);
        if (!conceptIsSkill) {
          continue; // group-to-group edges are not needed for credit
        }
        int s = skillIndex.getIfAbsent(cu, -1);
        if (s < 0) {
          reference(in, "conceptUri", cu, "is not in the skills file", false);
          continue;
        }
        int node;
        if (broaderIsSkill) {
          node = skillIndex.getIfAbsent(bu, -1);
          if (node < 0) {
            reference(in, "broaderUri", bu, "is not in the skills file", false);
            continue;
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
      }
    }
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
    try (CsvRecords in = CsvRecords.openComplete(file, ',', false)) {
      int type = in.column("conceptType");
      int uri = in.column("conceptUri");
      int btype = in.column("broaderType");
      int buri = in.column("broaderUri");
      while (in.next()) {
        String ct = required(in, type, "conceptType");
        String cu = required(in, uri, "conceptUri");
        String bt = required(in, btype, "broaderType");
        String bu = required(in, buri, "broaderUri");
        boolean conceptIsOcc = occupationKind(in, "conceptType", ct);
        boolean broaderIsOcc = occupationKind(in, "broaderType", bt);
        int o = -1;
        if (conceptIsOcc) {
          o = occIndex.getIfAbsent(cu, -1);
          if (o < 0) {
            reference(in, "conceptUri", cu, "is not in the occupations file", false);
            continue;
          }
        } else if (!iscoByUri.containsKey(cu)) {
          reference(in, "conceptUri", cu, "is not in the ISCO groups file", false);
          continue;
        }
        if (broaderIsOcc) {
          int b = occIndex.getIfAbsent(bu, -1);
          if (b < 0) {
            reference(in, "broaderUri", bu, "is not in the occupations file", false);
            continue;
          }
          if (o >= 0) {
            occBroaderOcc[o] = b;
          }
        } else {
          String code = iscoByUri.get(bu);
          if (code == null) {
            reference(in, "broaderUri", bu, "is not in the ISCO groups file", false);
            continue;
          }
          if (o >= 0) {
            occBroaderIsco[o] = code;
          }
        }
        broaderOccEdges++;
      }
    }
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

  private static int relationType(CsvRecords in, int col) throws DataFileException {
    String t = in.get(col).strip();
    return switch (t) {
      case "essential" -> 1;
      case "optional" -> 0;
      default -> throw in.error("relationType", t, "must be essential or optional");
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
