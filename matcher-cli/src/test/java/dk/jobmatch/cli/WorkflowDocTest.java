package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs cannot drift: the change-file example of {@code docs/daily-workflow.md} (on the
 * citizens and orders of {@code docs/cli.md}) gives exactly the events and the standard error
 * printed there; every command example in {@code README.md}, {@code docs/cli.md}, {@code
 * docs/daily-workflow.md}, {@code docs/batch.md} and {@code docs/api.md} names a command that exists and only options that command accepts.
 */
class WorkflowDocTest {
  private static final Path README = Path.of("README.md");
  private static final Path CLI = Path.of("docs", "cli.md");
  private static final Path WORKFLOW = Path.of("docs", "daily-workflow.md");

  @TempDir Path dir;

  /** The fenced code blocks of a Markdown file: {language, body}. */
  static List<String[]> blocks(Path md) throws IOException {
    List<String[]> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL).matcher(Files.readString(md, StandardCharsets.UTF_8));
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }

  private static String block(Path md, String startsWith) throws IOException {
    for (String[] b : blocks(md)) {
      if (b[1].startsWith(startsWith)) {
        return b[1];
      }
    }
    throw new AssertionError(md + ": no code block starting with " + startsWith);
  }

  private static String blockContaining(Path md, String text) throws IOException {
    for (String[] b : blocks(md)) {
      if (b[1].contains(text) && b[0].isEmpty()) {
        return b[1];
      }
    }
    throw new AssertionError(md + ": no plain code block containing " + text);
  }

  @Test
  void theChangeFileExampleGivesTheEventsAndMessagesPrinted() throws IOException {
    Path citizens = Files.writeString(dir.resolve("citizens.jsonl"), block(CLI, "{\"id\":\"c-001\""));
    Path orders = Files.writeString(dir.resolve("orders.jsonl"), block(CLI, "{\"id\":\"jo-1\""));
    Path changes = Files.writeString(dir.resolve("changes.jsonl"), block(WORKFLOW, "{\"op\":"));
    Path idx = dir.resolve("idx");
    CliRun index = CliRun.of("index", "--citizens", citizens.toString(), "--orders", orders.toString(), "--index",
        idx.toString(), "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, index.exitCode(), index.describe());
    CliRun apply = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, apply.exitCode(), apply.describe());
    assertEquals(block(WORKFLOW, "{\"generation\":2,\"seq\":1,"), apply.out());
    assertEquals(blockContaining(WORKFLOW, ": committed generation 2: "), apply.err().replace(dir + "/", ""));
    // The feed holds the same lines; the same file again is a no-op that prints them again.
    assertEquals(apply.out(), CliRun.of("events", "--index", idx.toString(), "--since", "1").out());
    CliRun again = CliRun.of("apply", "--index", idx.toString(), "--changes", changes.toString(), "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, again.exitCode(), again.describe());
    assertEquals(apply.out(), again.out());
    assertEquals("idx: these changes were committed already as generation 2; nothing applied (their 8 events are written again)\n",
        again.err().replace(dir + "/", ""));
    assertTrue(Files.readString(WORKFLOW).contains("(their 8\n  events are written again)"), "the doc quotes the message");
  }

  @Test
  void everyCommandExampleUsesOnlyOptionsTheCommandAccepts() throws IOException {
    int checked = 0;
    for (Path md : List.of(README, CLI, WORKFLOW, Path.of("docs", "batch.md"), Path.of("docs", "api.md"))) {
      for (String[] b : blocks(md)) {
        if (!b[0].equals("sh")) {
          continue;
        }
        String joined = b[1].replace("\\\n", " ");
        for (String line : joined.split("\n")) {
          Matcher m = Pattern.compile("(?:^|\\s)(?:jobmatch|jobmatch\\.jar|matcher-cli/jobmatch)\\s+([a-z-]+)(.*)").matcher(line);
          if (!m.find()) {
            continue;
          }
          String command = m.group(1);
          String rest = m.group(2).replaceAll("#.*", "");
          CliRun help = CliRun.of(command, "--help");
          assertEquals(ExitCode.OK, help.exitCode(), md + ": unknown command in: " + line);
          Matcher opt = Pattern.compile("(?:^|\\s)(--?[a-zA-Z][a-zA-Z-]*)").matcher(rest);
          while (opt.find()) {
            String o = opt.group(1);
            assertTrue(Pattern.compile("(?:^|[\\s,\\[])" + Pattern.quote(o) + "(?:[=\\s,\\]])").matcher(help.out()).find(),
                md + ": " + command + " does not accept " + o + " in: " + line);
          }
          checked++;
        }
      }
    }
    assertTrue(checked >= 15, "too few command examples found: " + checked);
    assertFalse(Files.readString(WORKFLOW).contains("add-modules"));
  }
}
