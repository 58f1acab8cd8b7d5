package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.ScoringPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint an index is built with: every setting of the policy, the content of every reference file. */
class IndexStoreTest {
  @TempDir Path dir;

  @Test
  void anyPolicySettingChangesTheFingerprintAndTheMessageNamesBothPolicies() {
    ScoringPolicy base = ScoringPolicy.defaults();
    ScoringPolicy halfLife = base.toBuilder().distanceHalfLifeKm(base.distanceHalfLifeKm() + 1).build();
    ScoringPolicy relaxed = base.toBuilder().relax(Gate.COMMUTE).build();
    ScoringPolicy renamed = base.toBuilder().name("glostrup").version("3").build();
    String h = IndexStore.policyHash(base);
    assertEquals(h, IndexStore.policyHash(base.toBuilder().build()));
    assertNotEquals(h, IndexStore.policyHash(halfLife));
    assertNotEquals(h, IndexStore.policyHash(relaxed));
    assertNotEquals(h, IndexStore.policyHash(renamed));

    IndexStore.Fingerprint built = IndexStore.fingerprint(null, null, null, base);
    assertEquals(List.of(), IndexStore.fingerprint(null, null, null, base).differences(built));
    assertEquals(List.of("--policy: the index was built with policy " + base.label() + ", this run uses " + base.label()
        + " with different settings"), IndexStore.fingerprint(null, null, null, halfLife).differences(built));
    assertEquals(List.of("--policy: the index was built with policy " + base.label() + ", this run uses glostrup@3"),
        IndexStore.fingerprint(null, null, null, renamed).differences(built));
  }

  @Test
  void referenceDataIsFingerprintedByContent() {
    Path a = CliRun.write(dir, "a.csv", "occupation,rarArea,category,validFrom,validTo");
    Path b = CliRun.write(dir, "b.csv", "occupation,rarArea,category,validFrom,validTo");
    Path c = CliRun.write(dir, "c.csv", "occupation,rarArea,category,validFrom,validTo", "isco:5322,,MANGEL,,");
    ScoringPolicy p = ScoringPolicy.defaults();
    IndexStore.Fingerprint built = IndexStore.fingerprint(null, null, a, p);
    assertEquals(List.of(), IndexStore.fingerprint(null, null, b, p).differences(built), "same content, other name");
    assertEquals(List.of("--shortage (shortage list): the content differs from the one the index was built with"),
        IndexStore.fingerprint(null, null, c, p).differences(built));
    assertEquals(List.of("--disco (DISCO-08 list): the index was built without it, this run gives it",
        "--shortage (shortage list): the index was built with it, this run does not give it"),
        IndexStore.fingerprint(null, a, null, p).differences(built));
  }
}
