package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RepeatedWarningsTest {
    private static final Instant START = Instant.parse("2026-12-03T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final List<String> written = new ArrayList<>();
    private final RepeatedWarnings warnings = new RepeatedWarnings(Duration.ofMinutes(1), clock, written::add);

    @Test
    void aKindIsWrittenOnceAMinuteWithHowManyCameBetween() {
        for (int second = 0; second < 150; second++) {
            warnings.warn("GET http://127.0.0.1:7431/api/v1/stats: cannot connect");
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of(
                "GET http://127.0.0.1:7431/api/v1/stats: cannot connect",
                "GET http://127.0.0.1:7431/api/v1/stats: cannot connect (59 more like it since 2026-12-03T00:00:00Z not written)",
                "GET http://127.0.0.1:7431/api/v1/stats: cannot connect (59 more like it since 2026-12-03T00:01:00Z not written)"),
                written);
    }

    @Test
    void theQueryOfAUrlDoesNotMakeAnotherKindButAnotherPathDoes() {
        warnings.warn("GET http://h/api/v1/batches?order=created&offset=0: cannot connect");
        warnings.warn("GET http://h/api/v1/batches?order=created&offset=230: cannot connect");
        warnings.warn("GET http://h/api/v1/replay: cannot connect");
        warnings.warn("a store error in segment 7");
        assertEquals(List.of("GET http://h/api/v1/batches?order=created&offset=0: cannot connect",
                "GET http://h/api/v1/replay: cannot connect", "a store error in segment 7"), written);
    }

    /** A peer's message may carry a newline (a forged second log line) or a terminal escape. */
    @Test
    void aWarningIsWrittenOnOneLineWhateverItsTextHolds() {
        warnings.warn("background task failed: java.io.IOException: 500 from server\n"
                + "[main] INFO all is well\u001b[2J\r");
        assertEquals(List.of("background task failed: java.io.IOException: 500 from server\\n"
                + "[main] INFO all is well\\u001b[2J\\r"), written);
    }

    @Test
    void aKindSeenAgainAfterTheQuietTimeIsWrittenPlainWhenNothingCameBetween() {
        warnings.warn("away");
        clock.advance(Duration.ofMinutes(5));
        warnings.warn("away");
        assertEquals(List.of("away", "away"), written);
    }

    @Test
    void manyKindsForgetTheLeastRecentlySeenSoTheyCannotGrowWithoutBound() {
        for (int i = 0; i < 1_000; i++) {
            warnings.warn("kind " + i);
        }
        warnings.warn("kind 0");  // forgotten: written again at once
        warnings.warn("kind 999"); // remembered: counted
        assertEquals(1_001, written.size());
        assertEquals("kind 0", written.get(1_000));
    }

    @Test
    void threadsWarningAtOnceWriteTheKindOnce() throws Exception {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        RepeatedWarnings shared = new RepeatedWarnings(Duration.ofMinutes(1), clock, lines::add);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8_000; i++) {
            pool.execute(() -> shared.warn("away"));
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(1));
        shared.warn("away");
        assertEquals(List.of("away", "away (7999 more like it since 2026-12-03T00:00:00Z not written)"), lines);
    }
}
