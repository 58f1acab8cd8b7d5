package dk.jobmatch.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.ComponentScore;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Match;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchLineWriterTest {

  private static Match match(String citizen, String order) {
    Map<Component, ComponentScore> c = new EnumMap<>(Component.class);
    c.put(Component.SKILLS, new ComponentScore(0.812345, 0.35, 0.812345 * 0.35));
    c.put(Component.OCCUPATION, new ComponentScore(1.0, 0.20, 0.20));
    c.put(Component.GOAL, new ComponentScore(0.0, 0.15, 0.0));
    c.put(Component.EDUCATION, new ComponentScore(0.5, 0.10, 0.05));
    c.put(Component.DISTANCE, new ComponentScore(0.70710678, 0.10, 0.070710678));
    // INCLUSION and SHORTAGE deliberately absent: written as 0.0 so every line has all seven
    Explanation e = new Explanation(c, List.of("http://data.europa.eu/esco/skill/a", "bed-making"),
        List.of("night \"shift\" æøå"), List.of("night \"shift\" æøå"),
        EnumSet.of(Flag.UPSKILLING_CANDIDATE, Flag.SHORTAGE));
    return new Match(citizen, order, 0.61235, e);
  }

  private static String write(MatchLineWriter.Direction d, Match... ms) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MatchLineWriter w = new MatchLineWriter(out, d, "test@1")) {
      int rank = 0;
      for (Match m : ms) {
        w.write(m, ++rank);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void matchLineHasTheContractFieldsInOrder() throws IOException {
    String expected = "{\"order\":\"jo-1\",\"rank\":1,\"citizen\":\"c-7\",\"score\":0.6124,"
        + "\"components\":{\"skills\":0.8123,\"occupation\":1.0,\"goal\":0.0,\"education\":0.5,\"distance\":0.7071,"
        + "\"inclusion\":0.0,\"shortage\":0.0},"
        + "\"matchedSkills\":[\"http://data.europa.eu/esco/skill/a\",\"bed-making\"],"
        + "\"missingSkills\":[\"night \\\"shift\\\" æøå\"],\"flags\":[\"SHORTAGE\",\"UPSKILLING_CANDIDATE\"],\"policy\":\"test@1\"}\n"
        + "{\"order\":\"jo-1\",\"rank\":2,\"citizen\":\"c-8\",\"score\":0.6124,";
    String written = write(MatchLineWriter.Direction.ORDER_FIRST, match("c-7", "jo-1"), match("c-8", "jo-1"));
    assertEquals(expected, written.substring(0, expected.length()));
    assertEquals(2, written.lines().count());
    assertEquals('\n', written.charAt(written.length() - 1));
  }

  @Test
  void suggestLineLeadsWithTheCitizen() throws IOException {
    String written = write(MatchLineWriter.Direction.CITIZEN_FIRST, match("c-7", "jo-1"));
    assertTrue(written.startsWith("{\"citizen\":\"c-7\",\"rank\":1,\"order\":\"jo-1\",\"score\":0.6124,\"components\":{"), written);
  }

  @Test
  void emptyExplanationStillWritesEveryField() throws IOException {
    Match m = new Match("c-1", "jo-1", 1.0, new Explanation(new EnumMap<>(Component.class), List.of(), List.of(), List.of(), EnumSet.noneOf(Flag.class)));
    assertEquals("{\"order\":\"jo-1\",\"rank\":1,\"citizen\":\"c-1\",\"score\":1.0,\"components\":{\"skills\":0.0,"
        + "\"occupation\":0.0,\"goal\":0.0,\"education\":0.0,\"distance\":0.0,\"inclusion\":0.0,\"shortage\":0.0},"
        + "\"matchedSkills\":[],\"missingSkills\":[],\"flags\":[],\"policy\":\"test@1\"}\n", write(MatchLineWriter.Direction.ORDER_FIRST, m));
  }

  @Test
  void roundsHalfUpOnTheShortestDecimalForm() {
    assertEquals(0.8124, MatchLineWriter.round4(0.81235));
    assertEquals(0.8123, MatchLineWriter.round4(0.812349999));
    assertEquals(1.0, MatchLineWriter.round4(0.99999));
    assertEquals(0.0, MatchLineWriter.round4(0.00004));
    assertEquals(0.0001, MatchLineWriter.round4(0.00005));
    assertThrows(IllegalArgumentException.class, () -> MatchLineWriter.round4(Double.NaN));
  }
}
