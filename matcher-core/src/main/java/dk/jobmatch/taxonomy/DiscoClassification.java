package dk.jobmatch.taxonomy;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * DISCO-08, Danmarks Statistik's Danish version of ISCO-08: codes with Danish titles in five
 * levels. Levels 1–4 coincide with ISCO-08 (1–4 digits); level 5 is a six-digit Danish
 * refinement of a four-digit unit group ({@code 532220 → 5322 → 532 → 53 → 5}).
 *
 * <p>Read from Danmarks Statistik's {@code disco.csv}: semicolon-separated, UTF-8 (a byte-order
 * mark is skipped), header {@code SEKVENS;KODE;NIVEAU;TITEL;...}; only {@code KODE}, {@code
 * NIVEAU} and {@code TITEL} are used. Every code must have the number of digits of its level,
 * appear once, and have its parent in the file.
 *
 * <p>{@link #decorate} puts the Danish titles on top of another taxonomy (typically an {@link
 * EscoTaxonomy}): occupation labels for DISCO and ISCO references, and DISCO codes as occupations
 * for free-text mapping.
 *
 * <p>Immutable and thread-safe.
 */
public final class DiscoClassification {
  private static final Pattern DIGITS = Pattern.compile("\\d{1,6}");

  private final Map<String, String> titles; // code → title, file order
  private final Map<String, Integer> levels;
  private final Map<String, List<String>> children;

  private DiscoClassification(Map<String, String> titles, Map<String, Integer> levels,
      Map<String, List<String>> children) {
    this.titles = Collections.unmodifiableMap(titles);
    this.levels = Map.copyOf(levels);
    this.children = Map.copyOf(children);
  }

