package dk.jobmatch.index;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.kernel.Vocabulary;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.taxonomy.OccupationCode;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * The start-up snapshot of a citizen index: what opening needs, so that opening does not decode
 * every citizen from the Lucene stored fields and compute its features again.
 *
 * <p><b>Where and when.</b> One file, {@value #NAME}, in the citizen index's own directory,
 * written after a commit ({@code MatchEngine.Builder.startupSnapshot}: at {@code close()}) through
 * a temporary file renamed over the old one, so a reader sees the old file or the new one, never
 * half of one. Lucene never deletes or reads it (its name is no index file name).
 *
 * <p><b>Format</b> (version {@value #VERSION}): Lucene's index header (codec name {@value #CODEC},
 * the version, and the 16-byte id of the Lucene commit the snapshot describes), the commit's
 * segments file name and number of citizens, the length of the body, the body, and Lucene's footer
 * (a CRC-32 of every byte before it). The body: the table of occupation codes the citizens hold
 * (digits and ESCO URI, number 0 = none); every occupation reference the engine resolved, with the
 * number of the code it resolved to; the three vocabularies (skills, certificates, languages) in
 * id order; then each citizen's {@link CitizenFeatures} ({@link CitizenFeatures#writeTo}).
 *
 * <p><b>When it is used.</b> Only if every check passes: the header names this codec and version
 * and the id of the very commit being opened, the segments file name and the number of citizens
 * equal the commit's, the checksum matches, the body parses to its end, and every stored occupation
 * reference resolves, with the taxonomy of this opening, to the stored code (so a snapshot made
 * with other reference data is not used). Otherwise opening reads the citizens from Lucene as
 * without a snapshot: a missing, stale (another commit), truncated or corrupt snapshot costs time,
 * never a wrong result, and is no error. Nothing personal is logged either way.
 *
 * <p><b>Erasure.</b> The snapshot holds citizen ids and features, so {@code purgeDeleted()} deletes
 * it with the segments it rewrites.
 *
 * <p>Stateless; the methods are called under the citizen index's write mutex.
 *
 * @lucene.internal
 */
final class StartupSnapshot {
  /** The file name, in the citizen index's directory. */
  static final String NAME = "jobmatch-startup.snapshot";
  private static final String TMP = NAME + ".tmp";
  static final String CODEC = "JobmatchStartup";
  /**
   * The format version: raise it whenever {@link CitizenFeatures#of} computes anything differently
   * from a citizen (or the codec changes), so that older snapshots are not used.
   */
  static final int VERSION = 1;

  private StartupSnapshot() {}

  /** The Lucene commit a snapshot belongs to: its id and segments file name. */
  record Commit(byte[] id, String segmentsFile) {
    static Commit of(SegmentInfos infos) {
      return new Commit(infos.getId(), infos.getSegmentsFileName());
    }
  }

  /**
   * Writes the snapshot of {@code citizens} (in ordinal order) for {@code commit}, replacing any
   * older one.
   *
   * @param resolutions every occupation reference resolved so far, and its code (null: unresolved)
   * @throws IOException if the file cannot be written (the old one may be gone; no harm)
   * @throws IllegalStateException if a citizen holds a code no resolution produced (not written)
   */
  static void write(Directory dir, Commit commit, Vocabularies vocabularies, List<CitizenFeatures> citizens,
      Map<OccupationRef, OccupationCode> resolutions) throws IOException {
    Map<OccupationCode, Integer> codes = new HashMap<>();
    List<OccupationCode> codeList = new ArrayList<>();
    codeList.add(null);
    for (OccupationCode c : resolutions.values()) {
      if (c != null && codes.putIfAbsent(c, codeList.size()) == null) {
        codeList.add(c);
      }
    }
    // The citizens share a few code instances: looked up by identity first, by equality else.
    Map<OccupationCode, Integer> byIdentity = new IdentityHashMap<>();
    ToIntFunction<OccupationCode> number = c -> {
      Integer n = byIdentity.get(c);
      if (n == null) {
        n = codes.get(c);
        if (n == null) {
          throw new IllegalStateException("a citizen's occupation code is not among the engine's resolutions");
        }
        byIdentity.put(c, n);
      }
      return n;
    };
    for (CitizenFeatures f : citizens) {
      for (OccupationCode c : f.experience) {
        if (c != null && number.applyAsInt(c) < 1) {
          throw new AssertionError("code number 0 is none");
        }
      }
      for (OccupationCode c : f.goals) {
        if (c != null && number.applyAsInt(c) < 1) {
          throw new AssertionError("code number 0 is none");
        }
      }
    }
    deleteIfExists(dir, TMP);
    try (IndexOutput out = dir.createOutput(TMP, IOContext.DEFAULT)) {
      CodecUtil.writeIndexHeader(out, CODEC, VERSION, commit.id(), "");
      out.writeString(commit.segmentsFile());
      out.writeInt(citizens.size());
      // The body goes to a buffer first: its length comes before it.
      SnapshotBytes.Out body = new SnapshotBytes.Out(citizens.size() * 256 + 4096); // about 210 bytes each: no regrowth
      body.writeInt(codeList.size());
      for (int i = 1; i < codeList.size(); i++) {
        writeNullable(body, codeList.get(i).digits());
        writeNullable(body, codeList.get(i).escoUri());
      }
      body.writeInt(resolutions.size());
      for (Map.Entry<OccupationRef, OccupationCode> e : resolutions.entrySet()) {
        body.writeByte(e.getKey().scheme().ordinal());
        body.writeUTF(e.getKey().code());
        body.writeInt(e.getValue() == null ? 0 : codes.get(e.getValue()));
      }
      writeVocabulary(body, vocabularies.skills());
      writeVocabulary(body, vocabularies.certificates());
      writeVocabulary(body, vocabularies.languages());
      for (CitizenFeatures f : citizens) {
        f.writeTo(body, number);
      }
      out.writeLong(body.size());
      out.writeBytes(body.array(), body.size());
      CodecUtil.writeFooter(out);
    }
    dir.sync(List.of(TMP));
    dir.rename(TMP, NAME);
    dir.syncMetaData();
  }

  private static void requireResolved(Map<OccupationCode, Integer> codes, OccupationCode c) {
    if (c != null && !codes.containsKey(c)) {
      throw new IllegalStateException("a citizen's occupation code is not among the engine's resolutions");
    }
  }

  /**
   * Reads the snapshot for {@code commit}: the features of every citizen, or null (with the reason
   * in {@code why}, naming no person) when there is none or it cannot be used.
   *
   * @param liveDocs the number of citizens the commit holds
   * @param resolver the resolver of this opening (its answers are checked against the stored ones)
   */
  static List<CitizenFeatures> read(Directory dir, Commit commit, int liveDocs, Vocabularies vocabularies,
      Function<OccupationRef, OccupationCode> resolver, StringBuilder why) {
    try {
      if (!Arrays.asList(dir.listAll()).contains(NAME)) {
        why.append("no snapshot");
        return null;
      }
      byte[] bytes;
      try (ChecksumIndexInput in = dir.openChecksumInput(NAME)) {
        CodecUtil.checkIndexHeader(in, CODEC, VERSION, VERSION, commit.id(), "");
        String segments = in.readString();
        int count = in.readInt();
        long length = in.readLong();
        if (!segments.equals(commit.segmentsFile()) || count != liveDocs) {
          why.append("the snapshot belongs to another commit");
          return null;
        }
        if (length < 0 || length > in.length() - in.getFilePointer() - CodecUtil.footerLength()) {
          throw new CorruptIndexException("body length out of range", in);
        }
        bytes = new byte[(int) length];
        in.readBytes(bytes, 0, bytes.length);
        CodecUtil.checkFooter(in);
      }
      return parse(bytes, liveDocs, vocabularies, resolver, why);
    } catch (IOException | RuntimeException e) {
      why.append("the snapshot cannot be used (").append(e.getClass().getSimpleName()).append(')');
      return null;
    }
  }

  private static List<CitizenFeatures> parse(byte[] bytes, int count, Vocabularies vocabularies,
      Function<OccupationRef, OccupationCode> resolver, StringBuilder why) throws IOException {
    SnapshotBytes.In in = new SnapshotBytes.In(bytes);
    OccupationCode[] codes = new OccupationCode[in.readInt()];
    for (int i = 1; i < codes.length; i++) {
      codes[i] = new OccupationCode(readNullable(in), readNullable(in));
    }
    int resolutions = in.readInt();
    OccupationRef.Scheme[] schemes = OccupationRef.Scheme.values();
    for (int i = 0; i < resolutions; i++) {
      OccupationRef ref = new OccupationRef(schemes[in.readUnsignedByte()], in.readUTF());
      OccupationCode stored = codes[in.readInt()];
      if (!Objects.equals(resolver.apply(ref), stored)) {
        why.append("the snapshot was made with other reference data");
        return null;
      }
    }
    int[] skills = readVocabulary(in, vocabularies.skills());
    int[] certificates = readVocabulary(in, vocabularies.certificates());
    int[] languages = readVocabulary(in, vocabularies.languages());
    List<CitizenFeatures> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(CitizenFeatures.readFrom(in, skills, certificates, languages, codes));
    }
    if (!in.atEnd()) {
      throw new CorruptIndexException("bytes after the last citizen", NAME);
    }
    return out;
  }

  /** Deletes the snapshot (and a left-over temporary file), if any. */
  static void delete(Directory dir) throws IOException {
    deleteIfExists(dir, TMP);
    deleteIfExists(dir, NAME);
  }

  private static void deleteIfExists(Directory dir, String name) throws IOException {
    if (Arrays.asList(dir.listAll()).contains(name)) {
      dir.deleteFile(name);
    }
  }

  private static void writeVocabulary(DataOutput out, Vocabulary v) throws IOException {
    int n = v.size();
    out.writeInt(n);
    for (int i = 0; i < n; i++) {
      out.writeUTF(v.name(i));
    }
  }

  /** Interns the stored names in {@code v}; returns stored id → id in {@code v}. */
  private static int[] readVocabulary(DataInput in, Vocabulary v) throws IOException {
    int[] map = new int[in.readInt()];
    for (int i = 0; i < map.length; i++) {
      map[i] = v.intern(in.readUTF());
    }
    return map;
  }

  private static void writeNullable(DataOutput out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInput in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
