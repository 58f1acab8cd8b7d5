package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScoringCode}: the digest of a jar or class directory changes when a class's bytes change
 * or a class is added, not when only the order or the time of the entries does; classes outside
 * {@code dk/jobmatch/} do not count; no classes means {@value ScoringCode#UNKNOWN}.
 */
class ScoringCodeTest {
  @TempDir Path dir;

  private Path jar(String name, Map<String, String> entries, long time) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        ZipEntry z = new ZipEntry(e.getKey());
        z.setLastModifiedTime(FileTime.fromMillis(time));
        zip.putNextEntry(z);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return p;
  }

  @Test
  void aJarsDigestFollowsItsClassesBytes() throws IOException {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("dk/jobmatch/kernel/FeatureScorer.class", "score v1");
    a.put("dk/jobmatch/engine/MatchEngine.class", "engine");
    a.put("org/other/Lib.class", "library");
    String base = ScoringCode.of(jar("a.jar", a, 1_000_000L));
    assertTrue(base.matches("[0-9a-f]{64}"), base);

    Map<String, String> reordered = new LinkedHashMap<>();
    reordered.put("org/other/Lib.class", "another library version");
    reordered.put("dk/jobmatch/engine/MatchEngine.class", "engine");
    reordered.put("dk/jobmatch/kernel/FeatureScorer.class", "score v1");
    assertEquals(base, ScoringCode.of(jar("b.jar", reordered, 2_000_000L)), "order, time or other packages");

    Map<String, String> changed = new LinkedHashMap<>(a);
    changed.put("dk/jobmatch/kernel/FeatureScorer.class", "score v2");
    assertNotEquals(base, ScoringCode.of(jar("c.jar", changed, 1_000_000L)), "a changed class");

    Map<String, String> added = new LinkedHashMap<>(a);
    added.put("dk/jobmatch/kernel/Extra.class", "x");
    assertNotEquals(base, ScoringCode.of(jar("d.jar", added, 1_000_000L)), "an added class");

    assertEquals(ScoringCode.UNKNOWN, ScoringCode.of(jar("e.jar", Map.of("org/other/Lib.class", "x"), 0L)));
    assertEquals(ScoringCode.UNKNOWN, ScoringCode.of(dir.resolve("missing.jar")));
  }

  @Test
  void aClassDirectorysDigestFollowsItsClassesBytes() throws IOException {
    Path classes = dir.resolve("classes");
    Path scorer = classes.resolve("dk/jobmatch/kernel/FeatureScorer.class");
    Files.createDirectories(scorer.getParent());
    Files.writeString(scorer, "score v1");
    String base = ScoringCode.of(classes);
    assertTrue(base.matches("[0-9a-f]{64}"), base);
    assertEquals(base, ScoringCode.of(classes));
    Files.writeString(scorer, "score v2");
    assertNotEquals(base, ScoringCode.of(classes));
    assertEquals(ScoringCode.UNKNOWN, ScoringCode.of(dir.resolve("empty")));
  }
}
