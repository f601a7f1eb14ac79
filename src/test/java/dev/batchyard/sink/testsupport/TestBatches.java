package dev.batchyard.sink.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Batches and config sections to feed the sinks. */
public final class TestBatches {
    public static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-26T10:15:30.123456789-03:00");

    private TestBatches() {
    }

    public static LogEntry entry(int i, Map<String, String> labels) {
        return LogEntry.builder()
                .traceId("trace-" + i).spanId("span-" + i)
                .timestamp(T0.plusSeconds(i)).processedAt(T0.plusSeconds(i).plusNanos(500))
                .message("GET /api/orders/" + i + " 200").level(i % 2 == 0 ? "info" : "warn")
                .sourceType("container").sourceId("orders-" + i)
                .labels(labels).fields(Map.of("status", 200))
                .build();
    }

    public static List<LogEntry> entries(int n) {
        List<LogEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(entry(i, Map.of("service", i % 2 == 0 ? "orders" : "billing")));
        }
        return out;
    }

    public static BatchView view(String id, String sink, int entries, int retries, List<Attempt> attempts) {
        return new BatchView(id, sink, BatchState.PENDING, entries, 100, T0, null, retries, "", null,
                Map.of("created_by", "batch_persistence"), attempts);
    }

    public static Batch batch(String id, String sink, List<LogEntry> entries) {
        return new Batch(view(id, sink, entries.size(), 0, List.of()), entries);
    }

    public static Batch batch(String id, String sink, int entries) {
        return batch(id, sink, entries(entries));
    }

    /** The {@code sinks} section of a YAML config. */
    public static JsonNode sinks(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml).get("sinks");
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
