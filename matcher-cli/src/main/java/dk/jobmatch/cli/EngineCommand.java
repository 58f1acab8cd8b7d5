package dk.jobmatch.cli;

import dk.jobmatch.cli.io.JsonLinesReader;
import dk.jobmatch.cli.io.Progress;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.DataFileException;
import dk.jobmatch.taxonomy.EscoTaxonomy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import dk.jobmatch.taxonomy.TaxonomySnapshot;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options and steps shared by the commands that index citizens and rank ({@code match},
 * {@code suggest}, {@code batch}, {@code explain}): read the orders, check and index the citizens, build the engine
 * with the reference data, and write results to stdout or {@code --out}.
 *
 * <p>Not thread-safe: one instance runs one command once.
 */
public abstract class EngineCommand implements Callable<Integer> {
  /** Files at least this large get a progress line per 10 % when stderr is not a terminal. */
  static final long QUIET_PROGRESS_MIN_BYTES = 1 << 20;

  /** Ranking shows a progress line per 10 % off a terminal from this many orders on. */
  static final long QUIET_PROGRESS_MIN_ORDERS = 1000;

  /** Citizens are handed to the engine in batches of this size. */
  private static final int UPSERT_BATCH = 1024;

  /** The largest {@code --top}; larger lists are a batch job, not a shortlist. */
  static final int MAX_TOP = 10_000;

  /**
   * The help position of the shared options: before the command's own options and {@code
   * --help}, which picocli places at its default order -1, in the order of the mixins' {@code
   * order} attributes (sources, index, reference data, output, run options).
   */
  static final int HELP_ORDER = -100;

  /** {@code --index}: every engine command takes it. */
  @Mixin
  protected IndexOption indexOption = new IndexOption();

  /** {@code --esco}, {@code --disco}, {@code --shortage}, {@code --policy}: every engine command takes them. */
  @Mixin
  protected ReferenceDataOptions reference = new ReferenceDataOptions();

  /** {@code --strict}, {@code --as-of}, {@code --threads}, {@code --quiet}, {@code --verbose}: every engine command takes them. */
  @Mixin
  protected RunOptions run = new RunOptions();

  /** The picocli model of this command, for usage errors in picocli's own format. */
  @Spec
  protected CommandSpec spec;

  /**
   * {@code --citizens} and {@code --orders} of a command that reads input files (its own {@code
   * @Mixin} field); a command without them has none (both null), and picocli neither lists nor
   * accepts them.
   */
  protected SourceOptions sources() {
    return new SourceOptions();
  }

  /** {@code --out} of a command that writes results (its own {@code @Mixin} field); none (null) by default. */
  protected OutOption outOption() {
    return new OutOption();
  }

  /** The {@code --citizens} file, or null. */
  protected final Path citizens() {
    return sources().citizens;
  }

  /** The {@code --orders} file, or null. */
  protected final Path orders() {
    return sources().orders;
  }

  /** The {@code --index} directory, or null. */
  protected final Path index() {
    return indexOption.index;
  }

  /** The {@code --out} file, or null for standard output. */
  protected final Path out() {
    return outOption().out;
  }

  /** The policy read from {@code --policy}, once. */
  private ScoringPolicy policy;

  /**
   * The scoring policy: the {@code --policy} file, or the default.
   *
   * @throws CliException ({@link ExitCode#USAGE}) naming the file, the line, the field and the
   *     rule when the file cannot be read or is not a valid policy
   */
  protected ScoringPolicy policy() {
    if (policy == null) {
      policy = readPolicy("--policy", reference.policyFile);
    }
    return policy;
  }

  /**
   * Reads a policy file for an option, or returns the default policy for {@code null}.
   *
   * @throws CliException ({@link ExitCode#USAGE}) naming the option, the file, the field and the rule
   */
  static ScoringPolicy readPolicy(String option, Path file) {
    if (file == null) {
      return ScoringPolicy.defaults();
    }
    try {
      return PolicyFile.read(file);
    } catch (NoSuchFileException e) {
      throw CliException.usage(option + ": file not found: " + file);
    } catch (IOException e) {
      throw CliException.usage(option + ": cannot read " + file + ": " + RecordFile.describe(e));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(option + ": " + file + ": " + e.getMessage());
    }
  }

  /** The taxonomy loaded by {@link #buildEngine()}; input is checked against it. */
  private Taxonomy taxonomy = Taxonomy.none();

