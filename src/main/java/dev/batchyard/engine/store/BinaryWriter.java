package dev.batchyard.engine.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/** A growable little byte sink for record payloads: fixed-width numbers, varints, strings, times. */
final class BinaryWriter {
    private byte[] buf;
    private int size;

    BinaryWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    BinaryWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    BinaryWriter i32(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    BinaryWriter i64(long v) {
        i32((int) (v >>> 32));
        return i32((int) v);
    }

    /** Unsigned LEB128: small counts and lengths in one byte. */
    BinaryWriter varint(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("varint must be >= 0, was " + v);
        }
        while ((v & ~0x7F) != 0) {
            u8((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        return u8(v);
    }

    BinaryWriter string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        varint(bytes.length);
        return bytes(bytes, 0, bytes.length);
    }

    BinaryWriter bytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, size, len);
        size += len;
        return this;
    }

    /** A time with its offset, or null: flag, epoch seconds, nanos, offset seconds. */
    BinaryWriter time(OffsetDateTime t) {
        if (t == null) {
            return u8(0);
        }
        u8(1).i64(t.toEpochSecond()).i32(t.getNano());
        return i32(t.getOffset().getTotalSeconds());
    }

    BinaryWriter instant(Instant t) {
        if (t == null) {
            return u8(0);
        }
        return u8(1).i64(t.getEpochSecond()).i32(t.getNano());
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
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
