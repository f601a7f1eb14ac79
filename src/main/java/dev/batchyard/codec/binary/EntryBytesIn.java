package dev.batchyard.codec.binary;

import dev.batchyard.codec.LoneSurrogates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link EntryBytesOut} wrote. Every read is bounds-checked, and every count is checked
 * against the bytes that remain, so a damaged record fails with an {@link IllegalArgumentException}
 * naming the offset, never with an index error or a huge allocation.
 */
final class EntryBytesIn {
    private final byte[] buf;
    private final int end;
    private final List<String> shared = new ArrayList<>();
    private int pos;

    EntryBytesIn(byte[] buf, int from) {
        this.buf = buf;
        this.pos = from;
        this.end = buf.length;
    }

    int u8() {
        if (pos >= end) {
            throw fail("cut short");
        }
        return buf[pos++] & 0xFF;
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw fail("a number longer than 10 bytes");
    }

    long zigzag() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A varint that counts things of at least {@code minBytes} each still to come. */
    int count(int minBytes) {
        int at = pos;
        long n = varint();
        if (n < 0 || n > (long) (end - pos) / minBytes) {
            throw failAt(at, "a count of " + n + " with only " + (end - pos) + " bytes left");
        }
        return (int) n;
    }

    double rawDouble() {
        need(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (buf[pos++] & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }

    byte[] bytes() {
        int n = count(1);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    String string() {
        int at = pos;
        long header = varint();
        long x = header >>> 2;
        switch ((int) (header & 3)) {
            case EntryBytesOut.LITERAL:
                return utf8(x);
            case EntryBytesOut.SHARED_LITERAL:
                String s = utf8(x);
                shared.add(s);
                return s;
            case EntryBytesOut.REFERENCE:
                if (x >= shared.size()) {
                    throw failAt(at, "a reference to shared string " + x + " of " + shared.size());
                }
                return shared.get((int) x);
            default:
                if (x == EntryBytesOut.NULL) {
                    return null;
                }
                if (x == EntryBytesOut.CODE_UNITS) {
                    return LoneSurrogates.fromCodeUnits(bytes());
                }
                throw failAt(at, "no string kind " + x);
        }
    }

    int position() {
        return pos;
    }

    /** Consumes a single 0 byte if that is what comes next. */
    boolean skipZero() {
        if (pos < end && buf[pos] == 0) {
            pos++;
            return true;
        }
        return false;
    }

    boolean atEnd() {
        return pos == end;
    }

    IllegalArgumentException fail(String problem) {
        return failAt(pos, problem);
    }

    IllegalArgumentException failAt(int offset, String problem) {
        return new IllegalArgumentException("entries record: " + problem + " at offset " + offset);
    }

    private String utf8(long length) {
        if (length > end - pos) {
            throw fail("a string of " + length + " bytes with only " + (end - pos) + " left");
        }
        String s = new String(buf, pos, (int) length, StandardCharsets.UTF_8);
        pos += (int) length;
        return s;
    }

    private void need(int n) {
        if (end - pos < n) {
            throw fail("cut short");
        }
    }
}
