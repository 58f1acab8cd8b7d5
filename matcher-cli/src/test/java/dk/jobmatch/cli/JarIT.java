package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it, in a separate JVM: {@code java --add-modules
 * jdk.incubator.vector -jar jobmatch.jar}, and plain {@code java -jar}. Checks the manifest's main
 * class, that merged service files let Lucene find its codecs, and the exit codes of a real
 * process.
 */
class JarIT {
  @TempDir Path dir;

  private static Path jar() {
    Path jar = Path.of(System.getProperty("jobmatch.jar", "matcher-cli/target/jobmatch.jar"));
    assertTrue(Files.isRegularFile(jar), "the jar is built before integration tests: " + jar.toAbsolutePath());
    return jar;
  }

  private record Result(int exit, List<String> out, String err) {}

  private Result run(boolean vectorModule, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(ChildJvm.java()));
    if (vectorModule) {
      cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
    }
    cmd.addAll(List.of("-jar", jar().toString()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jar run timed out: " + cmd);
    return new Result(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path example(String name) {
    return CliRun.write(dir, name, EndToEndTest.resource(name).toArray(String[]::new));
  }

  @Test
  void readmeExampleThroughTheJarWithTheVectorModule() throws Exception {
    Result r = run(true, "match", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exit(), r.err());
    assertEquals(EndToEndTest.resource("expected-match.jsonl"), r.out());
  }

  @Test
  void plainJavaJarAlsoWorks() throws Exception {
    Result r = run(false, "suggest", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--top", "2", "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exit(), r.err());
    assertEquals(EndToEndTest.resource("expected-suggest.jsonl"), r.out());
  }

  @Test
  void versionAndExitCodesOfARealProcess() throws Exception {
    Result v = run(false, "--version");
    assertEquals(0, v.exit(), v.err());
    assertTrue(v.out().get(0).startsWith("jobmatch "), v.out().toString());
    Result usage = run(false, "match");
    assertEquals(ExitCode.USAGE, usage.exit());
    Result batch = run(false, "batch");
    assertEquals(ExitCode.USAGE, batch.exit());
    assertTrue(batch.err().contains("Missing required options"), batch.err());
    Path bad = CliRun.write(dir, "bad.jsonl", "{\"id\":\"c-1\",\"hoursPerWeek\":{\"min\":-3,\"max\":37}}");
    Result data = run(false, "validate", "--citizens", bad.toString());
    assertEquals(ExitCode.DATA, data.exit());
    assertTrue(data.err().contains(bad + ":1: hoursPerWeek.min: must be between 0 and 80"), data.err());
  }

  @Test
  void anInterruptedIndexLeavesTheIndexAtItsLastCommitAndSaysSo() throws Exception {
    Path idx = dir.resolve("index");
    Result first = run(true, "index", "--citizens", example("citizens.jsonl").toString(), "--orders",
        example("orders.jsonl").toString(), "--index", idx.toString());
    assertEquals(ExitCode.OK, first.exit(), first.err());
    Result before = run(true, "match", "--index", idx.toString(), "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, before.exit(), before.err());
    java.util.Random rnd = new java.util.Random(3);
    Path big = dir.resolve("big.jsonl");
    try (var w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 150_000; i++) {
        w.write(TestData.json(TestData.citizen(rnd, "c-big-" + i)));
        w.write('\n');
      }
    }
    Path err = dir.resolve("interrupted.err");
    Process p = new ProcessBuilder(ChildJvm.java(), "--add-modules", "jdk.incubator.vector", "-jar", jar().toString(), "index",
        "--citizens", big.toString(), "--index", idx.toString())
        .redirectOutput(dir.resolve("interrupted.out").toFile()).redirectError(err.toFile()).start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(err, StandardCharsets.UTF_8).contains("10% (") && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    p.destroy(); // SIGTERM, as a killed job or Ctrl-C
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String said = Files.readString(err, StandardCharsets.UTF_8);
    assertTrue(said.contains("interrupted: nothing was committed; the index " + idx + " is unchanged (generation 1)"), said);
    Result after = run(true, "match", "--index", idx.toString(), "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, after.exit(), after.err());
    assertEquals(before.out(), after.out());
    // and the next writer cleans up and commits normally
    Result again = run(true, "index", "--citizens", example("citizens.jsonl").toString(), "--index", idx.toString());
    assertEquals(ExitCode.OK, again.exit(), again.err());
    assertTrue(again.err().contains("committed generation 2"), again.err());
  }
}
