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
            new SegmentScanner(true).scan(file, 1, (segment, offset, length, record) -> { });
        } finally {
            Files.deleteIfExists(file);
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
    }
}
