package dev.batchyard.engine.store;

import dev.batchyard.time.EpochTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads what {@link BinaryWriter} wrote. Every read is bounds-checked: a payload that lies
 * (a length past its end, an impossible value) raises {@link MalformedRecordException}, never an
 * index error or a huge allocation.
 */
final class BinaryReader {
    private static final byte[] EMPTY = new byte[0];
    private final byte[] buf;
    private final int end;
    private int pos;

    BinaryReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    int i32() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    long i64() {
        return ((long) i32() << 32) | (i32() & 0xFFFFFFFFL);
    }

    int varint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new MalformedRecordException("negative varint");
                }
                return value;
            }
        }
        throw new MalformedRecordException("varint longer than 5 bytes");
    }

    String string() {
        int len = varint();
        need(len);
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    /** A slice of {@code len} bytes, copied. */
    byte[] bytes(int len) {
        need(len);
        byte[] out = new byte[len];
        System.arraycopy(buf, pos, out, 0, len);
        pos += len;
        return out;
    }

    /** Skips {@code len} bytes; returns an empty array so callers can keep one code path. */
    byte[] skip(int len) {
        need(len);
        pos += len;
        return EMPTY;
    }

    OffsetDateTime time() {
        if (flag() == 0) {
            return null;
        }
        long seconds = i64();
        int nanos = i32();
        int offset = i32();
        try {
            return EpochTime.of(seconds, nanos, offset);
        } catch (RuntimeException e) {
            throw new MalformedRecordException("impossible time " + seconds + "s " + nanos + "ns " + offset + "s offset");
        }
    }

    Instant instant() {
        if (flag() == 0) {
            return null;
        }
        long seconds = i64();
        int nanos = i32();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
            throw new MalformedRecordException("impossible instant " + seconds + "s " + nanos + "ns");
        }
    }

    /**
     * Skips the next bytes if they are exactly {@code expected} (say, a string as {@link BinaryWriter}
     * writes it) and says whether they were; otherwise reads nothing. Lets a decoder recognise a
     * common value without building it.
     */
    boolean skipIf(byte[] expected) {
        if (expected.length > end - pos) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (buf[pos + i] != expected[i]) {
                return false;
            }
        }
        pos += expected.length;
        return true;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    private int flag() {
        int f = u8();
        if (f > 1) {
            throw new MalformedRecordException("presence flag " + f + " is neither 0 nor 1");
        }
        return f;
    }

    private void need(int n) {
        if (n < 0 || n > end - pos) {
            throw new MalformedRecordException("needs " + n + " bytes, " + (end - pos) + " left");
        }
    }
}
