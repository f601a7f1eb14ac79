package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Batch metadata for view-model tests, as the engine's queries return it. */
final class Batches {
    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private Batches() {
    }

    static BatchView view(String id, String sink, BatchState state, int retries, String reason, Instant created) {
        OffsetDateTime createdAt = created.atOffset(ZoneOffset.ofHours(-3));
        OffsetDateTime last = retries > 0 ? createdAt.plusSeconds(10L * retries) : null;
        return new BatchView(id, sink, state, 10, 1_000, createdAt, last, retries, reason,
                state == BatchState.RETRY_WAIT ? created.plusSeconds(60) : null,
                Map.of("created_by", "batch_persistence"), List.of());
    }

    static BatchView pending(String id, String sink) {
        return view(id, sink, BatchState.PENDING, 0, "", T0);
    }

    static BatchView failing(String id, String sink, int retries, String reason) {
        return view(id, sink, BatchState.RETRY_WAIT, retries, reason, T0);
    }
}
