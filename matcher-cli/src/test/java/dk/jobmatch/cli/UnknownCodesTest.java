package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.jobmatch.cli.io.Stderr;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References the loaded taxonomy does not list are kept but warned about, by line and path. */
class UnknownCodesTest {
  @TempDir Path dir;

  static final String KNOWN_SKILL = "http://data.europa.eu/esco/skill/known";

  /** Covers ISCO-08 and ESCO; knows isco:5322, isco:9333 and one ESCO skill. */
  static final Taxonomy SMALL = new Taxonomy() {
    @Override public OccupationCode resolve(OccupationRef ref) {
      return Taxonomy.none().resolve(ref);
    }
    @Override public Map<String, Double> relatedSkills(String skillId) {
      return Map.of();
    }
    @Override public Optional<ReuseLevel> reuseLevel(String skillId) {
      return Optional.empty();
    }
    @Override public List<RequiredSkill> skillsOf(OccupationRef occupation) {
      return List.of();
    }
    @Override public Optional<String> skillLabel(String skillId) {
      return skillId.equals(KNOWN_SKILL) ? Optional.of("known skill") : Optional.empty();
    }
    @Override public Optional<String> occupationLabel(OccupationRef occupation) {
      return Optional.empty();
    }
    @Override public boolean knows(OccupationRef ref) {
      return Set.of("isco:5322", "isco:9333").contains(ref.toString());
    }
    @Override public boolean covers(OccupationRef.Scheme scheme) {
      return scheme != OccupationRef.Scheme.DISCO;
    }
  };

  private CliRun run(String... args) {
    ReferenceDataLoader loader = new ReferenceDataLoader() {
      @Override public Taxonomy esco(Path d) {
        return SMALL;
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
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, new CliContext(o, new Stderr(e, false), System::nanoTime, loader));
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void unknownCodesAreNamedAndTheRecordsStillMatched() {
    Path citizens = CliRun.write(dir, "c.jsonl",
        "{\"id\":\"c-1\",\"jobGoals\":[{\"occupation\":\"isco:5322\"},{\"occupation\":\"isco:5329\"}],"
            + "\"skills\":[\"" + KNOWN_SKILL + "\",\"http://data.europa.eu/esco/skill/typo\",\"own-skill-id\"]}",
        "{\"id\":\"c-2\",\"experience\":[{\"occupation\":\"disco:532210\",\"years\":2}]}");
    Path orders = CliRun.write(dir, "o.jsonl",
        "{\"id\":\"jo-1\",\"occupation\":\"http://data.europa.eu/esco/occupation/unknown\",\"employmentType\":\"INTERNSHIP\","
            + "\"requiredSkills\":[\"" + KNOWN_SKILL + "\"]}");
    CliRun r = run("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--esco", dir.toString(),
        "--as-of", "2026-11-01");
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(List.of(
        orders + ":1: warning: occupation: is not in the ESCO export (kept, without taxonomy credit)",
        citizens + ":1: warning: jobGoals[1].occupation: is not in ISCO-08 (kept, without taxonomy credit)",
        citizens + ":1: warning: skills[1].id: is not in the ESCO export "
            + "(kept, without taxonomy credit)"), r.errLines());
    assertEquals(List.of("c-1", "c-2"),
        r.outLines().stream().map(l -> l.replaceAll(".*\"citizen\":\"([^\"]+)\".*", "$1")).toList());
  }

  @Test
  void afterTwentyOnlyACount() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      lines.add("{\"id\":\"c-" + i + "\",\"jobGoals\":[{\"occupation\":\"isco:1111\"}]}");
    }
    Path citizens = CliRun.write(dir, "c.jsonl", lines.toArray(String[]::new));
    Path orders = CliRun.write(dir, "o.jsonl", "{\"id\":\"jo-1\",\"occupation\":\"isco:5322\"}");
    CliRun r = run("match", "--citizens", citizens.toString(), "--orders", orders.toString(), "--esco", dir.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals(21, r.errLines().size(), r.describe());
    assertEquals(citizens + ": warning: 25 references not in the taxonomy (the first 20 shown)", r.errLines().get(20));
  }

  @Test
  void withoutATaxonomyNothingIsChecked() {
    Path citizens = CliRun.write(dir, "c.jsonl", "{\"id\":\"c-1\",\"jobGoals\":[{\"occupation\":\"isco:1111\"}]}");
    Path orders = CliRun.write(dir, "o.jsonl", "{\"id\":\"jo-1\",\"occupation\":\"isco:5322\"}");
    CliRun r = run("match", "--citizens", citizens.toString(), "--orders", orders.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.describe());
    assertEquals("", r.err());
  }
}
