package dk.jobmatch.taxonomy;

import dk.jobmatch.internal.Checks;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The labour-market balance (Arbejdsmarkedsbalancen) as a lookup: the {@link ShortageCategory} of
 * an occupation in a RAR area on a date, loaded from a CSV file.
 *
 * <h2>File format</h2>
 *
 * UTF-8 CSV (RFC 4180; a byte-order mark is skipped; lines starting with {@code #} are comments)
 * with the header {@code occupation,rarArea,category,validFrom,validTo} (columns in any order, no
 * others):
 *
 * <ul>
 *   <li>{@code occupation}: {@code isco:NNNN} (1–4 digits), {@code disco:NNNNNN} (1–4 or 6 digits)
 *       or an ESCO occupation URI;
 *   <li>{@code rarArea}: one of {@link RarArea} spelled exactly ({@code HOVEDSTADEN}, …), or empty
 *       for every area;
 *   <li>{@code category}: {@code MANGEL}, {@code PARADOKS}, {@code GODE} or {@code MINDRE_GODE};
 *   <li>{@code validFrom}: ISO date, required; {@code validTo}: ISO date or empty for open-ended;
 *       both inclusive.
 * </ul>
 *
 * <h2>Which line answers</h2>
 *
 * A code covers the groups below it ({@code isco:53} covers {@code disco:532220}); among the lines
 * valid on the date, the most specific occupation wins (an ESCO URI, then six digits, then four,
 * three, two, one), and for the same occupation a line for the asked area wins over a line for
 * every area. When the area asked about is {@code null}, only lines for every area answer. Lines
 * for the same occupation and area must not overlap in time; the loader rejects that.
 *
 * <p>An ESCO URI line applies to that ESCO occupation only. With a {@link Taxonomy}, the loader
 * rejects ESCO URIs and ISCO/DISCO codes the taxonomy covers but does not know, and the lookup
 * places an unresolved ESCO occupation ({@link OccupationCode} without digits) through the
 * taxonomy.
 *
 * <p>Errors name the file, the line and the field; all bad lines (up to 20) are reported in one
 * {@link DataFileException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ShortageRegistry implements ShortageLookup {
  /** The required header columns. */
  public static final List<String> COLUMNS = List.of("occupation", "rarArea", "category", "validFrom", "validTo");

  private static final String EXAMPLE = "shortage-hovedstaden-example.csv";
  private static final int MAX_ERRORS = 20;

  /**
   * One line of the file.
   *
   * @param occupation the occupation as written
   * @param area the RAR area, or {@code null} for every area
   * @param category the category
   * @param validFrom first day, inclusive
   * @param validTo last day, inclusive, or {@code null} for open-ended
   * @param line the line in the file, for messages
   */
  public record Entry(OccupationRef occupation, RarArea area, ShortageCategory category, LocalDate validFrom,
      LocalDate validTo, long line) {
    /**
     * Checks the required components.
     *
     * @throws NullPointerException if a required component is null
     */
    public Entry {
      Objects.requireNonNull(occupation, "occupation");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(validFrom, "validFrom");
    }

    /**
     * Whether the line applies on {@code date}.
     *
     * @param date the day asked about
     * @return true if {@code date} lies between {@code validFrom} and {@code validTo}, both
     *     inclusive
     * @throws NullPointerException if {@code date} is null
     */
    public boolean validOn(LocalDate date) {
      return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    String key() {
      return occupation.code();
    }
  }

  private final String source;
  private final List<Entry> entries;
  private final Map<String, List<Entry>> byKey;
  private final Taxonomy taxonomy;

  private ShortageRegistry(String source, List<Entry> entries, Taxonomy taxonomy) {
    this.source = source;
    this.entries = List.copyOf(entries);
    Map<String, List<Entry>> m = new HashMap<>();
    for (Entry e : entries) {
      m.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
    }
    Map<String, List<Entry>> frozen = new HashMap<>();
    m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.byKey = Map.copyOf(frozen);
    this.taxonomy = taxonomy;
  }

  /**
   * Loads a shortage file without a taxonomy: ESCO URI lines apply to exactly that URI and are not
   * checked.
   *
   * @param csv the shortage CSV file
   * @return the registry; immutable and thread-safe
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws DataFileException listing the bad lines as {@code file:line: field: 'value' rule}
   * @throws IOException on other I/O errors
   */
  public static ShortageRegistry load(Path csv) throws IOException {
    return load(csv, null);
  }

  /**
   * Loads a shortage file, checking occupations against {@code taxonomy} (may be {@code null}).
   *
   * @param csv the shortage CSV file
   * @param taxonomy the taxonomy the occupations are checked against and placed by, or {@code null}
   * @return the registry; immutable and thread-safe
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws DataFileException listing the bad lines as {@code file:line: field: 'value' rule}
   * @throws IOException on other I/O errors
   */
  public static ShortageRegistry load(Path csv, Taxonomy taxonomy) throws IOException {
    return read(Files.newInputStream(csv), csv.toString(), taxonomy);
  }

  /**
   * The bundled example for the Hovedstaden RAR area: the welfare shortages (nurses, teachers,
   * pedagogues, social and health care) and a few other occupations. Illustrative, not the
   * official balance; see {@code notes/tax-README.md} for its lines.
   *
   * @return the example registry, one shared immutable instance loaded on first use
   * @throws UncheckedIOException if the bundled resource is missing or broken (a packaging bug)
   */
  public static ShortageRegistry hovedstadenExample() {
    return ExampleHolder.INSTANCE;
  }

  private static final class ExampleHolder {
    static final ShortageRegistry INSTANCE;

    static {
      InputStream in = ShortageRegistry.class.getResourceAsStream(EXAMPLE);
      if (in == null) {
        throw new UncheckedIOException(new IOException("resource " + EXAMPLE + " is missing"));
      }
      try {
        INSTANCE = read(in, EXAMPLE, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static ShortageRegistry read(InputStream stream, String source, Taxonomy taxonomy) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<DataFileException> errors = new ArrayList<>();
    int errorCount = 0;
    try (CsvRecords in = CsvRecords.open(stream, source, ',', true)) {
      Set<String> header = new LinkedHashSet<>(Arrays.asList(in.header()));
      for (String h : header) {
        if (!COLUMNS.contains(h)) {
          throw new DataFileException(source, 1, "header: unknown column '" + h + "' (expected "
              + String.join(",", COLUMNS) + ")");
        }
      }
      int occ = in.column("occupation");
      int area = in.column("rarArea");
      int cat = in.column("category");
      int from = in.column("validFrom");
      int to = in.column("validTo");
      while (in.next()) {
        try {
          entries.add(parse(in, occ, area, cat, from, to, taxonomy));
        } catch (DataFileException e) {
          if (errors.size() < MAX_ERRORS) {
            errors.add(e);
          }
          errorCount++;
        }
      }
    }
    if (errors.isEmpty()) {
      checkOverlaps(entries, source, errors);
      errorCount = errors.size();
    }
    if (!errors.isEmpty()) {
      StringBuilder detail = new StringBuilder(errors.get(0).detail());
      for (int i = 1; i < errors.size(); i++) {
        detail.append('\n').append(errors.get(i).getMessage());
      }
      if (errorCount > errors.size()) {
        detail.append("\n(").append(errorCount - errors.size()).append(" more bad lines)");
      }
      throw new DataFileException(source, errors.get(0).line(), detail.toString());
    }
    return new ShortageRegistry(source, entries, taxonomy);
  }

  /** The rule part of a model message {@code field: rule}. */
  private static String rule(IllegalArgumentException e, String field) {
    String m = String.valueOf(e.getMessage());
    return m.startsWith(field + ": ") ? m.substring(field.length() + 2) : m;
  }

  private static ShortageCategory enumOrFail(CsvRecords in, String c) throws DataFileException {
    try {
      return Checks.enumValue("category", ShortageCategory.class, c);
    } catch (IllegalArgumentException e) {
      throw in.error("category", c, rule(e, "category"));
    }
  }

  private static Entry parse(CsvRecords in, int occ, int area, int cat, int from, int to, Taxonomy taxonomy)
      throws DataFileException {
    String o = in.get(occ).strip();
    OccupationRef ref;
    try {
      if (o.isEmpty()) {
        throw new IllegalArgumentException("occupation: is required");
      }
      ref = OccupationRef.parse(o);
    } catch (IllegalArgumentException e) {
      // Reference data, not personal: the value is quoted for the one fixing the file.
      throw o.isEmpty() ? in.error(e.getMessage()) : in.error("occupation", o, rule(e, "occupation"));
    }
    if (taxonomy != null && taxonomy.covers(ref.scheme()) && !taxonomy.knows(ref)) {
      throw in.error("occupation", o, "is not an occupation of the taxonomy");
    }
    String a = in.get(area).strip();
    RarArea rar = null;
    ShortageCategory category;
    try {
      if (!a.isEmpty()) {
        try {
          rar = Checks.enumValue("rarArea", RarArea.class, a);
        } catch (IllegalArgumentException e) {
          throw in.error("rarArea", a, rule(e, "rarArea"));
        }
      }
      String c = in.get(cat).strip();
      category = c.isEmpty() ? Checks.enumValue("category", ShortageCategory.class, null)
          : enumOrFail(in, c);
    } catch (IllegalArgumentException e) {
      throw in.error(e.getMessage());
    }
    LocalDate vf = date(in, from, "validFrom", true);
    LocalDate vt = date(in, to, "validTo", false);
    if (vt != null && vt.isBefore(vf)) {
      throw in.error("validTo", vt.toString(), "must not be before validFrom " + vf);
    }
    return new Entry(ref, rar, category, vf, vt, in.line());
  }

  private static LocalDate date(CsvRecords in, int col, String field, boolean required) throws DataFileException {
    String v = in.get(col).strip();
    if (v.isEmpty()) {
      if (required) {
        throw in.error(field + ": is required (an ISO date such as 2026-07-01)");
      }
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw in.error(field, v, "must be an ISO date such as 2026-07-01");
    }
  }

  private static void checkOverlaps(List<Entry> entries, String source, List<DataFileException> errors) {
    Map<String, List<Entry>> groups = new HashMap<>();
    for (Entry e : entries) {
      groups.computeIfAbsent(e.key() + "|" + e.area(), k -> new ArrayList<>()).add(e);
    }
    List<DataFileException> found = new ArrayList<>();
    for (List<Entry> g : groups.values()) {
      g.sort(Comparator.comparing(Entry::validFrom).thenComparingLong(Entry::line));
      for (int i = 1; i < g.size(); i++) {
        Entry prev = g.get(i - 1);
        Entry cur = g.get(i);
        if (prev.validTo() == null || !prev.validTo().isBefore(cur.validFrom())) {
          Entry later = prev.line() > cur.line() ? prev : cur;
          Entry earlier = later == prev ? cur : prev;
          found.add(new DataFileException(source, later.line(), "validFrom: '" + later.validFrom() + "' overlaps line "
              + earlier.line() + " for " + later.occupation() + " in " + (later.area() == null ? "every area" : later.area())));
        }
      }
    }
    found.sort(Comparator.comparingLong(DataFileException::line));
    errors.addAll(found.subList(0, Math.min(MAX_ERRORS, found.size())));
  }

  /**
   * The category of the most specific line valid on {@code date} for {@code occupation} in {@code
   * area}; see the class documentation.
   *
   * @throws NullPointerException if {@code occupation} or {@code date} is null
   */
  @Override
  public Optional<ShortageCategory> category(OccupationCode occupation, RarArea area, LocalDate date) {
    return entry(occupation, area, date).map(Entry::category);
  }

  /**
   * The line that answers {@link #category}, for explanations.
   *
   * @param occupation the occupation
   * @param area the RAR area, or {@code null}
   * @param date the day asked about
   * @return the line whose category {@link #category} returns, or empty when none applies
   */
  public Optional<Entry> entry(OccupationCode occupation, RarArea area, LocalDate date) {
    Objects.requireNonNull(occupation, "occupation");
    Objects.requireNonNull(date, "date");
    if (occupation.escoUri() != null) {
      Entry e = match(byKey.get(occupation.escoUri()), area, date);
      if (e != null) {
        return Optional.of(e);
      }
    }
    String digits = occupation.digits();
    if (digits == null && occupation.escoUri() != null && taxonomy != null) {
      digits = taxonomy.resolve(new OccupationRef(OccupationRef.Scheme.ESCO, occupation.escoUri())).digits();
    }
    if (digits == null) {
      return Optional.empty();
    }
    for (String level : OccupationCode.ofDigits(digits).levels().reversed()) {
      Entry e = match(byKey.get(level), area, date);
      if (e != null) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static Entry match(List<Entry> candidates, RarArea area, LocalDate date) {
    if (candidates == null) {
      return null;
    }
    Entry everyArea = null;
    for (Entry e : candidates) {
      if (e.validOn(date)) {
        if (area != null && e.area() == area) {
          return e;
        }
        if (e.area() == null) {
          everyArea = e;
        }
      }
    }
    return everyArea;
  }

  /**
   * All lines, in file order.
   *
   * @return an unmodifiable list of the lines
   */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The number of lines.
   *
   * @return the number of lines of the file
   */
  public int size() {
    return entries.size();
  }

  @Override
  public String toString() {
    return "ShortageRegistry[" + source + ", " + entries.size() + " lines]";
  }
}
