package dev.batchyard.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A requeue starts the budget afresh: the fallback counts only the failures after it. */
class FailedAttemptsAfterARequeueTest {
    private static final Instant T = Instant.parse("2026-12-02T07:00:00Z");

    private static Attempt attempt(Attempt.Outcome outcome) {
        return new Attempt(T, "loki", Duration.ZERO, outcome, "x");
    }

    @Test
    void failuresBeforeARequeueAreNotCountedTowardTheFallback() {
        BatchView batch = new BatchView("b-1", "loki", BatchState.RETRY_WAIT, 1, 10,
                OffsetDateTime.ofInstant(T, ZoneOffset.UTC), null, 1, "x", null, Map.of(),
                List.of(attempt(Attempt.Outcome.FAILED), attempt(Attempt.Outcome.FAILED),
                        attempt(Attempt.Outcome.REQUEUED), attempt(Attempt.Outcome.FAILED)), 1, false);

        assertEquals(1, FallbackPolicy.failedAttemptsHere(batch));
    }
}
