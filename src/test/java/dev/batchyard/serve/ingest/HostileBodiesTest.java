package dev.batchyard.serve.ingest;

import static dev.batchyard.serve.ingest.LokiProtoBodies.entry;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mangled push bodies (bytes flipped, cut, spliced) fail only with the ingest's own refusals,
 * never with another exception (which the server would answer 500) and never by hanging.
 */
class HostileBodiesTest {
    private static final BodyLimits LIMITS = new BodyLimits(1 << 20, 1 << 20);

    @Test
    void mangledProtobufSnappyBodiesFailOnlyWithTheirOwnErrors() {
        byte[] valid = new LokiProtoBodies().stream("{job=\"api\", a=\"\\u00e9\\x41\"}",
                entry(1_700_000_000L, 5, "line one", Map.of("k", "v")),
                entry(1_700_000_001L, 6, "line two", Map.of())).snappy();
        mangle(valid, "application/x-protobuf", 10_000);
    }

    @Test
    void mangledProtobufBodiesFailOnlyWithTheirOwnErrors() {
        byte[] valid = new LokiProtoBodies().stream("{job=\"api\"}", entry(1_700_000_000L, 5, "line", Map.of("k", "v")))
                .protobuf();
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            byte[] body = mutate(valid, random);
            try {
                LokiProtobuf.decode(body);
            } catch (MalformedBodyException expected) {
                // its only way to fail
            }
        }
    }

    @Test
    void mangledJsonBodiesFailOnlyWithTheirOwnErrors() {
        mangle(("{\"streams\":[{\"stream\":{\"job\":\"api\"},\"values\":[[\"1700000000000000001\",\"l\",{\"k\":\"v\"}]]}]}")
                .getBytes(StandardCharsets.UTF_8), "application/json", 10_000);
    }

    private static void mangle(byte[] valid, String type, int rounds) {
        Random random = new Random(type.hashCode());
        for (int i = 0; i < rounds; i++) {
            byte[] body = mutate(valid, random);
            try {
                LokiPushBody.decode(type, null, body, LIMITS);
            } catch (MalformedBodyException | BodyTooLargeException expected) {
                // the only ways it may fail
            }
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] body = valid.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int k = 0; k <= random.nextInt(4); k++) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> body = java.util.Arrays.copyOf(body, random.nextInt(body.length));
            default -> {
                int at = random.nextInt(body.length);
                byte[] junk = new byte[random.nextInt(8)];
                random.nextBytes(junk);
                byte[] out = new byte[body.length + junk.length];
                System.arraycopy(body, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(body, at, out, at + junk.length, body.length - at);
                body = out;
            }
        }
        return body;
    }
}
