package dev.batchyard.serve.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Loki push request, decoded from either encoding: its streams, each with its labels and its
 * entries. Immutable. The ingest route does not make one (it decodes straight into entries,
 * {@link LokiEntries}); it is the whole request as a value, for tests and tools.
 */
public record LokiPush(List<Stream> streams) {
    public LokiPush {
        streams = List.copyOf(streams);
    }

    /** Entries over all streams. */
    public int entryCount() {
        return streams.stream().mapToInt(s -> s.entries().size()).sum();
    }

    /** Hands every stream and line to {@code out}, in order. */
    void handTo(LokiLines out) {
        for (Stream s : streams) {
            out.stream(s.labels());
            for (Entry e : s.entries()) {
                out.line(e.epochSecond(), e.nano(), e.line(), e.structuredMetadata());
            }
        }
    }

    /** A label set and its entries, in the order sent. */
    public record Stream(Map<String, String> labels, List<Entry> entries) {
        public Stream {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
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
            structuredMetadata = structuredMetadata.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(structuredMetadata));
        }
    }

    /** Collects what a decoder reads into a {@link LokiPush}. Not thread-safe; one per request. */
    static final class Collector implements LokiLines {
        private final List<Stream> streams = new ArrayList<>();
        private Map<String, String> labels;
        private List<Entry> entries;

        @Override
        public void stream(Map<String, String> labels) {
            close();
            this.labels = labels;
            this.entries = new ArrayList<>();
        }

        @Override
        public void line(long epochSecond, int nano, String line, Map<String, String> structuredMetadata) {
            entries.add(new Entry(epochSecond, nano, line, structuredMetadata));
        }

        LokiPush push() {
            close();
            return new LokiPush(streams);
        }

        private void close() {
            if (labels != null) {
                streams.add(new Stream(labels, entries));
                labels = null;
            }
        }
    }
}
