package dev.batchyard.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.LogEntry;
import java.util.List;

/**
 * The JSON the sinks put on the wire for entries: exactly the Go agent's {@code LogEntry} JSON,
 * written by the model's {@link GoJson}, so a sink receives what the Go agent would have sent.
 * Envelopes (Splunk's event, Elasticsearch's action lines) are built with Jackson around the
 * entry's raw bytes, never by re-reading them. Thread-safe.
 */
public final class EntryJson {
    private final GoJson go = new GoJson();
    private final ObjectMapper mapper = new ObjectMapper();

    /** One compact line of JSON, without a line break. */
    public String line(LogEntry e) {
        return go.toJson(e, false);
    }

    /** The entry as a raw value to embed in a Jackson tree. */
    public RawValue raw(LogEntry e) {
        return new RawValue(line(e));
    }

    /** The entries as one JSON array. */
    public byte[] array(List<LogEntry> entries) {
        return go.writeAll(entries, false);
    }

    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

}
