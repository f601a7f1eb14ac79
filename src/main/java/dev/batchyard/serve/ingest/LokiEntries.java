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
        List<LogEntry> out = new ArrayList<>(push.entryCount());
        for (LokiPush.Stream stream : push.streams()) {
            // frozen once per stream, so its entries share one map instead of each sorting a copy
            Map<String, String> labels = JsonValues.goMap(stream.labels());
            for (LokiPush.Entry e : stream.entries()) {
                out.add(LogEntry.builder()
                        .timestamp(utc(e.epochSecond(), e.nano()))
                        .processedAt(receivedAt)
                        .message(e.line())
                        .sourceType(SOURCE_TYPE)
                        .labels(labels)
                        .fields(e.structuredMetadata().isEmpty() ? null
                                : Map.of(STRUCTURED_METADATA, e.structuredMetadata()))
                        .build());
            }
        }
        return out;
    }

    /** As {@code OffsetDateTime.ofInstant(..., UTC)}, without the zone rules that call makes anew each time. */
    private static OffsetDateTime utc(long epochSecond, int nano) {
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(epochSecond, nano, ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
