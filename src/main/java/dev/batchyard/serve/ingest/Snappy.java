package dev.batchyard.serve.ingest;

/**
 * Decompresses one snappy block (the "raw" format, as Promtail, Grafana Alloy and Loki put a push
 * request on the wire; not the framed stream format). The block starts with its decompressed
 * length, so a body claiming more than {@code limit} bytes is refused before anything is
 * allocated: a few kilobytes cannot make the server hold gigabytes. Every literal and copy is
 * checked against the block and the declared length; a body that breaks any rule fails naming the
 * offset. Stateless.
 *
 * <p>Why by hand: the format is a varint and four kinds of element (see
 * {@code https://github.com/google/snappy/blob/main/format_description.txt}); decompressing it is
 * a page of code, which is less to trust than the reference library's bundled native code for
 * every platform (which also is not a named module for {@code jlink}). Tests check it against
 * that library's output.
 */
final class Snappy {
    private Snappy() {
    }

    /** @throws BodyTooLargeException when the block says it holds more than {@code limit} bytes */
    static byte[] decompress(byte[] in, int limit, String limitKey) {
        int[] at = {0};
        long declared = declaredLength(in, at);
        if (declared > limit) {
            throw new BodyTooLargeException("the snappy body decompresses to " + declared + " bytes, over the limit of "
                    + limit + " (" + limitKey + ")");
        }
        byte[] out = new byte[(int) declared];
        int o = 0;
        int i = at[0];
        while (i < in.length) {
            int tag = in[i++] & 0xFF;
            int kind = tag & 3;
            if (kind == 0) {
                int length = tag >>> 2;
                if (length >= 60) {
                    int extra = length - 59;
                    if (i + extra > in.length) {
                        throw broken(i, "a literal's length runs past the end");
                    }
                    long l = 0;
                    for (int b = 0; b < extra; b++) {
                        l |= (long) (in[i++] & 0xFF) << (8 * b);
                    }
                    if (l >= Integer.MAX_VALUE) {
                        throw broken(i, "a literal of " + (l + 1) + " bytes");
                    }
                    length = (int) l;
                }
                length++;
                if (length > in.length - i || length > out.length - o) {
                    throw broken(i, "a literal of " + length + " bytes runs past the end of the "
                            + (length > in.length - i ? "body" : "declared length " + declared));
                }
                System.arraycopy(in, i, out, o, length);
                i += length;
                o += length;
            } else {
                int length;
                int offset;
                if (kind == 1) {
                    if (i >= in.length) {
                        throw broken(i, "a copy is cut short");
                    }
                    length = 4 + ((tag >>> 2) & 7);
                    offset = ((tag >>> 5) << 8) | (in[i++] & 0xFF);
                } else {
                    int width = kind == 2 ? 2 : 4;
                    if (i + width > in.length) {
                        throw broken(i, "a copy is cut short");
                    }
                    length = (tag >>> 2) + 1;
                    long off = 0;
                    for (int b = 0; b < width; b++) {
                        off |= (long) (in[i++] & 0xFF) << (8 * b);
                    }
                    offset = off > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) off;
                }
                if (offset == 0 || offset > o) {
                    throw broken(i, "a copy from " + offset + " bytes back, with only " + o + " bytes written");
                }
                if (length > out.length - o) {
                    throw broken(i, "a copy runs past the declared length " + declared);
                }
                for (int k = 0; k < length; k++, o++) { // byte by byte: a copy may overlap what it writes
                    out[o] = out[o - offset];
                }
            }
        }
        if (o != out.length) {
            throw broken(i, "the block ends after " + o + " of its declared " + declared + " bytes");
        }
        return out;
    }

    private static long declaredLength(byte[] in, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at[0] >= in.length) {
                throw broken(at[0], in.length == 0 ? "the body is empty" : "its length is cut short");
            }
            byte b = in[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw broken(at[0], "its declared length is longer than 5 bytes");
    }

    private static MalformedBodyException broken(int offset, String what) {
        return new MalformedBodyException("not a valid snappy block at byte " + offset + ": " + what);
    }
}
