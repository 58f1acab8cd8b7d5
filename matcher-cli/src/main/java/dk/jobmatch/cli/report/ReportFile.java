package dk.jobmatch.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A report file ({@code --report}, {@code --report-html}) written under a temporary name in its
 * directory and moved into place only by {@link #commit(String)}, so a failed run never leaves a
 * half-written report. The temporary file is created by {@link #open}, so an unwritable path
 * fails before the slow work.
 *
 * <p>Not thread-safe.
 */
public final class ReportFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private boolean committed;

  private ReportFile(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /**
   * Creates the temporary file next to {@code path}.
   *
   * @param path the report's path
   * @throws IOException if the directory is missing or not writable, or {@code path} is a directory
   */
  public static ReportFile open(Path path) throws IOException {
    Path abs = path.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new IOException("is a directory: " + path);
    }
    // Owner-only (rw-------) where the file system supports it: a report is about people, and
    // the permissions stick to the file when it is moved into place.
    Path temp = abs.resolveSibling(
        "." + abs.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(temp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    return new ReportFile(abs, temp);
  }

  /** Writes {@code content} (UTF-8) and moves the file into place. */
  public void commit(String content) throws IOException {
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Removes the temporary file unless committed. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      Files.deleteIfExists(temp);
    }
  }
}
