package dev.batchyard.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.DeliveryOutcome;
import java.io.IOException;

/**
 * Reads a 2xx {@code _bulk} answer. Elasticsearch answers 200 even when documents were refused and
 * says so with {@code "errors": true} and a status per item, so a 200 is not yet a success. The
 * batch is retryable when every refused item is 429 or 5xx (resending it overwrites the accepted
 * documents by {@code _id}); any other refusal will happen again, so the batch fails permanently.
 */
final class BulkAnswer {
    private BulkAnswer() {
    }

    static DeliveryOutcome read(String target, String body, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return DeliveryOutcome.retryable("unreadable _bulk answer from " + target + ResponseClassifier.excerpt(body));
        }
        if (root == null || !root.path("errors").asBoolean(false)) {
            return DeliveryOutcome.delivered();
        }
        int failed = 0;
        boolean allRetryable = true;
        String first = null;
        JsonNode items = root.path("items");
        for (JsonNode item : items) {
            JsonNode result = item.elements().hasNext() ? item.elements().next() : item;
            int status = result.path("status").asInt(0);
            if (status >= 200 && status < 300) {
                continue;
            }
            failed++;
            allRetryable &= ResponseClassifier.isRetryableStatus(status);
            if (first == null) {
                JsonNode err = result.path("error");
                first = status + " " + err.path("type").asText("") + ": " + err.path("reason").asText(err.asText(""))
                        + " (_id " + result.path("_id").asText("?") + ")";
            }
        }
        String reason = target + " refused " + failed + " of " + items.size() + " documents"
                + (first == null ? "" : "; first: " + first);
        return allRetryable && failed > 0 ? DeliveryOutcome.retryable(reason) : DeliveryOutcome.permanent(reason);
    }
}
