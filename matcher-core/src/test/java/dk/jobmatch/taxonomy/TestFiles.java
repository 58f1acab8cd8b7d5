package dk.jobmatch.taxonomy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the test fixtures and the shared reference data are, and helpers to alter fixtures. */
final class TestFiles {
  static final Path FIXTURES = Path.of("src/test/resources/taxonomy");
  static final Path ESCO_MINI = FIXTURES.resolve("esco-mini");

  private TestFiles() {}

  /**
   * The shared data folder ({@code ../shared/data} from the project root; {@code -Djobmatch.data}
   * overrides), or a skipped test with a message when it is absent.
   */
  static Path sharedData(String sub) {
    String override = System.getProperty("jobmatch.data");
    Path[] candidates = override != null
        ? new Path[] {Path.of(override)}
        : new Path[] {Path.of("../shared/data"), Path.of("../../shared/data")};
    for (Path p : candidates) {
      if (Files.isDirectory(p.resolve(sub))) {
        return p.resolve(sub).toAbsolutePath().normalize();
      }
    }
    assumeTrue(false, "reference data " + sub + " not found under ../shared/data (or -Djobmatch.data); skipping");
    throw new AssertionError("unreachable");
  }

  /** Copies a fixture directory into {@code target}. */
  static Path copy(Path fixtureDir, Path target) {
    try (Stream<Path> files = Files.list(fixtureDir)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes UTF-8 text. */
  static Path write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the first occurrence of {@code from} in a file, failing if it is absent. */
  static void replace(Path file, String from, String to) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8);
      int i = s.indexOf(from);
      if (i < 0) {
        throw new AssertionError(file + " does not contain " + from);
      }
      Files.writeString(file, s.substring(0, i) + to + s.substring(i + from.length()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
