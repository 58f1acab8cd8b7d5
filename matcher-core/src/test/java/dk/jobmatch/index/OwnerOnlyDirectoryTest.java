package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OwnerOnlyDirectory} on a POSIX file system: the directory and its missing parents are
 * {@code rwx------}, and every way a file comes into it — a file Lucene writes, a temporary file,
 * the lock file, a file that was there before (copied in, or written by an older version, with a
 * wide mode planted here) — ends {@code rw-------}. Skipped where the file system has no POSIX
 * permissions.
 */
class OwnerOnlyDirectoryTest {
  @TempDir Path tmp;

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theDirectoryAndEveryFileInItAreOwnerOnly() throws IOException {
    assumeTrue(OwnerOnlyDirectory.posix(tmp), "no POSIX permissions here");
    Path dir = tmp.resolve("a").resolve("b").resolve("index");
    Files.createDirectories(dir.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    // An existing directory of the path is left as it is; only the created one is owner-only.
    Path old = Files.createDirectory(tmp.resolve("pre"));
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path copied = old.resolve("segments_1");
    Files.writeString(copied, "x");
    Files.setPosixFilePermissions(copied, PosixFilePermissions.fromString("rw-rw-rw-"));
    try (Directory d = OwnerOnlyDirectory.open(old)) {
      assertEquals("rw-------", mode(copied), "a file already there is made owner-only");
    }
    assertEquals("rwx------", mode(old), "an existing index directory is made owner-only too");

    try (Directory d = OwnerOnlyDirectory.open(dir)) {
      assertEquals("rwx------", mode(dir));
      assertEquals("rwxr-xr-x", mode(dir.getParent()), "an existing parent is left as it was");
      try (IndexOutput out = d.createOutput("_0.cfs", IOContext.DEFAULT)) {
        out.writeByte((byte) 1);
      }
      assertEquals("rw-------", mode(dir.resolve("_0.cfs")));
      String tempName;
      try (IndexOutput out = d.createTempOutput("_0", "tmp", IOContext.DEFAULT)) {
        out.writeByte((byte) 1);
        tempName = out.getName();
      }
      assertEquals("rw-------", mode(dir.resolve(tempName)));
      try (Lock lock = d.obtainLock("write.lock")) {
        assertEquals("rw-------", mode(dir.resolve("write.lock")));
      }
    }
  }

  @Test
  void createDirectoriesMakesEveryMissingDirectoryOwnerOnly() throws IOException {
    assumeTrue(OwnerOnlyDirectory.posix(tmp), "no POSIX permissions here");
    Path dir = tmp.resolve("x").resolve("y");
    OwnerOnlyDirectory.createDirectories(dir);
    assertEquals("rwx------", mode(dir));
    assertEquals("rwx------", mode(dir.getParent()), "a missing parent is created owner-only");
    // Again, on an existing directory with a wider mode: made owner-only.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
    OwnerOnlyDirectory.createDirectories(dir);
    assertEquals("rwx------", mode(dir));
  }
}
