package dk.jobmatch.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the tests that start a child JVM share ({@code ApplyCrashTest} kills one mid-commit,
 * {@code ExactHelpAndFilesTest} runs the CLI as the launcher does, {@code JarIT} runs the jar):
 * the java binary running the tests and the class path to give the child.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** The java binary running this test (the toolchain JDK, 21 or newer). */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * The module's classes (with {@code testClasses}, its test classes first), then every entry of
   * the test JVM's module and class path (the dependencies), without repeats.
   */
  static String classpath(boolean testClasses) {
    Set<String> entries = new LinkedHashSet<>();
    if (testClasses) {
      entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    }
    entries.add(Path.of("target", "classes").toAbsolutePath().toString());
    for (String prop : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(prop);
      if (v != null) {
        for (String e : v.split(File.pathSeparator)) {
          if (!e.isBlank()) {
            entries.add(e);
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
