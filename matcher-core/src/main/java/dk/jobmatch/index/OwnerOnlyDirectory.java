package dk.jobmatch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;

/**
 * A Lucene directory on disk readable by its owner only: the directory is {@code rwx------} and
 * every file Lucene writes in it (segments, lock, temporary files) is {@code rw-------}. On a
 * file system without POSIX permissions, a plain {@link FSDirectory}. Thread-safe as {@link
 * FSDirectory} is.
 */
public final class OwnerOnlyDirectory {
  /** {@code rwx------}. */
  public static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  /** {@code rw-------}. */
  public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyDirectory() {}

  /** Whether the file system of {@code p} has POSIX permissions. */
  public static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates {@code dir} and missing parents, owner-only (existing ones are left as they are).
   *
   * @throws IOException if it cannot be created
   */
  public static void createDirectories(Path dir) throws IOException {
    if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      Files.setPosixFilePermissions(dir, OWNER_DIR);
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Opens (creating it) an index directory readable by the owner only, whose new files are
   * owner-only too; files already in it (an index written by an earlier version, or copied in)
   * are made owner-only.
   *
   * @throws IOException if it cannot be created or its permissions cannot be set
   */
  public static Directory open(Path dir) throws IOException {
    createDirectories(dir);
    if (!posix(dir)) {
      return FSDirectory.open(dir);
    }
    try (var existing = Files.list(dir)) {
      for (Path f : existing.filter(Files::isRegularFile).toList()) {
        Files.setPosixFilePermissions(f, OWNER_FILE);
      }
    }
    FSDirectory fs = FSDirectory.open(dir);
    return new FilterDirectory(fs) {
      @Override
      public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput out = super.createOutput(name, context);
        Files.setPosixFilePermissions(fs.getDirectory().resolve(out.getName()), OWNER_FILE);
        return out;
      }

      @Override
      public Lock obtainLock(String name) throws IOException {
        Lock lock = super.obtainLock(name);
        Path file = fs.getDirectory().resolve(name);
        if (Files.exists(file)) {
          Files.setPosixFilePermissions(file, OWNER_FILE);
        }
        return lock;
      }

      @Override
      public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput out = super.createTempOutput(prefix, suffix, context);
        Files.setPosixFilePermissions(fs.getDirectory().resolve(out.getName()), OWNER_FILE);
        return out;
      }
    };
  }
}
