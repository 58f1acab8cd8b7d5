package dk.jobmatch.cli;

import dk.jobmatch.engine.MatchEngine;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A digest of the code that computes the scores of the stored standing lists, so that {@code
 * apply} can trust a stored list's scores without scoring its citizens afresh only when the code is
 * the very one that stored them.
 *
 * <p><b>What it covers.</b> Every class file of the engine ({@code dk/jobmatch/**.class} of the jar
 * or class directory {@link MatchEngine} is loaded from — in the command line's jar that is the
 * engine and the command line itself, so any rebuild that changes any of them changes the digest),
 * and the Java runtime ({@code java.vm.version}, {@code java.vm.vendor}, {@code os.arch}: the
 * last bit of {@code Math.sin} or {@code Math.exp} may differ between runtimes and processors).
 * From a jar it hashes each class's name, size and CRC-32 as its central directory records them
 * (nothing is decompressed: about a millisecond); from a class directory, each class file's name
 * and bytes. Over-broad on purpose: a change that does not touch scoring costs one verification on
 * the next {@code apply}, never a wrong list.
 *
 * <p><b>Why not a version constant.</b> A constant raised by hand is only as good as the person
 * who must remember to raise it; the digest changes by itself with the bytes of the code. The
 * CRC-32 per class guards against accidents (an edited class that keeps its size and its CRC-32 is
 * a one-in-four-billion chance per class), not against a forged jar — whoever can replace the jar
 * can change the engine anyway.
 *
 * <p>If the code's location cannot be read, the digest is {@value #UNKNOWN}, which is never
 * trusted: the stored scores are then checked against the kernel, as before this digest.
 *
 * <p>Computed once per process; thread-safe.
 */
final class ScoringCode {
  /** The digest when the code cannot be read: never matches a stored one. */
  static final String UNKNOWN = "unknown";
  private static volatile String digest;

  private ScoringCode() {}

  /** The digest of this process's scoring code and runtime, or {@value #UNKNOWN}. */
  static String digest() {
    String d = digest;
    if (d == null) {
      d = compute();
      digest = d;
    }
    return d;
  }

  private static String compute() {
    try {
      URL where = MatchEngine.class.getProtectionDomain().getCodeSource().getLocation();
      return of(Path.of(where.toURI()));
    } catch (RuntimeException | java.net.URISyntaxException e) {
      return UNKNOWN; // then every stored score is checked
    }
  }

  /**
   * The digest of the classes under {@code dk/jobmatch/} of a jar or class directory, and of this
   * runtime; {@value #UNKNOWN} if there are none or they cannot be read.
   */
  static String of(Path path) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      update(md, "runtime " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version")
          + " " + System.getProperty("os.arch"));
      if (Files.isDirectory(path)) {
        List<Path> classes = new ArrayList<>();
        Path root = path.resolve("dk").resolve("jobmatch");
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(p -> p.toString().endsWith(".class")).sorted().forEach(classes::add);
        }
        if (classes.isEmpty()) {
          return UNKNOWN;
        }
        for (Path p : classes) {
          update(md, path.relativize(p).toString().replace('\\', '/'));
          md.update(Files.readAllBytes(p));
        }
      } else {
        List<ZipEntry> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
          zip.stream().filter(e -> e.getName().startsWith("dk/jobmatch/") && e.getName().endsWith(".class"))
              .forEach(entries::add);
        }
        entries.sort((a, b) -> a.getName().compareTo(b.getName()));
        for (ZipEntry e : entries) {
          if (e.getCrc() < 0 || e.getSize() < 0) {
            return UNKNOWN;
          }
          update(md, e.getName() + " " + e.getSize() + " " + e.getCrc());
        }
        if (entries.isEmpty()) {
          return UNKNOWN;
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      return UNKNOWN; // then every stored score is checked
    }
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
  }
}
