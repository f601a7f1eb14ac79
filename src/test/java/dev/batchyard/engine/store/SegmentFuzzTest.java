package dev.batchyard.engine.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the segment scanner and record decoder: whatever bytes a segment
 * file holds, scanning reports damage and hands on valid records, and never throws (see
 * {@code DecoderFuzzTest} for how to fuzz rather than replay).
 */
class SegmentFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anySegmentBytesScanWithoutThrowing(byte[] body) throws IOException {
        Path file = Files.createTempFile("batchyard-fuzz", ".seg");
        try {
            byte[] header = SegmentHeader.encode(1).array();
            byte[] bytes = new byte[header.length + body.length];
            System.arraycopy(header, 0, bytes, 0, header.length);
            System.arraycopy(body, 0, bytes, header.length, body.length);
            Files.write(file, bytes);
            SegmentScanner.scan(Disk.local(), file, 1, (segment, offset, length, type, buf, from, payloadLength) ->
                    RecordCodec.decode(type, buf, from, payloadLength, true));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A checkpoint body with a valid checksum (so the fuzzer gets past it into the batch decoder):
     * it loads, or fails with an IOException naming the file; never anything else.
     */
    @FuzzTest(maxDuration = "60s")
    void anyCheckpointWithAValidChecksumLoadsOrIsRefusedByName(byte[] body) throws IOException {
        Path dir = Files.createTempDirectory("batchyard-fuzz");
        try {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(6 + body.length + 4);
            bytes.putInt(0x4259434B).putShort((short) 1).put(body);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes.array(), 0, bytes.position());
            bytes.putInt((int) crc.getValue());
            Files.write(dir.resolve(Checkpoint.FILE), bytes.array());
            try {
                Checkpoint.read(Disk.local(), dir, new Canonicals());
            } catch (IOException expected) {
                if (!expected.getMessage().contains(Checkpoint.FILE)) {
                    throw new AssertionError("the message must name the file: " + expected.getMessage(), expected);
                }
            }
        } finally {
            Files.deleteIfExists(dir.resolve(Checkpoint.FILE));
            Files.delete(dir);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyPayloadDecodesOrIsMalformed(byte[] payload) {
        for (int type = RecordCodec.PUT; type <= RecordCodec.REMOVE; type++) {
            try {
                RecordCodec.decode(type, payload, 0, payload.length);
            } catch (MalformedRecordException expected) {
                // a checksum can match a payload this build cannot read: named, never a crash
            }
        }
        try {
            new BatchDecoder(new Canonicals()).put(new BinaryReader(payload, 0, payload.length), 1, 0,
                    Frame.HEADER + payload.length); // the replay's own path for PUT records
        } catch (MalformedRecordException expected) {
            // the same promise
        }
    }
}
