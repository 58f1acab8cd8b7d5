package dk.jobmatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The persistent index of the CLI ({@code index}, {@code apply}, and {@code --index} on the
 * commands that read): a directory of <em>generations</em>, each a complete engine index
 * (citizens and orders, Lucene) with a {@code meta.json} naming the reference data and policy it
 * was built with. The file {@code CURRENT} names the committed generation.
 *
 * <p><b>One commit.</b> A writer ({@code index}, {@code apply}) takes {@code write.lock}, starts
 * a new generation as hard links of the committed one (Lucene never rewrites a file, so links are
 * safe and instant; a copy where links are not supported), changes it, closes it, and commits by
 * replacing {@code CURRENT} atomically. Until that rename the committed generation is untouched,
 * so an interrupted or failed writer leaves the index at its last commit; its unfinished
 * generation is deleted by the next writer.
 *
 * <p><b>Readers.</b> A reader links the committed generation into a private directory under
 * {@code readers/} and opens that: it sees the last commit, never blocks a writer and is never
 * blocked by one (a generation deleted under it is retried from {@code CURRENT}). The private
 * directory is deleted when the JVM exits, or by a later run once its process is gone.
 *
 * <p>Not thread-safe; one instance per command run. Problems are {@link CliException}s.
 */
final class IndexStore {
  static final int FORMAT = 1;
  private static final String CURRENT = "CURRENT";
  private static final String META = "meta.json";
  private static final String ENGINE = "engine";
  private static final String READERS = "readers";
  private static final String GEN = "gen-";
  private static final String EVENTS = "events";
  private static final String STANDING = "standing.json";
  private static final String REF = "ref";
  /** The names of the stored reference data and policy inside a generation's {@code ref/}. */
  static final String REF_ESCO = "esco";
  static final String REF_DISCO = "disco.csv";
  static final String REF_SHORTAGE = "shortage.csv";
  static final String REF_POLICY = "policy.json";
  /**
   * The compact binary snapshot of the stored ESCO export ({@code TaxonomySnapshot}), tied to the
   * export's SHA-256 that {@code meta.json} records; read instead of parsing {@code esco/}.
   */
  static final String REF_ESCO_SNAPSHOT = "esco.snapshot";
  /** Generations whose events are kept when neither the command nor the index says otherwise. */
  static final int DEFAULT_EVENTS_RETENTION = 100;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private IndexStore() {}

  /**
   * What an index was built with: content hashes of the reference data ({@code null}: not given)
   * and the scoring policy.
   */
  record Fingerprint(String esco, String disco, String shortage, String policyLabel, String policyHash) {
    /** Each difference from {@code built}, in words, or empty. */
    List<String> differences(Fingerprint built) {
      List<String> out = new ArrayList<>();
      diff(out, "--esco (ESCO data)", built.esco, esco);
      diff(out, "--disco (DISCO-08 list)", built.disco, disco);
      diff(out, "--shortage (shortage list)", built.shortage, shortage);
      if (!Objects.equals(built.policyHash, policyHash)) {
        out.add("--policy: the index was built with policy " + built.policyLabel + ", this run uses " + policyLabel
            + (built.policyLabel.equals(policyLabel) ? " with different settings" : ""));
      }
      return out;
    }

    private static void diff(List<String> out, String what, String built, String now) {
      if (Objects.equals(built, now)) {
        return;
      }
      out.add(what + ": " + (built == null ? "the index was built without it, this run gives it"
          : now == null ? "the index was built with it, this run does not give it"
          : "the content differs from the one the index was built with"));
    }
  }

  /** The fingerprint of this run's reference data files and policy. */
  static Fingerprint fingerprint(Path esco, Path disco, Path shortage, ScoringPolicy policy) {
    return new Fingerprint(hash(esco), hash(disco), hash(shortage), policy.label(), policyHash(policy));
  }

