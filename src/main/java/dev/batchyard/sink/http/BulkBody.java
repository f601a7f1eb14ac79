package dev.batchyard.sink.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.Batch;
import dev.batchyard.sink.EntryJson;
import java.util.List;

/**
 * Elasticsearch's {@code _bulk} NDJSON: for each entry an {@code index} action with a
 * deterministic {@code _id} ({@code <batch id>-<entry index>}), then the entry. Ends with a line
 * break, as the API requires.
 */
final class BulkBody {
    private BulkBody() {
    }

    static String of(Batch batch, String index, EntryJson json) {
        ObjectMapper mapper = json.mapper();
        StringBuilder out = new StringBuilder();
        List<dev.batchyard.model.LogEntry> entries = batch.entries();
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode action = mapper.createObjectNode();
            action.putObject("index").put("_index", index).put("_id", documentId(batch.id(), i));
            out.append(action).append('\n');
            out.append(json.line(entries.get(i))).append('\n');
        }
        return out.toString();
    }

    static String documentId(String batchId, int entryIndex) {
        return batchId + "-" + entryIndex;
    }
}
