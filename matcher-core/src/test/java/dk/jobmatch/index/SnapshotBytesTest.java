package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.TestSeeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotBytes} writes exactly the bytes {@link DataOutputStream} writes and reads them back
 * as {@link DataInputStream} does: every kind of value the start-up snapshot uses, with strings that
 * are plain ASCII, empty, hold a NUL (two bytes in modified UTF-8), Danish letters and characters
 * outside the Basic Multilingual Plane.
 */
class SnapshotBytesTest {
  private static final String[] STRINGS = {"", "c-0000001", "http://data.europa.eu/esco/skill/abc", "a\0b",
      "medicinhåndtering", "truckkørsel", "Ærø", "\uD83D\uDE00 smiley", "\u007F\u0080\u07FF\u0800\uFFFF"};

  /** Writes one seeded sequence of values through {@code out}; returns nothing, throws nothing else. */
  private static void writeAll(DataOutput out, long seed) throws IOException {
    Random r = new Random(seed);
    for (int i = 0; i < 500; i++) {
      switch (r.nextInt(9)) {
        case 0 -> out.writeInt(r.nextInt());
        case 1 -> out.writeShort(r.nextInt());
        case 2 -> out.writeByte(r.nextInt());
        case 3 -> out.writeLong(r.nextLong());
        case 4 -> out.writeFloat(Float.intBitsToFloat(r.nextInt()));
        case 5 -> out.writeDouble(r.nextGaussian() * 1e6);
        case 6 -> out.writeBoolean(r.nextBoolean());
        case 7 -> out.writeUTF(STRINGS[r.nextInt(STRINGS.length)]);
        default -> {
          byte[] b = new byte[r.nextInt(5)];
          r.nextBytes(b);
          out.write(b);
        }
      }
    }
  }

  /** Reads back the sequence {@link #writeAll} wrote with {@code seed}, checking every value. */
  private static void readAll(DataInput in, long seed) throws IOException {
    Random r = new Random(seed);
    for (int i = 0; i < 500; i++) {
      switch (r.nextInt(9)) {
        case 0 -> assertEquals(r.nextInt(), in.readInt());
        case 1 -> assertEquals((short) r.nextInt(), in.readShort());
        case 2 -> assertEquals((byte) r.nextInt(), in.readByte());
        case 3 -> assertEquals(r.nextLong(), in.readLong());
        // Both streams write a NaN as the canonical one (floatToIntBits).
        case 4 -> assertEquals(Float.floatToIntBits(Float.intBitsToFloat(r.nextInt())),
            Float.floatToRawIntBits(in.readFloat()));
        case 5 -> assertEquals(r.nextGaussian() * 1e6, in.readDouble());
        case 6 -> assertEquals(r.nextBoolean(), in.readBoolean());
        case 7 -> assertEquals(STRINGS[r.nextInt(STRINGS.length)], in.readUTF());
        default -> {
          byte[] b = new byte[r.nextInt(5)];
          r.nextBytes(b);
          byte[] got = new byte[b.length];
          in.readFully(got);
          assertArrayEquals(b, got);
        }
      }
    }
  }

  @Test
  void sameBytesAsTheJdkStreamsBothWays() throws IOException {
    long seed = TestSeeds.seed("SnapshotBytesTest.sameBytes", null, 20261208L);
    for (long s = seed; s < seed + 20; s++) {
      ByteArrayOutputStream jdk = new ByteArrayOutputStream();
      try (DataOutputStream d = new DataOutputStream(jdk)) {
        writeAll(d, s);
      }
      SnapshotBytes.Out ours = new SnapshotBytes.Out(16); // small: it must grow
      writeAll(ours, s);
      byte[] mine = Arrays.copyOf(ours.array(), ours.size());
      assertArrayEquals(jdk.toByteArray(), mine, "seed " + s);

      SnapshotBytes.In in = new SnapshotBytes.In(jdk.toByteArray());
      readAll(in, s);
      assertTrue(in.atEnd(), "seed " + s);
      readAll(new DataInputStream(new ByteArrayInputStream(mine)), s);
    }
  }

  @Test
  void readingPastTheEndThrows() throws IOException {
    SnapshotBytes.In in = new SnapshotBytes.In(new byte[] {0, 0, 0, 7, 1});
    assertEquals(7, in.readInt());
    assertThrows(EOFException.class, in::readInt);
    assertEquals(1, in.readUnsignedByte()); // a failed read consumes nothing
    assertTrue(in.atEnd());
    assertThrows(EOFException.class, in::readByte);
    SnapshotBytes.In utf = new SnapshotBytes.In(new byte[] {0, 5, 'a', 'b'});
    assertThrows(EOFException.class, utf::readUTF);
  }
}
