package dev.batchyard.serve.ingest;

import java.util.List;
import java.util.Map;

/**
 * One Loki push request, decoded from either encoding: its streams, each with its labels and its
 * entries. Immutable.
 */
public record LokiPush(List<Stream> streams) {
    public LokiPush {
        streams = List.copyOf(streams);
    }

    /** Entries over all streams. */
    public int entryCount() {
        return streams.stream().mapToInt(s -> s.entries().size()).sum();
    }

    /** A label set and its entries, in the order sent. */
    public record Stream(Map<String, String> labels, List<Entry> entries) {
        public Stream {
            labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
            entries = List.copyOf(entries);
        }
    }

    /**
     * One line: its time as Unix epoch seconds and nanoseconds (what both encodings can carry
     * exactly), the text, and Loki's structured metadata (name to value, in the order sent; empty
     * when none).
     */
    public record Entry(long epochSecond, int nano, String line, Map<String, String> structuredMetadata) {
        public Entry {
            structuredMetadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(structuredMetadata));
        }
    }
}
