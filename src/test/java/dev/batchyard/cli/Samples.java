package dev.batchyard.cli;

import dev.batchyard.model.LogEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Go agent's sample batch files, and realistic entries. */
final class Samples {
    static final String LOKI_ID = "3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11";
    static final String ES_ID = "batch-1764160000000000000";

    private Samples() {
    }

    /** Copies the Go samples into {@code dir} and returns it. */
    static Path goDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String id : List.of(LOKI_ID, ES_ID)) {
                Files.write(dir.resolve(fileName(id)), goFile(id));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(String id) {
        return "batch_" + id + ".json";
    }

    static byte[] goFile(String id) {
        try (var in = Samples.class.getResourceAsStream("/legacy-go-format/" + fileName(id))) {
            if (in == null) {
                throw new IllegalStateException("missing test resource for " + id);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LogEntry> entries(int count) {
        List<LogEntry> out = new ArrayList<>();
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 123, ZoneOffset.ofHours(-3));
        for (int i = 0; i < count; i++) {
            out.add(LogEntry.builder()
                    .timestamp(t.plusNanos(i * 1_000_001L))
                    .processedAt(t.plusNanos(i * 1_000_001L + 3_000_000))
                    .message("GET /api/orders/" + i + " 200")
                    .level(i % 10 == 0 ? "error" : "info")
                    .sourceType("file").sourceId("f1a2b3")
                    .labels(Map.of("service", "orders"))
                    .build());
        }
        return out;
    }
}
