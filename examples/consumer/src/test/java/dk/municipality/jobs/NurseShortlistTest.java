package dk.municipality.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.scoring.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The installed matcher-core works from outside its build: the nurse ranks first. */
class NurseShortlistTest {
  @Test
  void theNurseWithBothSkillsRanksFirst() throws Exception {
    List<Match> shortlist = NurseShortlist.rank();
    assertEquals("c-1", shortlist.getFirst().citizenId());
    assertTrue(shortlist.getFirst().explanation().matchedSkills().containsAll(
        List.of("skill:sygepleje", "skill:medicin-administration")), shortlist.getFirst().explanation().matchedSkills().toString());
    assertTrue(shortlist.getFirst().score() > 0 && shortlist.getFirst().score() <= 1, "score in (0, 1]");
  }
}
