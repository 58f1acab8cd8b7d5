package dk.jobmatch.index;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link DataInput} and {@link DataOutput} over a plain byte array, for the {@link StartupSnapshot}'s
 * body: the same bytes as {@link DataInputStream} and {@link DataOutputStream} (big-endian, modified
 * UTF-8), without their per-call stream and lock overhead, which made reading and writing 100,000
 * citizens' features a large part of opening an index and of a commit.
 *
 * <p>Not thread-safe: one instance per reader or writer.
 *
 * @lucene.internal
 */
final class SnapshotBytes {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private SnapshotBytes() {}

  /** Reads a byte array as {@link DataInputStream} would; throws {@link EOFException} past its end. */
  static final class In implements DataInput {
    private final byte[] b;
    private int pos;

    In(byte[] b) {
      this.b = b;
    }

    /** Whether every byte has been read. */
    boolean atEnd() {
      return pos == b.length;
    }

    private int take(int n) throws EOFException {
      int p = pos;
      if (n > b.length - p) {
        throw new EOFException("snapshot body ends early");
      }
      pos = p + n;
      return p;
    }

    @Override
    public void readFully(byte[] dst) throws IOException {
      readFully(dst, 0, dst.length);
    }

    @Override
    public void readFully(byte[] dst, int off, int len) throws IOException {
      System.arraycopy(b, take(len), dst, off, len);
    }

    @Override
    public int skipBytes(int n) throws IOException {
      int k = Math.max(0, Math.min(n, b.length - pos));
      pos += k;
      return k;
    }

    @Override
    public boolean readBoolean() throws IOException {
      return b[take(1)] != 0;
    }

    @Override
    public byte readByte() throws IOException {
      return b[take(1)];
    }

    @Override
    public int readUnsignedByte() throws IOException {
      return b[take(1)] & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
      return (short) SHORT.get(b, take(2));
    }

    @Override
    public int readUnsignedShort() throws IOException {
      return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
      return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
      return (int) INT.get(b, take(4));
    }

    @Override
    public long readLong() throws IOException {
      return (long) LONG.get(b, take(8));
    }

    @Override
    public float readFloat() throws IOException {
      return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
      return Double.longBitsToDouble(readLong());
    }

    /** Not used by the snapshot. */
    @Override
    public String readLine() {
      throw new UnsupportedOperationException("readLine");
    }

    @Override
    public String readUTF() throws IOException {
      int start = pos;
      int len = readUnsignedShort();
      int p = take(len);
      for (int i = p; i < p + len; i++) {
        if (b[i] <= 0) { // not plain ASCII (or a modified-UTF-8 NUL): the JDK's decoder
          pos = start;
          return DataInputStream.readUTF(this);
        }
      }
      return new String(b, p, len, StandardCharsets.ISO_8859_1);
    }
  }

  /** Writes into a growing byte array as {@link DataOutputStream} would. */
  static final class Out implements DataOutput {
    private byte[] b;
    private int size;

    Out(int initialCapacity) {
      b = new byte[Math.max(16, initialCapacity)];
    }

    /** The bytes written (the array itself, valid up to {@link #size()}). */
    byte[] array() {
      return b;
    }

    /** The number of bytes written. */
    int size() {
      return size;
    }

    private int room(int n) {
      int p = size;
      if (n > b.length - p) {
        b = Arrays.copyOf(b, Math.max(b.length * 2, p + n));
      }
      size = p + n;
      return p;
    }

    @Override
    public void write(int v) {
      int p = room(1); // first: room may replace b
      b[p] = (byte) v;
    }

    @Override
    public void write(byte[] src) {
      write(src, 0, src.length);
    }

    @Override
    public void write(byte[] src, int off, int len) {
      int p = room(len);
      System.arraycopy(src, off, b, p, len);
    }

    @Override
    public void writeBoolean(boolean v) {
      write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
      write(v);
    }

    @Override
    public void writeShort(int v) {
      int p = room(2);
      SHORT.set(b, p, (short) v);
    }

    @Override
    public void writeChar(int v) {
      writeShort(v);
    }

    @Override
    public void writeInt(int v) {
      int p = room(4);
      INT.set(b, p, v);
    }

    @Override
    public void writeLong(long v) {
      int p = room(8);
      LONG.set(b, p, v);
    }

    @Override
    public void writeFloat(float v) {
      writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
      writeLong(Double.doubleToLongBits(v));
    }

    /** Not used by the snapshot. */
    @Override
    public void writeBytes(String s) {
      throw new UnsupportedOperationException("writeBytes");
    }

    /** Not used by the snapshot. */
    @Override
    public void writeChars(String s) {
      throw new UnsupportedOperationException("writeChars");
    }

    @Override
    public void writeUTF(String s) throws IOException {
      int n = s.length();
      boolean ascii = n <= 0xFFFF;
      for (int i = 0; i < n && ascii; i++) {
        char c = s.charAt(i);
        ascii = c >= 1 && c < 0x80;
      }
      if (ascii) {
        writeShort(n);
        int p = room(n);
        for (int i = 0; i < n; i++) {
          b[p + i] = (byte) s.charAt(i);
        }
        return;
      }
      ByteArrayOutputStream tmp = new ByteArrayOutputStream(n * 3 + 2);
      new DataOutputStream(tmp).writeUTF(s); // throws UTFDataFormatException when too long, as DataOutputStream does
      write(tmp.toByteArray());
    }
  }
}
