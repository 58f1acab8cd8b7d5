package dk.jobmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The right to erasure, checked on the bytes: after {@code delete → purgeDeleted}, no file in the
 * index directory holds the deleted citizen's id, a skill or a certificate — also when the
 * citizen was a tiny fraction of its segment, and for every version of an updated citizen.
 */
class ErasureTest {
  @TempDir Path dir;

  /**
   * Distinctive values, sharing no prefix with the rest of the population's terms. Since the
   * retrieval core, skills and certificates live only in the stored source, which Lucene
   * compresses (LZ4 in blocks): a value there may be split or back-referenced, so a byte scan
   * cannot prove it present. Presence before erasure is therefore proved on the id (a raw term
   * in the term dictionary, in the same segment as the stored source) and through {@code
   * citizen(id)}; absence after erasure is checked on every value.
   */
  private static Citizen target(String id, String skill, String cert) {
    return Citizen.builder(id).skill(skill).certificate(cert).experience("isco:2221", 3, 2024)
        .jobGoal("isco:2221", 1).location("2600", 55.65, 12.35).build();
  }

  private MatchEngine open() {
    return MatchEngine.builder().directory(dir).asOf(RandomPopulation.AS_OF).build();
  }

  /** Every file under the index directory whose bytes contain {@code value} (UTF-8). */
  static List<String> filesContaining(Path root, String value) throws IOException {
    byte[] needle = value.getBytes(StandardCharsets.UTF_8);
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(f), needle) >= 0) {
          hits.add(root.relativize(f).toString());
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void assertPresent(String... values) throws IOException {
    for (String v : values) {
      assertFalse(filesContaining(dir, v).isEmpty(), "the scan must find '" + v + "' before erasure (else it proves nothing)");
    }
  }

  private void assertErased(String... values) throws IOException {
    for (String v : values) {
      assertEquals(List.of(), filesContaining(dir, v), "files still holding '" + v + "' after purgeDeleted");
    }
    long files;
    long bytes = 0;
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> list = all.filter(Files::isRegularFile).toList();
      files = list.size();
      for (Path f : list) {
        bytes += Files.size(f);
      }
    }
    System.out.printf("ErasureTest: %d values absent from %d files (%,d bytes)%n", values.length, files, bytes);
  }

  @Test
  void aCitizenThatIsATinyFractionOfItsSegmentLeavesNoByte() throws Exception {
    List<Citizen> population = new RandomPopulation(11).citizens(2000);
    try (MatchEngine e = open()) {
      e.upsertAll(population.subList(0, 1000));
      e.upsert(target("zqerased1id", "mfhtyrua", "QJTMHXZA"));
      e.upsertAll(population.subList(1000, 2000));
      e.commit();
      assertPresent("zqerased1id");
      assertTrue(e.citizen("zqerased1id").orElseThrow().certificates().contains("QJTMHXZA"));
      assertTrue(e.delete("zqerased1id"));
      e.purgeDeleted();
      e.commit();
      assertErased("zqerased1id", "mfhtyrua", "QJTMHXZA");
      assertEquals(2000, e.citizenCount());
    }
    assertErased("zqerased1id", "mfhtyrua", "QJTMHXZA");
    try (MatchEngine e = open()) {
      assertEquals(2000, e.citizenCount(), "the others survive the rewrite");
      assertEquals(population.get(1234), e.citizen(population.get(1234).id()).orElseThrow());
    }
  }

  @Test
  void everyVersionOfAnUpdatedThenDeletedCitizenIsErased() throws Exception {
    List<Citizen> population = new RandomPopulation(12).citizens(1500);
    try (MatchEngine e = open()) {
      e.upsertAll(population);
      e.upsert(target("zqerased2id", "kvbnwplo", "WBNRKSYE"));
      e.commit();
      e.upsertAll(population.subList(0, 300)); // more segments, more merges to dodge
      e.upsert(target("zqerased2id", "pdlcwegn", "HGFUVTMC"));
      e.commit();
      assertPresent("zqerased2id");
      assertTrue(e.citizen("zqerased2id").orElseThrow().certificates().contains("HGFUVTMC"));
      assertTrue(e.delete("zqerased2id"));
      e.purgeDeleted();
    }
    assertErased("zqerased2id", "kvbnwplo", "WBNRKSYE", "pdlcwegn", "HGFUVTMC");
  }

  @Test
  void anUpdateAloneErasesTheOldVersionAtPurge() throws Exception {
    try (MatchEngine e = open()) {
      e.upsertAll(new RandomPopulation(13).citizens(800));
      e.upsert(target("zqerased3id", "rtjxqbmo", "YLDAPKUF"));
      e.commit();
      e.upsert(target("zqerased3id", "gwnsihvz", "CEMQORBT"));
      e.purgeDeleted();
      assertErased("rtjxqbmo", "YLDAPKUF");
      assertFalse(filesContaining(dir, "zqerased3id").isEmpty(), "the current version stays");
      assertTrue(e.citizen("zqerased3id").orElseThrow().certificates().contains("CEMQORBT"), "the current version stays");
    }
  }

  @Test
  void aCitizenDeletedBeforeItsFirstCommitLeavesNoByte() throws Exception {
    try (MatchEngine e = open()) {
      e.upsertAll(new RandomPopulation(14).citizens(500));
      e.commit();
      e.upsert(target("zqerased4id", "zqerased4skill", "ZQERASED4CERT"));
      e.refresh();
      JobOrder o = JobOrder.builder("o-1", "isco:2221").essentialSkill("zqerased4skill").build();
      assertEquals("zqerased4id", e.rank(o, 1).get(0).citizenId());
      assertTrue(e.delete("zqerased4id"));
      assertTrue(e.rank(o, 5).stream().noneMatch(m -> m.citizenId().equals("zqerased4id")));
      e.purgeDeleted();
    }
    assertErased("zqerased4id", "zqerased4skill", "ZQERASED4CERT");
  }

  @Test
  void aDeletedOrderLeavesNoByte() throws Exception {
    try (MatchEngine e = open()) {
      for (int i = 0; i < 300; i++) {
        e.upsertOrder(JobOrder.builder("o-" + i, "isco:2221").essentialSkill("s-" + (i % 7)).build());
      }
      e.upsertOrder(JobOrder.builder("zqorder5id", "isco:5322").title("Zqvxkrtitle").essentialSkill("zqorderskill").build());
      e.commit();
      assertPresent("zqorder5id");
      assertTrue(e.deleteOrder("zqorder5id"));
      e.purgeDeleted();
      assertEquals(300, e.orderCount());
    }
    assertErased("zqorder5id", "Zqvxkrtitle", "zqorderskill");
    try (MatchEngine e = open()) {
      assertEquals(300, e.orderCount(), "the other orders survive the rewrite");
    }
  }
}
