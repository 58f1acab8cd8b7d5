package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The commute class of a cell code: the first class whose upper limit reaches the citizen's own
 * limit, so that "the cell's nearest home lies beyond the class's limit" implies "beyond the
 * citizen's limit" — the retrieval's first check of the commute gate relies on exactly this.
 */
class CommuteClassTest {
  @Test
  void classLimitIsTheFirstAtLeastTheCitizensLimit() {
    double[] limits = new double[CitizenIndex.COMMUTE_CLASSES];
    for (int i = 0; i < limits.length; i++) {
      limits[i] = CitizenIndex.commuteLimit(i);
    }
    assertEquals(8, limits.length, "three bits of the cell code hold the class");
    assertEquals(Double.POSITIVE_INFINITY, limits[limits.length - 1], "the last class is unbounded");
    for (int i = 1; i < limits.length; i++) {
      assertTrue(limits[i] > limits[i - 1], "limits ascend at " + i);
    }
    assertEquals(0, CitizenIndex.commuteClass(0));
    assertEquals(0, CitizenIndex.commuteClass(5));
    assertEquals(1, CitizenIndex.commuteClass(Math.nextUp(5.0)));
    assertEquals(1, CitizenIndex.commuteClass(10));
    assertEquals(4, CitizenIndex.commuteClass(25));
    assertEquals(6, CitizenIndex.commuteClass(70));
    assertEquals(7, CitizenIndex.commuteClass(70.5));
    assertEquals(7, CitizenIndex.commuteClass(Double.POSITIVE_INFINITY));
    assertEquals(7, CitizenIndex.commuteClass(Double.NaN), "an unknown limit is never cut");
    for (double km = 0; km < 200; km += 0.37) {
      int c = CitizenIndex.commuteClass(km);
      assertTrue(limits[c] >= km, "class limit reaches the citizen's limit at " + km);
      assertTrue(c == 0 || limits[c - 1] < km, "no lower class reaches it at " + km);
    }
  }
}
