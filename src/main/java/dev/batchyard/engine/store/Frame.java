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
        byte[] frame = new byte[HEADER + payload.length];
        System.arraycopy(payload, 0, frame, HEADER, payload.length);
        return seal(type, frame);
    }

    /**
     * The record's frame, built in one array: a batch's entries (most of its bytes) are copied once,
     * straight into place, and checksummed there.
     */
    static byte[] encode(StoreRecord record) {
        if (!(record instanceof StoreRecord.Put put)) {
            return encode(RecordCodec.type(record), RecordCodec.encode(record));
        }
        BinaryWriter head = new BinaryWriter(128);
        RecordCodec.writePutHead(head, put);
        BinaryWriter tail = new BinaryWriter(8 + put.extras().length());
        tail.string(put.extras());
        byte[] entries = put.entries();
        byte[] frame = new byte[HEADER + head.size() + entries.length + tail.size()];
        System.arraycopy(head.array(), 0, frame, HEADER, head.size());
        System.arraycopy(entries, 0, frame, HEADER + head.size(), entries.length);
        System.arraycopy(tail.array(), 0, frame, HEADER + head.size() + entries.length, tail.size());
        return seal(RecordCodec.PUT, frame);
    }

    /** Fills in the header of a frame whose payload is already in place after it. */
    private static byte[] seal(int type, byte[] frame) {
        int length = frame.length - HEADER;
        ByteBuffer header = ByteBuffer.wrap(frame, 0, HEADER);
        header.putInt(length);
        header.putInt(crc(type, frame, HEADER, length));
        header.put((byte) type);
        return frame;
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
