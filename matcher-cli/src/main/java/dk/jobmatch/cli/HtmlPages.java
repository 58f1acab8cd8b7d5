package dk.jobmatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where {@code explain --format html} puts its pages: the file of {@code --out} for one pair, or,
 * with {@code --pairs}, one file per pair in the directory of {@code --out}, named {@code
 * CITIZEN_ORDER.html} (characters other than letters, digits, {@code .}, {@code -} and {@code _}
 * replaced by {@code _}; a name taken twice gets {@code -2}, {@code -3}, …). Each page is written
 * under a temporary name, owner-only, and moved into place when complete ({@link Output}).
 *
 * <p>Not thread-safe: fed in order by one thread.
 */
final class HtmlPages {
  private final Path out;
  private final boolean directory;
  private final Set<String> taken = new HashSet<>();
  private long pages;

  private HtmlPages(Path out, boolean directory) {
    this.out = out;
    this.directory = directory;
  }

  /**
   * Checks {@code --out} before any work: a writable file's place, or a directory (created if
   * absent) when there are many pairs.
   *
   * @throws CliException ({@link ExitCode#USAGE}) if {@code --out} cannot be used
   */
  static HtmlPages prepare(Path out, boolean many) {
    if (many) {
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw CliException.usage("--out: with --pairs and --format html, must be a directory (one page per pair): cannot create "
            + out + ": " + RecordFile.describe(e));
      }
    } else if (Files.isDirectory(out)) {
      throw CliException.usage("--out: is a directory; give the page's file name for one pair: " + out);
    }
    return new HtmlPages(out, many);
  }

  /** Writes one page. @throws IOException if it cannot be written */
  void write(String citizenId, String orderId, String html) throws IOException {
    Path target = directory ? out.resolve(name(citizenId, orderId)) : out;
    try (Output o = Output.open(target, null)) {
      o.stream().write(html.getBytes(StandardCharsets.UTF_8));
      o.commit();
    }
    pages++;
  }

  /** Pages written so far. */
  long pages() {
    return pages;
  }

  private String name(String citizenId, String orderId) {
    String base = safe(citizenId) + "_" + safe(orderId);
    String name = base + ".html";
    for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
      name = base + "-" + i + ".html";
    }
    return name;
  }

  private static String safe(String id) {
    String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
    if (s.startsWith(".")) {
      s = "_" + s.substring(1);
    }
    return s.length() > 100 ? s.substring(0, 100) : s;
  }
}
