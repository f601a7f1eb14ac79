package dev.batchyard.engine;

import dev.batchyard.model.LogEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Realistic entries for engine tests. */
public final class Entries {
    private Entries() {
    }

    public static List<LogEntry> sample(String batchId, int count) {
        List<LogEntry> out = new ArrayList<>();
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 123, ZoneOffset.ofHours(-3));
        for (int i = 0; i < count; i++) {
            out.add(LogEntry.builder()
                    .timestamp(t.plusNanos(i * 1_000_001L))
                    .processedAt(t.plusNanos(i * 1_000_001L + 3_000_000))
                    .message("GET /api/orders/" + i + " 200 " + (i % 50) + "ms batch " + batchId)
                    .level(i % 10 == 0 ? "error" : "info")
                    .sourceType("file").sourceId("f1a2b3")
                    .labels(Map.of("service", "orders", "env", "prod"))
                    .build());
        }
        return out;
    }
}
