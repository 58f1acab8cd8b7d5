package dk.jobmatch.taxonomy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Danish education levels 1–8 used for education fit: the first digit of Danmarks
 * Statistik's DISCED education groups, each mapped to its ISCED 2011 level.
 *
 * <table>
 *   <caption>Levels</caption>
 *   <tr><th>Level</th><th>Danish</th><th>English</th><th>ISCED 2011</th></tr>
 *   <tr><td>1</td><td>Grundskole</td><td>Primary and lower secondary</td><td>2</td></tr>
 *   <tr><td>2</td><td>Gymnasial uddannelse</td><td>General upper secondary</td><td>3</td></tr>
 *   <tr><td>3</td><td>Erhvervsfaglig uddannelse</td><td>Vocational education</td><td>3</td></tr>
 *   <tr><td>4</td><td>Kort videregående uddannelse</td><td>Short-cycle tertiary</td><td>5</td></tr>
 *   <tr><td>5</td><td>Mellemlang videregående uddannelse</td><td>Medium-cycle tertiary
 *       (professional bachelor)</td><td>6</td></tr>
 *   <tr><td>6</td><td>Bacheloruddannelse</td><td>Bachelor</td><td>6</td></tr>
 *   <tr><td>7</td><td>Lang videregående uddannelse</td><td>Master</td><td>7</td></tr>
 *   <tr><td>8</td><td>Ph.d.</td><td>Doctoral</td><td>8</td></tr>
 * </table>
 *
 * <p>Grundskole spans ISCED 1 and 2; it is mapped to 2, the completed level. Vocational education
 * (erhvervsuddannelser, including AMU courses counted there by Danmarks Statistik) is ISCED 3
 * like upper secondary, but ranks above it in the Danish levels, which are what the gap uses.
 *
 * <p>A utility class: static, stateless and thread-safe.
 */
public final class EducationLevels {
  /** The lowest level. */
  public static final int MIN_LEVEL = 1;
  /** The highest level. */
  public static final int MAX_LEVEL = 8;

  /**
   * One Danish education level.
   *
   * @param level 1–8
   * @param danishName the Danish name
   * @param englishName the English name
   * @param isced2011 the ISCED 2011 level
   */
  public record Level(int level, String danishName, String englishName, int isced2011) {}

  /**
   * One DISCED education group from Danmarks Statistik's list.
   *
   * @param code the code as written, e.g. {@code EDU_disced_3010}
   * @param number the four-digit group number, e.g. {@code 3010}
   * @param level the Danish level 1–8 (the number's first digit), or {@code null} for groups
   *     outside 1–8 (0 pre-school, 9 unknown)
   * @param title the Danish title
   */
  public record EducationGroup(String code, String number, Integer level, String title) {}

  private static final List<Level> LEVELS = List.of(
      new Level(1, "Grundskole", "Primary and lower secondary education", 2),
      new Level(2, "Gymnasial uddannelse", "General upper secondary education", 3),
      new Level(3, "Erhvervsfaglig uddannelse", "Vocational education and training", 3),
      new Level(4, "Kort videregående uddannelse", "Short-cycle tertiary education", 5),
      new Level(5, "Mellemlang videregående uddannelse", "Medium-cycle tertiary education (professional bachelor)", 6),
      new Level(6, "Bacheloruddannelse", "Bachelor's degree", 6),
      new Level(7, "Lang videregående uddannelse", "Master's degree", 7),
      new Level(8, "Ph.d.", "Doctoral degree", 8));

  private static final Pattern DISCED = Pattern.compile("(?:EDU_disced_)?(\\d{4})");

  private EducationLevels() {}

  /**
   * The eight levels, in order.
   *
   * @return an unmodifiable list of the levels 1–8
   */
  public static List<Level> all() {
    return LEVELS;
  }

  /**
   * The level with this number.
   *
   * @param level the level number, 1–8
   * @return the level
   * @throws IllegalArgumentException if {@code level} is outside 1–8
   */
  public static Level of(int level) {
    check("level", level);
    return LEVELS.get(level - 1);
  }

  /**
   * How many levels the held education is short of the required one: {@code max(0, required -
   * held)}; no known education ({@code null}) counts as level 0, i.e. short by {@code required}.
   *
   * @param required the level required, 1–8
   * @param held the level held, 1–8, or {@code null} when not known
   * @return the number of levels short, 0 when {@code held} reaches {@code required}
   * @throws IllegalArgumentException if a level is outside 1–8
   */
  public static int gap(int required, Integer held) {
    check("education.minLevel", required);
    if (held != null) {
      check("education.level", held);
    }
    return Math.max(0, required - (held == null ? 0 : held));
  }

  /**
   * Whether an education completed in {@code completedYear} is outdated on {@code asOf}: more than
   * {@code years} calendar years ago ({@code asOf.getYear() - completedYear > years}). An unknown
   * completion year is never outdated.
   *
   * @param completedYear the year completed, or {@code null} when not known
   * @param asOf the day asked about
   * @param years the calendar years after which an education is outdated, at least 0
   * @return true if more than {@code years} calendar years have passed since {@code completedYear}
   * @throws IllegalArgumentException if {@code years} is negative
   * @throws NullPointerException if {@code asOf} is null
   */
  public static boolean outdated(Integer completedYear, LocalDate asOf, int years) {
    Objects.requireNonNull(asOf, "asOf");
    if (years < 0) {
      throw new IllegalArgumentException("years: '" + years + "' must not be negative");
    }
    return completedYear != null && asOf.getYear() - completedYear > years;
  }

  /**
   * The Danish level of a DISCED group code ({@code EDU_disced_3010} or {@code 3010} → 3); empty
   * for groups outside 1–8 or text that is not a DISCED code.
   *
   * @param code the DISCED group code, with or without the {@code EDU_disced_} prefix; null gives
   *     empty
   * @return the level 1–8, or empty
   */
  public static OptionalInt levelOfDisced(String code) {
    Matcher m = DISCED.matcher(code.strip());
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    int l = m.group(1).charAt(0) - '0';
    return l >= MIN_LEVEL && l <= MAX_LEVEL ? OptionalInt.of(l) : OptionalInt.empty();
  }

  /**
   * Loads Danmarks Statistik's education groups ({@code disced-education-groups.csv}: header
   * {@code code,description}, codes {@code EDU_disced_NNNN}).
   *
   * @param file the CSV file
   * @return an unmodifiable list of the groups, in file order
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws DataFileException on malformed content or a duplicate code, naming file and line
   * @throws IOException on other I/O errors
   */
  public static List<EducationGroup> loadGroups(Path file) throws IOException {
    List<EducationGroup> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (CsvRecords in = CsvRecords.open(file, ',', false)) {
      int code = in.column("code");
      int title = in.column("description");
      while (in.next()) {
        String c = in.get(code).strip();
        Matcher m = DISCED.matcher(c);
        if (!m.matches()) {
          throw in.error("code", c, "must be EDU_disced_ and four digits");
        }
        if (!seen.add(c)) {
          throw in.error("code", c, "appears twice");
        }
        OptionalInt level = levelOfDisced(c);
        out.add(new EducationGroup(c, m.group(1), level.isPresent() ? level.getAsInt() : null, in.get(title).strip()));
      }
    }
    return List.copyOf(out);
  }

  private static void check(String field, int level) {
    if (level < MIN_LEVEL || level > MAX_LEVEL) {
      throw new IllegalArgumentException(field + ": '" + level + "' must be between 1 and 8");
    }
  }
}
