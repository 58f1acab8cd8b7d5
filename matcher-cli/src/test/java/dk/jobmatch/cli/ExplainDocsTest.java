package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The examples in {@code docs/explain.md} and the example page {@code docs/explain-example.html}
 * are the output of the CLI on the narration test data, so they cannot drift from the code. Each
 * generated block sits between {@code <!-- generated:NAME -->} and {@code <!-- /generated -->};
 * run with {@code -Djobmatch.writeDocs=true} to rewrite them after a deliberate change, and read
 * the diff.
 */
class ExplainDocsTest {
  static final Path DOC = Path.of("docs/explain.md");
  static final Path PAGE = Path.of("docs/explain-example.html");
  static final boolean WRITE = Boolean.getBoolean("jobmatch.writeDocs");

  @TempDir Path dir;

  static List<String> common(String... more) {
    List<String> a = new ArrayList<>(List.of("explain", "--citizens", NarrationCommandTest.data("citizens.jsonl").toString(),
        "--orders", NarrationCommandTest.data("orders.jsonl").toString(), "--esco", NarrationCommandTest.ESCO.toString(),
        "--as-of", "2026-11-01", "--top", "2", "--quiet"));
    a.addAll(List.of(more));
    return a;
  }

  static String run(List<String> args) {
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    return r.out();
  }

  @Test
  void theExamplesAreTheToolsOwnOutput() throws IOException {
    Path pairs = CliRun.write(dir, "pairs.jsonl", "{\"citizen\":\"c-103\",\"order\":\"jo-7\"}",
        "{\"citizen\":\"c-101\",\"order\":\"jo-7\"}", "{\"citizen\":\"c-106\",\"order\":\"jo-7\"}",
        "{\"citizen\":\"c-107\",\"order\":\"jo-7\"}");
    String da = run(common("--pairs", pairs.toString(), "--format", "text"));
    String en = run(common("--pairs", pairs.toString(), "--format", "text", "--lang", "en"));
    String json = run(common("--citizen", "c-101", "--order", "jo-7"));
    Path page = dir.resolve("page.html");
    run(common("--citizen", "c-103", "--order", "jo-7", "--format", "html", "--out", page.toString(),
        "--review-contact", "Jobcenter Glostrup, Rådhusparken 2, 2600 Glostrup"));

    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String updated = replace(doc, "text-da", "```text\n" + da + "```\n");
    updated = replace(updated, "text-en", "```text\n" + en + "```\n");
    updated = replace(updated, "json", "```json\n" + json + "```\n");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    if (WRITE) {
      Files.writeString(DOC, updated, StandardCharsets.UTF_8);
      Files.writeString(PAGE, html, StandardCharsets.UTF_8);
    }
    assertEquals(updated, doc, "docs/explain.md: a generated example differs from the tool's output"
        + " (run ExplainDocsTest with -Djobmatch.writeDocs=true after a deliberate change)");
    assertEquals(html, Files.readString(PAGE, StandardCharsets.UTF_8), "docs/explain-example.html differs from the tool's"
        + " output (run ExplainDocsTest with -Djobmatch.writeDocs=true after a deliberate change)");
  }

  /** The document with the block NAME replaced by {@code content}. */
  static String replace(String doc, String name, String content) {
    Pattern p = Pattern.compile("(<!-- generated:" + Pattern.quote(name) + " -->\n)(.*?)(<!-- /generated -->)", Pattern.DOTALL);
    Matcher m = p.matcher(doc);
    assertTrue(m.find(), "docs/explain.md has no block <!-- generated:" + name + " -->");
    return doc.substring(0, m.start(2)) + content + doc.substring(m.end(2));
  }
}
