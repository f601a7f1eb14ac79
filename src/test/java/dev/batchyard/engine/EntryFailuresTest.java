package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why single entries failed is stored with the batch and given back with its entries. */
class EntryFailuresTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 1, 17, 40, 12, 101, ZoneOffset.ofHours(-3));

    @TempDir
    Path tmp;

    private static NewBatch withFailures(String id, List<LogEntry> entries, Map<Integer, EntryFailure> failures) {
        return new NewBatch(id, entries, "elasticsearch", T, null, 0, "", Map.of(), "", new TreeMap<>(failures));
    }

    @Test
    void failuresOfSomeEntriesAreThereAfterReopen() {
        EngineFixture fx = new EngineFixture(tmp);
        EntryFailure rejected = EntryFailure.of(T, "elasticsearch", "mapper_parsing_exception",
                "failed to parse field [status] of type [long]");
        EntryFailure tooLarge = EntryFailure.of(T.plusSeconds(1), "elasticsearch", "http_413", "entity too large");
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch(withFailures("b-1", Entries.sample("b-1", 10), Map.of(3, rejected, 9, tooLarge)));
        }
        try (BatchPersistence inTest = fx.open()) {
            Batch b = inTest.batch("b-1").orElseThrow();
            assertEquals(Entries.sample("b-1", 10), b.entries());
            assertEquals(Map.of(3, rejected, 9, tooLarge), b.failures());
            assertEquals(Optional.of(rejected), b.failureOf(3));
            assertEquals(Optional.empty(), b.failureOf(4));
        }
    }

    @Test
    void aBatchWithoutFailuresHasNone() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("plain", Entries.sample("plain", 3), "loki");
            assertTrue(inTest.batch("plain").orElseThrow().failures().isEmpty());
        }
    }

    @Test
    void aFailureForAnEntryTheBatchDoesNotHaveIsRefused() {
        EntryFailure f = EntryFailure.of(T, "loki", "http_400", "bad stream");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withFailures("b-2", Entries.sample("b-2", 2), Map.of(2, f)));
        assertEquals("batch 'b-2' has a failure for entry 2 but 2 entries", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> withFailures("b-2", Entries.sample("b-2", 2), Map.of(-1, f)));
    }
}
