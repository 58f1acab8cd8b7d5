package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.cli.io.Stderr;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full CLI runs ({@code validate}, {@code match} with {@code --esco}, {@code suggest}, {@code
 * batch} with reports) over inputs full of distinctive personal values, good and bad: everything
 * written to standard error (the CLI's own and anything logged to {@code System.err}) names
 * files, lines, fields, rules and record ids only — no value, no control character.
 */
class NoPersonalDataInMessagesTest {
  @TempDir Path dir;

  /** Every value below appears in the input and must appear in no message. */
  static final List<String> VALUES = List.of("zq", "6853", "68535", "55.61237", "12.39871", "95.61237", "2026-02-31",
      "61.25", "forged", "010190", "53.5", "\u001b", "ZQ", "\u202E");

  static final String[] CITIZENS = {
    // good, with values that reach warnings (ESCO codes not in the taxonomy)
    "{\"id\":\"c-1\",\"location\":{\"postalCode\":\"6853\",\"lat\":55.61237,\"lon\":12.39871},\"skills\":[\"zqskill\","
        + "\"http://data.europa.eu/esco/skill/zqtypo\"],\"jobGoals\":[{\"occupation\":\"http://data.europa.eu/esco/occupation/zqgoal\"}],"
        + "\"education\":{\"level\":5,\"field\":\"zqeducation\"},\"certificates\":[\"ZQCERT\"],\"hoursPerWeek\":{\"min\":13,\"max\":29},"
        + "\"targetGroup\":\"SYGEDAGPENGE\",\"compensation\":[\"PERSONAL_ASSISTANCE\"],\"experience\":[{\"occupation\":\"isco:5329\",\"years\":3}]}",
    "{\"id\":\"c-2\",\"location\":{\"postalCode\":\"68535\",\"lat\":55.61237,\"lon\":12.39871}}",
    "{\"id\":\"c-3\",\"location\":{\"lat\":95.61237,\"lon\":12.39871}}",
    "{\"id\":\"c-4\",\"targetGroup\":\"zqsygedagpenge\"}",
    "{\"id\":\"c-5\",\"compensation\":[\"zqpersonal_assistance\"]}",
    "{\"id\":\"c-6\",\"fleksjob\":{\"approved\":true,\"maxHoursPerWeek\":53.5}}",
    "{\"id\":\"c-7\",\"education\":{\"level\":5,\"field\":\"" + "zq".repeat(120) + "\"}}",
    "{\"id\":\"c-8\",\"unemployedSince\":\"2026-02-31\"}",
    "{\"id\":\"c-9\",\"experience\":[{\"occupation\":\"isco:zq12\",\"years\":61.25}]}",
    "{\"id\":\"c-\\u001b[31m10\",\"skills\":[\"zqskill\"]}",
    "{\"id\":\"c-11\",\"targetGroup\":\"x\\nforged: fake error line\"}",
    "{\"id\":\"010190-1234\",\"skills\":[\"zqskill\"]}",
    "{\"id\":\"c-13\",\"skills\":[\"zqskill\",\"zqskill\"]}",
    "{\"id\":\"c-14\",\"certificates\":[\"zq\\u001b[2J\"]}",
    "{\"id\":\"c-15\",\"hoursPerWeek\":{\"min\":29,\"max\":13}}",
    "{\"id\":\"c-16\",\"languages\":[{\"code\":\"zq\",\"level\":\"ZQ\"}]}",
    "{\"id\":\"c-17\",\"location\":{\"lat\":\"55.61237\",\"lon\":12.39871}}",
    "{\"id\":\"c-18\",\"skills\":[{\"id\":\"zqskill\",\"lastUsedYear\":1800}]}",
    "{\"id\":\"c-19\",\"skils\":\"zqvalue\"}",
    "{\"id\":\"c-20\",\"skills\":[\"zqskill\"]",
    "{\"id\":\"c-21\",\"010190-5555\":\"zq\"}",
    "{\"id\":\"c-22\",\"location\":{\"zq postal\":\"6853\"}}",
    "{\"id\":\"c-23\",\"skills\":[\"zq\u202Eskill\"],\"skills\":[]}",
  };
  static final int GOOD_CITIZENS = 1;

  static final String[] ORDERS = {
    "{\"id\":\"jo-1\",\"occupation\":\"isco:5322\",\"employmentType\":\"INTERNSHIP\",\"requiredSkills\":[\"zqskill\"],"
        + "\"employer\":{\"name\":\"zqemployer\",\"location\":{\"postalCode\":\"6853\",\"lat\":55.61237,\"lon\":12.39871}}}",
    "{\"id\":\"jo-2\",\"occupation\":\"isco:5322\",\"requiredSkills\":[\"http://data.europa.eu/esco/skill/zqtypo\"]}",
    "{\"id\":\"jo-3\",\"occupation\":\"zqnurse\"}",
    "{\"id\":\"jo-4\",\"occupation\":\"isco:5322\",\"employer\":{\"cvr\":\"zq6853\"}}",
    "{\"id\":\"jo-5\",\"occupation\":\"isco:5322\",\"startDate\":\"2026-02-31\"}",
  };

  private CliRun run(String... args) {
    ReferenceDataLoader loader = new ReferenceDataLoader() {
      @Override public Taxonomy esco(Path d) {
        return UnknownCodesTest.SMALL;
      }
      @Override public Taxonomy disco(Path file, Taxonomy base) {
        return base;
      }
      @Override public ShortageLookup shortage(Path csv, Taxonomy taxonomy) {
        return ShortageLookup.none();
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream se = new PrintStream(systemErr, true, StandardCharsets.UTF_8)) {
      System.setErr(se); // whatever is logged
      try {
        code = Main.run(args, new CliContext(o, new Stderr(e, false), System::nanoTime, loader));
      } finally {
        System.setErr(oldErr);
      }
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8) + systemErr.toString(StandardCharsets.UTF_8));
  }

  private void assertNoValue(CliRun r) {
    // The messages name the input files by path; the test's own random directory name may happen
    // to contain a value's digits (e.g. junit-16853...), so it is taken out before the check.
    String err = r.err().replace(dir.toString(), "<dir>");
    for (String v : VALUES) {
      assertFalse(err.contains(v), "stderr shows the value '" + v.replace("\u001b", "ESC") + "':\n" + r.err());
    }
    for (String line : r.errLines()) {
      assertFalse(line.chars().anyMatch(Character::isISOControl), "control character on stderr: " + line);
      assertFalse(line.startsWith("forged"), "a forged line: " + line);
    }
  }

  @Test
  void noRunPrintsAValueOrAControlCharacter() throws Exception {
    Path citizens = CliRun.write(dir, "citizens.jsonl", CITIZENS);
    Path orders = CliRun.write(dir, "orders.jsonl", ORDERS);
    Path out = dir.resolve("out.jsonl");
    String esco = Files.createDirectories(dir.resolve("esco")).toString(); // a stand-in taxonomy is loaded
    List<CliRun> runs = new ArrayList<>();
    runs.add(run("validate", "--citizens", citizens.toString(), "--orders", orders.toString()));
    runs.add(run("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--esco", esco,
        "--as-of", "2026-11-01", "--out", out.toString(), "--verbose"));
    runs.add(run("suggest", "--citizens", citizens.toString(), "--orders", orders.toString(), "--esco", esco,
        "--as-of", "2026-11-01"));
    runs.add(run("batch", "--citizens", citizens.toString(), "--orders", orders.toString(), "--esco", esco,
        "--as-of", "2026-11-01", "--report", dir.resolve("r.json").toString(), "--report-html",
        dir.resolve("r.html").toString()));
    for (CliRun r : runs) {
      assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
      assertNoValue(r);
      for (int line = GOOD_CITIZENS + 1; line <= CITIZENS.length; line++) {
        assertTrue(r.err().contains(citizens + ":" + line + ": "), "line " + line + " not reported:\n" + r.err());
      }
      for (int line = 3; line <= ORDERS.length; line++) {
        assertTrue(r.err().contains(orders + ":" + line + ": "), "order line " + line + " not reported:\n" + r.err());
      }
    }
    // The warnings about ESCO codes are there, by path only.
    String match = runs.get(1).err();
    assertTrue(match.contains(citizens + ":1: warning: jobGoals[0].occupation: is not in the ESCO export"), match);
    assertTrue(match.contains(citizens + ":1: warning: skills[1].id: is not in the ESCO export"), match);
    assertTrue(match.contains(citizens + ":12: id: looks like a CPR number"), match);
    assertTrue(runs.get(1).outLines().isEmpty(), "results went to --out");
    assertTrue(Files.readString(out).contains("\"citizen\":\"c-1\""), Files.readString(out));
  }

  @Test
  void resultAndReportFilesAreOwnerOnly() throws Exception {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Path citizens = CliRun.write(dir, "citizens.jsonl", CITIZENS[0]);
    Path orders = CliRun.write(dir, "orders.jsonl", ORDERS[0]);
    CliRun r = run("batch", "--citizens", citizens.toString(), "--orders", orders.toString(), "--as-of", "2026-11-01",
        "--out", dir.resolve("out.jsonl").toString(), "--report", dir.resolve("r.json").toString(),
        "--report-html", dir.resolve("r.html").toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    for (String f : List.of("out.jsonl", "r.json", "r.html")) {
      assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(dir.resolve(f)), f);
    }
  }

  @Test
  void anOutputThatIsAnInputIsAUsageErrorAndTheInputIsKept() throws Exception {
    Path citizens = CliRun.write(dir, "citizens.jsonl", CITIZENS[0]);
    Path orders = CliRun.write(dir, "orders.jsonl", ORDERS[0]);
    byte[] before = Files.readAllBytes(citizens);
    for (String[] extra : List.of(new String[] {"--out", citizens.toString()},
        new String[] {"--out", dir.resolve(".").resolve("orders.jsonl").toString()},
        new String[] {"--report", citizens.toString()})) {
      List<String> args = new ArrayList<>(List.of("batch", "--citizens", citizens.toString(), "--orders", orders.toString()));
      args.addAll(List.of(extra));
      CliRun r = run(args.toArray(String[]::new));
      assertEquals(ExitCode.USAGE, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: " + extra[0] + ": is the same file as --"), r.describe());
    }
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(citizens));
    assertEquals(ExitCode.USAGE, run("match", "--citizens", citizens.toString(), "--orders", orders.toString(),
        "--out", citizens.toString()).exitCode());
  }
}
