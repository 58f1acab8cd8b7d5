package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.batch.BatchMatcher;
import dk.jobmatch.index.ModelCodec;
import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Limits;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.ScoringPolicy;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle, limits, file permissions and the audit hook of the engine. */
class ReliabilityTest {
  @TempDir Path dir;

  private MatchEngine.Builder builder() {
    return MatchEngine.builder().asOf(RankingTest.AS_OF);
  }

  // ------------------------------------------------------------ lifecycle

  @Test
  void closeTwiceIsANoOp() throws Exception {
    MatchEngine e = builder().directory(dir).build();
    e.upsertAll(RankingTest.population());
    e.close();
    assertDoesNotThrow(e::close);
    try (MatchEngine reopened = builder().directory(dir).build()) {
      assertEquals(6, reopened.citizenCount());
    }
  }

  @Test
  void deleteAfterCloseFailsAndChangesNothing() throws Exception {
    MatchEngine e = builder().directory(dir).build();
    e.upsertAll(RankingTest.population());
    e.close();
    assertThrows(IllegalStateException.class, () -> e.delete("pedagogue"));
    assertEquals(6, e.citizenCount(), "a failed delete must not change the in-memory state");
    assertThrows(IllegalStateException.class, () -> e.upsert(RankingTest.population().get(0)));
    assertThrows(IllegalStateException.class, () -> e.rank(RankingTest.nurseOrder(false).build(), 3));
    assertThrows(IllegalStateException.class, e::purgeDeleted);
    try (MatchEngine reopened = builder().directory(dir).build()) {
      assertTrue(reopened.citizen("pedagogue").isPresent());
    }
  }

