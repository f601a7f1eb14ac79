package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each sink has waiting, by state: what serve's metrics show. */
class BacklogTest {
    @TempDir
    Path dir;

    @Test
    void countsBatchesBytesAndTheOldestPerSinkAndState() {
        EngineFixture f = new EngineFixture(dir);
        try (BatchPersistence inTest = f.open()) {
            BatchView a = inTest.persistBatch("a", Entries.sample("a", 3), "loki");
            f.clock.advance(Duration.ofSeconds(10));
            BatchView b = inTest.persistBatch("b", Entries.sample("b", 3), "loki");
            BatchView c = inTest.persistBatch("c", Entries.sample("c", 3), "es");
            inTest.markBatchFailed("b", "503");

            List<SinkBacklog> rows = inTest.backlog().stream()
                    .sorted(Comparator.comparing(SinkBacklog::sink).thenComparing(SinkBacklog::state)).toList();

            assertEquals(List.of(
                    new SinkBacklog("es", BatchState.PENDING, 1, c.storedBytes(), c.createdAt()),
                    new SinkBacklog("loki", BatchState.PENDING, 1, a.storedBytes(), a.createdAt()),
                    new SinkBacklog("loki", BatchState.RETRY_WAIT, 1, b.storedBytes(), b.createdAt())), rows);
        }
    }

    @Test
    void anEmptyStoreHasNoRows() {
        try (BatchPersistence inTest = new EngineFixture(dir).open()) {
            assertEquals(List.of(), inTest.backlog());
        }
    }
}
