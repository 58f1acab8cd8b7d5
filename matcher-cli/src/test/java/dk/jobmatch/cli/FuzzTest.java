package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.cli.json.LineProblem;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.JobOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz corpus: valid citizen and order lines, mutated (characters deleted, inserted,
 * cut off, numbers and strings replaced, fields duplicated, control characters and ANSI escapes
 * injected), then run through the Java API (each line parsed on its own; the valid records
 * indexed, ranked and suggested) and through the CLI ({@code validate} and {@code match},
 * in-process). Nothing may crash or print a stack trace; every line the API rejects is reported
 * by the CLI as {@code FILE:LINE: …} and no other; every valid line is kept. The seed is in every
 * assertion message: {@code -Djobmatch.fuzz.seed=N} replays a run, {@code
 * -Djobmatch.fuzz.lines=N} makes a longer one.
 */
class FuzzTest {
  @TempDir Path dir;

  private static final String[] INSERTS = {
    "{", "}", "[", "]", "\"", ":", ",", "\\", "0", "-1", "1e309", "null", "true", " ", "x", "é", "\t",
    "\\u001b[31m", "\\n", "\\r\\n", "\\u0000", "\\u2028", "\u00ff", "💥", "\"id\":\"dup\",", "99999999999",
  };
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");

  static String mutate(String line, Random r) {
    String s = line;
    int rounds = 1 + r.nextInt(3);
    for (int k = 0; k < rounds && !s.isEmpty(); k++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(9)) {
        case 0 -> s = s.substring(0, at) + s.substring(at + 1);
        case 1 -> s = s.substring(0, at) + INSERTS[r.nextInt(INSERTS.length)] + s.substring(at);
        case 2 -> s = s.substring(0, at);
        case 3 -> s = replaceOne(s, NUMBER, r, new String[] {"-5", "0", "1e400", "3.5", "2147483648", "\"7\"", "NaN", "[]"});
        case 4 -> s = replaceOne(s, STRING, r, new String[] {"\"\"", "\" \"", "\"" + "z".repeat(400) + "\"", "17",
            "\"bad\\u001b[2Jvalue\"", "\"line\\nforged: error\"", "{}", "\"isco:99\"", "\"2026-02-30\"", "\"A\u0301\""});
        case 5 -> s = s.replaceFirst("\\{", "{\"" + (r.nextBoolean() ? "id" : "skills") + "\":\"x\",");
        case 6 -> {
          char c = s.charAt(at);
          s = s.substring(0, at) + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
              + s.substring(at + 1);
        }
        case 7 -> s = s.replace("\"", r.nextBoolean() ? "'" : "");
        default -> s = s.substring(0, at) + s.substring(at, Math.min(s.length(), at + 1 + r.nextInt(20))).repeat(2)
            + s.substring(Math.min(s.length(), at + 1 + r.nextInt(20)));
      }
    }
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  private static String replaceOne(String s, Pattern p, Random r, String[] with) {
    Matcher m = p.matcher(s);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return s;
    }
    int[] span = spans.get(r.nextInt(spans.size()));
    return s.substring(0, span[0]) + with[r.nextInt(with.length)] + s.substring(span[1]);
  }

  /** Lines, the 1-based numbers the API rejects, and the records it accepts. */
  private record Corpus<T>(List<String> lines, Set<Long> bad, List<T> good, int mutated) {}

  private static <T> Corpus<T> corpus(int n, Random r, RecordFile.Parser<T> parser, boolean citizens, long seed) {
    List<String> lines = new ArrayList<>();
    Set<Long> bad = new TreeSet<>();
    List<T> good = new ArrayList<>();
    int mutated = 0;
    for (int i = 0; i < n; i++) {
      String id = (citizens ? "c-" : "jo-") + i;
      String valid = citizens ? TestData.json(TestData.citizen(r, id)) : TestData.json(TestData.order(r, id));
      String line = valid;
      if (r.nextInt(10) > 0) {
        line = mutate(valid, r);
        mutated++;
      }
      lines.add(line);
      if (line.isBlank()) {
        continue;
      }
      try {
        good.add(parser.parse(line, false));
      } catch (LineProblem p) {
        bad.add((long) i + 1);
        assertFalse(p.getMessage().chars().anyMatch(Character::isISOControl),
            "seed " + seed + ", line " + (i + 1) + ": control character in message: " + p.getMessage());
      } catch (RuntimeException | Error e) {
        throw new AssertionError("seed " + seed + ", line " + (i + 1) + ": the Java API crashed on: " + line, e);
      }
    }
    return new Corpus<>(lines, bad, good, mutated);
  }

  private static Set<Long> reported(String err, Path file) {
    Set<Long> out = new TreeSet<>();
    Pattern p = Pattern.compile("^" + Pattern.quote(file.toString()) + ":(\\d+): (.*)$");
    for (String l : err.lines().toList()) {
      Matcher m = p.matcher(l);
      if (m.matches() && !m.group(2).startsWith("warning:")) {
        assertTrue(out.add(Long.parseLong(m.group(1))), "line reported twice: " + l);
      }
    }
    return out;
  }

  private static void assertNoCrash(CliRun r, long seed) {
    for (String l : r.errLines()) {
      assertFalse(l.contains("internal error") || l.contains("Exception") || l.startsWith("\tat ") || l.contains("\tat "),
          "seed " + seed + ": " + l);
      assertFalse(l.chars().anyMatch(Character::isISOControl), "seed " + seed + ": control character on stderr: " + l);
    }
  }

  @Test
  void mutatedLinesNeverCrashAndEveryBadLineIsReportedByFileAndLine() throws Exception {
    long seed = Long.getLong("jobmatch.fuzz.seed", 1130L);
    int total = Integer.getInteger("jobmatch.fuzz.lines", 12_000);
    Random r = new Random(seed);
    Corpus<Citizen> citizens = corpus(total * 2 / 3, r, RecordFile.CITIZENS, true, seed);
    Corpus<JobOrder> orders = corpus(total - total * 2 / 3, r, RecordFile.ORDERS, false, seed);
    Path cf = CliRun.writeRaw(dir, "citizens.jsonl", (String.join("\n", citizens.lines()) + "\n").getBytes(StandardCharsets.UTF_8));
    Path of = CliRun.writeRaw(dir, "orders.jsonl", (String.join("\n", orders.lines()) + "\n").getBytes(StandardCharsets.UTF_8));

    CliRun v = CliRun.of("validate", "--citizens", cf.toString(), "--orders", of.toString(), "--quiet");
    assertNoCrash(v, seed);
    assertEquals(ExitCode.DATA, v.exitCode(), "seed " + seed);
    assertEquals(citizens.bad(), reported(v.err(), cf), "seed " + seed + ": citizens' bad lines");
    assertEquals(orders.bad(), reported(v.err(), of), "seed " + seed + ": orders' bad lines");
    String summary = String.join("\n", v.outLines());
    assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "%,d valid", citizens.good().size())), summary);
    assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "%,d valid", orders.good().size())), summary);

    CliRun m = CliRun.of("match", "--citizens", cf.toString(), "--orders", of.toString(), "--as-of", "2026-11-01",
        "--quiet", "--top", "3");
    assertNoCrash(m, seed);
    assertEquals(ExitCode.DATA, m.exitCode(), "seed " + seed);
    assertEquals(citizens.bad(), reported(m.err(), cf), "seed " + seed);
    assertEquals(orders.bad(), reported(m.err(), of), "seed " + seed);

    // The Java API with every record that parsed: indexed, ranked, suggested.
    Set<String> goodCitizens = new TreeSet<>();
    citizens.good().forEach(c -> goodCitizens.add(c.id()));
    try (MatchEngine e = MatchEngine.builder().asOf(java.time.LocalDate.of(2026, 11, 1)).build()) {
      e.upsertAll(citizens.good());
      orders.good().forEach(e::upsertOrder);
      e.refresh();
      for (JobOrder o : orders.good().subList(0, Math.min(300, orders.good().size()))) {
        e.rank(o, 10).forEach(x -> assertTrue(goodCitizens.contains(x.citizenId())));
      }
      for (Citizen c : citizens.good().subList(0, Math.min(300, citizens.good().size()))) {
        e.suggest(c, 5);
      }
    }
    for (String l : m.outLines()) {
      assertTrue(goodCitizens.contains(l.replaceAll(".*\"citizen\":\"([^\"]+)\".*", "$1")), l);
    }
    System.out.printf("FuzzTest: %d lines (%d mutated), %d rejected and each reported as FILE:LINE, %d kept, 0 crashes"
        + " (seed %d)%n", total, citizens.mutated() + orders.mutated(), citizens.bad().size() + orders.bad().size(),
        citizens.good().size() + orders.good().size(), seed);
  }
}
