package dk.jobmatch.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.batch.BatchMatcher;
import dk.jobmatch.batch.BatchResult;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.report.BatchReport;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.ComponentScore;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.Taxonomy;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTML page on its own: self-contained, escaped, and the JSON of the same report. */
class HtmlReportTest {
  /** A taxonomy whose labels try to inject markup. */
  private static final Taxonomy HOSTILE = new Taxonomy() {
    @Override public OccupationCode resolve(OccupationRef ref) { return Taxonomy.none().resolve(ref); }
    @Override public Map<String, Double> relatedSkills(String skillId) { return Map.of(); }
    @Override public Optional<ReuseLevel> reuseLevel(String skillId) { return Optional.empty(); }
    @Override public List<RequiredSkill> skillsOf(OccupationRef occupation) { return List.of(); }
    @Override public Optional<String> skillLabel(String skillId) { return Optional.of("<script>alert(1)</script> & co"); }
    @Override public Optional<String> occupationLabel(OccupationRef occupation) { return Optional.of("Nurses \"<b>\""); }
  };

  private static Match match(JobOrder o, String citizen, double score, List<String> missing, Flag... flags) {
    Explanation ex = new Explanation(Map.of(Component.SKILLS, new ComponentScore(score, 1, score)), List.of(), missing,
        missing, flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.of(flags[0], flags));
    return new Match(citizen, o.id(), score, ex);
  }

  private static BatchReport report() throws InterruptedException {
    JobOrder a = JobOrder.builder("A", "isco:2221").maxCandidates(1).build();
    JobOrder b = JobOrder.builder("B", "isco:2221").maxCandidates(2).build();
    Map<JobOrder, List<Match>> lists = new LinkedHashMap<>();
    lists.put(a, List.of(match(a, "x", 0.9, List.of("sk:1"), Flag.SHORTAGE), match(a, "y", 0.5, List.of(), Flag.SHORTAGE)));
    lists.put(b, List.of(match(b, "x", 0.8, List.of("sk:1", "sk:2"), Flag.SHORTAGE)));
    BatchResult r = new BatchMatcher().allocate(lists);
    return BatchReport.builder(r).taxonomy(HOSTILE).build();
  }

  @Test
  void pageIsSelfContainedAndEscapesLabels() throws Exception {
    String page = HtmlReport.render(report(), "Report <&>");
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(page.contains("<title>Report &lt;&amp;&gt;</title>"));
    assertFalse(page.contains("<script"), "a label got through unescaped");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assertTrue(page.contains("Nurses &quot;&lt;b&gt;&quot;"));
    // No external resources: no src/href attributes, no url(...), no @import.
    assertFalse(page.matches("(?s).*\\s(src|href)=.*"), "external reference");
    assertFalse(page.contains("url("));
    assertFalse(page.contains("@import"));
    assertEquals(3, page.split("<svg class=\"chart\"", -1).length - 1, "three charts");
  }

  @Test
  void numbersAreWrittenAsInTheJson() throws Exception {
    BatchReport r = report();
    String page = HtmlReport.render(r, "t");
    String json = ReportJson.write(r);
    assertTrue(json.contains("\"gini\" : " + r.congestion().before().gini()));
    assertTrue(page.contains("data-field=\"congestion.before.gini\">" + HtmlReport.text(r.congestion().before().gini()) + "<"));
    assertEquals("0.0001", HtmlReport.text(0.0001));
    assertEquals("12", HtmlReport.text(12));
    assertEquals("96,982", HtmlReport.text(96_982));
    assertEquals("1,234,567", HtmlReport.text(1_234_567L));
    assertTrue(page.contains("data-field=\"upskilling.skills[0].pairs\">2<"), page);
  }
}