  /** Set by the CLI before {@link #call()}. */
  protected final CliContext ctx;

  /** @param ctx the surroundings */
  protected EngineCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  /** The input files, as read by this command (with {@code --index} and no {@code --citizens}: the index, never read as a file). */
  protected RecordFile<Citizen> citizenFile() {
    return citizens() == null
        ? new RecordFile<>(index(), "--index", "citizens", RecordFile.CITIZENS, JsonLinesReader.DEFAULT_MAX_LINE_BYTES)
        : new RecordFile<>(citizens(), "--citizens", "citizens", RecordFile.CITIZENS, JsonLinesReader.DEFAULT_MAX_LINE_BYTES);
  }

  /** The orders file (with {@code --index} and no {@code --orders}: the index, never read as a file). */
  protected RecordFile<JobOrder> orderFile() {
    return orders() == null
        ? new RecordFile<>(index(), "--index", "job orders", RecordFile.ORDERS, JsonLinesReader.DEFAULT_MAX_LINE_BYTES)
        : new RecordFile<>(orders(), "--orders", "job orders", RecordFile.ORDERS, JsonLinesReader.DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * With {@code --index}: every one of {@code --esco}, {@code --disco}, {@code --shortage} and
   * {@code --policy} that is not given is taken from the index, which stores those it was built
   * with (a given one must still equal the index's, or the run is refused naming the file).
   */
  /** Whether {@code esco} is the index's stored copy (its data warnings were printed by {@code index}). */
  private boolean escoFromIndex;

  /** The index's stored reference data (a private link of its {@code ref/}), or null. */
  private Path storedRef;

  /** The SHA-256 of {@code --esco} (or of the index's copy), once known; null before. */
  private String escoDigest;

  /**
   * The ESCO taxonomy this run parsed from the CSV files (not read from a snapshot) with the
   * standard loader, for a writer to store its snapshot; null otherwise.
   */
  private EscoTaxonomy escoParsed;

  /** The SHA-256 of the ESCO data: hashed once, or taken from the index's valid taxonomy snapshot. */
  private String escoDigest() {
    if (escoDigest == null && reference.esco != null) {
      escoDigest = IndexStore.hash(reference.esco);
    }
    return escoDigest;
  }

  /** The fingerprint of this run's reference data and {@code policy} (the ESCO data hashed at most once). */
  protected IndexStore.Fingerprint fingerprint(ScoringPolicy policy) {
    return new IndexStore.Fingerprint(escoDigest(), IndexStore.hash(reference.disco), IndexStore.hash(reference.shortage),
        policy.label(), IndexStore.policyHash(policy));
  }

  /**
   * The ESCO taxonomy from the index's taxonomy snapshot ({@code ref/esco.snapshot}), or null to
   * parse the CSV files: only with the standard loaders, when the index records an ESCO digest,
   * {@code --esco} is the index's stored copy or has that very digest, and the snapshot is intact,
   * of this version and tied to that digest.
   */
  private EscoTaxonomy escoFromSnapshot() {
    if (storedRef == null || ctx.referenceData() != ReferenceDataLoader.standard()) {
      return null;
    }
    Path file = storedRef.resolve(IndexStore.REF_ESCO_SNAPSHOT);
    IndexStore.Meta meta = Files.isRegularFile(file) ? IndexStore.committed(index()) : null;
    String recorded = meta == null ? null : meta.fingerprint().esco();
    if (recorded == null || (!escoFromIndex && !recorded.equals(escoDigest()))) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
    EscoTaxonomy t = TaxonomySnapshot.read(bytes, recorded).orElse(null);
    if (t != null && escoDigest == null) {
      // The stored copy is what the snapshot was made from: its digest is the recorded one.
      escoDigest = recorded;
    }
    return t;
  }

  /**
   * For a writer: stores the snapshot of the ESCO taxonomy this run parsed into the new
   * generation, so that the next start reads it (nothing when it was read from a snapshot).
   *
   * @throws IOException if it cannot be written
   */
  protected void storeTaxonomySnapshot(IndexStore.Transaction t, IndexStore.Fingerprint fp) throws IOException {
    if (escoParsed != null && fp.esco() != null) {
      t.storeTaxonomySnapshot(TaxonomySnapshot.write(escoParsed, fp.esco()));
    }
  }

  /** SLF4J Simple's level property for the ESCO loader's logger. */
  private static final String ESCO_LOG_LEVEL = "org.slf4j.simpleLogger.log.dk.jobmatch.taxonomy.EscoTaxonomy";

  protected void useStoredReference() {
    if (index() == null || !java.nio.file.Files.isDirectory(index())) {
      return;
    }
    Path ref = IndexStore.storedReference(index());
    if (ref == null) {
      return;
    }
    storedRef = ref;
    if (reference.esco == null && java.nio.file.Files.isDirectory(ref.resolve(IndexStore.REF_ESCO))) {
      reference.esco = ref.resolve(IndexStore.REF_ESCO);
      escoFromIndex = true;
    }
    if (reference.disco == null && java.nio.file.Files.isRegularFile(ref.resolve(IndexStore.REF_DISCO))) {
      reference.disco = ref.resolve(IndexStore.REF_DISCO);
    }
    if (reference.shortage == null && java.nio.file.Files.isRegularFile(ref.resolve(IndexStore.REF_SHORTAGE))) {
      reference.shortage = ref.resolve(IndexStore.REF_SHORTAGE);
    }
    if (reference.policyFile == null && java.nio.file.Files.isRegularFile(ref.resolve(IndexStore.REF_POLICY))) {
      reference.policyFile = ref.resolve(IndexStore.REF_POLICY);
    }
  }

  /** Whether the citizens (and, without {@code --orders}, the orders) come from {@code --index}. */
  protected boolean fromIndex() {
    return index() != null && citizens() == null;
  }

  /**
   * Checks which sources are given: {@code --citizens} and {@code --orders}, or {@code --index}
   * (and optionally {@code --orders}).
   *
   * @throws ParameterException (a usage error) if a required option is missing
   * @throws CliException ({@link ExitCode#USAGE}) if both --citizens and --index are given
   */
  protected void checkSources() {
    if (index() != null) {
      if (citizens() != null) {
        throw CliException.usage("--citizens and --index: give one of them (the index holds the citizens)");
      }
      return;
    }
    requireOptions("--citizens=FILE", citizens(), "--orders=FILE", orders());
  }

  /**
   * Fails, in picocli's words, naming every one of the options (given as pairs of {@code
   * "--name=VALUE"} and its value) that is missing.
   *
   * @throws ParameterException (a usage error) if any value is null
   */
  protected final void requireOptions(Object... namesAndValues) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] == null) {
        missing.add("'" + namesAndValues[i] + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new ParameterException(spec.commandLine(), (missing.size() == 1 ? "Missing required option: "
          : "Missing required options: ") + String.join(", ", missing));
    }
  }

  /**
   * Checks options and files before any slow work.
   *
   * @throws CliException ({@link ExitCode#USAGE}) on a bad value or an unreadable file
   */
  protected void checkOptions(int top) {
    if (top < 1 || top > MAX_TOP) {
      throw CliException.usage("--top: '" + top + "' must be between 1 and " + MAX_TOP);
    }
    if (run.threads != null && (run.threads < 1 || run.threads > 256)) {
      throw CliException.usage("--threads: '" + run.threads + "' must be between 1 and 256");
    }
    checkSources();
    if (orders() != null) {
      orderFile().checkReadable();
    }
    if (citizens() != null) {
      citizenFile().checkReadable();
    }
    checkNotAnInput("--out", out());
    if (reference.esco != null && !Files.isDirectory(reference.esco)) {
      throw CliException.usage("--esco: not a directory: " + reference.esco);
    }
    if (reference.disco != null && !Files.isRegularFile(reference.disco)) {
      throw CliException.usage("--disco: file not found: " + reference.disco);
    }
    if (reference.shortage != null && !Files.isRegularFile(reference.shortage)) {
      throw CliException.usage("--shortage: file not found: " + reference.shortage);
    }
    useStoredReference();
    policy();
  }

  /**
   * Refuses an output path that is one of the inputs (or inside the ESCO directory): writing it
   * would silently replace the data the run reads.
   *
   * @throws CliException ({@link ExitCode#USAGE}) naming both options
   */
  protected void checkNotAnInput(String option, Path output) {
    if (output == null) {
      return;
    }
    String[] names = {"--citizens", "--orders", "--disco", "--shortage", "--policy"};
    Path[] inputs = {citizens(), orders(), reference.disco, reference.shortage, reference.policyFile};
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] != null && samePath(output, inputs[i])) {
        throw CliException.usage(option + ": is the same file as " + names[i] + " (" + output
            + "); writing it would replace the input. Choose another file");
      }
    }
    if (reference.esco != null && output.toAbsolutePath().normalize().startsWith(reference.esco.toAbsolutePath().normalize())) {
      throw CliException.usage(option + ": is inside the --esco directory (" + output + "); choose another file");
    }
    if (index() != null && output.toAbsolutePath().normalize().startsWith(index().toAbsolutePath().normalize())) {
      throw CliException.usage(option + ": is inside the --index directory (" + output + "); choose another file");
    }
  }

  static boolean samePath(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (java.io.IOException e) {
      // fall back to comparing the names
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** The number of ranking threads. */
  protected int threadCount() {
    return run.threads != null ? run.threads : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Loads the reference data and builds the engine.
   *
   * @throws CliException ({@link ExitCode#USAGE}) if reference data cannot be loaded
   */
  protected MatchEngine buildEngine() {
    Taxonomy taxonomy = Taxonomy.none();
    ShortageLookup shortages = ShortageLookup.none();
    ReferenceDataLoader loader = ctx.referenceData();
    long t0 = ctx.nanoClock().getAsLong();
    EscoTaxonomy fromSnapshot = reference.esco == null ? null : escoFromSnapshot();
    if (fromSnapshot != null) {
      taxonomy = fromSnapshot;
      t0 = verbose(t0, "loaded ESCO from the index's taxonomy snapshot");
    } else if (reference.esco != null) {
      // Data warnings are printed once, when the index is built: not again for its stored copy.
      // (The level is read when the logger is made, at the first ESCO load of the process.)
      boolean quietData = escoFromIndex && System.getProperty(ESCO_LOG_LEVEL) == null;
      if (quietData) {
        System.setProperty(ESCO_LOG_LEVEL, "error");
      }
      try {
        taxonomy = load("--esco", () -> loader.esco(reference.esco));
        if (taxonomy instanceof EscoTaxonomy e && loader == ReferenceDataLoader.standard()) {
          escoParsed = e;
        }
      } finally {
        if (quietData) {
          System.clearProperty(ESCO_LOG_LEVEL);
        }
      }
      t0 = verbose(t0, "loaded ESCO from %s", reference.esco);
    }
    if (reference.disco != null) {
      Taxonomy base = taxonomy;
      taxonomy = load("--disco", () -> loader.disco(reference.disco, base));
      t0 = verbose(t0, "loaded DISCO-08 from %s", reference.disco);
    }
    if (reference.shortage != null) {
      Taxonomy t = taxonomy;
      shortages = load("--shortage", () -> loader.shortage(reference.shortage, t));
      verbose(t0, "loaded shortage list from %s", reference.shortage);
    }
    this.taxonomy = taxonomy;
    MatchEngine.Builder b = MatchEngine.builder().taxonomy(taxonomy).shortage(shortages).policy(policy());
    if (run.asOf != null) {
      b.asOf(run.asOf);
    }
    configure(b);
    if (index() == null || !readsIndex()) {
      return b.build();
    }
    // Reading an index: the last commit, through a private snapshot, with the same reference data and policy.
    long t1 = ctx.nanoClock().getAsLong();
    IndexStore.Snapshot snapshot = IndexStore.snapshot(index());
    IndexStore.Fingerprint now = fingerprint(ScoringPolicy.defaults());
    // the policy is compared once the engine holds it (below); the reference data before opening
    IndexStore.check(snapshot.meta(), new IndexStore.Fingerprint(now.esco(), now.disco(), now.shortage(),
        snapshot.meta().fingerprint().policyLabel(), snapshot.meta().fingerprint().policyHash()), index());
    MatchEngine engine = b.directory(snapshot.engineDir()).build();
    try {
      // the reference files were hashed above: only the policy is new here
      IndexStore.check(snapshot.meta(), new IndexStore.Fingerprint(now.esco(), now.disco(), now.shortage(),
          engine.policy().label(), IndexStore.policyHash(engine.policy())), index());
    } catch (RuntimeException e) {
      closeQuietly(engine);
      throw e;
    }
    indexEngine = engine;
    verbose(t1, "opened the index %s (generation %d: %,d citizens, %,d orders)", index(), snapshot.meta().generation(),
        engine.citizenCount(), engine.orderCount());
    return engine;
  }

  /** A last word on the engine's configuration before it is built (e.g. a directory); nothing by default. */
  protected void configure(MatchEngine.Builder builder) {}

  /** The engine opened on {@code --index}, once {@link #buildEngine()} has run in index mode. */
  private MatchEngine indexEngine;

  /** Whether {@link #buildEngine()} opens {@code --index} for reading ({@code index} and {@code apply} write it instead). */
  protected boolean readsIndex() {
    return true;
  }

  static void closeQuietly(MatchEngine engine) {
    try {
      engine.close();
    } catch (IOException | RuntimeException e) {
      // reporting the first problem
    }
  }

  private interface Loader<T> {
    T load() throws IOException;
  }

  /** Runs one loader; any failure is a usage/I-O error naming the option. */
  private static <T> T load(String option, Loader<T> loader) {
    try {
      return loader.load();
    } catch (DataFileException e) {
      throw CliException.usage(option + ": " + e.getMessage()); // already FILE:LINE: detail
    } catch (NoSuchFileException e) {
      throw CliException.usage(option + ": file not found: " + e.getFile()
          + (e.getReason() == null ? "" : " (" + e.getReason() + ")"));
    } catch (IOException e) {
      throw CliException.usage(option + ": cannot read: " + RecordFile.describe(e));
    } catch (UncheckedIOException e) {
      throw CliException.usage(option + ": cannot read: " + RecordFile.describe(e.getCause()));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(option + ": " + e.getMessage());
    }
  }

  /**
   * With {@code --verbose}, reports a finished phase and how long it took since {@code start}.
   *
   * @return the clock now, the start of the next phase
   */
  protected long verbose(long start, String format, Object... args) {
    long now = ctx.nanoClock().getAsLong();
    if (run.verbose) {
      ctx.err().println(String.format(Locale.ROOT, "%s in %.1f s", String.format(Locale.ROOT, format, args), (now - start) / 1e9));
    }
    return now;
  }

  /** Progress for a pass over {@code file}. */
  protected Progress progress(RecordFile<?> file, String verb) {
    long size = file.size();
    Progress.Mode mode;
    if (run.quiet) {
      mode = Progress.Mode.OFF;
    } else if (ctx.err().terminal()) {
      mode = Progress.Mode.TERMINAL;
    } else {
      mode = size >= QUIET_PROGRESS_MIN_BYTES ? Progress.Mode.PERCENT : Progress.Mode.OFF;
    }
    return mode == Progress.Mode.OFF
        ? Progress.off()
        : new Progress(ctx.err(), mode, verb + " " + file.name(), size, ctx.nanoClock());
  }

  /**
   * Progress of ranking {@code total} orders (or suggesting for citizens): like file progress, a
   * status line on a terminal, else a line per 10 % when there are at least {@code
   * QUIET_PROGRESS_MIN_ORDERS}.
   */
  protected Progress rankingProgress(String label, String unit, long total) {
    Progress.Mode mode = run.quiet ? Progress.Mode.OFF
        : ctx.err().terminal() ? Progress.Mode.TERMINAL
        : total >= QUIET_PROGRESS_MIN_ORDERS ? Progress.Mode.PERCENT : Progress.Mode.OFF;
    return mode == Progress.Mode.OFF ? Progress.off() : new Progress(ctx.err(), mode, label, unit, total, ctx.nanoClock());
  }

  /**
   * The job orders of the orders file, in input order; a duplicate id keeps the later line's
   * order, at the later line's place.
   */
  protected record Orders(List<JobOrder> list, RecordFile.Summary summary) {}

  /**
   * What {@link #readInputs} found: the orders, whether the citizens file was already checked
   * line by line (under {@code --strict}), or the exit code of a {@code --strict} refusal.
   *
   * @param orders the orders read
   * @param citizensChecked whether the citizens file was checked and found clean
   * @param refusal the exit code to return at once, or {@code null} to go on
   */
  protected record Inputs(Orders orders, boolean citizensChecked, Integer refusal) {}

  /**
   * The citizens of the citizens file held in memory, in the order of their winning lines.
   *
   * @param byId every citizen by id; a later line with the same id replaces the earlier one
   * @param summary the file's line counts and problems
   */
  protected record CitizenMap(Map<String, Citizen> byId, RecordFile.Summary summary) {}

  /**
   * Reads every citizen of the citizens file into memory (for commands that need the records
   * themselves rather than an index), checking the lines unless {@code inputs} says the file was
   * checked already.
   *
   * @throws IOException if the file cannot be read
   */
  protected CitizenMap readCitizens(Inputs inputs) throws IOException {
    if (fromIndex() && indexEngine != null) {
      // The citizens held in the index, by id (the index is no file to read).
      List<String> ids = new ArrayList<>(indexEngine.citizenIds());
      java.util.Collections.sort(ids);
      Map<String, Citizen> byId = new LinkedHashMap<>();
      for (String id : ids) {
        indexEngine.citizen(id).ifPresent(c -> byId.put(id, c));
      }
      return new CitizenMap(byId, new RecordFile.Summary(0, byId.size(), 0, 0, false));
    }
    RecordFile<Citizen> file = citizenFile();
    Map<String, Citizen> byId = new LinkedHashMap<>();
    RecordFile.Summary summary = file.read(ctx.err(), !inputs.citizensChecked(), true, progress(file, "reading"),
        (line, c) -> {
          byId.remove(c.id());
          byId.put(c.id(), c);
        });
    return new CitizenMap(byId, summary);
  }

  /**
   * Reads the orders and, under {@code --strict}, checks both files before anything is indexed;
   * the part every engine command starts with.
   *
   * @throws IOException if a file cannot be read
   */
  protected Inputs readInputs(RecordFile<JobOrder> orderFile, RecordFile<Citizen> citizenFile) throws IOException {
    if (fromIndex() && indexEngine != null) {
      if (orders() == null) {
        // The orders held in the index, in the order they were first added.
        return new Inputs(new Orders(new ArrayList<>(indexEngine.orders()), new RecordFile.Summary(0, 0, 0, 0, false)),
            true, null);
      }
      Orders read = readOrders(orderFile);
      if (run.strict && read.summary().hasProblems()) {
        return new Inputs(read, true, strictRefusal(orderFile, read.summary()));
      }
      // --orders replaces the index's orders for this run (the snapshot is private: nothing is written back).
      for (JobOrder o : indexEngine.orders()) {
        indexEngine.deleteOrder(o.id());
      }
      return new Inputs(read, true, null);
    }
    Orders read = readOrders(orderFile);
    if (run.strict && read.summary().hasProblems()) {
      return new Inputs(read, false, strictRefusal(orderFile, read.summary()));
    }
    if (!run.strict) {
      return new Inputs(read, false, null);
    }
    RecordFile.Summary check = checkCitizens(citizenFile);
    if (check.hasProblems()) {
      summarize(orderFile, read.summary());
      return new Inputs(read, false, strictRefusal(citizenFile, check));
    }
    return new Inputs(read, true, null);
  }

  /**
   * Reads all job orders into memory (a few thousand; they are ranked one by one), reporting bad
   * lines and duplicates.
   */
  protected Orders readOrders(RecordFile<JobOrder> file) throws IOException {
    long t0 = ctx.nanoClock().getAsLong();
    Map<String, JobOrder> byId = new LinkedHashMap<>();
    UnknownCodes unknown = UnknownCodes.of(taxonomy, file.name(), ctx.err());
    RecordFile.Summary s = file.read(ctx.err(), true, true, progress(file, "reading"), (line, o) -> {
      if (unknown != null) {
        unknown.order(line, o);
      }
      byId.remove(o.id()); // the later line wins, at its own place in the input order
      byId.put(o.id(), o);
    });
    if (unknown != null) {
      unknown.summarize();
    }
    verbose(t0, "read %,d job orders", byId.size());
    return new Orders(new ArrayList<>(byId.values()), s);
  }

  /** Reads the citizens file without indexing, reporting every problem (the {@code --strict} check). */
  protected RecordFile.Summary checkCitizens(RecordFile<Citizen> file) throws IOException {
    UnknownCodes unknown = UnknownCodes.of(taxonomy, file.name(), ctx.err());
    RecordFile.Summary s = file.read(ctx.err(), true, true, progress(file, "checking"), (line, c) -> {
      if (unknown != null) {
        unknown.citizen(line, c);
      }
    });
    if (unknown != null) {
      unknown.summarize();
    }
    return s;
  }

  /**
   * Streams the citizens into the engine and refreshes it. Reading and parsing run on their own
   * thread, handing batches to this one through a short queue, so that parsing the next batch
   * overlaps with indexing the last (on two cores, parsing is about a third of the work). At most
   * a few batches are in memory at a time.
   *
   * @param alreadyChecked whether a {@code --strict} check already reported the file's problems
   */
  protected RecordFile.Summary indexCitizens(RecordFile<Citizen> file, MatchEngine engine, boolean alreadyChecked)
      throws IOException {
    if (fromIndex() && engine == indexEngine) {
      return new RecordFile.Summary(0, 0, 0, 0, false); // already indexed
    }
    long t0 = ctx.nanoClock().getAsLong();
    BlockingQueue<List<Citizen>> queue = new ArrayBlockingQueue<>(4);
    Progress progress = progress(file, "indexing");
    ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "jobmatch-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      UnknownCodes unknown = alreadyChecked ? null : UnknownCodes.of(taxonomy, file.name(), ctx.err());
      Future<RecordFile.Summary> reading = reader.submit(() -> {
        List<List<Citizen>> batch = new ArrayList<>(1);
        batch.add(new ArrayList<>(UPSERT_BATCH));
        RecordFile.Summary s = file.read(ctx.err(), !alreadyChecked, !alreadyChecked, progress, (line, c) -> {
          if (unknown != null) {
            unknown.citizen(line, c);
          }
          batch.get(0).add(c);
          if (batch.get(0).size() == UPSERT_BATCH) {
            put(queue, batch.get(0));
            batch.set(0, new ArrayList<>(UPSERT_BATCH));
          }
        });
        if (!batch.get(0).isEmpty()) {
          put(queue, batch.get(0));
        }
        if (unknown != null) {
          unknown.summarize();
        }
        return s;
      });
      while (true) {
        List<Citizen> next = queue.poll(50, TimeUnit.MILLISECONDS);
        if (next != null) {
          engine.upsertAll(next);
        } else if (reading.isDone()) {
          // every put happened before the task finished: drain what is left, then stop
          for (List<Citizen> rest; (rest = queue.poll()) != null; ) {
            engine.upsertAll(rest);
          }
          break;
        }
      }
      RecordFile.Summary s = reading.get();
      engine.refresh();
      long seconds = Math.max(1, ctx.nanoClock().getAsLong() - t0);
      verbose(t0, "indexed %,d citizens (%,d/s)", s.records(), (long) (s.records() * 1e9 / seconds));
      return s;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.SOFTWARE, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      reader.shutdownNow(); // unblocks the reader if indexing failed
    }
  }

  private static void put(BlockingQueue<List<Citizen>> queue, List<Citizen> batch) throws IOException {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("reading stopped: indexing failed");
    }
  }

  /** Prints one summary line per file that had problems. */
  protected void summarize(RecordFile<?> file, RecordFile.Summary s) {
    String line = file.describe(s);
    if (line != null) {
      ctx.err().println(line);
    }
  }

  /**
   * Counts the orders closed on the engine's day ({@code --as-of}, default today; the deadline
   * day itself is open) and, when there are any, says so on standard error in one line: {@code
   * FILE: N job orders closed on DATE (deadline before it): no shortlist}. Not an error.
   *
   * @return how many orders are closed
   */
  protected int summarizeClosed(String source, List<JobOrder> orders, LocalDate day) {
    int closed = 0;
    for (JobOrder o : orders) {
      if (!o.isOpenOn(day)) {
        closed++;
      }
    }
    if (closed > 0) {
      ctx.err().println(String.format(java.util.Locale.ROOT, "%s: %,d job order%s closed on %s (deadline before it): no shortlist",
          source, closed, closed == 1 ? "" : "s", day));
    }
    return closed;
  }

  /** The {@code --strict} refusal: reports and returns {@link ExitCode#DATA}. */
  protected int strictRefusal(RecordFile<?> file, RecordFile.Summary s) {
    summarize(file, s);
    ctx.err().println(file.name() + ": --strict: the file has problems; nothing was indexed or written");
    return ExitCode.DATA;
  }

  /** Fails if standard output has gone away (e.g. a closed pipe), so the run stops early. */
  protected void checkStdout() {
    if (out() == null && ctx.out() instanceof PrintStream ps && ps.checkError()) {
      throw CliException.usage("cannot write to standard output (closed?)");
    }
  }
}
