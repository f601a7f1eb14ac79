package dev.batchyard.engine.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The checksummed envelope of every record in a segment.
 *
 * <pre>
 * offset  size  field
 * 0       4     payload length (big-endian, 0 .. MAX_PAYLOAD)
 * 4       4     CRC32C of the type byte and the payload
 * 8       1     record type (1 PUT, 2 META, 3 REMOVE, 4 PART, 5 COMMIT: see {@link RecordCodec})
 * 9       n     payload
 * </pre>
 * A frame is valid only if its length is in range, it fits in the file, and the CRC matches; a
 * torn write (a crash mid-append) fails one of those checks.
 */
final class Frame {
    static final int HEADER = 9;
    /** The one limit on a record's size: {@link #encode} refuses longer, and a reader takes a longer length as damage. */
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private Frame() {
    }

    /**
     * A frame ready to append, in up to three parts: the header and everything before a batch's
     * entries, the entries themselves (taken by reference: a batch's bulk is neither copied nor
     * allocated again on the producer's thread), and what follows them.
     */
    record Encoded(byte[] head, byte[] body, byte[] tail) {
        int length() {
            return head.length + body.length + tail.length;
        }

        /** The parts as buffers for a gathering write; empty parts are left out. */
        void addTo(List<ByteBuffer> out) {
            out.add(ByteBuffer.wrap(head));
            if (body.length > 0) {
                out.add(ByteBuffer.wrap(body));
            }
            if (tail.length > 0) {
                out.add(ByteBuffer.wrap(tail));
            }
        }
    }

    static Encoded encode(StoreRecord record) {
        if (!(record instanceof StoreRecord.Put put)) {
            byte[] payload = RecordCodec.encode(record);
            byte[] frame = new byte[HEADER + payload.length];
            System.arraycopy(payload, 0, frame, HEADER, payload.length);
            int type = RecordCodec.type(record);
            seal(type, frame, payload.length, crc(type, frame, HEADER, payload.length));
            return new Encoded(frame, EMPTY, EMPTY);
        }
        return encodeBatch(put, RecordCodec.PUT);
    }

    /** A batch made by a split or merge: a PUT's payload under type PART, live only once its COMMIT follows. */
    static Encoded encodePart(StoreRecord.Put put) {
        return encodeBatch(put, RecordCodec.PART);
    }

    private static Encoded encodeBatch(StoreRecord.Put put, int type) {
        BinaryWriter head = new BinaryWriter(128);
        head.bytes(new byte[HEADER], 0, HEADER); // filled in by seal once the checksum is known
        RecordCodec.writePutHead(head, put);
        BinaryWriter tail = new BinaryWriter(16 + put.extras().length() + put.failures().length);
        RecordCodec.writePutTail(tail, put);
        byte[] entries = put.entries();
        long payload = (long) head.size() - HEADER + entries.length + tail.size();
        if (payload > MAX_PAYLOAD) {
            // the reader refuses a length over MAX_PAYLOAD as impossible: such a record could never be read back
            throw new BatchTooLargeException("batch '" + put.id() + "' would be a record of " + (HEADER + payload)
                    + " bytes, over the largest the store can hold and read back (" + StoreLimits.MAX_RECORD_BYTES
                    + " bytes, a payload of " + MAX_PAYLOAD + "); it was not stored", put.id(), HEADER + payload,
                    StoreLimits.MAX_RECORD_BYTES);
        }
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(head.array(), HEADER, head.size() - HEADER);
        crc.update(entries, 0, entries.length);
        crc.update(tail.array(), 0, tail.size());
        byte[] headBytes = head.toByteArray();
        seal(type, headBytes, head.size() - HEADER + entries.length + tail.size(), (int) crc.getValue());
        return new Encoded(headBytes, entries, tail.toByteArray());
    }

    /** Fills in the header at the start of {@code frame}. */
    private static void seal(int type, byte[] frame, int payloadLength, int crc) {
        ByteBuffer header = ByteBuffer.wrap(frame, 0, HEADER);
        header.putInt(payloadLength);
        header.putInt(crc);
        header.put((byte) type);
    }

    static int crc(int type, byte[] payload, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload, off, len);
        return (int) crc.getValue();
    }

    static boolean plausibleType(int type) {
        return type >= RecordCodec.PUT && type <= RecordCodec.COMMIT;
    }
}
