package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help, output and files that are exactly true: each command's help lists only options it
 * accepts, the command list shows whole sentences, no picocli warning; apply's counts; every
 * directory and file of an index (the standing shortlists too) is owner-only; a clean run prints nothing on standard error.
 */
class ExactHelpAndFilesTest {
  private static final List<String> COMMANDS = List.of("match", "suggest", "batch", "validate", "index", "apply", "events",
      "tune", "compare-policies", "explain");

  @TempDir Path dir;

  @Test
  void helpListsOnlyAcceptedOptionsWithoutWarnings() {
    CliRun top = CliRun.of("--help");
    assertEquals(ExitCode.OK, top.exitCode());
    // The command list: each summary is a whole first sentence (it ends with a full stop).
    String list = top.out().substring(top.out().indexOf("Commands:"));
    for (String c : COMMANDS) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\n  " + c + " +([^\\n]*(\\n {20,}[^\\n]*)*)")
          .matcher(list);
      assertTrue(m.find(), c + " listed: " + list);
      assertTrue(m.group(1).strip().endsWith("."), c + ": summary cut: " + m.group(1));
    }
    for (String c : COMMANDS) {
      CliRun r = CliRun.of(c, "--help");
      assertEquals(ExitCode.OK, r.exitCode(), r.describe());
      assertEquals("", r.err(), c + ": " + r.describe());
      assertFalse(r.out().contains("picocli"), r.describe());
    }
    // Options a command refuses are not offered, and are unknown.
    for (String[] refused : new String[][] {{"index", "--out"}, {"apply", "--out"}, {"apply", "--citizens"},
        {"apply", "--orders"}}) {
      CliRun help = CliRun.of(refused[0], "--help");
      assertFalse(help.out().contains(refused[1] + "="), refused[0] + " offers " + refused[1]);
      CliRun r = CliRun.of(refused[0], refused[1], "x");
      assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: Unknown options: '" + refused[1] + "', 'x'"), r.describe());
    }
  }

  @Test
  void everyDirectoryAndFileOfAnIndexIsOwnerOnlyAndApplyCountsRight() throws Exception {
    Random r = new Random(16);
    List<Citizen> citizens = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      citizens.add(TestData.citizen(r, "c-" + i));
    }
    List<JobOrder> orders = List.of(TestData.order(r, "jo-1"), TestData.order(r, "jo-2"));
    Path idx = dir.resolve("idx");
    CliRun built = CliRun.of("index", "--citizens", CliRun.write(dir, "c.jsonl", TestData.lines(citizens).toArray(String[]::new))
        .toString(), "--orders", CliRun.write(dir, "o.jsonl", TestData.lines(orders).toArray(String[]::new)).toString(),
        "--index", idx.toString(), "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, built.exitCode(), built.describe());
    Path changes = CliRun.write(dir, "ch.jsonl", "{\"op\":\"delete\",\"citizen\":\"c-nobody\"}",
        "{\"op\":\"delete\",\"citizen\":\"c-1\"}");
    CliRun apply = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", "2026-11-01",
        "--events", dir.resolve("ev.jsonl").toString());
    assertEquals(ExitCode.OK, apply.exitCode(), apply.describe());
    long events = Files.readAllLines(dir.resolve("ev.jsonl")).size();
    assertTrue(apply.err().contains(": committed generation 2: 1 change applied (1 delete of unknown ids ignored), "
        + events + (events == 1 ? " event;" : " events;") + " 29 citizens, 2 job orders"), apply.describe());
    if (!idx.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(idx)) {
      all = s.toList();
    }
    Set<String> kinds = new java.util.TreeSet<>();
    for (Path p : all) {
      String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
      assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", perms, idx.relativize(p).toString());
      String name = p.getFileName().toString();
      kinds.add(name.startsWith("gen-") ? "gen-*" : name.startsWith("_") ? "(lucene)" : name);
    }
    for (String expected : List.of("idx", "gen-*", "CURRENT", "write.lock", "meta.json", "engine", "citizens", "orders",
        "events", "standing.json", "(lucene)")) {
      assertTrue(kinds.contains(expected), "the test saw no " + expected + ": " + kinds);
    }
  }

  @Test
  void aCleanRunPrintsNothingOnStandardError() throws Exception {
    Random r = new Random(17);
    List<Citizen> citizens = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      citizens.add(TestData.citizen(r, "c-" + i));
    }
    Path cf = CliRun.write(dir, "c.jsonl", TestData.lines(citizens).toArray(String[]::new));
    Path of = CliRun.write(dir, "o.jsonl", TestData.lines(List.of(TestData.order(r, "jo-1"))).toArray(String[]::new));
    // As the launcher runs it: a JVM without the incubator module.
    List<String> cmd = new ArrayList<>(List.of(ChildJvm.java(),
        "-XX:TieredStopAtLevel=1", "-cp", ChildJvm.classpath(false), Main.class.getName(), "match", "--citizens", cf.toString(),
        "--orders", of.toString(), "-q", "--as-of", "2026-11-01"));
    Process p = new ProcessBuilder(cmd).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    assertTrue(out.length > 0);
    assertEquals("", err);
    String launcher = Files.readString(Path.of("matcher-cli", "jobmatch"), StandardCharsets.UTF_8);
    assertFalse(launcher.lines().anyMatch(l -> l.startsWith("exec") && l.contains("add-modules")), "the launcher adds the module");
  }
}
