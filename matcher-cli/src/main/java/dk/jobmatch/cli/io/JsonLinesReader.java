package dk.jobmatch.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a byte stream into JSON Lines records without ever holding more than one line (and a
 * fixed read buffer) in memory, so a 2 GB file costs the same heap as a 2 KB one.
 *
 * <p>Lines are split on {@code \n} at the byte level, which is safe in UTF-8 because no
 * multi-byte sequence contains the byte 0x0A; a trailing {@code \r} is dropped. Each line is
 * then decoded with a strict UTF-8 decoder, so a file saved as Latin-1 or with a broken
 * byte is reported with the line and byte column instead of being silently "repaired" with
 * U+FFFD. A UTF-8 byte order mark is accepted at the very start of the stream only. A line
 * longer than the limit is skipped (counted, not buffered) and reported.
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class JsonLinesReader implements Closeable {
  /** The default maximum line length: 1 MiB, far above any real citizen or order record. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[BUFFER_BYTES];
  private int pos;
  private int limit;
  private boolean eof;
  private long bytesConsumed;
  private long lineNumber;

  private byte[] line = new byte[8192];
  private int lineLen;
  private CharBuffer chars = CharBuffer.allocate(8192);
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * One physical line.
   *
   * @param number the 1-based line number
   * @param text the decoded text without the line terminator, or {@code null} when {@code
   *     problem} is set
   * @param problem why the line could not be read (too long, invalid UTF-8, …), or {@code null}
   * @param endsWithoutNewline whether this is the last line and the file ends without a line
   *     terminator after it (a hint that the file was cut off if the JSON is incomplete)
   */
  public record Line(long number, String text, String problem, boolean endsWithoutNewline) {
    /** Whether the line holds no characters other than white space. */
    public boolean isBlank() {
      return text != null && text.isBlank();
    }
  }

  /**
   * Reads from {@code in}, which this reader closes.
   *
   * @param maxLineBytes lines longer than this many bytes (terminator excluded) are skipped and
   *     reported
   * @throws IllegalArgumentException if {@code maxLineBytes} is not positive
   */
  public JsonLinesReader(InputStream in, int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes: '" + maxLineBytes + "' must be positive");
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Bytes of the stream consumed so far (for progress by file size). */
  public long bytesConsumed() {
    return bytesConsumed;
  }

  /**
   * The next line, or {@code null} at the end of the stream. An empty stream has no lines; a
   * stream ending in a line terminator has no empty line after it.
   *
   * @throws IOException if the stream cannot be read
   */
  public Line next() throws IOException {
    lineLen = 0;
    long length = 0; // the full length, which may exceed what was buffered
    boolean any = false;
    while (true) {
      if (pos == limit) {
        if (!fill()) {
          if (!any) {
            return null;
          }
          return finish(length, true);
        }
      }
      any = true;
      int start = pos;
      int nl = indexOfNewline(start, limit);
      int end = nl < 0 ? limit : nl;
      append(start, end, length);
      length += end - start;
      if (nl >= 0) {
        pos = nl + 1;
        bytesConsumed += pos - start;
        return finish(length, false);
      }
      bytesConsumed += limit - start;
      pos = limit;
    }
  }

  private Line finish(long length, boolean endsWithoutNewline) {
    long number = ++lineNumber;
    if (length > maxLineBytes) {
      return new Line(number, null, String.format(Locale.ROOT,
          "line too long: %,d bytes, the limit is %,d bytes; skipped (is this really one JSON object per line?)",
          length, maxLineBytes), endsWithoutNewline);
    }
    int from = 0;
    int to = lineLen;
    if (to > 0 && line[to - 1] == '\r') {
      to--;
    }
    if (to - from >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
      if (number == 1) {
        from = 3; // a byte order mark is legitimate only at the start of the file
      } else {
        return new Line(number, null,
            "byte order mark (U+FEFF) in the middle of the file; only the first line may start with one "
                + "(were files concatenated?)", endsWithoutNewline);
      }
    }
    String problem = decode(from, to);
    if (problem != null) {
      return new Line(number, null, problem, endsWithoutNewline);
    }
    return new Line(number, chars.toString(), null, endsWithoutNewline);
  }

  /** Decodes line[from, to) into {@link #chars}; returns a problem description or null. */
  private String decode(int from, int to) {
    int n = to - from;
    if (chars.capacity() < n) {
      chars = CharBuffer.allocate(Math.max(n, chars.capacity() * 2));
    }
    chars.clear();
    ByteBuffer bytes = ByteBuffer.wrap(line, from, n);
    decoder.reset();
    CoderResult r = decoder.decode(bytes, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      int at = bytes.position();
      return String.format(Locale.ROOT,
          "invalid UTF-8: byte 0x%02X at byte %d of the line cannot start or continue a character "
              + "(the file must be UTF-8; was it saved as Latin-1 or Windows-1252?)",
          line[at] & 0xff, at + 1);
    }
    chars.flip();
    return null;
  }

  private void append(int start, int end, long lengthSoFar) {
    int n = end - start;
    if (n == 0 || lengthSoFar + n > maxLineBytes) {
      return; // too long: keep counting, stop buffering
    }
    if (lineLen + n > line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes + 1, Math.max(lineLen + n, line.length * 2)));
    }
    System.arraycopy(buf, start, line, lineLen, n);
    lineLen += n;
  }

  private int indexOfNewline(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    while (n == 0) {
      n = in.read(buf, 0, buf.length);
    }
    if (n < 0) {
      eof = true;
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    in.close();
  }
}
