package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage errors, help and version: everything that must work before any data is read. */
class UsageTest {
  @TempDir Path dir;

  private Path citizens() {
    return CliRun.write(dir, "citizens.jsonl", "{\"id\":\"c-1\"}");
  }

  private Path orders() {
    return CliRun.write(dir, "orders.jsonl", "{\"id\":\"jo-1\",\"occupation\":\"isco:2221\"}");
  }

  @Test
  void noCommandPrintsUsageOnStderrAndExits2() {
    CliRun r = CliRun.of();
    assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("Usage: jobmatch [-hV] [COMMAND]"), r.describe());
    assertEquals("", r.out());
  }

  @Test
  void helpAndVersionGoToStdoutAndExit0() {
    CliRun help = CliRun.of("--help");
    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().matches("(?s).*\\n  match +Rank citizens for each job order.*"), help.describe());
    assertTrue(help.out().matches("(?s).*\\n  validate +Check citizens and/or job orders files.*"), help.describe());
    assertTrue(help.out().matches("(?s).*\\n  tune +Fit a scoring policy to past outcomes.*"), help.describe());
    assertTrue(help.out().matches("(?s).*\\n  compare-policies +Compare the shortlists.*"), help.describe());
    CliRun version = CliRun.of("--version");
    assertEquals(ExitCode.OK, version.exitCode());
    assertTrue(version.outLines().get(0).matches("jobmatch \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"match", "suggest", "batch", "validate"})
  void everyCommandHasHelp(String command) {
    CliRun r = CliRun.of(command, "--help");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("Usage: jobmatch " + command), r.describe());
    assertTrue(r.out().contains("-h, --help"), r.describe());
  }

  @Test
  void matchHelpListsEveryContractOption() {
    String help = CliRun.of("match", "--help").out();
    for (String option : List.of("--citizens=FILE", "--orders=FILE", "--top=K", "--esco=DIR", "--disco=FILE",
        "--shortage=FILE", "--out=FILE", "--strict", "--as-of=DATE")) {
      assertTrue(help.contains(option), option + " missing in\n" + help);
    }
    assertTrue(help.contains("(default: 10)"), help);
  }

  @Test
  void unknownCommandSuggestsTheClosest() {
    CliRun r = CliRun.of("mach");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(List.of("error: Unmatched argument at index 0: 'mach'", "Did you mean: jobmatch match or jobmatch batch?",
        "Try 'jobmatch --help' for more information."), r.errLines());
  }

  @Test
  void missingRequiredOption() {
    CliRun r = CliRun.of("match", "--citizens", citizens().toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(List.of("error: Missing required option: '--orders=FILE'", "Try 'jobmatch match --help' for more information."),
        r.errLines());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.of("match", "--citizens", citizens().toString(), "--orders", orders().toString(), "--topp", "3");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: Unknown options: '--topp', '3'"), r.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "10001"})
  void topOutOfRange(String top) {
    CliRun r = CliRun.of("match", "--citizens", citizens().toString(), "--orders", orders().toString(), "--top", top);
    assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
    assertEquals(List.of("error: --top: '" + top + "' must be between 1 and 10000"), r.errLines());
  }

  @Test
  void topNotANumberAndBadDate() {
    CliRun top = CliRun.of("suggest", "--citizens", citizens().toString(), "--orders", orders().toString(), "--top", "ten");
    assertEquals(ExitCode.USAGE, top.exitCode());
    assertEquals("error: Invalid value for option '--top': 'ten' is not an int", top.errLines().get(0));
    CliRun date = CliRun.of("match", "--citizens", citizens().toString(), "--orders", orders().toString(), "--as-of", "2026-13-01");
    assertEquals(ExitCode.USAGE, date.exitCode());
    assertEquals("error: Invalid value for option '--as-of': '2026-13-01' is not a date YYYY-MM-DD", date.errLines().get(0));
  }

  @Test
  void nonexistentInputFileIsAUsageErrorNamingOptionAndFile() {
    Path missing = dir.resolve("nope.jsonl");
    CliRun r = CliRun.of("match", "--citizens", missing.toString(), "--orders", orders().toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(List.of("error: --citizens: file not found: " + missing), r.errLines());
    assertEquals("", r.out());
    CliRun s = CliRun.of("suggest", "--citizens", citizens().toString(), "--orders", missing.toString());
    assertEquals(ExitCode.USAGE, s.exitCode());
    assertEquals(List.of("error: --orders: file not found: " + missing), s.errLines());
    CliRun v = CliRun.of("validate", "--citizens", missing.toString());
    assertEquals(ExitCode.USAGE, v.exitCode());
    assertEquals(List.of("error: --citizens: file not found: " + missing), v.errLines());
  }

  @Test
  void directoryAsInputFile() {
    CliRun r = CliRun.of("match", "--citizens", dir.toString(), "--orders", orders().toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(List.of("error: --citizens: is a directory, not a file: " + dir), r.errLines());
  }

  @Test
  void outputInMissingDirectoryFailsBeforeAnyWorkAndLeavesNothing() {
    Path out = dir.resolve("no/such/dir/out.jsonl");
    CliRun r = CliRun.of("match", "--citizens", citizens().toString(), "--orders", orders().toString(), "--out", out.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
    assertEquals(List.of("error: --out: directory does not exist: " + out.getParent()), r.errLines());
  }

  @Test
  void missingReferenceData() {
    CliRun r = CliRun.of("match", "--citizens", citizens().toString(), "--orders", orders().toString(),
        "--esco", dir.resolve("esco").toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(List.of("error: --esco: not a directory: " + dir.resolve("esco")), r.errLines());
    CliRun s = CliRun.of("match", "--citizens", citizens().toString(), "--orders", orders().toString(),
        "--shortage", dir.resolve("shortage.csv").toString());
    assertEquals(List.of("error: --shortage: file not found: " + dir.resolve("shortage.csv")), s.errLines());
  }

  @Test
  void batchRunsOnTheSmallestFiles() {
    // The batch command itself is tested in BatchCommandTest; here only that it is wired in.
    CliRun r = CliRun.of("batch", "--citizens", citizens().toString(), "--orders", orders().toString(), "--per-citizen", "3");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals("", r.err());
  }

  @Test
  void validateNeedsAFile() {
    CliRun r = CliRun.of("validate");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(List.of("error: validate needs --citizens FILE, --orders FILE, --policy FILE, or several"), r.errLines());
  }

  @Test
  void failedRunLeavesNoOutputFile() throws Exception {
    Path out = dir.resolve("out.jsonl");
    CliRun r = CliRun.of("match", "--citizens", dir.resolve("missing").toString(), "--orders", orders().toString(),
        "--out", out.toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("orders.jsonl"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