  /** A hash over every setting of the policy: name, version, weights, relaxed gates, constants. */
  static String policyHash(ScoringPolicy p) {
    StringBuilder sb = new StringBuilder(p.name()).append('\n').append(p.version()).append('\n');
    for (Component c : Component.values()) {
      sb.append(c).append('=').append(p.weight(c)).append('\n');
    }
    for (Gate g : Gate.values()) {
      sb.append(g).append('=').append(p.relaxed(g)).append('\n');
    }
    for (PolicyConstant c : PolicyConstant.values()) {
      sb.append(c).append('=').append(p.constant(c)).append('\n');
    }
    MessageDigest md = sha256();
    md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(md.digest());
  }

  /** SHA-256 of a file, or of a directory's files (names and contents, sorted); null for null. */
  static String hash(Path path) {
    if (path == null) {
      return null;
    }
    MessageDigest md = sha256();
    try {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(path)) {
          files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> path.relativize(p).toString())).toList();
        }
        for (Path f : files) {
          md.update(path.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
          digest(md, f);
        }
      } else {
        digest(md, path);
      }
    } catch (IOException e) {
      throw CliException.usage("cannot read " + path + " to fingerprint it: " + RecordFile.describe(e));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void digest(MessageDigest md, Path f) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The committed state of an index: its generation, fingerprint and counts. */
  record Meta(long generation, Fingerprint fingerprint, long citizens, long orders, String committed, String asOf,
      String changes, int eventsRetention) {
    /** The oldest generation whose events the index still holds (1 at the least). */
    long oldestEvents() {
      return Math.max(1, generation - eventsRetention + 1);
    }
  }

  /** The committed generation's meta, or {@code null} if the directory holds no index. */
  static Meta committed(Path dir) {
    Path current = dir.resolve(CURRENT);
    if (!Files.isRegularFile(current)) {
      return null;
    }
    try {
      String gen = Files.readString(current, StandardCharsets.UTF_8).trim();
      return readMeta(dir.resolve(gen).resolve(META));
    } catch (NoSuchFileException e) {
      return null; // a writer switched generations in between; the caller retries
    } catch (IOException e) {
      throw CliException.usage("--index: cannot read " + current + ": " + RecordFile.describe(e));
    }
  }

  private static Meta readMeta(Path file) throws IOException {
    JsonNode n;
    try {
      n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw CliException.usage("--index: " + file + " is not a jobmatch index description (damaged?)");
    }
    if (n == null || n.path("format").asInt(-1) != FORMAT) {
      throw CliException.usage("--index: " + file + ": unknown index format (made by another version of jobmatch?)");
    }
    Fingerprint f = new Fingerprint(text(n, "esco"), text(n, "disco"), text(n, "shortage"), text(n, "policy"),
        text(n, "policySha256"));
    return new Meta(n.path("generation").asLong(), f, n.path("citizens").asLong(), n.path("orders").asLong(),
        text(n, "committed"), text(n, "asOf"), text(n, "changesSha256"),
        n.path("eventsRetention").asInt(DEFAULT_EVENTS_RETENTION));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Refuses (usage error) when the run's reference data or policy differ from the index's. */
  static void check(Meta meta, Fingerprint now, Path dir) {
    List<String> diffs = now.differences(meta.fingerprint());
    if (!diffs.isEmpty()) {
      throw CliException.usage("--index: " + dir + " was built with different reference data or policy: "
          + String.join("; ", diffs) + ". Give the same files and policy, or rebuild it with 'jobmatch index --rebuild'");
    }
  }

  // --- readers -------------------------------------------------------------------------------

  /** A private, linked copy of the committed generation; deleted at JVM exit. */
  record Snapshot(Meta meta, Path engineDir) {}

  /**
   * Links the committed generation into a private directory for reading.
   *
   * @throws CliException ({@link ExitCode#USAGE}) if there is no index or it cannot be read
   */
  static Snapshot snapshot(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw CliException.usage("--index: no index at " + dir + " (build one with 'jobmatch index')");
    }
    cleanStaleReaders(dir);
    for (int attempt = 0; ; attempt++) {
      Meta meta = committed(dir);
      if (meta == null) {
        if (!Files.exists(dir.resolve(CURRENT))) {
          throw CliException.usage("--index: no index at " + dir + " (build one with 'jobmatch index')");
        }
        if (attempt > 20) {
          throw CliException.usage("--index: " + dir + ": the committed generation is missing (damaged index); rebuild it");
        }
        continue;
      }
      Path target = dir.resolve(READERS).resolve(ProcessHandle.current().pid() + "-" + Long.toUnsignedString(System.nanoTime(), 36));
      try {
        linkTree(dir.resolve(generationName(meta.generation())).resolve(ENGINE), target);
        deleteAtExit(target);
        return new Snapshot(meta, target);
      } catch (NoSuchFileException e) {
        deleteTree(target); // the generation was replaced while linking: take the new one
        if (attempt > 20) {
          throw CliException.usage("--index: " + dir + " changes too fast to take a consistent snapshot");
        }
      } catch (IOException e) {
        deleteTree(target);
        throw CliException.usage("--index: cannot read " + dir + ": " + RecordFile.describe(e));
      }
    }
  }

  private static void cleanStaleReaders(Path dir) {
    Path readers = dir.resolve(READERS);
    if (!Files.isDirectory(readers)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(readers)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        int dash = name.indexOf('-');
        try {
          long pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            continue;
          }
        } catch (NumberFormatException e) {
          // not ours: remove
        }
        deleteTree(p);
      }
    } catch (IOException e) {
      // best effort
    }
  }

  // --- writers -------------------------------------------------------------------------------

  /**
   * One write to the index: a new generation, committed by {@link #commit} or discarded.
   * Not thread-safe.
   */
  static final class Transaction implements AutoCloseable {
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Meta base;
    private final long generation;
    private final Path genDir;
    private final Thread hook;
    private volatile boolean committed;

    private Transaction(Path dir, FileChannel lockChannel, FileLock lock, Meta base, long generation, Path genDir,
        Thread hook) {
      this.dir = dir;
      this.lockChannel = lockChannel;
      this.lock = lock;
      this.base = base;
      this.generation = generation;
      this.genDir = genDir;
      this.hook = hook;
    }

    /** The committed state before this transaction, or {@code null} for a new index. */
    Meta base() {
      return base;
    }

    /** The generation this transaction writes. */
    long generation() {
      return generation;
    }

    /** The directory for the engine ({@code MatchEngine.builder().directory(...)}). */
    Path engineDir() {
      return genDir.resolve(ENGINE);
    }

    /**
     * Stores the run's reference data and policy files in the generation ({@code ref/}), so that
     * later commands on the index need none of them. A file the generation already holds (linked
     * from the committed one, same content: checked by the fingerprint) is kept.
     *
     * @throws IOException if a file cannot be copied
     */
    void storeReference(Path esco, Path disco, Path shortage, Path policy) throws IOException {
      Path ref = genDir.resolve(REF);
      createOwnerOnly(ref);
      store(esco, ref.resolve(REF_ESCO));
      store(disco, ref.resolve(REF_DISCO));
      store(shortage, ref.resolve(REF_SHORTAGE));
      store(policy, ref.resolve(REF_POLICY));
    }

    private static void store(Path from, Path to) throws IOException {
      if (from == null || Files.exists(to)) {
        return;
      }
      if (Files.isDirectory(from)) {
        copyTree(from, to);
      } else {
        writeDurably(to, Files.readAllBytes(from));
      }
    }

    /**
     * Writes the taxonomy snapshot of the ESCO export into the generation's {@code ref/}
     * (owner-only, durably, replacing a linked one), so that later commands read it instead of
     * parsing the CSV files.
     *
     * @throws IOException if it cannot be written
     */
    void storeTaxonomySnapshot(byte[] bytes) throws IOException {
      Path ref = genDir.resolve(REF);
      createOwnerOnly(ref);
      writeDurably(ref.resolve(REF_ESCO_SNAPSHOT), bytes);
    }

    /** The directory of this generation's change feed: the retained events files, one per generation. */
    Path eventsDir() {
      return genDir.resolve(EVENTS);
    }

    /**
     * Writes this generation's events (JSON lines, each ending in a newline) into the generation,
     * durably, so that {@link #commit} publishes the index and its events in one step.
     *
     * @throws IOException if they cannot be written
     */
    void writeEvents(byte[] lines) throws IOException {
      writeDurably(eventsDir().resolve(generationName(generation) + ".jsonl"), lines);
    }

    /**
     * Writes this generation's standing shortlists (see {@link StandingLists}) into the generation,
     * owner-only and durably, so that {@link #commit} publishes them with the index.
     *
     * @throws IOException if they cannot be written
     */
    void writeStanding(byte[] bytes) throws IOException {
      writeDurably(genDir.resolve(STANDING), bytes);
    }

    /**
     * Commits: writes the description, then makes this generation the current one in one atomic
     * rename, then removes the previous generation. The engine must be closed before.
     *
     * @param asOf the day the standing shortlists are now computed for (the next apply starts there)
     * @param changes the SHA-256 of the change file applied, or null ({@code index})
     * @param retention how many generations of events the index keeps
     * @throws IOException if the commit cannot be written (the index stays at its last commit)
     */
    void commit(Fingerprint fingerprint, long citizens, long orders, java.time.LocalDate asOf, String changes,
        int retention) throws IOException {
      ObjectNode n = JSON.createObjectNode();
      n.put("format", FORMAT);
      n.put("generation", generation);
      n.put("committed", Instant.now().toString());
      n.put("citizens", citizens);
      n.put("orders", orders);
      n.put("asOf", asOf.toString());
      n.put("policy", fingerprint.policyLabel());
      n.put("policySha256", fingerprint.policyHash());
      n.put("esco", fingerprint.esco());
      n.put("disco", fingerprint.disco());
      n.put("shortage", fingerprint.shortage());
      n.put("changesSha256", changes);
      n.put("eventsRetention", retention);
      // The events of generations that fall out of retention go with this commit.
      long oldest = Math.max(1, generation - retention + 1);
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(eventsDir(), GEN + "*.jsonl")) {
        for (Path f : ds) {
          if (generationOf(f) < oldest) {
            Files.delete(f);
          }
        }
      }
      syncDirectory(eventsDir());
      writeDurably(genDir.resolve(META), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
      Path tmp = dir.resolve(CURRENT + ".tmp");
      writeDurably(tmp, generationName(generation) + "\n");
      try {
        Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
      if (base != null) {
        deleteTree(dir.resolve(generationName(base.generation())));
      }
    }

    /** Whether {@link #commit} completed. */
    boolean committed() {
      return committed;
    }

    /** Without a commit: deletes the unfinished generation. Always releases the lock. */
    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook runs anyway
      }
      if (!committed) {
        deleteTree(genDir);
      }
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        // closing the channel releases the lock in any case
      }
    }
  }

  /**
   * Starts a write. With {@code fresh}, the new generation starts empty (a rebuild); otherwise it
   * starts as the committed one.
   *
   * @param err where an interruption is reported
   * @throws CliException ({@link ExitCode#USAGE}) if another write is under way or the directory
   *     cannot be used
   */
  static Transaction begin(Path dir, boolean fresh, dk.jobmatch.cli.io.Stderr err) {
    try {
      createOwnerOnly(dir);
    } catch (IOException e) {
      throw CliException.usage("--index: cannot create " + dir + ": " + RecordFile.describe(e));
    }
    FileChannel ch = null;
    FileLock lock = null;
    try {
      Path lockFile = dir.resolve("write.lock");
      ch = posix(dir) && !Files.exists(lockFile)
          ? FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(OWNER_FILE))
          : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (posix(dir)) {
        Files.setPosixFilePermissions(lockFile, OWNER_FILE); // an index made by an earlier version
      }
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw CliException.usage("--index: " + dir + " is being written by another 'index' or 'apply'; try again when it is done");
      }
      Meta base = committed(dir);
      if (base == null && Files.exists(dir.resolve(CURRENT))) {
        throw CliException.usage("--index: " + dir + ": the committed generation is missing (damaged index); rebuild it");
      }
      // Leftovers of interrupted writers (the lock is ours: nobody else is writing).
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, GEN + "*")) {
        for (Path p : ds) {
          if (base == null || !p.getFileName().toString().equals(generationName(base.generation()))) {
            deleteTree(p);
          }
        }
      }
      cleanStaleReaders(dir);
      long generation = base == null ? 1 : base.generation() + 1;
      Path genDir = dir.resolve(generationName(generation));
      Path engine = genDir.resolve(ENGINE);
      if (base != null && !fresh) {
        linkTree(dir.resolve(generationName(base.generation())).resolve(ENGINE), engine);
      } else {
        createOwnerOnly(engine);
      }
      // The stored reference data and policy: the committed generation's, unless rebuilding.
      Path baseRef = base == null ? null : dir.resolve(generationName(base.generation())).resolve(REF);
      if (!fresh && baseRef != null && Files.isDirectory(baseRef)) {
        linkTree(baseRef, genDir.resolve(REF));
      }
      // The change feed carries on across every generation, a rebuild included.
      Path baseEvents = base == null ? null : dir.resolve(generationName(base.generation())).resolve(EVENTS);
      if (baseEvents != null && Files.isDirectory(baseEvents)) {
        linkTree(baseEvents, genDir.resolve(EVENTS));
      } else {
        createOwnerOnly(genDir.resolve(EVENTS));
      }
      String at = base == null ? "no index yet" : "generation " + base.generation();
      Thread hook = new Thread(() -> err.println("interrupted: nothing was committed; the index " + dir
          + " is unchanged (" + at + ")"), "jobmatch-index-interrupted");
      Runtime.getRuntime().addShutdownHook(hook);
      return new Transaction(dir, ch, lock, base, generation, genDir, hook);
    } catch (IOException e) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // reporting the first problem
      }
      throw CliException.usage("--index: cannot write in " + dir + ": " + RecordFile.describe(e));
    } catch (RuntimeException e) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // reporting the first problem
      }
      throw e;
    }
  }

  /**
   * The reference data and policy stored in the committed generation, linked into a private
   * directory (deleted at JVM exit): each of {@code esco/}, {@code disco.csv}, {@code
   * shortage.csv}, {@code policy.json} that the index holds. Null if there is no index or it
   * stores none.
   */
  static Path storedReference(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    for (int attempt = 0; attempt < 20; attempt++) {
      Meta meta = committed(dir);
      if (meta == null) {
        return null;
      }
      Path ref = dir.resolve(generationName(meta.generation())).resolve(REF);
      if (!Files.isDirectory(ref)) {
        return null;
      }
      Path target = dir.resolve(READERS).resolve(ProcessHandle.current().pid() + "-"
          + Long.toUnsignedString(System.nanoTime(), 36) + "-ref");
      try {
        linkTree(ref, target);
        deleteAtExit(target);
        return target;
      } catch (NoSuchFileException e) {
        deleteTree(target); // replaced while linking: take the new one
      } catch (IOException e) {
        deleteTree(target);
        throw CliException.usage("--index: cannot read " + dir + ": " + RecordFile.describe(e));
      }
    }
    throw CliException.usage("--index: " + dir + " changes too fast to read its reference data");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = s.toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path f : files) {
      Path t = to.resolve(from.relativize(f).toString());
      if (Files.isDirectory(f)) {
        createOwnerOnly(t);
      } else {
        writeDurably(t, Files.readAllBytes(f));
      }
    }
  }

  private static long generationOf(Path eventsFile) {
    String name = eventsFile.getFileName().toString();
    try {
      return Long.parseLong(name.substring(GEN.length(), name.length() - ".jsonl".length()));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /**
   * The retained events after generation {@code since} of the committed generation, in order
   * (the bytes of each generation's events file, concatenated).
   *
   * @throws CliException ({@link ExitCode#USAGE}) if there is no index, or events after {@code
   *     since} are no longer retained
   */
  static byte[] eventsSince(Path dir, long since) {
    if (!Files.isDirectory(dir)) {
      throw CliException.usage("--index: no index at " + dir + " (build one with 'jobmatch index')");
    }
    for (int attempt = 0; ; attempt++) {
      Meta meta = committed(dir);
      if (meta == null) {
        if (!Files.exists(dir.resolve(CURRENT)) || attempt > 20) {
          throw CliException.usage("--index: no index at " + dir + " (build one with 'jobmatch index')");
        }
        continue;
      }
      if (since > meta.generation()) {
        throw CliException.usage("--since: generation " + since + " is after the committed generation "
            + meta.generation() + " of " + dir + " (another index?)");
      }
      if (since < meta.oldestEvents() - 1) {
        throw CliException.usage("--since: the events of generations " + (since + 1) + " to " + (meta.oldestEvents() - 1)
            + " are no longer kept (the index keeps the last " + meta.eventsRetention()
            + " generations); start over from the current shortlists ('jobmatch match --index')");
      }
      Path events = dir.resolve(generationName(meta.generation())).resolve(EVENTS);
      try {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (long g = since + 1; g <= meta.generation(); g++) {
          Path f = events.resolve(generationName(g) + ".jsonl");
          if (Files.exists(f)) {
            out.write(Files.readAllBytes(f));
          } else if (!Files.isDirectory(events)) {
            break; // an index made before the change feed: no events
          }
        }
        return out.toByteArray();
      } catch (NoSuchFileException e) {
        if (attempt > 20) {
          throw CliException.usage("--index: " + dir + " changes too fast to read its events");
        }
        // a writer replaced the generation while reading: read the new one
      } catch (IOException e) {
        throw CliException.usage("--index: cannot read " + dir + ": " + RecordFile.describe(e));
      }
    }
  }

  /** The standing-shortlists file of a committed generation (it may be missing). */
  static Path standingFile(Path dir, Meta meta) {
    return dir.resolve(generationName(meta.generation())).resolve(STANDING);
  }

  /**
   * The events of the committed generation, if it was made by applying a change file with this
   * SHA-256 (a re-run of the same changes); otherwise null.
   */
  static byte[] eventsIfApplied(Path dir, Meta meta, String changes) throws IOException {
    if (meta == null || meta.changes() == null || !meta.changes().equals(changes)) {
      return null;
    }
    Path f = dir.resolve(generationName(meta.generation())).resolve(EVENTS).resolve(generationName(meta.generation()) + ".jsonl");
    return Files.exists(f) ? Files.readAllBytes(f) : new byte[0];
  }

  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates a directory (and missing parents) rwx------ where the file system has POSIX permissions. */
  static void createOwnerOnly(Path dir) throws IOException {
    if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      Files.setPosixFilePermissions(dir, OWNER_DIR);
    } else {
      Files.createDirectories(dir);
    }
  }

  private static void syncDirectory(Path d) {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not every platform can sync a directory
    }
  }

  private static String generationName(long generation) {
    return String.format(Locale.ROOT, GEN + "%08d", generation);
  }

  /** Hard-links (or copies) every file of {@code from}'s subdirectories into {@code to}; no lock files. */
  private static void linkTree(Path from, Path to) throws IOException {
    createOwnerOnly(to);
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = s.toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (files.isEmpty()) {
      throw new NoSuchFileException(from.toString());
    }
    for (Path f : files) {
      Path rel = from.relativize(f);
      Path t = to.resolve(rel.toString());
      if (Files.isDirectory(f)) {
        createOwnerOnly(t);
      } else if (!f.getFileName().toString().equals("write.lock")) {
        try {
          Files.createLink(t, f);
        } catch (UnsupportedOperationException | FileSystemException e) {
          if (e instanceof NoSuchFileException nsf) {
            throw nsf;
          }
          Files.copy(f, t);
        }
      }
    }
  }

  private static void writeDurably(Path file, String text) throws IOException {
    writeDurably(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a new owner-only file (rw-------) and forces it to the disk. */
  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    Files.deleteIfExists(file);
    java.util.Set<StandardOpenOption> opts = java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (FileChannel ch = posix(file.toAbsolutePath().getParent())
        ? FileChannel.open(file, opts, PosixFilePermissions.asFileAttribute(OWNER_FILE))
        : FileChannel.open(file, opts)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  private static void deleteAtExit(Path p) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(p), "jobmatch-index-snapshot-cleanup"));
  }

  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          // best effort
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }
}
