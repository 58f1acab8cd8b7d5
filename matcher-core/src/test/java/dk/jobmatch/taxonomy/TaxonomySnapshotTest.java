package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.OccupationRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link TaxonomySnapshot}: a snapshot read back answers every question of the taxonomy exactly
 * as the loaded export does, and a spoilt one (truncated, a flipped byte, another version,
 * another source digest, bytes appended) is refused, so that the caller loads the export.
 */
class TaxonomySnapshotTest {
  private static final String DIGEST = "sha-of-the-export";

  /** Every answer of the taxonomy over every concept it holds, as text. */
  static String answers(EscoTaxonomy t) {
    StringBuilder sb = new StringBuilder();
    sb.append(t.occupationLabels()).append('\n').append(t.skillLabels()).append('\n').append(t.iscoGroups()).append('\n');
    sb.append(t.problems()).append('\n');
    EscoTaxonomy.Stats s = t.stats();
    sb.append(List.of(s.language(), s.occupations(), s.skills(), s.iscoGroups(), s.occupationSkillRelations(),
        s.essentialRelations(), s.optionalRelations(), s.skillSkillRelations(), s.broaderSkillRelations(),
        s.broaderOccupationRelations(), s.skippedOccupationSkillRelations(), s.skippedOtherRelations(),
        s.approxBytes())).append('\n');
    List<OccupationRef> occupations = new ArrayList<>(t.occupationLabels().keySet());
    for (OccupationRef o : occupations) {
      sb.append(o.code()).append(' ').append(t.resolve(o)).append(' ').append(t.skillsOf(o)).append(' ')
          .append(t.occupationLabel(o)).append(' ').append(t.knows(o)).append('\n');
    }
    for (String g : t.iscoGroups().keySet()) {
      for (OccupationRef.Scheme scheme : new OccupationRef.Scheme[] {OccupationRef.Scheme.ISCO, OccupationRef.Scheme.DISCO}) {
        OccupationRef r = new OccupationRef(scheme, g);
        sb.append(scheme).append(g).append(' ').append(t.resolve(r)).append(' ').append(t.skillsOf(r)).append(' ')
            .append(t.occupationLabel(r)).append(' ').append(t.knows(r)).append('\n');
      }
      if (g.length() == 4) {
        sb.append(t.occupationsInGroup(g)).append('\n');
      }
    }
    for (String skill : t.skillLabels().keySet()) {
      sb.append(skill).append(' ').append(t.relatedSkills(skill)).append(' ').append(t.reuseLevel(skill)).append(' ')
          .append(t.skillType(skill)).append(' ').append(t.broaderSkills(skill)).append(' ').append(t.skillLabel(skill))
          .append('\n');
    }
    sb.append(t.relatedSkills("http://no/such/skill")).append(t.skillsOf(new OccupationRef(OccupationRef.Scheme.ESCO,
        "http://data.europa.eu/esco/occupation/no-such-occupation")));
    return sb.toString();
  }

  @Test
  void theMiniExportReadsBackWithEveryAnswerEqual() throws IOException {
    EscoTaxonomy loaded = EscoTaxonomy.load(TestFiles.ESCO_MINI);
    byte[] bytes = TaxonomySnapshot.write(loaded, DIGEST);
    EscoTaxonomy read = TaxonomySnapshot.read(bytes, DIGEST).orElseThrow(() -> new AssertionError("refused a good snapshot"));
    assertEquals(answers(loaded), answers(read));
    // The same taxonomy written again gives the same bytes (nothing depends on hash order).
    assertTrue(Arrays.equals(bytes, TaxonomySnapshot.write(read, DIGEST)), "a snapshot of the read-back differs");
  }

  @Test
  void theRealExportReadsBackWithEveryAnswerEqual() throws IOException {
    Path dir = TestFiles.sharedData("esco-v1.1.1");
    Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "no ESCO v1.1.1 export in ../shared/data");
    EscoTaxonomy loaded = EscoTaxonomy.load(dir);
    byte[] bytes = TaxonomySnapshot.write(loaded, DIGEST);
    EscoTaxonomy read = TaxonomySnapshot.read(bytes, DIGEST).orElseThrow(() -> new AssertionError("refused a good snapshot"));
    assertEquals(answers(loaded), answers(read));
    assertEquals(67 + 1, read.stats().skippedOccupationSkillRelations() + read.stats().skippedOtherRelations());
  }

  @Test
  void aSpoiltSnapshotIsRefused() throws IOException {
    long seed = Long.getLong("jobmatch.seed", System.nanoTime());
    System.out.println("TaxonomySnapshotTest: seed " + seed + " (replay with -Djobmatch.seed=" + seed + ")");
    Random rnd = new Random(seed);
    byte[] good = TaxonomySnapshot.write(EscoTaxonomy.load(TestFiles.ESCO_MINI), DIGEST);
    assertTrue(TaxonomySnapshot.read(good, DIGEST).isPresent(), "refused a good snapshot");
    assertEquals(Optional.empty(), TaxonomySnapshot.read(good, "another export"), "another source digest");
    assertEquals(Optional.empty(), TaxonomySnapshot.read(new byte[0], DIGEST), "empty");
    for (int i = 0; i < 200; i++) {
      int cut = rnd.nextInt(good.length);
      assertEquals(Optional.empty(), TaxonomySnapshot.read(Arrays.copyOf(good, cut), DIGEST),
          "seed " + seed + ": truncated to " + cut + " bytes");
      byte[] flipped = good.clone();
      int at = rnd.nextInt(flipped.length);
      flipped[at] ^= (byte) (1 << rnd.nextInt(8));
      assertEquals(Optional.empty(), TaxonomySnapshot.read(flipped, DIGEST), "seed " + seed + ": bit flipped at " + at);
    }
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertEquals(Optional.empty(), TaxonomySnapshot.read(longer, DIGEST), "a byte appended");
    // Another version, with a valid checksum: refused for the version alone.
    byte[] other = good.clone();
    ByteBuffer.wrap(other).putInt(4, TaxonomySnapshot.VERSION + 1);
    resum(other);
    assertEquals(Optional.empty(), TaxonomySnapshot.read(other, DIGEST), "another version");
    // The control: re-summing an unchanged snapshot keeps it valid, so the version alone was refused.
    byte[] body = good.clone();
    ByteBuffer.wrap(body).putInt(4, TaxonomySnapshot.VERSION);
    resum(body);
    assertTrue(TaxonomySnapshot.read(body, DIGEST).isPresent(), "re-summing alone must keep it valid");
  }

  /** Writes a valid CRC-32 over the bytes before the last eight. */
  private static void resum(byte[] b) {
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 8);
    ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue());
  }
}
