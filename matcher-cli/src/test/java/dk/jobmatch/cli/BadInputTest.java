package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of bad input (docs/cli.md): the exact message, the exit code, and that the
 * valid lines were still matched — through {@code match}, and through {@code validate}.
 */
class BadInputTest {
  @TempDir Path dir;

  private static final String C1 = "{\"id\":\"c-1\",\"skills\":[\"s1\"],\"location\":{\"lat\":55.66,\"lon\":12.40}}";
  private static final String C2 = "{\"id\":\"c-2\",\"skills\":[\"s1\",\"s2\"]}";
  private static final String C3 = "{\"id\":\"c-3\",\"skills\":[\"s2\"],\"education\":{\"level\":3}}";

  /** An internship (open to every citizen) wanting s1 and s2. */
  private Path orders() {
    return CliRun.write(dir, "orders.jsonl",
        "{\"id\":\"jo-1\",\"occupation\":\"isco:5322\",\"employmentType\":\"INTERNSHIP\",\"requiredSkills\":[\"s1\",\"s2\"]}");
  }

  private static bytes b() {
    return new bytes();
  }

  /** A small byte-level file builder. */
  private static final class bytes {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    bytes line(String s) {
      return text(s + "\n");
    }

    bytes text(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    bytes raw(int... bs) {
      for (int x : bs) {
        out.write(x);
      }
      return this;
    }

    Path to(Path p) throws IOException {
      Files.write(p, out.toByteArray());
      return p;
    }
  }

  /** Runs match; checks exit code and stderr exactly, and which citizens were matched. */
  private CliRun match(Path citizens, int exit, List<String> err, Set<String> matched) {
    // --quiet: files of 1 MiB and more would add progress lines (tested in EndToEndTest)
    CliRun r = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders().toString(), "--as-of", "2026-11-01",
        "--quiet");
    assertEquals(exit, r.exitCode(), r.describe());
    assertEquals(err, r.errLines(), r.describe());
    Set<String> got = new TreeSet<>();
    for (String l : r.outLines()) {
      got.add(l.replaceAll(".*\"citizen\":\"([^\"]+)\".*", "$1"));
    }
    assertEquals(new TreeSet<>(matched), got, r.describe());
    return r;
  }

  /** Runs validate; checks exit code, stderr and the summary line. */
  private void validate(Path citizens, int exit, List<String> err, String summary) {
    CliRun r = CliRun.of("validate", "--citizens", citizens.toString(), "--quiet");
    assertEquals(exit, r.exitCode(), r.describe());
    assertEquals(err, r.errLines(), r.describe());
    assertEquals(List.of(citizens + ": " + summary), r.outLines(), r.describe());
  }

  @Test
  void badValueNamesFieldValueAndRule() throws IOException {
    Path f = b().line(C1).line("{\"id\":\"c-7\",\"hoursPerWeek\":{\"min\":-3,\"max\":37}}").line(C2).to(dir.resolve("citizens.jsonl"));
    List<String> err = List.of(f + ":2: hoursPerWeek.min: must be between 0 and 80");
    match(f, ExitCode.DATA, concat(err, f + ": 1 of 3 lines rejected"), Set.of("c-1", "c-2"));
    validate(f, ExitCode.DATA, err, "3 lines, 2 valid, 1 rejected, 0 duplicate ids");
  }

  @Test
  void unknownFieldIsAnError() throws IOException {
    Path f = b().line(C1).line("{\"id\":\"c-8\",\"skils\":[\"s1\"]}").line(C2).to(dir.resolve("citizens.jsonl"));
    List<String> err = List.of(f + ":2: skils: unknown field; did you mean 'skills'?");
    match(f, ExitCode.DATA, concat(err, f + ": 1 of 3 lines rejected"), Set.of("c-1", "c-2"));
    validate(f, ExitCode.DATA, err, "3 lines, 2 valid, 1 rejected, 0 duplicate ids");
  }

