package dk.jobmatch.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Where results go: standard output, or the file of {@code --out}. A file is written under a
 * temporary name in the same directory and moved into place only by {@link #commit()}, so a run
 * that fails (or is rejected under {@code --strict}) never leaves a partial or empty result file
 * that a script could mistake for "no matches".
 *
 * <p>Not thread-safe.
 */
final class Output implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path target;
  private final Path temp;
  private final OutputStream stream;
  private boolean committed;

  private Output(Path target, Path temp, OutputStream stream) {
    this.target = target;
    this.temp = temp;
    this.stream = stream;
  }

  /**
   * Opens the output early, so that an unwritable {@code --out} fails before hours of work.
   *
   * @param out the file of {@code --out}, or {@code null} for {@code stdout}
   * @throws CliException ({@link ExitCode#USAGE}) if the file cannot be created
   */
  static Output open(Path out, OutputStream stdout) {
    if (out == null) {
      OutputStream keepOpen = new KeepOpen(stdout);
      return new Output(null, null, new BufferedOutputStream(keepOpen, 1 << 16));
    }
    Path abs = out.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw CliException.usage("--out: is a directory: " + out);
    }
    Path dir = abs.getParent();
    try {
      // Owner-only (rw-------) where the file system supports it: results name citizens, and the
      // permissions stick to the file when it is moved into place.
      Path temp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
      if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(temp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(temp);
      }
      return new Output(abs, temp, new BufferedOutputStream(
          Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16));
    } catch (NoSuchFileException e) {
      throw CliException.usage("--out: directory does not exist: " + dir);
    } catch (AccessDeniedException e) {
      throw CliException.usage("--out: cannot write in directory (permissions): " + dir);
    } catch (IOException e) {
      throw CliException.usage("--out: cannot create " + out + ": " + RecordFile.describe(e));
    }
  }

  /** Standard output is flushed but never closed: the caller owns it. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** The stream to write results to (buffered). */
  OutputStream stream() {
    return stream;
  }

  /**
   * Flushes and, for a file, moves it into place.
   *
   * @throws IOException if writing or moving fails
   */
  void commit() throws IOException {
    stream.close();
    if (temp != null) {
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    committed = true;
  }

  /** Without a commit: discards a temporary file. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      stream.close();
    } catch (IOException e) {
      // the run is failing already; its own error is the one to report
    }
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // best effort: a stray hidden temp file is harmless
      }
    }
  }
}
