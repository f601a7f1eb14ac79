package dev.batchyard.codec;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compression of a batch record after its 2-byte header. Compressed payloads start with their
 * uncompressed length (4 bytes, big-endian) so the decoder allocates once and can refuse lies.
 */
public enum Compression {
    NONE(0),
    /** {@code java.util.zip} raw Deflate at {@link Deflater#BEST_SPEED}. */
    DEFLATE(1);

    /** Larger than any batch the store accepts; a length above it is corruption, not a batch. */
    private static final int MAX_PLAIN = 512 * 1024 * 1024;

    private final int id;

    Compression(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the id when no compression has it */
    public static Compression byId(int id) {
        for (Compression c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        throw new IllegalArgumentException("entries record: unknown compression " + id + " at offset 1");
    }

    /** Keeps {@code bytes[0..header)} as they are and compresses the rest. */
    public byte[] compress(byte[] bytes, int header) {
        if (this == NONE) {
            return bytes;
        }
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        try {
            d.setInput(bytes, header, bytes.length - header);
            d.finish();
            byte[] out = new byte[header + 4 + bytes.length + 64];
            System.arraycopy(bytes, 0, out, 0, header);
            putInt(out, header, bytes.length - header);
            int n = header + 4;
            while (!d.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += d.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            d.end();
        }
    }

    /** The uncompressed payload of a record whose header is {@code header} bytes long. */
    public byte[] decompress(byte[] bytes, int header) {
        if (bytes.length < header + 4) {
            throw new IllegalArgumentException("entries record: cut short in the length field at offset " + header);
        }
        int len = ((bytes[header] & 0xff) << 24) | ((bytes[header + 1] & 0xff) << 16)
                | ((bytes[header + 2] & 0xff) << 8) | (bytes[header + 3] & 0xff);
        if (len < 0 || len > MAX_PLAIN) {
            throw new IllegalArgumentException("entries record: impossible uncompressed length " + len
                    + " at offset " + header);
        }
        byte[] out = new byte[len];
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(bytes, header + 4, bytes.length - header - 4);
            int n = 0;
            while (n < len) {
                int k = inf.inflate(out, n, len - n);
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n == len && !inf.finished()) {
                inf.inflate(new byte[1]); // a complete stream ends here; anything else is cut short
            }
            if (n != len || !inf.finished() || inf.getRemaining() > 0) {
                throw new IllegalArgumentException("entries record: " + this + " data at offset " + (header + 4)
                        + " is not one complete stream of the " + len + " bytes its header announces");
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("entries record: corrupt " + this + " data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
