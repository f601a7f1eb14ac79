package dev.batchyard.engine.store;

import dev.batchyard.model.BatchState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the values that most batches have in common — the metadata of a fresh batch for a given
 * sink, the Go agent's usual {@code context} — so a million pending batches do not hold a million
 * equal copies. Thread-safe; one per store.
 */
final class Canonicals {
    private static final Map<String, String> GO_CONTEXT = Map.of("created_by", "batch_persistence");
    private final Map<String, BatchMeta> freshBySink = new ConcurrentHashMap<>();

    Map<String, String> context(Map<String, String> context) {
        if (context.isEmpty()) {
            return Map.of();
        }
        return context.equals(GO_CONTEXT) ? GO_CONTEXT : context;
    }

    /** The Go agent's usual context, shared. */
    Map<String, String> goContext() {
        return GO_CONTEXT;
    }

    /** The shared metadata of a batch for {@code sink} that was never attempted. */
    BatchMeta fresh(String sink) {
        return freshBySink.computeIfAbsent(sink, s -> new BatchMeta(s, BatchState.PENDING, 0, null, "", null, List.of()));
    }

    BatchMeta meta(BatchMeta meta) {
        boolean fresh = meta.state() == BatchState.PENDING && meta.retryCount() == 0 && meta.lastAttempt() == null
                && meta.failureReason().isEmpty() && meta.nextAttemptAt() == null && meta.attempts().isEmpty()
                && !meta.discarded();
        return fresh ? freshBySink.computeIfAbsent(meta.sink(), s -> meta) : meta;
    }
}