  @Test
  void rankWithTheLargestKDoesNotPreSize() {
    try (MatchEngine e = builder().build()) {
      e.upsertAll(RankingTest.population());
      e.refresh();
      JobOrder o = RankingTest.nurseOrder(false).build();
      assertEquals(e.rank(o, 100), e.rank(o, Integer.MAX_VALUE));
      assertFalse(e.rank(o, Integer.MAX_VALUE).isEmpty());
      assertEquals(e.suggest(RankingTest.population().get(0), 100),
          e.suggest(RankingTest.population().get(0), Integer.MAX_VALUE));
    } catch (java.io.IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  // ------------------------------------------------------------ permissions

  @Test
  void indexFilesAndDirectoriesAreOwnerOnly() throws Exception {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Path root = dir.resolve("engine");
    try (MatchEngine e = builder().directory(root).build()) {
      e.upsertAll(new RandomPopulation(3).citizens(300));
      e.upsertOrder(RankingTest.nurseOrder(true).build());
      e.commit();
      e.delete("c-1");
      e.purgeDeleted();
    }
    Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    int files = 0;
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        assertTrue(ownerOnly.containsAll(perms), p + " is readable by others: " + perms);
        files += Files.isRegularFile(p) ? 1 : 0;
      }
    }
    assertTrue(files > 3, "checked " + files + " files");
    // An index written with other permissions (an earlier version, a copy) is tightened on open.
    Path segments;
    try (Stream<Path> all = Files.list(root.resolve("citizens"))) {
      segments = all.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    }
    Files.setPosixFilePermissions(segments, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(root.resolve("citizens"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    try (MatchEngine e = builder().directory(root).build()) {
      assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(segments));
      assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"),
          Files.getPosixFilePermissions(root.resolve("citizens")));
    }
  }

  // ------------------------------------------------------------ limits

  private static List<String> languageCodes(int n) {
    List<String> out = new ArrayList<>();
    for (char a = 'a'; a <= 'z' && out.size() < n; a++) {
      for (char b = 'a'; b <= 'z' && out.size() < n; b++) {
        out.add("" + a + b);
      }
    }
    return out;
  }

  /** A citizen with every list at its documented maximum. */
  static Citizen largest(String id) {
    Citizen.Builder b = Citizen.builder(id);
    for (int i = 0; i < Limits.CITIZEN_SKILLS; i++) {
      b.skill("skill:s" + i, 2000 + i % 25);
    }
    for (int i = 0; i < Limits.CITIZEN_EXPERIENCE; i++) {
      b.experience("isco:" + (1000 + i), 1.5, 2020);
    }
    for (int i = 0; i < Limits.CITIZEN_JOB_GOALS; i++) {
      b.jobGoal("isco:" + (2000 + i), 1 + i);
    }
    for (int i = 0; i < Limits.CITIZEN_CERTIFICATES; i++) {
      b.certificate("CERT_" + i);
    }
    for (String code : languageCodes(Limits.CITIZEN_LANGUAGES)) {
      b.language(code, CefrLevel.B2);
    }
    return b.build();
  }

  @Test
  void aCitizenAtEveryLimitSurvivesAReopen() throws Exception {
    Citizen big = largest("c-big");
    try (MatchEngine e = builder().directory(dir).build()) {
      e.upsert(big);
      e.upsertAll(RankingTest.population());
    }
    try (MatchEngine e = builder().directory(dir).build()) {
      assertEquals(7, e.citizenCount());
      assertEquals(big, e.citizen("c-big").orElseThrow());
    }
  }

  @Test
  void anOrderAtEveryLimitWithMultiByteTextRoundTrips() throws Exception {
    JobOrder.Builder b = JobOrder.builder("o-big", "isco:2221").title("€".repeat(100)).description("€æ".repeat(2500))
        .employer(new dk.jobmatch.model.Employer("12345678", null, "ø".repeat(200), true, false, null));
    for (int i = 0; i < Limits.ORDER_REQUIRED_SKILLS; i++) {
      b.essentialSkill("skill:" + "€".repeat(290) + i);
    }
    for (int i = 0; i < Limits.ORDER_CERTIFICATES; i++) {
      b.certificate("CERT_" + i);
    }
    for (String code : languageCodes(Limits.ORDER_LANGUAGES)) {
      b.language(code, CefrLevel.B1);
    }
    JobOrder big = b.build();
    byte[] bytes = ModelCodec.encode(big);
    assertEquals(big, ModelCodec.decodeOrder(bytes, 0, bytes.length));
    try (MatchEngine e = builder().directory(dir).build()) {
      e.upsertOrder(big);
    }
    try (MatchEngine e = builder().directory(dir).build()) {
      assertEquals(big, e.order("o-big").orElseThrow());
    }
    Citizen c = Citizen.builder("c-text").education(5, "€".repeat(200), 2010).skill("skill:" + "€".repeat(294)).build();
    byte[] cb = ModelCodec.encode(c);
    assertEquals(c, ModelCodec.decodeCitizen(cb, 0, cb.length));
  }

  @Test
  void aCitizenBeyondALimitIsRefusedNamingFieldAndLimitNotAValue() {
    Citizen.Builder b = Citizen.builder("c-huge");
    for (int i = 0; i < 32_768; i++) {
      b.skill("skill:zzvalue" + i);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals("skills: must hold at most " + Limits.CITIZEN_SKILLS + " entries (was 32768)", e.getMessage());
    JobOrder.Builder o = JobOrder.builder("o-huge", "isco:2221");
    for (int i = 0; i <= Limits.ORDER_CERTIFICATES; i++) {
      o.certificate("CERT_" + i);
    }
    assertEquals("certificates: must hold at most " + Limits.ORDER_CERTIFICATES + " entries (was "
        + (Limits.ORDER_CERTIFICATES + 1) + ")", assertThrows(IllegalArgumentException.class, o::build).getMessage());
  }

  @Test
  void aCorruptStoredRecordFailsWithoutQuotingAValue() {
    Citizen c = Citizen.builder("c-1").skill("skill:zzsecretvalue").education(5, "zzsecretfield", 2010)
        .location("2600", 55.6, 12.3).build();
    byte[] ok = ModelCodec.encode(c);
    assertEquals(c, ModelCodec.decodeCitizen(ok, 0, ok.length));
    for (int cut = 1; cut < ok.length; cut += 3) {
      byte[] bad = java.util.Arrays.copyOf(ok, cut);
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ModelCodec.decodeCitizen(bad, 0, bad.length));
      assertValueFree(e);
    }
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
    for (int i = 0; i < 2000; i++) {
      byte[] bad = ok.clone();
      bad[1 + rnd.nextInt(bad.length - 1)] ^= (byte) (1 + rnd.nextInt(255));
      try {
        ModelCodec.decodeCitizen(bad, 0, bad.length);
      } catch (UncheckedIOException e) {
        assertValueFree(e);
      }
    }
  }

  private static void assertValueFree(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      assertFalse(m.contains("zzsecret") || m.contains("2600") || m.contains("55.6"), m);
    }
  }

