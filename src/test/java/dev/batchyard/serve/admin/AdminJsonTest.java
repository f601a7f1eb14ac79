package dev.batchyard.serve.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DeliveryReceipt;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminJsonTest {
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2025, 3, 1, 10, 0, 0, 123_456_789, ZoneOffset.ofHours(-3));
    private static final Instant AT = Instant.parse("2025-03-01T13:05:00Z");

    @Test
    void aBatchHasTheFieldsOfListJsonThenItsContextAndAttempts() {
        BatchView v = new BatchView("b1", "loki", BatchState.RETRY_WAIT, 100, 4096, CREATED, CREATED.plusMinutes(5), 2,
                "HTTP 503", AT.plusSeconds(30), Map.of("pushed_by", "promtail"),
                List.of(new Attempt(AT, "loki", Duration.ofMillis(120), Attempt.Outcome.FAILED, "HTTP 503", DeliveryReceipt.NONE)));

        Map<String, Object> json = AdminJson.batch(v);

        assertEquals(List.of("id", "sink", "state", "entries", "bytes", "created_at", "last_attempt", "retry_count",
                "failure_reason", "next_attempt", "context", "attempts", "requeue_count", "looped"), List.copyOf(json.keySet()));
        assertEquals("RETRY_WAIT", json.get("state"));
        assertEquals("2025-03-01T10:00:00.123456789-03:00", json.get("created_at"));
        assertEquals("2025-03-01T13:05:30Z", json.get("next_attempt"));
        assertEquals(Map.of("pushed_by", "promtail"), json.get("context"));
        assertEquals(List.of(Map.of("at", "2025-03-01T13:05:00Z", "sink", "loki", "duration", "PT0.12S", "outcome", "FAILED",
                "error", "HTTP 503", "receipt", List.of(), "rejections", List.of())), json.get("attempts"));
    }

    @Test
    void aDeliveredAttemptSaysWhereTheSinkPutTheBatch() {
        Attempt delivered = new Attempt(AT, "kafka", Duration.ofMillis(9), Attempt.Outcome.DELIVERED, "",
                new DeliveryReceipt(List.of(new DeliveryReceipt.Placement("logs", 0, 1200, 1208, 9))));

        assertEquals(List.of(Map.of("target", "logs", "part", 0, "first", 1200L, "last", 1208L, "count", 9)),
                AdminJson.attempt(delivered).get("receipt"));
    }

    @Test
    void aBatchNeverAttemptedHasNullTimes() {
        BatchView v = new BatchView("b1", "loki", BatchState.PENDING, 1, 10, CREATED, null, 0, "", null, null, null);

        assertNull(AdminJson.batch(v).get("last_attempt"));
        assertNull(AdminJson.batch(v).get("next_attempt"));
    }

    @Test
    void statsCountEveryStateAndSayWhetherRecoveryIsPausedAndWhenCleanupRuns() {
        StoreStats s = new StoreStats(Map.of(BatchState.DEAD, 2), Map.of("loki", 2), 200, 8192, 10_000, CREATED, true, true,
                AT);

        Map<String, Object> json = AdminJson.stats(s);

        assertEquals(Map.of("PENDING", 0, "IN_FLIGHT", 0, "RETRY_WAIT", 0, "DEAD", 2, "HELD", 0), json.get("by_state"));
        assertEquals(true, json.get("recovery_paused"));
        assertEquals("2025-03-01T13:05:00Z", json.get("next_cleanup_at"));
        assertEquals(2, json.get("batches"));
    }

    @Test
    void actionResultsAreTheClisReportWithTheReasonsArguments() {
        Map<String, Object> json = AdminJson.results(List.of(ActionResult.of("b1", ActionResult.Reason.REROUTED, "loki", "es"),
                ActionResult.of("b2", ActionResult.Reason.SINK_NOT_CONFIGURED, "kafka")));

        assertEquals(1L, json.get("done"));
        assertEquals(1L, json.get("failed"));
        assertEquals(Map.of("id", "b2", "ok", false, "reason", "sink_not_configured",
                "message", "sink 'kafka' is not configured or is disabled", "args", List.of("kafka")),
                ((List<?>) json.get("results")).get(1));
    }

    @Test
    void aCleanupSaysWhatExpiredAndHowLongItTook() {
        assertEquals(Map.of("expired", 1, "expired_ids", List.of("old"), "took", "PT0.005S"),
                AdminJson.cleanup(new CleanupReport(List.of("old"), Duration.ofMillis(5))));
    }
}
