package dev.batchyard.app.charts;

import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Store snapshots as the engine reports them, for feeding charts in tests. */
public final class Snapshots {
    private Snapshots() {
    }

    public static StoreStats stats(int pending, int inFlight, int retryWait, int dead, Map<String, Integer> bySink) {
        Map<BatchState, Integer> byState = new EnumMap<>(BatchState.class);
        byState.put(BatchState.PENDING, pending);
        byState.put(BatchState.IN_FLIGHT, inFlight);
        byState.put(BatchState.RETRY_WAIT, retryWait);
        byState.put(BatchState.DEAD, dead);
        return new StoreStats(byState, bySink, 100L * (pending + inFlight + retryWait + dead), 4096, 8192,
                OffsetDateTime.parse("2026-11-26T14:00:00+01:00"), false, true, null);
    }

    public static StoreStats stats(int pending) {
        return stats(pending, 0, 0, 0, Map.of());
    }

    public static BatchView batch(String id, String sink, int retries) {
        BatchState state = retries == 0 ? BatchState.PENDING : BatchState.RETRY_WAIT;
        return new BatchView(id, sink, state, 10, 2048, OffsetDateTime.parse("2026-11-26T14:00:00+01:00"), null,
                retries, "", null, Map.of(), List.of());
    }
}
