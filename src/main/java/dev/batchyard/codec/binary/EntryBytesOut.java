package dev.batchyard.codec.binary;

import dev.batchyard.codec.LoneSurrogates;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The growable byte sink {@link BinaryEntryWriter} writes into: varints, zig-zag varints, raw
 * doubles and strings. A string of up to {@value SharedStrings#MAX_CHARS} characters is written
 * once per batch and referred to by number after that (label keys, levels, source ids repeat in
 * nearly every entry). Not thread-safe; one per {@code encode} call.
 *
 * <p>A string starts with a varint {@code (x << 2) | kind}:
 * <pre>
 * kind 0  UTF-8 literal of x bytes
 * kind 1  UTF-8 literal of x bytes, which also becomes the next shared string
 * kind 2  the shared string number x
 * kind 3  x = 0: null; x = 1: a varint length, then the string's UTF-16 code units
 *         (a string with a lone surrogate, which UTF-8 cannot hold; see {@link LoneSurrogates})
 * </pre>
 */
final class EntryBytesOut {
    static final int LITERAL = 0;
    static final int SHARED_LITERAL = 1;
    static final int REFERENCE = 2;
    static final int SPECIAL = 3;
    static final int NULL = 0;
    static final int CODE_UNITS = 1;

    /** A buffer larger than this is not kept for the next batch (see {@link #reset}). */
    static final int KEPT_CAPACITY = 64 * 1024;

    /** Eight bytes of an array at a time, for {@link #holdsQuestionMark}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SharedStrings shared = new SharedStrings();
    private byte[] buf;
    private int size;

    EntryBytesOut(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /**
     * Empties this for the next batch, keeping its buffer and string table when they are of a
     * batch's usual size: one sink per thread then serves batch after batch without allocating
     * (a 100-entry batch allocated its buffer twice, its table three or four times as it grew). A
     * buffer grown past {@link #KEPT_CAPACITY} by a large batch is dropped, so a thread does not
     * hold on to the largest batch it ever wrote.
     */
    void reset(int capacityHint) {
        size = 0;
        shared.clear();
        if (buf.length > KEPT_CAPACITY) {
            buf = new byte[Math.min(KEPT_CAPACITY, Math.max(16, capacityHint))];
        }
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    /** Unsigned LEB128. */
    void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** Signed values by zig-zag, so small negative numbers stay small. */
    void zigzag(long v) {
        varint((v << 1) ^ (v >> 63));
    }

    void rawDouble(double d) {
        long bits = Double.doubleToRawLongBits(d);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (bits >>> shift);
        }
    }

    void bytes(byte[] b) {
        varint(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    void string(String s) {
        if (s == null) {
            varint(NULL << 2 | SPECIAL);
            return;
        }
        if (s.isEmpty()) {
            varint(LITERAL);
            return;
        }
        boolean shareable = s.length() <= SharedStrings.MAX_CHARS;
        if (shareable) {
            int number = shared.numberOf(s);
            if (number >= 0) {
                varint((long) number << 2 | REFERENCE);
                return;
            }
        }
        if (ascii(s, shareable)) {
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (mayHoldLoneSurrogate(s, utf8) && LoneSurrogates.in(s)) {
            varint(CODE_UNITS << 2 | SPECIAL);
            bytes(LoneSurrogates.toCodeUnits(s));
            return;
        }
        int kind = shareable && shared.add(s) ? SHARED_LITERAL : LITERAL;
        varint((long) utf8.length << 2 | kind);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, size, utf8.length);
        size += utf8.length;
    }

    /**
     * Writes {@code s} (not empty, not shared yet) as a literal straight into the buffer when it is
     * plain ASCII, the common case: its UTF-8 is its characters, so it needs neither a byte array of
     * its own from {@code getBytes} nor the look for a lone surrogate's '?' (no character under 0x80
     * is a surrogate). False, with nothing written and the table unchanged, at the first other
     * character; the caller then takes the general path.
     */
    private boolean ascii(String s, boolean shareable) {
        int n = s.length();
        // the header's length: the kind is in the two low bits, so it does not change the length
        int header = varintLength((long) n << 2);
        ensure(header + n);
        byte[] b = buf;
        int at = size + header;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            b[at + i] = (byte) c;
        }
        int kind = shareable && shared.add(s) ? SHARED_LITERAL : LITERAL;
        varint((long) n << 2 | kind);
        size += n;
        return true;
    }

    private static int varintLength(long v) {
        int length = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            length++;
        }
        return length;
    }

    /**
     * The UTF-8 encoder writes a lone surrogate as '?'. A string whose encoding is as long as the
     * string and has no '?' is plain ASCII, the common case, and needs no closer look.
     */
    private static boolean mayHoldLoneSurrogate(String s, byte[] utf8) {
        return utf8.length != s.length() || holdsQuestionMark(utf8);
    }

    /**
     * Whether {@code b} holds a '?', eight bytes at a time: {@code x} (eight bytes xor "????????")
     * has a zero byte exactly when {@code (x - 0x01..) & ~x & 0x80..} is not zero. The loop
     * over single bytes it replaces was a tenth of a producer's CPU; this takes about 60 % of its time.
     */
    static boolean holdsQuestionMark(byte[] b) {
        int i = 0;
        for (int n = b.length - 7; i < n; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x3F3F3F3F3F3F3F3FL;
            if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < b.length; i++) {
            if (b[i] == '?') {
                return true;
            }
        }
        return false;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
