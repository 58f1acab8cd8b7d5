package dk.jobmatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public API is guarded: the surface of the exported packages ({@link ApiSurface}) must equal
 * the committed {@code matcher-core/api/matcher-core.api}, so every API change shows up in review
 * as a change of that file in the same commit. After a deliberate change, regenerate the file:
 *
 * <pre>./mvnw -B -pl matcher-core test -Dtest=ApiSurfaceTest -Djobmatch.api.update=true</pre>
 */
class ApiSurfaceTest {
  static final Path FILE = Path.of("api", "matcher-core.api");
  static final String UPDATE = "./mvnw -B -pl matcher-core test -Dtest=ApiSurfaceTest -Djobmatch.api.update=true";

  @Test
  void theApiEqualsTheCommittedDescription() throws IOException {
    List<String> actual = ApiSurface.lines();
    String header = "# The public API of matcher-core (module dk.jobmatch.core), checked by ApiSurfaceTest.\n"
        + "# Do not edit by hand; after a deliberate API change regenerate it with\n#   " + UPDATE + "\n";
    String text = header + String.join("\n", actual) + "\n";
    if (Boolean.getBoolean("jobmatch.api.update")) {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, text, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(FILE), FILE.toAbsolutePath() + " is missing; create it with " + UPDATE);
    List<String> committed = Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("#")).toList();
    if (!committed.equals(actual)) {
      Set<String> removed = new LinkedHashSet<>(qualified(committed));
      qualified(actual).forEach(removed::remove);
      Set<String> added = new LinkedHashSet<>(qualified(actual));
      qualified(committed).forEach(added::remove);
      List<String> diff = new ArrayList<>();
      removed.forEach(l -> diff.add("- " + l.strip()));
      added.forEach(l -> diff.add("+ " + l.strip()));
      fail("The public API differs from " + FILE + " (" + diff.size() + " lines):\n"
          + String.join("\n", diff.subList(0, Math.min(60, diff.size())))
          + "\nIf the change is deliberate, regenerate the file in the same commit: " + UPDATE);
    }
  }

  /** Each member line prefixed with its type's line, so a diff line says where it belongs. */
  private static List<String> qualified(List<String> lines) {
    List<String> out = new ArrayList<>();
    String type = "";
    for (String l : lines) {
      if (l.startsWith(" ")) {
        out.add(type + " :: " + l.strip());
      } else {
        type = l;
        out.add(l);
      }
    }
    return out;
  }

  @Test
  void theSurfaceCoversEveryExportedPackageAndNoInternalOne() {
    Set<String> exported = ApiSurface.exportedPackages();
    assertTrue(exported.contains("dk.jobmatch.engine"), exported.toString());
    assertFalse(exported.contains("dk.jobmatch.kernel"), exported.toString());
    assertFalse(exported.contains("dk.jobmatch.index"), exported.toString());
    List<String> lines = ApiSurface.lines();
    for (String pkg : exported) {
      assertTrue(lines.stream().anyMatch(l -> !l.startsWith(" ") && l.contains(" " + pkg + ".")), pkg);
    }
    // A known signature, written by hand, so the generator itself cannot silently drop members.
    assertTrue(lines.contains("  public static dk.jobmatch.engine.MatchEngine$Builder builder()"), "MatchEngine.builder()");
  }
}