  @Test
  void truncatedLastLine() throws IOException {
    Path f = b().line(C1).line(C2).text("{\"id\":\"c-9\",\"skills\":[\"s").to(dir.resolve("citizens.jsonl"));
    List<String> err = List.of(f + ":3: truncated: the last line ends in the middle of a JSON object and the file has no "
        + "final newline (was the file cut off?)");
    match(f, ExitCode.DATA, concat(err, f + ": 1 of 3 lines rejected"), Set.of("c-1", "c-2"));
    validate(f, ExitCode.DATA, err, "3 lines, 2 valid, 1 rejected, 0 duplicate ids");
  }

  @Test
  void completeLastLineWithoutNewlineIsFine() throws IOException {
    Path f = b().line(C1).text(C2).to(dir.resolve("citizens.jsonl"));
    match(f, ExitCode.OK, List.of(), Set.of("c-1", "c-2"));
  }

  @Test
  void invalidUtf8() throws IOException {
    // "Køge" saved as Latin-1: ø is the single byte 0xF8
    Path f = b().line(C1).text("{\"id\":\"c-4\",\"education\":{\"level\":3,\"field\":\"K").raw(0xF8).line("ge\"}}").line(C2)
        .to(dir.resolve("citizens.jsonl"));
    List<String> err = List.of(f + ":2: invalid UTF-8: byte 0xF8 at byte 46 of the line cannot start or continue a "
        + "character (the file must be UTF-8; was it saved as Latin-1 or Windows-1252?)");
    match(f, ExitCode.DATA, concat(err, f + ": 1 of 3 lines rejected"), Set.of("c-1", "c-2"));
    validate(f, ExitCode.DATA, err, "3 lines, 2 valid, 1 rejected, 0 duplicate ids");
  }

  @Test
  void byteOrderMarkAtTheStartIsAccepted() throws IOException {
    Path f = b().raw(0xEF, 0xBB, 0xBF).line(C1).line(C2).line(C3).to(dir.resolve("citizens.jsonl"));
    match(f, ExitCode.OK, List.of(), Set.of("c-1", "c-2", "c-3"));
    validate(f, ExitCode.OK, List.of(), "3 lines, 3 valid, 0 rejected, 0 duplicate ids");
  }

  @Test
  void byteOrderMarkInTheMiddleIsRejected() throws IOException {
    Path f = b().line(C1).raw(0xEF, 0xBB, 0xBF).line(C2).line(C3).to(dir.resolve("citizens.jsonl"));
    List<String> err = List.of(f + ":2: byte order mark (U+FEFF) in the middle of the file; only the first line may "
        + "start with one (were files concatenated?)");
    match(f, ExitCode.DATA, concat(err, f + ": 1 of 3 lines rejected"), Set.of("c-1", "c-3"));
  }

  @Test
  void emptyCitizensFile() throws IOException {
    Path f = b().to(dir.resolve("citizens.jsonl"));
    List<String> err = List.of(f + ": the file is empty: no citizens");
    match(f, ExitCode.DATA, err, Set.of());
    validate(f, ExitCode.DATA, err, "0 lines, 0 valid, 0 rejected, 0 duplicate ids (no records)");
  }

  @Test
  void blankLinesOnlyAndBlankLinesBetweenRecords() throws IOException {
    Path blank = b().line("").line("   ").to(dir.resolve("blank.jsonl"));
    match(blank, ExitCode.DATA, List.of(blank + ": no citizens: the file holds only blank lines"), Set.of());
    Path spaced = b().line(C1).line("").line(C2).line("").to(dir.resolve("spaced.jsonl"));
    match(spaced, ExitCode.OK, List.of(), Set.of("c-1", "c-2"));
  }

