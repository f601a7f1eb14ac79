package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.BatchView;

/** One batch's metadata as {@code list --json} prints it (snake_case, like the Go agent). */
final class BatchSummary {
    private BatchSummary() {
    }

    static ObjectNode toJson(Json json, BatchView view) {
        ObjectNode node = json.object();
        node.put("id", view.id());
        node.put("sink", view.sink());
        node.put("state", view.state().name());
        node.put("entries", view.entryCount());
        node.put("bytes", view.storedBytes());
        node.put("created_at", Json.time(view.createdAt()));
        node.put("last_attempt", Json.time(view.lastAttempt()));
        node.put("retry_count", view.retryCount());
        node.put("failure_reason", view.failureReason());
        node.put("next_attempt", Json.time(view.nextAttemptAt()));
        return node;
    }
}
