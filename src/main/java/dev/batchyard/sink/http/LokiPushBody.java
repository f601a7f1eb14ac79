package dev.batchyard.sink.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.Batch;
import dev.batchyard.model.LogEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loki's JSON push body: entries grouped into streams by their label set (the sink's
 * {@code default_labels} overlaid with each entry's labels), each value
 * {@code ["<unix epoch ns>", "<message>"]}, sorted by time within a stream. Label names Loki
 * would refuse (anything but letters, digits and {@code _}) are rewritten with {@code _}. An entry
 * whose {@code fields} hold {@value LokiSink#STRUCTURED_METADATA} (a map; what {@code serve} keeps
 * of a pushed line's structured metadata) is sent with it as the third element,
 * {@code ["<ns>", "<message>", {"name": "value"}]}; its text values only, as Loki takes no other.
 */
final class LokiPushBody {
    private LokiPushBody() {
    }

    static String of(Batch batch, Map<String, String> defaultLabels, ObjectMapper mapper) {
        Map<Map<String, String>, List<LogEntry>> streams = new LinkedHashMap<>();
        for (LogEntry e : batch.entries()) {
            streams.computeIfAbsent(labels(defaultLabels, e), k -> new ArrayList<>()).add(e);
        }
        OffsetDateTime fallbackTime = batch.meta().createdAt();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode out = root.putArray("streams");
        streams.forEach((labels, entries) -> {
            ObjectNode stream = out.addObject();
            ObjectNode streamLabels = stream.putObject("stream");
            labels.forEach(streamLabels::put);
            ArrayNode values = stream.putArray("values");
            entries.stream()
                    .sorted(Comparator.comparingLong(e -> epochNanos(e, fallbackTime)))
                    .forEach(e -> {
                        ArrayNode value = values.addArray().add(Long.toString(epochNanos(e, fallbackTime))).add(e.message());
                        Map<?, ?> metadata = structuredMetadata(e);
                        if (!metadata.isEmpty()) {
                            ObjectNode m = value.addObject();
                            metadata.forEach((k, v) -> {
                                if (v instanceof String text) {
                                    m.put(String.valueOf(k), text);
                                }
                            });
                        }
                    });
        });
        return root.toString();
    }

    private static Map<?, ?> structuredMetadata(LogEntry e) {
        Object m = e.fields() == null ? null : e.fields().get(LokiSink.STRUCTURED_METADATA);
        return m instanceof Map<?, ?> map ? map : Map.of();
    }

    static long epochNanos(LogEntry e, OffsetDateTime fallback) {
        OffsetDateTime t = e.timestamp() != null ? e.timestamp() : e.processedAt() != null ? e.processedAt() : fallback;
        if (t == null) {
            return 0;
        }
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** The stream an entry goes to: what Loki names in a refusal ({@link LokiRefusal}). */
    static Map<String, String> labels(Map<String, String> defaults, LogEntry e) {
        Map<String, String> out = new TreeMap<>();
        defaults.forEach((k, v) -> out.put(labelName(k), v));
        if (e.labels() != null) {
            e.labels().forEach((k, v) -> out.put(labelName(k), v == null ? "" : v));
        }
        if (out.isEmpty()) {
            out.put("source", "batchyard");
        }
        return out;
    }

    static String labelName(String key) {
        String name = key.replaceAll("[^a-zA-Z0-9_]", "_");
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }
}