  @Test
  void emptyOrdersFile() throws IOException {
    Path citizens = b().line(C1).to(dir.resolve("citizens.jsonl"));
    Path orders = b().to(dir.resolve("orders.jsonl"));
    CliRun r = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString());
    assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
    assertEquals(List.of(orders + ": the file is empty: no job orders"), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void tenMegabyteLine() throws IOException {
    Path f = dir.resolve("citizens.jsonl");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write((C1 + "\n").getBytes(StandardCharsets.UTF_8));
      out.write("{\"id\":\"c-5\",\"education\":{\"level\":3,\"field\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 10; i++) {
        out.write(chunk);
      }
      out.write("\"}}\n".getBytes(StandardCharsets.UTF_8));
      out.write((C2 + "\n").getBytes(StandardCharsets.UTF_8));
    }
    List<String> err = List.of(f + ":2: line too long: 10,485,807 bytes, the limit is 1,048,576 bytes; skipped "
        + "(is this really one JSON object per line?)");
    match(f, ExitCode.DATA, concat(err, f + ": 1 of 3 lines rejected"), Set.of("c-1", "c-2"));
    validate(f, ExitCode.DATA, err, "3 lines, 2 valid, 1 rejected, 0 duplicate ids");
  }

  @Test
  void nanCoordinates() throws IOException {
    Path f = b().line(C1).line("{\"id\":\"c-6\",\"location\":{\"lat\":NaN,\"lon\":12.4}}")
        .line("{\"id\":\"c-7\",\"location\":{\"lat\":55.6,\"lon\":\"NaN\"}}").line(C2).to(dir.resolve("citizens.jsonl"));
    List<String> err = List.of(
        f + ":2: location.lat: must be a finite number between -90.0 and 90.0",
        f + ":3: location.lon: must be a number, not a string");
    match(f, ExitCode.DATA, concat(err, f + ": 2 of 4 lines rejected"), Set.of("c-1", "c-2"));
    validate(f, ExitCode.DATA, err, "4 lines, 2 valid, 2 rejected, 0 duplicate ids");
  }

  @Test
  void malformedJson() throws IOException {
    Path f = b().line(C1).line("{\"id\":\"c-8\",}").line("not json").line(C2).to(dir.resolve("citizens.jsonl"));
    List<String> err = List.of(
        f + ":2: malformed JSON at column 13: unexpected character '}': was expecting double-quote to start field name",
        f + ":3: malformed JSON at column 1: unrecognized word (strings must be in double quotes)");
    match(f, ExitCode.DATA, concat(err, f + ": 2 of 4 lines rejected"), Set.of("c-1", "c-2"));
  }

  @Test
  void nonexistentFile() {
    Path f = dir.resolve("citizens.jsonl");
    CliRun r = CliRun.of("match", "--citizens", f.toString(), "--orders", orders().toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(List.of("error: --citizens: file not found: " + f), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void badOrderLineSkipsThatOrderOnly() throws IOException {
    Path citizens = b().line(C1).line(C2).to(dir.resolve("citizens.jsonl"));
    Path orders = b()
        .line("{\"id\":\"jo-1\",\"occupation\":\"isco:5322\",\"employmentType\":\"INTERNSHIP\",\"requiredSkills\":[\"s1\"]}")
        .line("{\"id\":\"jo-2\",\"occupation\":\"nurse\"}")
        .line("{\"id\":\"jo-3\",\"occupation\":\"isco:5322\",\"employmentType\":\"INTERNSHIP\",\"requiredSkills\":[\"s2\"]}")
        .to(dir.resolve("orders.jsonl"));
    CliRun r = CliRun.of("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--top", "1",
        "--as-of", "2026-11-01");
    assertEquals(ExitCode.DATA, r.exitCode(), r.describe());
    assertEquals(List.of(
        orders + ":2: occupation: must be isco:NNNN, disco:NNNNNN or an ESCO occupation URI",
        orders + ": 1 of 3 lines rejected"), r.errLines());
    assertEquals(List.of("jo-1", "jo-3"),
        r.outLines().stream().map(l -> l.replaceAll("^\\{\"order\":\"([^\"]+)\".*", "$1")).toList());
  }

  private static List<String> concat(List<String> a, String b) {
    return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
  }
}
