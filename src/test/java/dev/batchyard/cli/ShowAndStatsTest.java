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

    @Test
    void statsJsonGivesTheCapacityAndForecast() {
        JsonNode capacity = inTest.onStore("stats", "--json").json().get("capacity");

        assertEquals(3, capacity.get("batches").asInt());
        assertEquals(1000, capacity.get("max_pending_batches").asInt());
        assertEquals(1024L * 1024 * 1024, capacity.get("max_pending_bytes").asLong());
        // the three batches were made at the harness's clock's instant: all within the growth window
        assertEquals(3 / 600.0, capacity.get("growth_batches_per_second").asDouble(), 1e-9);
        assertEquals(997 * 200, capacity.get("seconds_to_full").asLong(), 1);
        assertEquals("2026-11-27T18:00:00Z", capacity.get("oldest_expires_at").asText());
        assertEquals(1, capacity.get("segments").size());
        // this open appends to a new segment: the one on disk is sealed, and compaction could free its dead bytes
        assertEquals(capacity.get("disk_bytes").asLong() - capacity.get("live_bytes").asLong(),
                capacity.get("compaction_would_free").asLong(), capacity::toString);
    }

    @Test
    void statsTextSaysWhenTheStoreIsFullAtTheRecentRateInTheOperatorsLanguage() {
        CliHarness.Run run = inTest.onStore("stats", "--lang", "pt-BR");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("Lotes pendentes: 3 de 1.000 (max_pending_batches), 0%"), run.out());
        assertTrue(run.out().contains("Cheio em 2d 07h neste ritmo."), run.out());
    }
}
