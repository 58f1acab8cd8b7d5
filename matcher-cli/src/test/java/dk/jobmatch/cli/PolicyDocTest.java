package dk.jobmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.PolicyFile;
import dk.jobmatch.scoring.ScoringPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/policy.md}'s inline policy is exactly {@code docs/policy-example.json}, which is a
 * valid policy file, and the differences from the defaults the text names are the file's.
 */
class PolicyDocTest {
  @Test
  void theInlinePolicyIsTheExampleFileAndTheTextDescribesIt() throws IOException {
    Path file = Path.of("docs", "policy-example.json");
    String inline = null;
    for (String[] b : WorkflowDocTest.blocks(Path.of("docs", "policy.md"))) {
      if (b[0].equals("json") && b[1].startsWith("{\n  \"name\"")) {
        inline = b[1];
        break;
      }
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8).strip(), inline == null ? null : inline.strip());
    ScoringPolicy example = PolicyFile.read(file);
    ScoringPolicy defaults = ScoringPolicy.defaults();
    // "the citizen's own job goal weighs 0.30 instead of 0.20, skills 0.25 instead of 0.30,
    // occupation 0.15 instead of 0.20; commuting counts half after 10 km instead of 15"
    assertEquals(0.30, example.weight(Component.GOAL), 1e-12);
    assertEquals(0.20, defaults.weight(Component.GOAL), 1e-12);
    assertEquals(0.25, example.weight(Component.SKILLS), 1e-12);
    assertEquals(0.30, defaults.weight(Component.SKILLS), 1e-12);
    assertEquals(0.15, example.weight(Component.OCCUPATION), 1e-12);
    assertEquals(0.20, defaults.weight(Component.OCCUPATION), 1e-12);
    assertEquals(10, example.constant(PolicyConstant.DISTANCE_HALF_LIFE_KM), 1e-12);
    assertEquals(15, defaults.constant(PolicyConstant.DISTANCE_HALF_LIFE_KM), 1e-12);
    // Every constant is written out, so the example shows them all.
    for (PolicyConstant c : PolicyConstant.values()) {
      assertEquals(true, inline.contains("\"" + c.key() + "\""), c + " missing from the inline policy");
    }
  }
}
