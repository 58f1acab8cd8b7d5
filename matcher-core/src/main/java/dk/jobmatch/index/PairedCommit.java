package dk.jobmatch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;

/**
 * One atomic commit over the two Lucene indexes of an engine (citizens and orders), by a
 * two-phase commit with a recovery rule.
 *
 * <p><b>Commit.</b> Every engine commit has a sequence number {@code n}, stored in the user data
 * of both Lucene commits ({@value #KEY}). Both indexes first {@link IndexWriter#prepareCommit()
 * prepare} commit {@code n} (all files written and synced), then both finish it. Each index keeps,
 * besides its newest commit, the newest commit of a lower number ({@link #deletionPolicy()}).
 *
 * <p><b>Recovery rule.</b> On opening, each index is opened at the newest number that
 * <em>both</em> indexes hold; every index holds number 0: its commit without a number (written
 * before numbered commits), else the empty index. A crash
 * between the two finishes leaves one index at {@code n} and the other at {@code n-1}: both are
 * opened at {@code n-1}, the last commit the engine acknowledged; the unacknowledged commit
 * {@code n} is dropped by the next commit. Indexes written before numbered commits have number 0
 * in both and open at their newest commit.
 *
 * <p>Stateless; thread-safe.
 */
public final class PairedCommit {
  /** The user-data key of the commit number. */
  public static final String KEY = "jobmatch.commit";

  private PairedCommit() {}

  /** Where to open one index: its newest commit ({@code commit == null, empty == false}), an older one, or empty. */
  public record Start(IndexCommit commit, boolean empty) {
    /** Applies this start to a writer's configuration (open mode, commit, deletion policy). */
    public IndexWriterConfig configure(IndexWriterConfig cfg) {
      cfg.setIndexDeletionPolicy(deletionPolicy());
      if (empty) {
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      } else {
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        if (commit != null) {
          cfg.setIndexCommit(commit);
        }
      }
      return cfg;
    }
  }

  /** Where to open both indexes, and the number of the commit they are opened at. */
  public record Recovery(Start first, Start second, long number) {}

  /** The number of a commit (0 if it has none: written before numbered commits). */
  public static long number(IndexCommit c) {
    try {
      String v = c.getUserData().get(KEY);
      return v == null ? 0 : Long.parseLong(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<IndexCommit> commits(Directory d) throws IOException {
    try {
      return DirectoryReader.listCommits(d);
    } catch (IndexNotFoundException e) {
      return List.of();
    }
  }

  /**
   * Applies the recovery rule to two index directories.
   *
   * @throws IOException if the commits cannot be listed
   */
  public static Recovery recover(Directory first, Directory second) throws IOException {
    List<IndexCommit> a = commits(first);
    List<IndexCommit> b = commits(second);
    TreeSet<Long> na = numbers(a);
    TreeSet<Long> nb = numbers(b);
    na.retainAll(nb);
    long n = na.last();
    return new Recovery(start(a, n), start(b, n), n);
  }

  private static TreeSet<Long> numbers(List<IndexCommit> commits) {
    TreeSet<Long> out = new TreeSet<>();
    out.add(0L); // every index can be opened empty
    for (IndexCommit c : commits) {
      out.add(number(c));
    }
    return out;
  }

  private static Start start(List<IndexCommit> commits, long n) {
    IndexCommit pick = null;
    for (IndexCommit c : commits) { // oldest first
      if (number(c) == n) {
        pick = c;
      }
    }
    if (pick == null) {
      return new Start(null, true); // number 0, no such commit: the empty index
    }
    return new Start(pick == commits.get(commits.size() - 1) ? null : pick, false);
  }

  /**
   * Phase one on one index: sets the commit number and prepares the commit (every file written
   * and synced); {@link IndexWriter#commit()} finishes it.
   *
   * @throws IOException if the commit cannot be prepared
   */
  public static void prepare(IndexWriter writer, long number) throws IOException {
    writer.setLiveCommitData(Map.of(KEY, Long.toString(number)).entrySet());
    writer.prepareCommit();
  }

  /**
   * Keeps the newest commit and the newest commit of a lower number (the one the recovery rule
   * falls back to when the other index did not finish the newest); deletes the rest. On opening,
   * deletes nothing: the recovery may need an older commit.
   */
  public static IndexDeletionPolicy deletionPolicy() {
    return new IndexDeletionPolicy() {
      @Override
      public void onInit(List<? extends IndexCommit> commits) {
        // keep all until the next commit
      }

      @Override
      public void onCommit(List<? extends IndexCommit> commits) {
        IndexCommit newest = commits.get(commits.size() - 1);
        long n = number(newest);
        IndexCommit fallback = null;
        for (IndexCommit c : commits) {
          if (c != newest && number(c) < n) {
            fallback = c;
          }
        }
        for (IndexCommit c : commits) {
          if (c != newest && c != fallback) {
            c.delete();
          }
        }
      }
    };
  }
}
