package dk.jobmatch.taxonomy;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.IntDoubleHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ESCO classification (European Skills, Competences, Qualifications and Occupations), loaded
 * from the official CSV export of any language: occupations with their ISCO-08 unit group and
 * labels, skills with type and reuse level, the essential and optional skills of each
 * occupation, skill–skill relations and the skill hierarchy.
 *
 * <p>What it answers for scoring:
 *
 * <ul>
 *   <li>{@link #resolve}: an ESCO occupation URI becomes its ISCO unit group digits plus the URI;
 *       ISCO/DISCO references become their digits.
 *   <li>{@link #relatedSkills}: partial credit for a skill through ESCO skill–skill relations
 *       ({@value #ESSENTIAL_RELATION_CREDIT} essential, {@value #OPTIONAL_RELATION_CREDIT}
 *       optional, in either direction), the broader skill and narrower skills ({@value
 *       #PARENT_CHILD_CREDIT}) and siblings under the same broader skill ({@value
 *       #SIBLING_CREDIT}); at most {@value #MAX_RELATED} entries, highest credit first, ties by
 *       URI, so the answer is deterministic. Skill <em>groups</em> (ISCED-F fields, the top of the
 *       skills hierarchy) give no credit: their members are too diverse (a nurse's hygiene skill
 *       shares a group with swimming-pool safety).
 *   <li>{@link #reuseLevel}: ESCO's reuse level.
 *   <li>{@link #skillsOf}: an ESCO occupation's essential and optional skills; for an ISCO or
 *       DISCO reference of at least four digits, the skills of the ESCO occupations in its unit
 *       group by majority (essential when essential for at least half of them, optional when at
 *       least half list it).
 * </ul>
 *
 * <p>Files read from the export directory ({@code <lang>} is the language, e.g. {@code en},
 * {@code da}; the relation files may have the suffix or not, and may carry label columns):
 * {@code occupations_<lang>.csv}, {@code skills_<lang>.csv}, {@code ISCOGroups_<lang>.csv},
 * {@code occupationSkillRelations[_<lang>].csv}, {@code skillSkillRelations[_<lang>].csv},
 * {@code broaderRelationsOccPillar[_<lang>].csv}, {@code broaderRelationsSkillPillar[_<lang>].csv}.
 * Columns are found by their header names, so column order and extra columns do not matter.
 * Hidden labels, descriptions and the collection files are not loaded.
 *
 * <p>Malformed input (broken quoting, invalid UTF-8, a wrong number of fields, an unknown
 * relation type, reuse level or skill type, malformed ISCO digits, a duplicate concept) fails
 * with a {@link DataFileException} naming the file and line. A relation that refers to a concept
 * missing from the concept files is a different matter: the official v1.1.1 English export itself
 * has 67 occupation–skill relations and one broader relation for an occupation that is not in
 * {@code occupations_en.csv}. By default such relations are skipped, counted in {@link #stats()},
 * listed in {@link #problems()} (with file and line) and logged once as a warning; with {@link
 * Options#strictReferences()} the first one fails the load.
 * A file that does not end with a line break (cut off mid-line by an interrupted download or
 * copy) fails with a {@link DataFileException} naming it, instead of loading a truncated record.
 *
 * <p>Memory is kept lean: concepts are numbered, relations are {@code int} arrays, labels are
 * kept as one string per concept, repeated values (ISCO digits) are shared. The full English
 * v1.1.1 export takes about the heap reported by {@link Stats#approxBytes()}.
 *
 * <p>Immutable and thread-safe after {@link #load}. Maps and lists returned are unmodifiable.
 */
public final class EscoTaxonomy implements Taxonomy {
  /** Credit of a skill related to the required one as essential in ESCO's skill–skill relations. */
  public static final double ESSENTIAL_RELATION_CREDIT = 0.5;
  /** Credit of a skill related to the required one as optional. */
  public static final double OPTIONAL_RELATION_CREDIT = 0.4;
  /** Credit of the broader skill of the required one, or of a narrower skill. */
  public static final double PARENT_CHILD_CREDIT = 0.3;
  /** Credit of a skill under the same broader skill. */
  public static final double SIBLING_CREDIT = 0.25;
  /** The most entries {@link #relatedSkills} returns. */
  public static final int MAX_RELATED = 32;

  private static final Logger LOG = LoggerFactory.getLogger(EscoTaxonomy.class);
  private static final Pattern ISCO_DIGITS = Pattern.compile("\\d{1,4}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z][A-Za-z_-]{0,15}");
  private static final Pattern OCCUPATIONS_FILE = Pattern.compile("occupations_(" + LANGUAGE.pattern() + ")\\.csv");
  private static final int MAX_PROBLEMS_KEPT = 20;

  /** ESCO's skill types. */
  public enum SkillType {
    /** {@code skill/competence} */
    SKILL_COMPETENCE,
    /** {@code knowledge} */
    KNOWLEDGE
  }

  /**
   * How to load an export.
   *
   * @param language the language suffix of the concept files ({@code en}, {@code da}, …), or
   *     {@code null} to use the only language present
   * @param strictReferences whether a relation to a concept missing from the concept files fails
   *     the load instead of being skipped and reported
   */
  public record Options(String language, boolean strictReferences) {
    /** @throws IllegalArgumentException on a language that cannot be a file-name suffix */
    public Options {
      if (language != null && !LANGUAGE.matcher(language).matches()) {
        throw new IllegalArgumentException("language: '" + language + "' must be letters, such as en or da");
      }
    }

    /** Auto-detected language, unknown references skipped and reported. */
    public static Options defaults() {
      return new Options(null, false);
    }

    /** These options with another language. */
    public Options withLanguage(String lang) {
      return new Options(lang, strictReferences);
    }

    /** These options with strict or lenient references. */
    public Options withStrictReferences(boolean strict) {
      return new Options(language, strict);
    }
  }

  /**
   * Counts and approximate memory of a loaded export.
   *
   * @param language the language loaded
   * @param occupations occupations
   * @param skills skills and knowledge concepts
   * @param iscoGroups ISCO-08 groups (all levels)
   * @param occupationSkillRelations occupation–skill relations loaded
   * @param essentialRelations of which essential
   * @param optionalRelations of which optional
   * @param skillSkillRelations distinct pairs of related skills loaded
   * @param broaderSkillRelations skill hierarchy edges loaded (skill to broader skill or group)
   * @param broaderOccupationRelations occupation hierarchy edges read
   * @param skippedOccupationSkillRelations occupation–skill relations skipped for unknown concepts
   * @param skippedOtherRelations other relations skipped for unknown concepts
   * @param approxBytes an estimate of the retained heap of this taxonomy
   * @param loadMillis wall-clock time of the load
   */
  public record Stats(
      String language,
      int occupations,
      int skills,
      int iscoGroups,
      int occupationSkillRelations,
      int essentialRelations,
      int optionalRelations,
      int skillSkillRelations,
      int broaderSkillRelations,
      int broaderOccupationRelations,
      int skippedOccupationSkillRelations,
      int skippedOtherRelations,
      long approxBytes,
      long loadMillis) {}

  // Occupations, numbered 0..n-1 in file order.
  private final String[] occUri;
  private final String[] occLabel;
  private final String[] occAltLabels; // newline-joined, or null
  private final String[] occIsco; // shared digit strings, or null
  private final ObjectIntHashMap<String> occIndex;
  private final int[][] occSkills; // (skill << 1) | essential; essential first, then by URI
  private final Map<String, int[]> occByUnitGroup;

  // Skills, numbered 0..n-1 in file order; skill groups are numbered n.. as hierarchy nodes.
  private final String[] skillUri;
  private final String[] skillLabel;
  private final String[] skillAltLabels;
  private final byte[] skillType; // -1 unknown, else SkillType ordinal
  private final byte[] skillReuse; // -1 unknown, else ReuseLevel ordinal
  private final ObjectIntHashMap<String> skillIndex;
  private final int[][] skillRelations; // (skill << 1) | essential, both directions
  private final int[][] broader; // node ids of broader skills/groups
  private final int[][] children; // per node: narrower skills
  private final String[] groupUri;

  private final Map<String, String> iscoLabels;
  private final List<String> problems;
  private final Stats stats;

  private EscoTaxonomy(Loader l, long loadMillis) {
    occUri = l.occUri.toArray(String[]::new);
    occLabel = l.occLabel.toArray(String[]::new);
    occAltLabels = l.occAlt.toArray(String[]::new);
    occIsco = l.occIsco.toArray(String[]::new);
    occIndex = l.occIndex;
    skillUri = l.skillUri.toArray(String[]::new);
    skillLabel = l.skillLabel.toArray(String[]::new);
    skillAltLabels = l.skillAlt.toArray(String[]::new);
    skillType = l.skillType.toByteArray();
    skillReuse = l.skillReuse.toByteArray();
    skillIndex = l.skillIndex;
    groupUri = l.groupUri.toArray(String[]::new);
    iscoLabels = Collections.unmodifiableMap(new LinkedHashMap<>(l.iscoLabels));
    problems = List.copyOf(l.problems);

    int nOcc = occUri.length;
    int nSkill = skillUri.length;
    Integer[] order = new Integer[nSkill];
    for (int i = 0; i < nSkill; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> skillUri[x].compareTo(skillUri[y]));
    int[] byRank = new int[nSkill];
    int[] uriRank = new int[nSkill];
    for (int r = 0; r < nSkill; r++) {
      byRank[r] = order[r];
      uriRank[order[r]] = r;
    }
    occSkills = new int[nOcc][];
    int essential = 0;
    int total = 0;
    for (int o = 0; o < nOcc; o++) {
      occSkills[o] = sortedRelations(l.occSkills.get(o), uriRank, byRank);
      for (int r : occSkills[o]) {
        essential += r & 1;
      }
      total += occSkills[o].length;
    }
    skillRelations = new int[nSkill][];
    int ssr = 0;
    for (int s = 0; s < nSkill; s++) {
      IntArrayList list = l.skillRel.get(s);
      skillRelations[s] = sortedRelations(list, uriRank, byRank);
      ssr += skillRelations[s].length;
    }
    int nodes = nSkill + groupUri.length;
    broader = new int[nSkill][];
    IntArrayList[] kids = new IntArrayList[nodes];
    int broaderEdges = 0;
    for (int s = 0; s < nSkill; s++) {
      IntArrayList list = l.broader.get(s);
      broader[s] = list == null ? EMPTY : list.distinct().toSortedArray();
      broaderEdges += broader[s].length;
      for (int b : broader[s]) {
        if (kids[b] == null) {
          kids[b] = new IntArrayList(4);
        }
        kids[b].add(s);
      }
    }
    children = new int[nodes][];
    for (int b = 0; b < nodes; b++) {
      children[b] = kids[b] == null ? EMPTY : kids[b].toArray();
    }
    Map<String, IntArrayList> byGroup = new HashMap<>();
    for (int o = 0; o < nOcc; o++) {
      if (occIsco[o] != null && occIsco[o].length() == 4) {
        byGroup.computeIfAbsent(occIsco[o], k -> new IntArrayList()).add(o);
      }
    }
    Map<String, int[]> groups = new HashMap<>();
    byGroup.forEach((k, v) -> groups.put(k, v.toArray()));
    occByUnitGroup = Map.copyOf(groups);

    stats = new Stats(l.language, nOcc, nSkill, iscoLabels.size(), total, essential, total - essential,
        ssr / 2, broaderEdges, l.broaderOccEdges, l.skippedOsr, l.skippedOther, estimateBytes(), loadMillis);
  }

  private static final int[] EMPTY = new int[0];

  /**
   * Deduplicates (keeping essential over optional) and orders essential first, then by URI, using
   * primitive sorts: {@code uriRank} is each skill's position in URI order.
   */
  private static int[] sortedRelations(IntArrayList list, int[] uriRank, int[] byRank) {
    if (list == null || list.isEmpty()) {
      return EMPTY;
    }
    int[] a = list.toArray();
    Arrays.sort(a); // (skill << 1) | essential: the same skill is adjacent, optional before essential
    long[] keys = new long[a.length];
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (i + 1 < a.length && (a[i + 1] >>> 1) == (a[i] >>> 1)) {
        continue; // a later entry for the same skill is at least as essential
      }
      int skill = a[i] >>> 1;
      long optional = 1 - (a[i] & 1);
      keys[n++] = (optional << 32) | uriRank[skill];
    }
    Arrays.sort(keys, 0, n);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int skill = byRank[(int) keys[i]];
      out[i] = (skill << 1) | (int) (1 - (keys[i] >>> 32));
    }
    return out;
  }

  /**
   * Loads the export in {@code dir} with {@linkplain Options#defaults() default options}.
   *
   * @throws NoSuchFileException if the directory or a required file is missing (the message names
   *     the file names tried)
   * @throws DataFileException on malformed content, naming file and line
   * @throws IOException on other I/O errors, or if the directory holds several languages
   */
  public static EscoTaxonomy load(Path dir) throws IOException {
    return load(dir, Options.defaults());
  }

  /**
   * Loads the export in {@code dir}.
   *
   * @throws NoSuchFileException if the directory or a required file is missing
   * @throws DataFileException on malformed content, or with {@link Options#strictReferences()} on a
   *     relation to an unknown concept, naming file and line
   * @throws IOException on other I/O errors, or if the language is not given and the directory
   *     holds several
   */
  public static EscoTaxonomy load(Path dir, Options options) throws IOException {
    long start = System.nanoTime();
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
    Loader l = new Loader(lang, options.strictReferences());
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
    EscoTaxonomy taxonomy = new EscoTaxonomy(l, (System.nanoTime() - start) / 1_000_000);
    if (l.skippedOsr + l.skippedOther > 0) {
      LOG.warn("ESCO export {}: skipped {} relations to concepts missing from the concept files; first: {}",
          dir, l.skippedOsr + l.skippedOther, l.problems.get(0));
    }
    LOG.info("Loaded ESCO export {} ({}): {}", dir, lang, taxonomy.stats);
    return taxonomy;
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

  /** Reads the export's files into growable structures; discarded after construction. */
  private static final class Loader {
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

    Loader(String language, boolean strict) {
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
            tb = (byte) SkillType.SKILL_COMPETENCE.ordinal();
          } else if (t.equals("knowledge") || t.endsWith("/knowledge")) {
            tb = (byte) SkillType.KNOWLEDGE.ordinal();
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
  }

  /** A growable byte list (Eclipse Collections' would do, but this keeps the dependency surface small). */
  private static final class ByteList {
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

  // ---- Taxonomy ----

  @Override
  public OccupationCode resolve(OccupationRef ref) {
    if (ref.scheme() != OccupationRef.Scheme.ESCO) {
      return OccupationCode.ofDigits(ref.code());
    }
    int o = occIndex.getIfAbsent(ref.code(), -1);
    return new OccupationCode(o < 0 ? null : occIsco[o], ref.code());
  }

  @Override
  public Map<String, Double> relatedSkills(String skillId) {
    int s = skillIndex.getIfAbsent(skillId, -1);
    if (s < 0) {
      return Map.of();
    }
    int nSkill = skillUri.length;
    IntDoubleHashMap credit = new IntDoubleHashMap();
    for (int r : skillRelations[s]) {
      offer(credit, s, r >>> 1, (r & 1) == 1 ? ESSENTIAL_RELATION_CREDIT : OPTIONAL_RELATION_CREDIT);
    }
    for (int b : broader[s]) {
      if (b < nSkill) {
        offer(credit, s, b, PARENT_CHILD_CREDIT);
        for (int sib : children[b]) {
          offer(credit, s, sib, SIBLING_CREDIT);
        }
      }
    }
    for (int c : children[s]) {
      offer(credit, s, c, PARENT_CHILD_CREDIT);
    }
    if (credit.isEmpty()) {
      return Map.of();
    }
    int[] keys = credit.keySet().toArray();
    Integer[] boxed = Arrays.stream(keys).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (a, b) -> {
      int c = Double.compare(credit.get(b), credit.get(a));
      return c != 0 ? c : skillUri[a].compareTo(skillUri[b]);
    });
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(MAX_RELATED, boxed.length); i++) {
      out.put(skillUri[boxed[i]], credit.get(boxed[i]));
    }
    return Collections.unmodifiableMap(out);
  }

  private static void offer(IntDoubleHashMap credit, int self, int other, double value) {
    if (other != self && credit.getIfAbsent(other, 0.0) < value) {
      credit.put(other, value);
    }
  }

  @Override
  public Optional<ReuseLevel> reuseLevel(String skillId) {
    int s = skillIndex.getIfAbsent(skillId, -1);
    return s < 0 || skillReuse[s] < 0 ? Optional.empty() : Optional.of(ReuseLevel.values()[skillReuse[s]]);
  }

  @Override
  public List<RequiredSkill> skillsOf(OccupationRef occupation) {
    if (occupation.scheme() == OccupationRef.Scheme.ESCO) {
      int o = occIndex.getIfAbsent(occupation.code(), -1);
      return o < 0 ? List.of() : skillsOfIndex(o);
    }
    String digits = occupation.code();
    if (digits.length() < 4) {
      return List.of();
    }
    int[] members = occByUnitGroup.get(digits.substring(0, 4));
    if (members == null) {
      return List.of();
    }
    List<List<RequiredSkill>> per = new ArrayList<>(members.length);
    for (int o : members) {
      per.add(skillsOfIndex(o));
    }
    return GroupSkills.majority(per);
  }

  private List<RequiredSkill> skillsOfIndex(int o) {
    int[] rel = occSkills[o];
    RequiredSkill[] out = new RequiredSkill[rel.length];
    for (int i = 0; i < rel.length; i++) {
      out[i] = new RequiredSkill(skillUri[rel[i] >>> 1], (rel[i] & 1) == 1);
    }
    return List.of(out);
  }

  @Override
  public Optional<String> skillLabel(String skillId) {
    int s = skillIndex.getIfAbsent(skillId, -1);
    return s < 0 ? Optional.empty() : Optional.of(skillLabel[s]);
  }

  @Override
  public Optional<String> occupationLabel(OccupationRef occupation) {
    if (occupation.scheme() == OccupationRef.Scheme.ESCO) {
      int o = occIndex.getIfAbsent(occupation.code(), -1);
      return o < 0 ? Optional.empty() : Optional.of(occLabel[o]);
    }
    return Optional.ofNullable(iscoLabels.get(occupation.code()));
  }

  /** The ESCO occupations with their preferred and alternative labels, in file order. */
  @Override
  public Map<OccupationRef, List<String>> occupationLabels() {
    Map<OccupationRef, List<String>> out = new LinkedHashMap<>();
    for (int o = 0; o < occUri.length; o++) {
      out.put(new OccupationRef(OccupationRef.Scheme.ESCO, occUri[o]), labels(occLabel[o], occAltLabels[o]));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The ESCO skills with their preferred and alternative labels, in file order. */
  @Override
  public Map<String, List<String>> skillLabels() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int s = 0; s < skillUri.length; s++) {
      out.put(skillUri[s], labels(skillLabel[s], skillAltLabels[s]));
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<String> labels(String pref, String alt) {
    if (alt == null) {
      return List.of(pref);
    }
    String[] alts = alt.split("\n");
    String[] all = new String[alts.length + 1];
    all[0] = pref;
    System.arraycopy(alts, 0, all, 1, alts.length);
    return List.of(all);
  }

  /** ESCO occupations it loaded and ISCO-08 groups (DISCO codes of up to four digits). */
  @Override
  public boolean knows(OccupationRef ref) {
    return switch (ref.scheme()) {
      case ESCO -> occIndex.containsKey(ref.code());
      case ISCO -> iscoLabels.containsKey(ref.code());
      case DISCO -> ref.code().length() <= 4 && iscoLabels.containsKey(ref.code());
    };
  }

  /** ESCO and ISCO-08; DISCO-08's six-digit level needs {@link DiscoClassification#decorate}. */
  @Override
  public boolean covers(OccupationRef.Scheme scheme) {
    return scheme != OccupationRef.Scheme.DISCO;
  }

  // ---- ESCO-specific queries ----

  /** The ESCO skill type of a skill, if known. */
  public Optional<SkillType> skillType(String skillId) {
    int s = skillIndex.getIfAbsent(skillId, -1);
    return s < 0 || skillType[s] < 0 ? Optional.empty() : Optional.of(SkillType.values()[skillType[s]]);
  }

  /** The broader concepts (skills or skill groups) of a skill, as URIs in URI order; empty if unknown. */
  public List<String> broaderSkills(String skillId) {
    int s = skillIndex.getIfAbsent(skillId, -1);
    if (s < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int b : broader[s]) {
      out.add(b < skillUri.length ? skillUri[b] : groupUri[b - skillUri.length]);
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /** The ESCO occupations in an ISCO-08 unit group (four digits), in file order. */
  public List<OccupationRef> occupationsInGroup(String unitGroup) {
    int[] members = occByUnitGroup.get(unitGroup);
    if (members == null) {
      return List.of();
    }
    List<OccupationRef> out = new ArrayList<>(members.length);
    for (int o : members) {
      out.add(new OccupationRef(OccupationRef.Scheme.ESCO, occUri[o]));
    }
    return List.copyOf(out);
  }

  /** The ISCO-08 groups (1–4 digits) with their labels in the export's language, in file order. */
  public Map<String, String> iscoGroups() {
    return iscoLabels;
  }

  /** Counts and approximate memory. */
  public Stats stats() {
    return stats;
  }

  /**
   * The first few relations skipped because they refer to unknown concepts, each as {@code
   * file:line: field: 'uri' is not in the … file}; empty after a clean load.
   */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "EscoTaxonomy[" + stats.language() + ", " + stats.occupations() + " occupations, " + stats.skills()
        + " skills]";
  }

  // ---- memory estimate ----

  private long estimateBytes() {
    long b = 0;
    b += strings(occUri) + strings(occLabel) + strings(occAltLabels) + strings(skillUri) + strings(skillLabel)
        + strings(skillAltLabels) + strings(groupUri);
    b += refArray(occIsco.length) + 4 * 48; // shared digit strings counted once, roughly
    b += intMatrix(occSkills) + intMatrix(skillRelations) + intMatrix(broader) + intMatrix(children);
    b += 16L + skillType.length + 16L + skillReuse.length;
    // Eclipse ObjectIntHashMap: one reference and one int per slot, load factor 0.5.
    b += 2L * (occIndex.size() + skillIndex.size()) * 12 * 2;
    b += occByUnitGroup.size() * 96L + (long) occUri.length * 4;
    for (Map.Entry<String, String> e : iscoLabels.entrySet()) {
      b += 48 + string(e.getValue());
    }
    return b;
  }

  private static long strings(String[] a) {
    long b = refArray(a.length);
    for (String s : a) {
      b += string(s);
    }
    return b;
  }

  private static long string(String s) {
    if (s == null) {
      return 0;
    }
    boolean latin1 = true;
    for (int i = 0; i < s.length() && latin1; i++) {
      latin1 = s.charAt(i) < 256;
    }
    // String header + value array header, compact (Latin-1) or UTF-16 payload.
    return 24 + 16 + align((long) s.length() * (latin1 ? 1 : 2));
  }

  private static long intMatrix(int[][] m) {
    long b = refArray(m.length);
    for (int[] row : m) {
      if (row != EMPTY) {
        b += 16 + align(4L * row.length);
      }
    }
    return b;
  }

  private static long refArray(int n) {
    return 16 + align(4L * n);
  }

  private static long align(long n) {
    return (n + 7) & ~7L;
  }
}