  // ------------------------------------------------------------ audit

  @Test
  void everyShortlistReachesTheAuditListenerWithPolicyIdsAndExplanations() throws Exception {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (MatchEngine e = builder().auditListener(events::add).build()) {
      e.upsertAll(RankingTest.population());
      e.refresh();
      JobOrder o = RankingTest.nurseOrder(true).build();
      e.upsertOrder(o);
      List<Match> ranked = e.rank(o, 3);
      List<Match> suggested = e.suggest(RankingTest.population().get(0), 5);
      assertEquals(2, events.size());
      AuditEvent rank = events.get(0);
      assertEquals(AuditEvent.Kind.RANK, rank.kind());
      assertEquals("jo-nurse", rank.orderId());
      assertEquals(null, rank.citizenId());
      assertEquals(ranked, rank.shortlist());
      assertTrue(rank.shortlist().stream().allMatch(m -> m.explanation() != null));
      assertEquals(ScoringPolicy.defaults().label(), rank.policy());
      assertEquals(PolicyFingerprint.of(ScoringPolicy.defaults()), rank.policyHash());
      assertTrue(rank.policyHash().matches("sha256:[0-9a-f]{16}"), rank.policyHash());
      assertEquals(RankingTest.AS_OF, rank.asOf());
      AuditEvent suggest = events.get(1);
      assertEquals(AuditEvent.Kind.SUGGEST, suggest.kind());
      assertEquals("nurse-all-skills", suggest.citizenId());
      assertEquals(suggested, suggest.shortlist());

      events.clear();
      var result = new BatchMatcher().run(e, List.of(o));
      assertEquals(List.of(AuditEvent.Kind.RANK, AuditEvent.Kind.BATCH), events.stream().map(AuditEvent::kind).toList());
      assertEquals(result.shortlists().get(0).matches(), events.get(1).shortlist());
      assertFalse(events.get(1).toString().contains("Match["), "toString shows ids and sizes only");
    }
  }

  @Test
  void aFailingAuditListenerWithholdsTheShortlist() throws Exception {
    try (MatchEngine e = builder().auditListener(ev -> {
      throw new IllegalStateException("audit log unavailable");
    }).build()) {
      e.upsertAll(RankingTest.population());
      e.refresh();
      assertThrows(IllegalStateException.class, () -> e.rank(RankingTest.nurseOrder(false).build(), 3));
    }
  }

  @Test
  void thePolicyFingerprintIsStableAndChangesWithAnyConstant() {
    ScoringPolicy d = ScoringPolicy.defaults();
    assertEquals(PolicyFingerprint.of(d), PolicyFingerprint.of(d.toBuilder().build()));
    assertNotEquals(PolicyFingerprint.of(d), PolicyFingerprint.of(d.toBuilder().staleFloor(d.staleFloor() / 2).build()));
    assertNotEquals(PolicyFingerprint.of(d),
        PolicyFingerprint.of(d.toBuilder().relax(dk.jobmatch.scoring.Gate.LANGUAGES).build()));
  }
}
