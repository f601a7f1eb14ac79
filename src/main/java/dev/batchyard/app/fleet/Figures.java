package dev.batchyard.app.fleet;

import dev.batchyard.console.SinkView;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.model.BatchState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a fleet row shows of a store that answered, as the status bar counts it.
 *
 * @param pending   batches waiting for their first attempt or in flight
 * @param retrying  batches waiting for their next attempt ({@code RETRY_WAIT})
 * @param dead      dead batches
 * @param oldestAge how old the oldest stored batch was when read; {@code null} for an empty store
 * @param bytes     bytes of the stored batches' records
 */
public record Figures(long pending, long retrying, long dead, Duration oldestAge, long bytes, SinkSummary sinks) {

    public static Figures of(StoreStats stats, List<SinkView> sinks, Instant readAt) {
        Duration age = stats.oldestCreated() == null ? null
                : maxZero(Duration.between(stats.oldestCreated().toInstant(), readAt));
        return new Figures(stats.count(BatchState.PENDING) + stats.count(BatchState.IN_FLIGHT),
                stats.count(BatchState.RETRY_WAIT), stats.count(BatchState.DEAD), age, stats.liveBytes(),
                SinkSummary.of(sinks));
    }

    private static Duration maxZero(Duration d) {
        return d.isNegative() ? Duration.ZERO : d; // a server's clock a little ahead of ours
    }
}