  /**
   * Loads Danmarks Statistik's {@code disco.csv}.
   *
   * @param file the CSV file
   * @return the classification; immutable and thread-safe
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws DataFileException on malformed content (naming file, line and field), a code that does
   *     not fit its level, a duplicate code or a missing parent
   * @throws IOException on other I/O errors
   */
  public static DiscoClassification load(Path file) throws IOException {
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, Integer> levels = new HashMap<>();
    Map<String, Long> lines = new HashMap<>();
    String source = file.toString();
    try (CsvRecords in = CsvRecords.open(file, ';', false)) {
      int code = in.column("KODE");
      int level = in.column("NIVEAU");
      int title = in.column("TITEL");
      while (in.next()) {
        String c = in.get(code).strip();
        String l = in.get(level).strip();
        String t = in.get(title).strip();
        if (!DIGITS.matcher(c).matches()) {
          throw in.error("KODE", c, "must be 1-6 digits");
        }
        int lv;
        try {
          lv = Integer.parseInt(l);
        } catch (NumberFormatException e) {
          throw in.error("NIVEAU", l, "must be a level 1-5");
        }
        if (lv < 1 || lv > 5) {
          throw in.error("NIVEAU", l, "must be a level 1-5");
        }
        if (c.length() != digitsOfLevel(lv)) {
          throw in.error("KODE", c, "must have " + digitsOfLevel(lv) + " digits at level " + lv);
        }
        if (t.isEmpty()) {
          throw in.error("TITEL: is required but empty (code " + c + ")");
        }
        if (titles.putIfAbsent(c, t) != null) {
          throw in.error("KODE", c, "appears twice (first on line " + lines.get(c) + ")");
        }
        levels.put(c, lv);
        lines.put(c, in.line());
      }
    }
    if (titles.isEmpty()) {
      throw new DataFileException(source, 0, "has no DISCO-08 codes");
    }
    Map<String, List<String>> kids = new HashMap<>();
    for (String c : titles.keySet()) {
      String p = parentOf(c);
      if (p != null) {
        if (!titles.containsKey(p)) {
          throw new DataFileException(source, lines.get(c), "KODE: '" + c + "' has no parent group " + p + " in the file");
        }
        kids.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, List<String>> frozen = new HashMap<>();
    kids.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new DiscoClassification(titles, levels, frozen);
  }

  private static int digitsOfLevel(int level) {
    return level == 5 ? 6 : level;
  }

  /** The parent code by digits alone: six digits → four, else one digit fewer; null at the top. */
  private static String parentOf(String code) {
    return switch (code.length()) {
      case 1 -> null;
      case 6 -> code.substring(0, 4);
      default -> code.substring(0, code.length() - 1);
    };
  }

  /**
   * The number of codes (all levels).
   *
   * @return the number of codes
   */
  public int size() {
    return titles.size();
  }

  /**
   * Whether {@code code} is a DISCO-08 code.
   *
   * @param code the digits, e.g. {@code 532220}; null is no code
   * @return true if the classification lists the code
   */
  public boolean contains(String code) {
    return titles.containsKey(code);
  }

  /**
   * The Danish title of a code, if it exists.
   *
   * @param code the digits
   * @return the title, or empty for an unknown code
   */
  public Optional<String> title(String code) {
    return Optional.ofNullable(titles.get(code));
  }

  /**
   * The level 1–5 of a code, if it exists.
   *
   * @param code the digits
   * @return the level, or empty for an unknown code
   */
  public OptionalInt level(String code) {
    Integer l = levels.get(code);
    return l == null ? OptionalInt.empty() : OptionalInt.of(l);
  }

  /**
   * The parent code ({@code 532220 → 5322}), empty for a major group or an unknown code.
   *
   * @param code the digits
   * @return the parent's digits, or empty
   */
  public Optional<String> parent(String code) {
    return contains(code) ? Optional.ofNullable(parentOf(code)) : Optional.empty();
  }

  /**
   * The ancestors of a code, nearest first ({@code 532220 → [5322, 532, 53, 5]}); empty for a
   * major group or an unknown code.
   *
   * @param code the digits
   * @return an unmodifiable list of the ancestors' digits, nearest first
   */
  public List<String> ancestors(String code) {
    if (!contains(code)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(4);
    for (String p = parentOf(code); p != null; p = parentOf(p)) {
      out.add(p);
    }
    return List.copyOf(out);
  }

  /**
   * The codes directly below {@code code}, in file order; empty for a leaf or unknown code.
   *
   * @param code the digits
   * @return an unmodifiable list of the children's digits
   */
  public List<String> children(String code) {
    return children.getOrDefault(code, List.of());
  }

  /**
   * All codes with their titles, in file order.
   *
   * @return an unmodifiable map of every code to its title, in file order
   */
  public Map<String, String> titles() {
    return titles;
  }

  /**
   * A taxonomy that answers as {@code base}, plus what DISCO-08 knows:
   *
   * <ul>
   *   <li>{@link Taxonomy#occupationLabel} of a DISCO or ISCO reference is the Danish title;
   *   <li>{@link Taxonomy#occupationLabels} adds every leaf code (normally level 5) as {@code
   *       disco:NNNNNN} with its title (after the base's own labels for that code, if any), so
   *       Danish free text maps to DISCO codes;
   *   <li>{@link Taxonomy#knows} checks DISCO and ISCO codes against DISCO-08 (and the base) and {@link
   *       Taxonomy#covers} reports both schemes as covered, so callers can reject unknown codes;
   *   <li>{@link Taxonomy#resolve} places DISCO and ISCO codes by their digits (an unknown code
   *       still resolves, so scoring never throws; validate input with {@code knows}).
   * </ul>
   *
   * Skills, relations and ESCO occupations come from {@code base}. The result is immutable and
   * thread-safe if {@code base} is.
   *
   * @param base the taxonomy that supplies skills, relations and ESCO occupations
   * @return the decorated taxonomy
   */
  public Taxonomy decorate(Taxonomy base) {
    return new Decorated(Objects.requireNonNull(base, "base"), this);
  }

  @Override
  public String toString() {
    return "DiscoClassification[" + titles.size() + " codes]";
  }

  private record Decorated(Taxonomy base, DiscoClassification disco) implements Taxonomy {
    private static boolean digitsScheme(OccupationRef ref) {
      return ref.scheme() != OccupationRef.Scheme.ESCO;
    }

    @Override
    public OccupationCode resolve(OccupationRef ref) {
      return digitsScheme(ref) ? OccupationCode.ofDigits(ref.code()) : base.resolve(ref);
    }

    @Override
    public Map<String, Double> relatedSkills(String skillId) {
      return base.relatedSkills(skillId);
    }

    @Override
    public Optional<ReuseLevel> reuseLevel(String skillId) {
      return base.reuseLevel(skillId);
    }

    @Override
    public List<RequiredSkill> skillsOf(OccupationRef occupation) {
      return base.skillsOf(occupation);
    }

    @Override
    public Optional<String> skillLabel(String skillId) {
      return base.skillLabel(skillId);
    }

    @Override
    public Optional<String> occupationLabel(OccupationRef occupation) {
      if (digitsScheme(occupation)) {
        Optional<String> t = disco.title(occupation.code());
        if (t.isPresent()) {
          return t;
        }
      }
      return base.occupationLabel(occupation);
    }

    @Override
    public Map<OccupationRef, List<String>> occupationLabels() {
      Map<OccupationRef, List<String>> out = new LinkedHashMap<>(base.occupationLabels());
      for (Map.Entry<String, String> e : disco.titles.entrySet()) {
        if (disco.children(e.getKey()).isEmpty()) {
          OccupationRef ref = OccupationRef.disco(e.getKey());
          List<String> labels = out.get(ref);
          if (labels == null) {
            out.put(ref, List.of(e.getValue()));
          } else if (!labels.contains(e.getValue())) {
            List<String> merged = new ArrayList<>(labels);
            merged.add(e.getValue());
            out.put(ref, List.copyOf(merged));
          }
        }
      }
      return Collections.unmodifiableMap(out);
    }

    @Override
    public Map<String, List<String>> skillLabels() {
      return base.skillLabels();
    }

    @Override
    public boolean knows(OccupationRef ref) {
      return (digitsScheme(ref) && disco.contains(ref.code())) || base.knows(ref);
    }

    @Override
    public boolean covers(OccupationRef.Scheme scheme) {
      return scheme != OccupationRef.Scheme.ESCO || base.covers(scheme);
    }

    @Override
    public String toString() {
      return "DISCO-08 on " + base;
    }
  }
}
