package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.TestSeeds;
import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up snapshot of a persistent engine: read when valid, with the same rankings as reading
 * every citizen; a missing, stale, corrupt or truncated snapshot, or one made with other reference
 * data, is not used and changes no result; the features codec carries every field.
 */
class StartupSnapshotTest {
  private static final int CITIZENS = 600;
  private static final int ORDERS = 12;
  @TempDir Path root;
  private Path dir;

  @org.junit.jupiter.api.BeforeEach
  void engineDirectory() {
    dir = root.resolve("engine");
  }

  private MatchEngine open(Taxonomy taxonomy, boolean writeSnapshot) {
    return open(dir, taxonomy, writeSnapshot);
  }

  private static MatchEngine open(Path at, Taxonomy taxonomy, boolean writeSnapshot) {
    return MatchEngine.builder().directory(at).taxonomy(taxonomy).shortage(RandomPopulation.shortage())
        .asOf(RandomPopulation.AS_OF).startupSnapshot(writeSnapshot).build();
  }

  private Path snapshot() {
    return snapshot(dir);
  }

  private static Path snapshot(Path at) {
    return at.resolve("citizens").resolve("jobmatch-startup.snapshot");
  }

  /** A copy of the engine directory (every commit and the snapshot, unchanged). */
  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else if (!f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, t);
        }
      }
    }
  }

  /** The rankings of the orders by an in-memory engine over {@code population}: what any opening must give. */
  private static List<List<Match>> expected(Taxonomy taxonomy, List<Citizen> population, List<JobOrder> orders) {
    try (MatchEngine e = MatchEngine.builder().taxonomy(taxonomy).shortage(RandomPopulation.shortage())
        .asOf(RandomPopulation.AS_OF).build()) {
      e.upsertAll(population);
      return rankings(e, orders);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }

  private static List<List<Match>> rankings(MatchEngine e, List<JobOrder> orders) {
    List<List<Match>> out = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      out.add(e.rank(orders.get(i), 1 + (i % 4) * 6));
    }
    return out;
  }

  /** Builds the engine's history: a population, replaced and deleted citizens, two commits. */
  private List<Citizen> build(Taxonomy taxonomy, long seed) throws Exception {
    RandomPopulation gen = new RandomPopulation(seed);
    Map<String, Citizen> population = new LinkedHashMap<>();
    gen.citizens(CITIZENS).forEach(c -> population.put(c.id(), c));
    try (MatchEngine e = open(taxonomy, true)) {
      e.upsertAll(List.copyOf(population.values()));
      e.commit();
      for (int i = 0; i < 40; i++) {
        Citizen c = gen.citizen("c-" + (i * 7));
        population.put(c.id(), c);
        e.upsert(c);
      }
      for (int i = 0; i < 25; i++) {
        String id = "c-" + (3 + i * 11);
        population.remove(id);
        assertTrue(e.delete(id));
      }
    }
    assertTrue(Files.isRegularFile(snapshot()), "close() wrote the snapshot");
    return List.copyOf(population.values());
  }

  @Test
  void aValidSnapshotIsReadAndRanksAsReadingEveryCitizen() throws Exception {
    long seed = TestSeeds.seed("StartupSnapshotTest.valid", null, 20261207L);
    Taxonomy taxonomy = RandomPopulation.relatedTaxonomy();
    List<Citizen> population = build(taxonomy, seed);
    RandomPopulation gen = new RandomPopulation(seed + 1);
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      orders.add(gen.order("o-" + i));
    }
    List<List<Match>> expected = expected(taxonomy, population, orders);
    try (MatchEngine e = open(taxonomy, true)) {
      assertTrue(e.openedFromSnapshot(), "seed " + seed + ": the snapshot was not used");
      assertEquals(population.size(), e.citizenCount());
      assertEquals(expected, rankings(e, orders), "seed " + seed);
      // Changes after opening from the snapshot: still exact, and the next snapshot is right too.
      Citizen moved = gen.citizen("c-1");
      e.upsert(moved);
      assertTrue(e.delete("c-2"));
      List<Citizen> now = new ArrayList<>(population);
      now.removeIf(c -> c.id().equals("c-1") || c.id().equals("c-2"));
      now.add(moved);
      population = now;
      assertEquals(expected(taxonomy, population, orders), rankings(e, orders), "seed " + seed + " after changes");
    }
    try (MatchEngine e = open(taxonomy, false)) {
      assertTrue(e.openedFromSnapshot(), "seed " + seed + ": the second snapshot was not used");
      assertEquals(expected(taxonomy, population, orders), rankings(e, orders), "seed " + seed + " second snapshot");
    }
  }

  /** One way of spoiling the snapshot file. */
  private interface Spoil {
    void apply(Path file, SplittableRandom rnd) throws Exception;
  }

  @Test
  void aMissingCorruptTruncatedOrStaleSnapshotIsNotUsedAndChangesNoRanking() throws Exception {
    long seed = TestSeeds.seed("StartupSnapshotTest.spoilt", null, 7L);
    Taxonomy taxonomy = RandomPopulation.relatedTaxonomy();
    List<Citizen> population = build(taxonomy, seed);
    RandomPopulation gen = new RandomPopulation(seed + 1);
    List<JobOrder> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      orders.add(gen.order("o-" + i));
    }
    List<List<Match>> expected = expected(taxonomy, population, orders);
    byte[] good = Files.readAllBytes(snapshot());
    Map<String, Spoil> spoils = new LinkedHashMap<>();
    spoils.put("deleted", (f, r) -> Files.delete(f));
    spoils.put("empty", (f, r) -> Files.write(f, new byte[0]));
    spoils.put("truncated to half", (f, r) -> Files.write(f, java.util.Arrays.copyOf(good, good.length / 2)));
    spoils.put("footer cut off", (f, r) -> Files.write(f, java.util.Arrays.copyOf(good, good.length - 16)));
    spoils.put("one byte more", (f, r) -> Files.write(f, java.util.Arrays.copyOf(good, good.length + 1)));
    for (int i = 0; i < 6; i++) {
      spoils.put("one bit flipped (" + i + ")", (f, r) -> {
        byte[] b = good.clone();
        int at = r.nextInt(b.length);
        b[at] ^= (byte) (1 << r.nextInt(8));
        Files.write(f, b);
      });
    }
    // Each case on its own copy of the closed engine, so that the snapshot is the commit's own.
    Path base = dir.resolveSibling(dir.getFileName() + "-base");
    copyTree(dir, base);
    Path unspoilt = dir.resolveSibling(dir.getFileName() + "-unspoilt");
    copyTree(base, unspoilt);
    try (MatchEngine e = open(unspoilt, taxonomy, false)) {
      assertTrue(e.openedFromSnapshot(), "seed " + seed + ": a copy's snapshot was not used");
      assertEquals(expected, rankings(e, orders), "seed " + seed + ", unspoilt copy");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 0;
    for (Map.Entry<String, Spoil> s : spoils.entrySet()) {
      Path at = dir.resolveSibling(dir.getFileName() + "-case" + n++);
      copyTree(base, at);
      s.getValue().apply(snapshot(at), rnd);
      try (MatchEngine e = open(at, taxonomy, false)) {
        assertFalse(e.openedFromSnapshot(), "seed " + seed + ", " + s.getKey() + ": a spoilt snapshot was used");
        assertEquals(population.size(), e.citizenCount(), s.getKey());
        assertEquals(expected, rankings(e, orders), "seed " + seed + ", " + s.getKey());
      }
    }
  }

  @Test
  void aSnapshotOfAnOlderCommitIsNotUsed() throws Exception {
    Taxonomy taxonomy = RandomPopulation.relatedTaxonomy();
    List<Citizen> population = new ArrayList<>(build(taxonomy, 11));
    Path old = dir.resolveSibling(dir.getFileName() + "-old.snapshot");
    Files.copy(snapshot(), old, StandardCopyOption.REPLACE_EXISTING);
    Citizen changed = new RandomPopulation(12).citizen(population.get(0).id());
    population.set(0, changed);
    try (MatchEngine e = open(taxonomy, true)) {
      assertTrue(e.openedFromSnapshot());
      e.upsert(changed);
    }
    assertNotEquals(java.util.Arrays.hashCode(Files.readAllBytes(old)),
        java.util.Arrays.hashCode(Files.readAllBytes(snapshot())));
    Files.copy(old, snapshot(), StandardCopyOption.REPLACE_EXISTING);
    Files.delete(old);
    List<JobOrder> orders = new ArrayList<>();
    RandomPopulation gen = new RandomPopulation(13);
    for (int i = 0; i < ORDERS; i++) {
      orders.add(gen.order("o-" + i));
    }
    try (MatchEngine e = open(taxonomy, false)) {
      assertFalse(e.openedFromSnapshot(), "a snapshot of an older commit was used");
      assertEquals(expected(taxonomy, population, orders), rankings(e, orders));
      assertEquals(changed, e.citizen(changed.id()).orElseThrow());
    }
  }

  @Test
  void aSnapshotMadeWithOtherReferenceDataIsNotUsed() throws Exception {
    Taxonomy taxonomy = RandomPopulation.relatedTaxonomy();
    List<Citizen> population = build(taxonomy, 21);
    // Another taxonomy: every unit group (and finer) resolves to its minor group.
    Taxonomy other = new Taxonomy() {
      @Override
      public OccupationCode resolve(OccupationRef ref) {
        OccupationCode c = taxonomy.resolve(ref);
        return c == null || c.digits() == null || c.digits().length() < 4 ? c
            : OccupationCode.ofDigits(c.digits().substring(0, 3));
      }

      @Override
      public Map<String, Double> relatedSkills(String skillId) {
        return taxonomy.relatedSkills(skillId);
      }

      @Override
      public Optional<ReuseLevel> reuseLevel(String skillId) {
        return taxonomy.reuseLevel(skillId);
      }

      @Override
      public List<RequiredSkill> skillsOf(OccupationRef occupation) {
        return taxonomy.skillsOf(occupation);
      }

      @Override
      public Optional<String> skillLabel(String skillId) {
        return taxonomy.skillLabel(skillId);
      }

      @Override
      public Optional<String> occupationLabel(OccupationRef occupation) {
        return taxonomy.occupationLabel(occupation);
      }
    };
    List<JobOrder> orders = new ArrayList<>();
    RandomPopulation gen = new RandomPopulation(22);
    for (int i = 0; i < ORDERS; i++) {
      orders.add(gen.order("o-" + i));
    }
    try (MatchEngine e = open(other, false)) {
      assertFalse(e.openedFromSnapshot(), "a snapshot of other reference data was used");
      assertEquals(expected(other, population, orders), rankings(e, orders));
    }
  }

  /** A taxonomy like {@code base} that resolves the unit groups in {@code unknown} to nothing. */
  private static Taxonomy without(Taxonomy base, java.util.Set<String> unknown) {
    return new Taxonomy() {
      @Override
      public OccupationCode resolve(OccupationRef ref) {
        return unknown.contains(ref.code()) ? null : base.resolve(ref);
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
        return base.occupationLabel(occupation);
      }
    };
  }

  /**
   * A reference the snapshot's taxonomy resolved to nothing is checked too: reopened with a
   * taxonomy that places it, the snapshot is not used.
   */
  @Test
  void aReferenceResolvedToNothingIsCheckedToo() throws Exception {
    Taxonomy base = RandomPopulation.relatedTaxonomy();
    java.util.Set<String> unknown = new java.util.HashSet<>(List.of(RandomPopulation.OCCUPATIONS));
    Taxonomy blind = without(base, unknown);
    List<Citizen> population = build(blind, 41);
    List<JobOrder> orders = new ArrayList<>();
    RandomPopulation gen = new RandomPopulation(42);
    for (int i = 0; i < ORDERS; i++) {
      orders.add(gen.order("o-" + i));
    }
    try (MatchEngine e = open(blind, true)) {
      assertTrue(e.openedFromSnapshot(), "the same taxonomy: the snapshot is used");
    }
    try (MatchEngine e = open(base, false)) {
      assertFalse(e.openedFromSnapshot(), "a taxonomy placing the unresolved codes: the snapshot was used");
      assertEquals(expected(base, population, orders), rankings(e, orders));
    }
  }

  @Test
  void purgeDeletedDeletesTheSnapshot() throws Exception {
    build(Taxonomy.none(), 31);
    try (MatchEngine e = open(Taxonomy.none(), false)) {
      assertTrue(e.openedFromSnapshot());
      assertTrue(e.delete("c-0"));
      e.purgeDeleted();
      assertFalse(Files.exists(snapshot()), "the snapshot holds the deleted citizen");
    }
    assertFalse(Files.exists(snapshot()), "written without startupSnapshot(true)");
  }

  /**
   * The features codec carries every field: each field of {@link CitizenFeatures} read back equals
   * the one written (compared by reflection, so a new field fails here until the codec carries
   * it), also through vocabularies that number the names differently.
   */
  @Test
  void theFeaturesCodecCarriesEveryField() throws Exception {
    long seed = TestSeeds.seed("StartupSnapshotTest.codec", null, 5L);
    RandomPopulation gen = new RandomPopulation(seed);
    Vocabularies written = Vocabularies.create();
    Map<OccupationRef, OccupationCode> resolved = new HashMap<>();
    Function<OccupationRef, OccupationCode> resolver = r -> resolved.computeIfAbsent(r, Taxonomy.none()::resolve);
    List<CitizenFeatures> features = new ArrayList<>();
    for (Citizen c : gen.citizens(400)) {
      features.add(CitizenFeatures.of(c, written, resolver));
    }
    List<OccupationCode> codes = new ArrayList<>();
    codes.add(null);
    resolved.values().stream().distinct().forEach(codes::add);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      for (CitizenFeatures f : features) {
        f.writeTo(out, codes::indexOf);
      }
    }
    // A reader whose vocabularies number the names in reverse order.
    Vocabularies reading = Vocabularies.create();
    int[] skills = remap(written.skills(), reading.skills());
    int[] certificates = remap(written.certificates(), reading.certificates());
    int[] languages = remap(written.languages(), reading.languages());
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf.toByteArray()));
    OccupationCode[] table = codes.toArray(new OccupationCode[0]);
    for (CitizenFeatures f : features) {
      CitizenFeatures r = CitizenFeatures.readFrom(in, skills, certificates, languages, table);
      for (Field field : CitizenFeatures.class.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        Object a = field.get(f);
        Object b = field.get(r);
        String ctx = "seed " + seed + ", " + f.id + ", field " + field.getName();
        switch (field.getName()) {
          case "skills" -> {
            assertArrayEquals(sorted(names(written.skills(), (int[]) a)), sorted(names(reading.skills(), (int[]) b)), ctx);
            assertTrue(isAscending((int[]) b), ctx + ": not sorted by id");
          }
          case "certificates" -> {
            assertArrayEquals(sorted(names(written.certificates(), (int[]) a)),
                sorted(names(reading.certificates(), (int[]) b)), ctx);
            assertTrue(isAscending((int[]) b), ctx + ": not sorted by id");
          }
          case "languages" -> assertArrayEquals(names(written.languages(), (int[]) a),
              names(reading.languages(), (int[]) b), ctx);
          case "skillLastUsed" -> assertArrayEquals(byName(written.skills(), f.skills, (short[]) a),
              byName(reading.skills(), r.skills, (short[]) b), ctx);
          default -> assertTrue(java.util.Objects.deepEquals(a, b), ctx + ": " + a + " vs " + b);
        }
      }
    }
    assertEquals(-1, in.read(), "bytes left over");
  }

  /** Interns {@code from}'s names into {@code to} in reverse order; returns id in from → id in to. */
  private static int[] remap(dk.jobmatch.kernel.Vocabulary from, dk.jobmatch.kernel.Vocabulary to) {
    int[] map = new int[from.size()];
    for (int i = from.size() - 1; i >= 0; i--) {
      map[i] = to.intern(from.name(i));
    }
    return map;
  }

  private static String[] names(dk.jobmatch.kernel.Vocabulary v, int[] ids) {
    String[] out = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = v.name(ids[i]);
    }
    return out;
  }

  private static String[] sorted(String[] a) {
    String[] out = a.clone();
    java.util.Arrays.sort(out);
    return out;
  }

  private static boolean isAscending(int[] a) {
    for (int i = 1; i < a.length; i++) {
      if (a[i - 1] > a[i]) {
        return false;
      }
    }
    return true;
  }

  /** The last-used years keyed by skill name, in name order (independent of the numbering). */
  private static String[] byName(dk.jobmatch.kernel.Vocabulary v, int[] skills, short[] years) {
    String[] out = new String[skills.length];
    for (int i = 0; i < skills.length; i++) {
      out[i] = v.name(skills[i]) + "=" + years[i];
    }
    java.util.Arrays.sort(out);
    return out;
  }
}
