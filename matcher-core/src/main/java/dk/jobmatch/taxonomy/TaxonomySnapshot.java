package dk.jobmatch.taxonomy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A compact binary snapshot of a loaded {@link EscoTaxonomy}, so that a program that starts often
 * (the command line on a persistent index) reads the taxonomy in a fraction of the time parsing
 * the ESCO CSV export takes, with the same answers to every question.
 *
 * <p><b>Format</b> (version {@value #VERSION}): the magic number {@code JMTX}, the version, the
 * <em>source digest</em> (a text the caller ties the snapshot to, e.g. the SHA-256 of the export
 * it was loaded from), the length of the body, the body, and a CRC-32 of every byte before it.
 * The body holds what {@link EscoTaxonomy#load} built from the files: occupations (URI, labels,
 * ISCO digits, skills), skills (URI, labels, type, reuse level, relations, broader concepts),
 * skill groups, ISCO-08 group labels, the load's problems, counts and memory estimate. Look-up tables and the
 * narrower-concept lists are derived again on reading.
 *
 * <p><b>Reading is checked.</b> {@link #read} returns a taxonomy only if the magic number, the
 * version and the source digest are the expected ones, the checksum matches, the body parses to
 * its last byte and every number in it is in range; otherwise it returns empty (never throws for
 * bad bytes), and the caller loads the export as without a snapshot. Data warnings of the export
 * (relations to unknown concepts) are not logged again on reading; {@link EscoTaxonomy#problems()}
 * still lists them.
 *
 * <p>Stateless and thread-safe.
 */
public final class TaxonomySnapshot {
  /**
   * The format version: raised whenever the stored structures or their meaning change (e.g. how
   * {@link EscoTaxonomy} orders relations), so that an older snapshot is not used.
   */
  public static final int VERSION = 1;

  /** {@code JMTX}. */
  static final int MAGIC = 0x4A4D5458;

  private static final int NULL = -1;

  private TaxonomySnapshot() {}

  /** What a snapshot stores; arrays are shared, not copied (package-private, for {@link EscoTaxonomy}). */
  record Parts(String[] occUri, String[] occLabel, String[] occAlt, String[] occIsco, int[][] occSkills,
      String[] skillUri, String[] skillLabel, String[] skillAlt, byte[] skillType, byte[] skillReuse,
      int[][] skillRelations, int[][] broader, String[] groupUri, Map<String, String> iscoLabels,
      List<String> problems, EscoTaxonomy.Stats stats, long loadMillis) {}

  /**
   * The snapshot of {@code taxonomy}, tied to {@code sourceDigest}.
   *
   * @param taxonomy the taxonomy
   * @param sourceDigest what {@link #read} must be given to accept the snapshot (e.g. the
   *     SHA-256 of the export directory)
   * @return the bytes
   * @throws NullPointerException if an argument is null
   */
  public static byte[] write(EscoTaxonomy taxonomy, String sourceDigest) {
    Objects.requireNonNull(sourceDigest, "sourceDigest");
    Parts p = Objects.requireNonNull(taxonomy, "taxonomy").parts();
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 22);
      DataOutputStream out = new DataOutputStream(body);
      EscoTaxonomy.Stats s = p.stats();
      string(out, s.language());
      int[] counts = {s.occupations(), s.skills(), s.iscoGroups(), s.occupationSkillRelations(), s.essentialRelations(),
          s.optionalRelations(), s.skillSkillRelations(), s.broaderSkillRelations(), s.broaderOccupationRelations(),
          s.skippedOccupationSkillRelations(), s.skippedOtherRelations()};
      for (int c : counts) {
        out.writeInt(c);
      }
      out.writeLong(s.approxBytes());
      int nOcc = p.occUri().length;
      out.writeInt(nOcc);
      for (int o = 0; o < nOcc; o++) {
        string(out, p.occUri()[o]);
        string(out, p.occLabel()[o]);
        string(out, p.occAlt()[o]);
        string(out, p.occIsco()[o]);
        ints(out, p.occSkills()[o]);
      }
      int nSkill = p.skillUri().length;
      out.writeInt(nSkill);
      for (int i = 0; i < nSkill; i++) {
        string(out, p.skillUri()[i]);
        string(out, p.skillLabel()[i]);
        string(out, p.skillAlt()[i]);
        out.writeByte(p.skillType()[i]);
        out.writeByte(p.skillReuse()[i]);
        ints(out, p.skillRelations()[i]);
        ints(out, p.broader()[i]);
      }
      out.writeInt(p.groupUri().length);
      for (String g : p.groupUri()) {
        string(out, g);
      }
      out.writeInt(p.iscoLabels().size());
      for (Map.Entry<String, String> e : p.iscoLabels().entrySet()) {
        string(out, e.getKey());
        string(out, e.getValue());
      }
      out.writeInt(p.problems().size());
      for (String problem : p.problems()) {
        string(out, problem);
      }
      out.flush();

      ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + 256);
      DataOutputStream head = new DataOutputStream(all);
      head.writeInt(MAGIC);
      head.writeInt(VERSION);
      string(head, sourceDigest);
      head.writeLong(body.size());
      body.writeTo(head);
      head.flush();
      CRC32 crc = new CRC32();
      byte[] bytes = all.toByteArray();
      crc.update(bytes);
      head.writeLong(crc.getValue());
      head.flush();
      return all.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /**
   * The taxonomy in a snapshot, if it is one of this version, tied to {@code sourceDigest},
   * intact and consistent; empty otherwise (no exception for bad bytes).
   *
   * @param bytes the snapshot's bytes
   * @param sourceDigest the digest the snapshot must have been written with
   * @return the taxonomy, or empty
   * @throws NullPointerException if an argument is null
   */
  public static Optional<EscoTaxonomy> read(byte[] bytes, String sourceDigest) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sourceDigest, "sourceDigest");
    long start = System.nanoTime();
    try {
      if (bytes.length < 8 + 8 + 8 + 4) {
        return Optional.empty();
      }
      ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 8);
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bytes.length - 8);
      if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
        return Optional.empty();
      }
      if (in.getInt() != MAGIC || in.getInt() != VERSION || !sourceDigest.equals(string(in))) {
        return Optional.empty();
      }
      if (in.getLong() != in.remaining()) {
        return Optional.empty();
      }
      String language = string(in);
      int[] counts = new int[11];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = in.getInt();
      }
      long approxBytes = in.getLong();
      int nOcc = count(in);
      String[] occUri = new String[nOcc];
      String[] occLabel = new String[nOcc];
      String[] occAlt = new String[nOcc];
      String[] occIsco = new String[nOcc];
      int[][] occSkills = new int[nOcc][];
      Map<String, String> digits = new java.util.HashMap<>(); // shared digit strings, as loading shares them
      for (int o = 0; o < nOcc; o++) {
        occUri[o] = required(string(in));
        occLabel[o] = required(string(in));
        occAlt[o] = string(in);
        String isco = string(in);
        occIsco[o] = isco == null ? null : digits.computeIfAbsent(isco, x -> x);
        occSkills[o] = ints(in);
      }
      int nSkill = count(in);
      String[] skillUri = new String[nSkill];
      String[] skillLabel = new String[nSkill];
      String[] skillAlt = new String[nSkill];
      byte[] skillType = new byte[nSkill];
      byte[] skillReuse = new byte[nSkill];
      int[][] skillRelations = new int[nSkill][];
      int[][] broader = new int[nSkill][];
      for (int i = 0; i < nSkill; i++) {
        skillUri[i] = required(string(in));
        skillLabel[i] = required(string(in));
        skillAlt[i] = string(in);
        skillType[i] = enumByte(in.get(), EscoTaxonomy.SkillType.values().length);
        skillReuse[i] = enumByte(in.get(), ReuseLevel.values().length);
        skillRelations[i] = ints(in);
        broader[i] = ints(in);
      }
      int nGroup = count(in);
      String[] groupUri = new String[nGroup];
      for (int g = 0; g < nGroup; g++) {
        groupUri[g] = required(string(in));
      }
      int nIsco = count(in);
      Map<String, String> iscoLabels = new LinkedHashMap<>();
      for (int i = 0; i < nIsco; i++) {
        String k = required(string(in));
        if (iscoLabels.put(k, required(string(in))) != null) {
          return Optional.empty();
        }
      }
      int nProblems = count(in);
      List<String> problems = new ArrayList<>(nProblems);
      for (int i = 0; i < nProblems; i++) {
        problems.add(required(string(in)));
      }
      if (in.hasRemaining()) {
        return Optional.empty();
      }
      // Every number names a concept that exists.
      for (int[] row : occSkills) {
        inRange(row, 1, nSkill);
      }
      for (int[] row : skillRelations) {
        inRange(row, 1, nSkill);
      }
      for (int[] row : broader) {
        inRange(row, 0, nSkill + nGroup);
      }
      EscoTaxonomy.Stats stats = new EscoTaxonomy.Stats(language, counts[0], counts[1], counts[2], counts[3], counts[4],
          counts[5], counts[6], counts[7], counts[8], counts[9], counts[10], approxBytes, 0);
      long millis = (System.nanoTime() - start) / 1_000_000;
      return Optional.of(EscoTaxonomy.of(new Parts(occUri, occLabel, occAlt, occIsco, occSkills, skillUri, skillLabel,
          skillAlt, skillType, skillReuse, skillRelations, broader, groupUri, iscoLabels, problems, stats, millis)));
    } catch (RuntimeException e) {
      // BufferUnderflowException, a bad length or value, invalid UTF-8 handled as replacement, …
      return Optional.empty();
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(NULL);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(ByteBuffer in) {
    int n = in.getInt();
    if (n == NULL) {
      return null;
    }
    if (n < 0 || n > in.remaining()) {
      throw new BufferUnderflowException();
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }

  private static void ints(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) {
      out.writeInt(v);
    }
  }

  private static final int[] EMPTY = new int[0];

  private static int[] ints(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || (long) n * 4 > in.remaining()) {
      throw new BufferUnderflowException();
    }
    if (n == 0) {
      return EMPTY;
    }
    int[] a = new int[n];
    in.asIntBuffer().get(a);
    in.position(in.position() + 4 * n);
    return a;
  }

  /** A count that the remaining bytes can hold (at least 4 bytes per element). */
  private static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || (long) n * 4 > in.remaining()) {
      throw new BufferUnderflowException();
    }
    return n;
  }

  private static String required(String s) {
    if (s == null) {
      throw new IllegalArgumentException("a required text is missing");
    }
    return s;
  }

  private static byte enumByte(byte b, int values) {
    if (b < -1 || b >= values) {
      throw new IllegalArgumentException("an enum value out of range");
    }
    return b;
  }

  /** Each value, shifted right by {@code shift}, is in {@code [0, limit)}. */
  private static void inRange(int[] row, int shift, int limit) {
    for (int v : row) {
      int x = v >>> shift;
      if (v < 0 || x >= limit) {
        throw new IllegalArgumentException("a concept number out of range");
      }
    }
  }
}
