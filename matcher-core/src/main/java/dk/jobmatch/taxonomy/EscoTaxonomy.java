package dk.jobmatch.taxonomy;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>This class is the concept graph and the credit rules; reading the files is {@code
 * EscoExport}'s job (package-private: one CSV reader, {@code CsvRecords}, for all seven files).
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
  static final Pattern LANGUAGE = Pattern.compile("[A-Za-z][A-Za-z_-]{0,15}");

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
    /**
     * Validates the language.
     *
     * @throws IllegalArgumentException on a language that cannot be a file-name suffix
     */
    public Options {
      if (language != null && !LANGUAGE.matcher(language).matches()) {
        throw new IllegalArgumentException("language: '" + language + "' must be letters, such as en or da");
      }
    }

    /**
     * Auto-detected language, unknown references skipped and reported.
     *
     * @return options with no language and lenient references
     */
    public static Options defaults() {
      return new Options(null, false);
    }

    /**
     * These options with another language.
     *
     * @param lang the language suffix, or {@code null} to use the only language present
     * @return new options; these are unchanged
     * @throws IllegalArgumentException on a language that cannot be a file-name suffix
     */
    public Options withLanguage(String lang) {
      return new Options(lang, strictReferences);
    }

    /**
     * These options with strict or lenient references.
     *
     * @param strict true to fail the load on a relation to an unknown concept
     * @return new options; these are unchanged
     */
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

  private EscoTaxonomy(EscoExport l, long loadMillis) {
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
    int broaderEdges = 0;
    for (int s = 0; s < nSkill; s++) {
      IntArrayList list = l.broader.get(s);
      broader[s] = list == null ? EMPTY : list.distinct().toSortedArray();
      broaderEdges += broader[s].length;
    }
    children = children(broader, nodes);
    occByUnitGroup = unitGroups(occIsco);

    stats = new Stats(l.language, nOcc, nSkill, iscoLabels.size(), total, essential, total - essential,
        ssr / 2, broaderEdges, l.broaderOccEdges, l.skippedOsr, l.skippedOther, estimateBytes(), loadMillis);
  }

  /** The narrower skills of every node (skill or skill group), the inverse of {@code broader}, in skill order. */
  private static int[][] children(int[][] broader, int nodes) {
    IntArrayList[] kids = new IntArrayList[nodes];
    for (int s = 0; s < broader.length; s++) {
      for (int b : broader[s]) {
        if (kids[b] == null) {
          kids[b] = new IntArrayList(4);
        }
        kids[b].add(s);
      }
    }
    int[][] out = new int[nodes][];
    for (int b = 0; b < nodes; b++) {
      out[b] = kids[b] == null ? EMPTY : kids[b].toArray();
    }
    return out;
  }

  /** The ESCO occupations of each ISCO-08 unit group (four digits), in file order. */
  private static Map<String, int[]> unitGroups(String[] occIsco) {
    Map<String, IntArrayList> byGroup = new HashMap<>();
    for (int o = 0; o < occIsco.length; o++) {
      if (occIsco[o] != null && occIsco[o].length() == 4) {
        byGroup.computeIfAbsent(occIsco[o], k -> new IntArrayList()).add(o);
      }
    }
    Map<String, int[]> groups = new HashMap<>();
    byGroup.forEach((k, v) -> groups.put(k, v.toArray()));
    return Map.copyOf(groups);
  }

  /** A taxonomy read back from a {@linkplain TaxonomySnapshot snapshot}: the stored structures, the rest derived. */
  private EscoTaxonomy(TaxonomySnapshot.Parts p) {
    occUri = p.occUri();
    occLabel = p.occLabel();
    occAltLabels = p.occAlt();
    occIsco = p.occIsco();
    occSkills = p.occSkills();
    skillUri = p.skillUri();
    skillLabel = p.skillLabel();
    skillAltLabels = p.skillAlt();
    skillType = p.skillType();
    skillReuse = p.skillReuse();
    skillRelations = p.skillRelations();
    broader = p.broader();
    groupUri = p.groupUri();
    iscoLabels = Collections.unmodifiableMap(new LinkedHashMap<>(p.iscoLabels()));
    problems = List.copyOf(p.problems());
    occIndex = index(occUri, "occupation");
    skillIndex = index(skillUri, "skill");
    children = children(broader, skillUri.length + groupUri.length);
    occByUnitGroup = unitGroups(occIsco);
    Stats s = p.stats();
    stats = new Stats(s.language(), s.occupations(), s.skills(), s.iscoGroups(), s.occupationSkillRelations(),
        s.essentialRelations(), s.optionalRelations(), s.skillSkillRelations(), s.broaderSkillRelations(),
        s.broaderOccupationRelations(), s.skippedOccupationSkillRelations(), s.skippedOtherRelations(),
        s.approxBytes(), p.loadMillis()); // the estimate as loading made it (the same structures)
  }

  /** URI to number; a URI twice is a corrupt snapshot. */
  private static ObjectIntHashMap<String> index(String[] uris, String what) {
    ObjectIntHashMap<String> m = new ObjectIntHashMap<>(uris.length * 2);
    for (int i = 0; i < uris.length; i++) {
      if (m.getIfAbsentPut(uris[i], i) != i) {
        throw new IllegalArgumentException(what + " URI twice");
      }
    }
    return m;
  }

  /** The parts a {@linkplain TaxonomySnapshot snapshot} stores (the derived structures are rebuilt). */
  TaxonomySnapshot.Parts parts() {
    return new TaxonomySnapshot.Parts(occUri, occLabel, occAltLabels, occIsco, occSkills, skillUri, skillLabel,
        skillAltLabels, skillType, skillReuse, skillRelations, broader, groupUri, iscoLabels, problems, stats, 0);
  }

  /** Built from snapshot parts (for {@link TaxonomySnapshot}). */
  static EscoTaxonomy of(TaxonomySnapshot.Parts parts) {
    return new EscoTaxonomy(parts);
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
   * @param dir the directory of the ESCO CSV export
   * @return the taxonomy; immutable and thread-safe
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
   * @param dir the directory of the ESCO CSV export
   * @param options the language and how to treat unknown references
   * @return the taxonomy; immutable and thread-safe
   * @throws NoSuchFileException if the directory or a required file is missing
   * @throws DataFileException on malformed content, or with {@link Options#strictReferences()} on a
   *     relation to an unknown concept, naming file and line
   * @throws IOException on other I/O errors, or if the language is not given and the directory
   *     holds several
   */
  public static EscoTaxonomy load(Path dir, Options options) throws IOException {
    long start = System.nanoTime();
    EscoExport export = EscoExport.read(dir, options);
    EscoTaxonomy taxonomy = new EscoTaxonomy(export, (System.nanoTime() - start) / 1_000_000);
    if (export.skippedOsr + export.skippedOther > 0) {
      LOG.warn("ESCO export {}: skipped {} relations to concepts missing from the concept files; first: {}",
          dir, export.skippedOsr + export.skippedOther, export.problems.get(0));
    }
    LOG.info("Loaded ESCO export {} ({}): {}", dir, export.language, taxonomy.stats);
    return taxonomy;
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

  /**
   * The ESCO skill type of a skill, if known.
   *
   * @param skillId the skill's ESCO URI
   * @return the skill type, or empty for an unknown skill or one without a type
   */
  public Optional<SkillType> skillType(String skillId) {
    int s = skillIndex.getIfAbsent(skillId, -1);
    return s < 0 || skillType[s] < 0 ? Optional.empty() : Optional.of(SkillType.values()[skillType[s]]);
  }

  /**
   * The broader concepts (skills or skill groups) of a skill, as URIs in URI order; empty if
   * unknown.
   *
   * @param skillId the skill's ESCO URI
   * @return an unmodifiable list of the broader concepts' URIs
   */
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

  /**
   * The ESCO occupations in an ISCO-08 unit group (four digits), in file order.
   *
   * @param unitGroup the unit group's four digits
   * @return an unmodifiable list; empty for a group without ESCO occupations
   */
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

  /**
   * The ISCO-08 groups (1–4 digits) with their labels in the export's language, in file order.
   *
   * @return an unmodifiable map of the group digits to their labels
   */
  public Map<String, String> iscoGroups() {
    return iscoLabels;
  }

  /**
   * Counts and approximate memory.
   *
   * @return the concept and relation counts and the estimated heap use, measured at load
   */
  public Stats stats() {
    return stats;
  }

  /**
   * The first few relations skipped because they refer to unknown concepts, each as {@code
   * file:line: field: 'uri' is not in the … file}; empty after a clean load.
   *
   * @return an unmodifiable list of messages, at most a few dozen
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
