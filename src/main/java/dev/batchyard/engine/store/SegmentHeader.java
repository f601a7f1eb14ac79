package dev.batchyard.engine.store;

import java.util.Locale;
import java.nio.ByteBuffer;

/**
 * The first bytes of every segment file.
 *
 * <pre>
 * offset  size  field
 * 0       4     magic "BYWL"
 * 4       2     format version (1)
 * 6       2     reserved (0)
 * 8       8     segment id (matches the file name)
 * 16            first record
 * </pre>
 */
final class SegmentHeader {
    static final int SIZE = 16;
    static final int MAGIC = 0x4259574C;
    static final short VERSION = 1;

    private SegmentHeader() {
    }

    static ByteBuffer encode(long segmentId) {
        ByteBuffer buf = ByteBuffer.allocate(SIZE);
        buf.putInt(MAGIC).putShort(VERSION).putShort((short) 0).putLong(segmentId);
        return buf.flip();
    }

    /** Why these bytes are not a header for {@code segmentId}, or null if they are. */
    static String problem(ByteBuffer buf, long segmentId) {
        if (buf.remaining() < SIZE) {
            return "header cut short (" + buf.remaining() + " of " + SIZE + " bytes)";
        }
        int magic = buf.getInt();
        short version = buf.getShort();
        buf.getShort();
        long id = buf.getLong();
        if (magic != MAGIC) {
            return String.format(Locale.ROOT, "bad magic 0x%08x", magic);
        }
        if (version != VERSION) {
            return "format version " + version + " (this build reads " + VERSION + ")";
        }
        if (id != segmentId) {
            return "header names segment " + id + ", file name says " + segmentId;
        }
        return null;
    }
}
