package dev.batchyard.serve.ingest;

import dev.batchyard.model.JsonValues;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.http.LokiSink;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Loki push as the Go agent's log entries, keeping everything the Loki sink needs to send it on
 * as it came: one entry per line, stream by stream in the order pushed, with
 * <ul>
 *   <li>{@code timestamp}: the line's time, to the nanosecond, in UTC;</li>
 *   <li>{@code message}: the line, unchanged;</li>
 *   <li>{@code labels}: the stream's labels;</li>
 *   <li>{@code fields}: {@code {"structured_metadata": {name: value, ...}}} when the line has
 *       structured metadata, else {@code null} (Go's nil map), which the Loki sink sends back as
 *       the line's metadata;</li>
 *   <li>{@code processed_at}: when Batchyard received the push; {@code source_type}: {@code loki}.</li>
 * </ul>
 * Stateless.
 */
public final class LokiEntries {
    /** The key of {@code fields} that holds a line's structured metadata: the one the Loki sink sends. */
    public static final String STRUCTURED_METADATA = LokiSink.STRUCTURED_METADATA;
    public static final String SOURCE_TYPE = "loki";

    private LokiEntries() {
    }

    public static List<LogEntry> of(LokiPush push, OffsetDateTime receivedAt) {
        Into into = new Into(receivedAt, push.entryCount());
        push.handTo(into);
        return into.entries();
    }

    /**
     * Decodes a push body straight into entries, as the route does: each line becomes its entry as
     * the parser reads it, with no {@link LokiPush} in between.
     *
     * @throws MalformedBodyException, BodyTooLargeException, LokiPushBody.UnsupportedTypeException as
     *         {@link LokiPushBody#decode} does
     */
    public static List<LogEntry> read(String contentType, String contentEncoding, byte[] body, BodyLimits limits,
                                      OffsetDateTime receivedAt) {
        // about 160 bytes of JSON a line; a guess that saves growing the list several times
        Into into = new Into(receivedAt, Math.min(4096, Math.max(16, body.length / 128)));
        LokiPushBody.read(contentType, contentEncoding, body, limits, into);
        return into.entries();
    }

    /** Makes each line an entry as it comes. Not thread-safe; one per push. */
    private static final class Into implements LokiLines {
        private final OffsetDateTime receivedAt;
        private final List<LogEntry> out;
        private Map<String, String> labels;

        Into(OffsetDateTime receivedAt, int expected) {
            this.receivedAt = receivedAt;
            this.out = new ArrayList<>(expected);
        }

        @Override
        public void stream(Map<String, String> labels) {
            // frozen once per stream, so its entries share one map instead of each sorting a copy
            this.labels = JsonValues.goMap(labels);
        }

        @Override
        public void line(long epochSecond, int nano, String line, Map<String, String> structuredMetadata) {
            out.add(LogEntry.builder()
                    .timestamp(utc(epochSecond, nano))
                    .processedAt(receivedAt)
                    .message(line)
                    .sourceType(SOURCE_TYPE)
                    .labels(labels)
                    .fields(structuredMetadata.isEmpty() ? null : Map.of(STRUCTURED_METADATA, structuredMetadata))
                    .build());
        }

        List<LogEntry> entries() {
            return out;
        }
    }

    /** As {@code OffsetDateTime.ofInstant(..., UTC)}, without the zone rules that call makes anew each time. */
    private static OffsetDateTime utc(long epochSecond, int nano) {
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(epochSecond, nano, ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
