package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.Vocabularies;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.taxonomy.OccupationCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

/**
 * The file handling of {@link StartupSnapshot} (the engine-level {@code StartupSnapshotTest}
 * covers what is in the file): the temporary file is synced before it is renamed over the old
 * snapshot and the directory's metadata after (a crash leaves the old file or the new one, both
 * durable), a temporary file left over by a crash neither blocks the next write nor survives a
 * delete (it holds the features of citizens an erasure may have removed), and a citizen whose
 * occupation code no resolution produced is refused before anything is written.
 */
class StartupSnapshotFileTest {
  private static final byte[] COMMIT_ID = new byte[16];

  static {
    for (int i = 0; i < 16; i++) {
      COMMIT_ID[i] = (byte) (3 * i + 1);
    }
  }

  private static final StartupSnapshot.Commit COMMIT = new StartupSnapshot.Commit(COMMIT_ID, "segments_7");

  /** Records sync, rename and metadata sync, in order. */
  private static final class Recording extends FilterDirectory {
    final List<String> calls = new ArrayList<>();

    Recording(Directory in) {
      super(in);
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
      calls.add("sync " + names);
      super.sync(names);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
      calls.add("rename " + source + " " + dest);
      super.rename(source, dest);
    }

    @Override
    public void syncMetaData() throws IOException {
      calls.add("syncMetaData");
      super.syncMetaData();
    }
  }

  private record Population(Vocabularies vocabularies, List<CitizenFeatures> features,
      Map<OccupationRef, OccupationCode> resolutions, Function<OccupationRef, OccupationCode> resolver) {}

  private static Population population() {
    Vocabularies v = Vocabularies.create();
    Map<OccupationRef, OccupationCode> resolutions = new HashMap<>();
    Function<OccupationRef, OccupationCode> resolver =
        r -> resolutions.computeIfAbsent(r, x -> OccupationCode.ofDigits(x.code()));
    List<CitizenFeatures> features = new ArrayList<>();
    features.add(CitizenFeatures.of(Citizen.builder("c-1").skill("s1").jobGoal("isco:2512", 1).build(), v, resolver));
    features.add(CitizenFeatures.of(Citizen.builder("c-2").skill("s2").experience("isco:7411", 3, 2020).build(), v,
        resolver));
    return new Population(v, features, resolutions, resolver);
  }

  private static List<String> files(Directory d) throws IOException {
    return Arrays.asList(d.listAll());
  }

  @Test
  void theTemporaryFileIsSyncedThenRenamedThenTheDirectorySynced() throws IOException {
    Population p = population();
    Recording d = new Recording(new ByteBuffersDirectory());
    StartupSnapshot.write(d, COMMIT, p.vocabularies(), p.features(), p.resolutions());
    assertEquals(List.of("sync [" + StartupSnapshot.NAME + ".tmp]",
        "rename " + StartupSnapshot.NAME + ".tmp " + StartupSnapshot.NAME, "syncMetaData"), d.calls);
    assertEquals(List.of(StartupSnapshot.NAME), files(d));
    // And what was written reads back for the same commit.
    StringBuilder why = new StringBuilder();
    List<CitizenFeatures> back = StartupSnapshot.read(d, COMMIT, 2, Vocabularies.create(), p.resolver(), why);
    assertNotNull(back, why.toString());
    assertEquals(List.of("c-1", "c-2"), back.stream().map(f -> f.id).toList());
  }

  @Test
  void aLeftOverTemporaryFileNeitherBlocksTheWriteNorSurvivesADelete() throws IOException {
    Population p = population();
    Directory d = new ByteBuffersDirectory();
    plantTemporaryFile(d);
    StartupSnapshot.write(d, COMMIT, p.vocabularies(), p.features(), p.resolutions());
    assertEquals(List.of(StartupSnapshot.NAME), files(d), "the left-over was replaced, then renamed");
    plantTemporaryFile(d);
    assertEquals(2, files(d).size());
    StartupSnapshot.delete(d);
    assertEquals(List.of(), files(d), "the snapshot and the left-over temporary file are both gone");
    StartupSnapshot.delete(d); // nothing there: no error
    assertEquals(List.of(), files(d));
  }

  private static void plantTemporaryFile(Directory d) throws IOException {
    try (IndexOutput out = d.createOutput(StartupSnapshot.NAME + ".tmp", IOContext.DEFAULT)) {
      out.writeString("half a snapshot of c-1");
    }
  }

  @Test
  void aCitizenWithACodeNoResolutionProducedIsRefusedBeforeAnythingIsWritten() throws IOException {
    for (boolean experience : new boolean[] {true, false}) {
      Population p = population();
      // A resolver that answers, but whose answers are not among the resolutions passed to write.
      Function<OccupationRef, OccupationCode> stray = r -> OccupationCode.ofDigits("9999");
      Citizen c = experience
          ? Citizen.builder("c-3").experience("isco:9112", 1, null).build()
          : Citizen.builder("c-3").jobGoal("isco:9112", 1).build();
      List<CitizenFeatures> features = new ArrayList<>(p.features());
      features.add(CitizenFeatures.of(c, p.vocabularies(), stray));
      Directory d = new ByteBuffersDirectory();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> StartupSnapshot.write(d, COMMIT, p.vocabularies(), features, p.resolutions()));
      assertTrue(e.getMessage().contains("not among the engine's resolutions"), e.getMessage());
      assertFalse(e.getMessage().contains("c-3"), "no id in the message");
      assertEquals(List.of(), files(d), experience ? "experience" : "goals");
    }
  }

  @Test
  void anotherCommitOrCountIsNotUsed() throws IOException {
    Population p = population();
    Directory d = new ByteBuffersDirectory();
    StartupSnapshot.write(d, COMMIT, p.vocabularies(), p.features(), p.resolutions());
    StringBuilder why = new StringBuilder();
    assertNull(StartupSnapshot.read(d, COMMIT, 3, Vocabularies.create(), p.resolver(), why));
    assertEquals("the snapshot belongs to another commit", why.toString());
    why.setLength(0);
    assertNull(StartupSnapshot.read(d, new StartupSnapshot.Commit(COMMIT_ID, "segments_8"), 2, Vocabularies.create(),
        p.resolver(), why));
    assertEquals("the snapshot belongs to another commit", why.toString());
    why.setLength(0);
    byte[] other = COMMIT_ID.clone();
    other[15]++;
    assertNull(StartupSnapshot.read(d, new StartupSnapshot.Commit(other, "segments_7"), 2, Vocabularies.create(),
        p.resolver(), why));
    assertTrue(why.toString().startsWith("the snapshot cannot be used ("), why.toString());
    why.setLength(0);
    assertNull(StartupSnapshot.read(new ByteBuffersDirectory(), COMMIT, 2, Vocabularies.create(), p.resolver(), why));
    assertEquals("no snapshot", why.toString());
  }
}
