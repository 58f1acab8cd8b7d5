package dk.jobmatch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.batch.BatchListener;
import dk.jobmatch.batch.BatchMatcher;
import dk.jobmatch.batch.BatchOptions;
import dk.jobmatch.batch.BatchResult;
import dk.jobmatch.batch.Shortlist;
import dk.jobmatch.engine.MatchEngine;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.report.BatchReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java samples of {@code docs/api.md} and {@code docs/batch.md} cannot drift: the code shown
 * is the code of {@link QuickStart} and of {@link #batchSample} here (so it compiles against the
 * API), and the output shown is what {@link QuickStart} prints.
 */
class ApiDocsTest {
  private static final Path DOCS = docs();
  private static final Path SOURCES = Path.of("src", "main", "java", "dk", "jobmatch", "examples");
  private static final Path TESTS = Path.of("src", "test", "java", "dk", "jobmatch", "examples");

  /** The repository's {@code docs/}, from the module directory or the repository root. */
  private static Path docs() {
    for (Path p : List.of(Path.of("..", "docs"), Path.of("docs"))) {
      if (Files.isRegularFile(p.resolve("api.md"))) {
        return p;
      }
    }
    throw new AssertionError("docs/api.md not found from " + Path.of("").toAbsolutePath());
  }

  /** The fenced code blocks of a Markdown file: {language, body}. */
  private static List<String[]> blocks(Path md) throws IOException {
    List<String[]> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL)
        .matcher(Files.readString(md, StandardCharsets.UTF_8));
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }

  /**
   * The lines of {@code source} between the line containing {@code from} and the next containing
   * {@code to} (both excluded), de-indented.
   */
  private static String between(Path source, String from, String to) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (start < 0 && lines.get(i).contains(from)) {
        start = i + 1;
      } else if (start >= 0 && lines.get(i).contains(to)) {
        List<String> body = lines.subList(start, i);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min()
            .orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : body) {
          sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
      }
    }
    throw new AssertionError(source + ": no lines between '" + from + "' and '" + to + "'");
  }

  @Test
  void theApiExampleIsQuickStartAndPrintsWhatTheDocShows() throws Exception {
    List<String[]> blocks = blocks(DOCS.resolve("api.md"));
    assertEquals("java", blocks.get(0)[0]);
    String code = between(SOURCES.resolve("QuickStart.java"), "public static void main", "// end of the example");
    assertEquals(code, blocks.get(0)[1], "docs/api.md shows other code than QuickStart.main");
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(out);
    }
    assertEquals("", blocks.get(1)[0]);
    assertEquals(blocks.get(1)[1], buf.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
        "docs/api.md shows other output than QuickStart prints");
  }

  @Test
  void theBatchSampleIsCodeThatRuns() throws Exception {
    String[] block = blocks(DOCS.resolve("batch.md")).get(0);
    assertEquals("java", block[0]);
    assertEquals(between(TESTS.resolve("ApiDocsTest.java"), "// docs/batch.md: " + "begin", "// docs/batch.md: " + "end"),
        block[1], "docs/batch.md shows other code than ApiDocsTest.batchSample");
    GlostrupMunicipality m = GlostrupMunicipality.build();
    try (MatchEngine engine = MatchEngine.builder().taxonomy(m.taxonomy()).shortage(m.shortage())
        .asOf(GlostrupMunicipality.AS_OF).build()) {
      engine.upsertAll(m.citizens());
      m.orders().forEach(engine::upsertOrder);
      List<Integer> chosen = new ArrayList<>();
      BatchReport report = batchSample(engine, m.citizens(), BatchListener.NONE, chosen);
      assertEquals(m.orders().size(), chosen.size() / 2);
      assertTrue(chosen.stream().mapToInt(Integer::intValue).sum() > 0, "no shortlist at all");
      assertFalse(report.toString().isEmpty());
    }
  }

  /** The sample of docs/batch.md, verbatim between the markers; {@code seen} gets each shortlist's two sizes. */
  @SuppressWarnings("ResultOfMethodCallIgnored")
  private static BatchReport batchSample(MatchEngine engine, List<Citizen> citizens, BatchListener listener,
      List<Integer> seen) throws InterruptedException {
    // docs/batch.md: begin
    BatchMatcher matcher = new BatchMatcher(BatchOptions.builder()
        .perCitizen(3)                 // C: nobody is put forward to more than 3 orders
        .build());                     // min-cost flow; shortlist length = order.maxCandidates() or 10
    BatchResult result = matcher.run(engine, engine.orders(), listener);   // ranks in parallel, then allocates
    for (Shortlist s : result.shortlists()) {                               // in the orders' input order
      s.order(); s.matches();          // the chosen candidates, best first, each a Match with its explanation
      s.candidates();                  // every qualified candidate considered (ranked to 3 × maxCandidates)
    }
    BatchReport report = BatchReport.of(result, engine, citizens);         // coverage, congestion, gaps, upskilling, exposure
    // docs/batch.md: end
    for (Shortlist s : result.shortlists()) {
      seen.add(s.matches().size());
      seen.add(s.candidates().size());
    }
    return report;
  }
}
