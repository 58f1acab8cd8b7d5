package dk.jobmatch.cli;

import dk.jobmatch.narrative.Narration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes {@code --format text}: one block per result or pair, UTF-8, blocks separated by an
 * empty line:
 *
 * <pre>
 * Borger c-003 og job jo-1: Lagermedarbejder
 * Nej – du kan ikke foreslås til dette job, fordi et krav ikke er opfyldt.
 * - Du mangler truckcertifikat, som arbejdsgiveren kræver. Når du har det, opfylder du kravet.
 * Vurderet efter regelsæt jobmatch-default@3 den 1. november 2026.
 * </pre>
 *
 * <p>Not thread-safe: one writer, fed in order by one thread.
 */
final class NarrationWriter {
  private final Writer out;
  private final String footer;
  private long blocks;

  /**
   * @param out the stream (left open)
   * @param footer the last line of every block (rule set and date)
   */
  NarrationWriter(OutputStream out, String footer) {
    this.out = new OutputStreamWriter(Objects.requireNonNull(out, "out"), StandardCharsets.UTF_8);
    this.footer = Objects.requireNonNull(footer, "footer");
  }

  /** Writes one block. @throws IOException if the output cannot be written */
  void write(Narration n) throws IOException {
    if (blocks > 0) {
      out.write('\n');
    }
    out.write(n.subject());
    out.write('\n');
    out.write(n.text());
    out.write(footer);
    out.write('\n');
    blocks++;
  }

  /** Blocks written so far. */
  long blocks() {
    return blocks;
  }

  /** Flushes; the stream stays open. @throws IOException if it cannot be flushed */
  void flush() throws IOException {
    out.flush();
  }
}
