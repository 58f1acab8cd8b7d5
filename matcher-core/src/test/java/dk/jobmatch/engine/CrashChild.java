package dk.jobmatch.engine;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of {@link CrashTest}: opens a persistent engine and commits batch after batch
 * (upserts, an update, a delete, now and then a purge), printing {@code ACK j} after commit
 * {@code j} returned, until it is killed.
 *
 * <p>Arguments: the engine directory, the first batch number.
 */
public final class CrashChild {
  private CrashChild() {}

  /** Runs until killed. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int from = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    try (MatchEngine e = MatchEngine.builder().directory(dir).asOf(RandomPopulation.AS_OF).build()) {
      out.println("READY");
      for (int j = from; ; j++) {
        e.upsertAll(CrashTest.batch(j));
        String deleted = CrashTest.deletedBy(j);
        if (deleted != null) {
          e.delete(deleted);
        }
        e.upsertOrder(CrashTest.order(j));
        String deletedOrder = CrashTest.orderDeletedBy(j);
        if (deletedOrder != null) {
          e.deleteOrder(deletedOrder);
        }
        if (j % 7 == 6) {
          e.purgeDeleted();
        }
        if (j % 3 == 0) {
          e.refresh();
        }
        e.commit();
        out.println("ACK " + j);
      }
    }
  }
}
