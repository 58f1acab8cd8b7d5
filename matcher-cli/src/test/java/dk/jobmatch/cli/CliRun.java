package dk.jobmatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One in-process run of the CLI with captured output.
 *
 * @param exitCode the returned exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {
  /** Runs {@code Main.run} with the given arguments. */
  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Standard output's lines. */
  List<String> outLines() {
    return out.lines().toList();
  }

  /** Standard error's lines. */
  List<String> errLines() {
    return err.lines().toList();
  }

  /** A readable account for assertion messages. */
  String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }

  /** Writes lines (each followed by \n) to a file and returns its path. */
  static Path write(Path dir, String name, String... lines) {
    StringBuilder sb = new StringBuilder();
    Arrays.stream(lines).forEach(l -> sb.append(l).append('\n'));
    return writeRaw(dir, name, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes to a file and returns its path. */
  static Path writeRaw(Path dir, String name, byte[] bytes) {
    try {
      Path p = dir.resolve(name);
      Files.write(p, bytes);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
