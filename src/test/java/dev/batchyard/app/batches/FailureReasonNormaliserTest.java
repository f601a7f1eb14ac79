package dev.batchyard.app.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailureReasonNormaliserTest {
    private final FailureReasonNormaliser inTest = new FailureReasonNormaliser();

    @Test
    void numbersAreMasked() {
        assertEquals("bulk request failed: <n> Service Unavailable after <n>s",
                inTest.normalise("bulk request failed: 503 Service Unavailable after 2.5s"));
    }

    @Test
    void addressesWithPortsAreMaskedWhole() {
        assertEquals("dial tcp <addr>: connect: connection refused",
                inTest.normalise("dial tcp 10.0.0.5:3100: connect: connection refused"));
        assertEquals("dial tcp <addr>: i/o timeout", inTest.normalise("dial tcp loki.internal:3100: i/o timeout"));
        assertEquals("dial tcp <addr>: refused", inTest.normalise("dial tcp [::1]:9200: refused"));
    }

    @Test
    void urlsAreMaskedWhole() {
        assertEquals("Post \"<url>\": EOF", inTest.normalise("Post \"http://loki:3100/loki/api/v1/push\": EOF"));
    }

    @Test
    void uuidsAndLongHexIdsAreMasked() {
        assertEquals("batch <id> rejected by shard <id>",
                inTest.normalise("batch 3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11 rejected by shard 9fa3c0de71"));
    }

    @Test
    void wordsWithDigitsInsideAreKept() {
        assertEquals("s3 upload to api/v1 failed", inTest.normalise("s3 upload to api/v1 failed"));
    }

    @Test
    void reasonsThatDifferOnlyInMaskedPartsGetTheSameShape() {
        assertEquals(inTest.normalise("timeout after 30012ms talking to 10.1.2.3:9200"),
                inTest.normalise("timeout after 29ms talking to 10.1.2.99:9201"));
    }
}
