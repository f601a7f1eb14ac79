package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.BatchPersistence;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowAndStatsTest {
    @TempDir
    Path tmp;

    CliHarness inTest;

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(3), "loki");
            engine.persistBatch("b-2", Samples.entries(5), "elasticsearch");
            engine.persistBatch("c-3", Samples.entries(2), "loki");
            engine.markBatchFailed("b-2", "bulk request failed: 503");
        }
    }

    @Test
    void showPrintsMetadataAndEveryEntry() {
        CliHarness.Run run = inTest.onStore("show", "b-2");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("RETRY_WAIT"), run.out());
        assertTrue(run.out().contains("bulk request failed: 503"), run.out());
        assertTrue(run.out().contains("Entries: 5"), run.out());
        for (int i = 0; i < 5; i++) {
            assertTrue(run.out().contains("GET /api/orders/" + i + " 200"), run.out());
        }
    }

    @Test
    void showJsonHasTheGoKeysAndTheEntries() {
        JsonNode batch = inTest.onStore("show", "b-2", "--json").json();

        assertEquals("b-2", batch.get("id").asText());
        assertEquals("elasticsearch", batch.get("sink_type").asText());
        assertEquals(5, batch.get("entries").size());
        assertEquals(1, batch.get("retry_count").asInt());
        assertEquals("bulk request failed: 503", batch.get("failure_reason").asText());
        assertEquals("batch_persistence", batch.get("context").get("created_by").asText());
    }

    @Test
    void showOfAnUnknownIdFails() {
        CliHarness.Run run = inTest.onStore("show", "zz-9");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("zz-9"), run.err());
    }

    @Test
    void statsJsonCountsByStateAndSink() {
        CliHarness.Run run = inTest.onStore("stats", "--json");

        assertEquals(0, run.code(), run::toString);
        JsonNode stats = run.json();
        assertEquals(3, stats.get("batches").asInt());
        assertEquals(10, stats.get("entries").asInt());
        assertEquals(2, stats.get("by_state").get("PENDING").asInt());
        assertEquals(1, stats.get("by_state").get("RETRY_WAIT").asInt());
        assertEquals(0, stats.get("by_state").get("DEAD").asInt());
        assertEquals(2, stats.get("by_sink").get("loki").asInt());
        assertEquals(1, stats.get("by_sink").get("elasticsearch").asInt());
        assertTrue(stats.get("disk_bytes").asLong() >= stats.get("live_bytes").asLong() && stats.get("live_bytes").asLong() > 0, stats::toString);
        assertEquals(CliHarness.NOW, java.time.OffsetDateTime.parse(stats.get("oldest_created_at").asText()).toInstant());
    }

    @Test
    void statsTextNamesEveryStateAndSink() {
        CliHarness.Run run = inTest.onStore("stats");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("3 batches, 10 entries"), run.out());
        assertTrue(run.out().contains("elasticsearch"), run.out());
        assertTrue(run.out().contains("DEAD"), run.out());
    }
}
