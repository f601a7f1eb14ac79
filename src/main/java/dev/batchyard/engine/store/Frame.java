package dev.batchyard.engine.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The checksummed envelope of every record in a segment.
 *
 * <pre>
 * offset  size  field
 * 0       4     payload length (big-endian, 0 .. MAX_PAYLOAD)
 * 4       4     CRC32C of the type byte and the payload
 * 8       1     record type (1 PUT, 2 META, 3 REMOVE)
 * 9       n     payload
 * </pre>
 * A frame is valid only if its length is in range, it fits in the file, and the CRC matches; a
 * torn write (a crash mid-append) fails one of those checks.
 */
final class Frame {
    static final int HEADER = 9;
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    private Frame() {
    }

    static byte[] encode(int type, byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length);
        buf.putInt(payload.length);
        buf.putInt(crc(type, payload, 0, payload.length));
        buf.put((byte) type);
        buf.put(payload);
        return buf.array();
    }

    static byte[] encode(StoreRecord record) {
        return encode(RecordCodec.type(record), RecordCodec.encode(record));
    }

    static int crc(int type, byte[] payload, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload, off, len);
        return (int) crc.getValue();
    }

    static boolean plausibleType(int type) {
        return type >= RecordCodec.PUT && type <= RecordCodec.REMOVE;
    }
}
