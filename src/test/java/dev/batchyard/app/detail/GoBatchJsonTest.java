package dev.batchyard.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.codec.gojson.GoEntryReader;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.GoTime;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoBatchJsonTest {
    private final GoJson goJson = new GoJson();
    private final GoBatchJson inTest = new GoBatchJson(goJson);

    /** The Go agent's file, read field by field into the engine's shapes. */
    private Batch read(byte[] json) throws IOException {
        String id = null;
        String sink = null;
        OffsetDateTime created = null;
        OffsetDateTime last = null;
        int retries = 0;
        String reason = "";
        Map<String, String> context = new LinkedHashMap<>();
        List<LogEntry> entries = new ArrayList<>();
        try (JsonParser p = goJson.parser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "id" -> id = p.getText();
                    case "entries" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            entries.add(GoEntryReader.read(p));
                        }
                    }
                    case "sink_type" -> sink = p.getText();
                    case "created_at" -> created = GoTime.parse(p.getText()).time();
                    case "last_attempt" -> last = GoTime.parse(p.getText()).time();
                    case "retry_count" -> retries = p.getIntValue();
                    case "failure_reason" -> reason = p.getText();
                    case "context" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            context.put(key, p.getText());
                        }
                    }
                    default -> throw new IllegalStateException("unexpected key " + name);
                }
            }
        }
        OffsetDateTime lastAttempt = GoTime.ZERO.equals(last) ? null : last;
        BatchView meta = new BatchView(id, sink, BatchState.RETRY_WAIT, entries.size(), json.length, created,
                lastAttempt, retries, reason, null, context, List.of());
        return new Batch(meta, entries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch_3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11.json", "batch_batch-1764160000000000000.json"})
    void theGoAgentsFilesComeBackByteForByte(String sample) throws IOException {
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream(sample)) {
            original = in.readAllBytes();
        }

        String written = inTest.write(read(original));

        assertEquals(new String(original, StandardCharsets.UTF_8), written);
    }
}
