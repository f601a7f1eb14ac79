package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code persistBatch} answers the batch as it was made durable, even when the recovery loop takes it up before
 * the answer is built. An imported batch waiting to retry is due at once, and another producer's persist wakes
 * the loop: {@code serve}'s {@code POST /api/v1/batches} once answered such a batch {@code IN_FLIGHT} where the
 * caller sent (and the store holds) {@code RETRY_WAIT}.
 */
class PersistAnswerRaceTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 100; // 800 in all: under the fixture's max_pending_batches

    @TempDir
    Path tmp;

    @Test
    void anImportedBatchIsAnsweredAsItWasStored() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ExecutorService producers = Executors.newFixedThreadPool(THREADS);
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().hanging("loki"))) {
            List<Future<List<BatchView>>> answers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                answers.add(producers.submit(() -> {
                    List<BatchView> views = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        String id = "imported-" + thread + "-" + i;
                        views.add(inTest.persistBatch(new NewBatch(id, Entries.sample(id, 1), "loki",
                                OffsetDateTime.parse("2026-11-26T15:11:12Z"), OffsetDateTime.parse("2026-11-26T15:12:00Z"),
                                3, "timeout", Map.of())));
                    }
                    return views;
                }));
            }
            for (Future<List<BatchView>> answer : answers) {
                for (BatchView view : answer.get()) {
                    assertEquals(BatchState.RETRY_WAIT, view.state(), () -> view.id() + " as persisted");
                    assertEquals(3, view.retryCount(), view.id());
                }
            }
        } finally {
            producers.shutdownNow();
        }
    }

    /** The same race through the answer that comes later ({@code serve}'s ingest routes take that one). */
    @Test
    void anImportedBatchPersistedAsynchronouslyIsAnsweredAsItWasStoredAndSaidPersistedOnce() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().hanging("loki"));
             EventSubscription events = inTest.subscribe(10_000)) {
            List<CompletableFuture<BatchView>> answers = new ArrayList<>();
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                String id = "imported-" + i;
                answers.add(inTest.persistBatchAsync(new NewBatch(id, Entries.sample(id, 1), "loki",
                        OffsetDateTime.parse("2026-11-26T15:11:12Z"), OffsetDateTime.parse("2026-11-26T15:12:00Z"),
                        3, "timeout", Map.of())));
            }
            Set<String> answered = new HashSet<>();
            for (CompletableFuture<BatchView> answer : answers) {
                BatchView view = answer.get(10, TimeUnit.SECONDS);
                assertEquals(BatchState.RETRY_WAIT, view.state(), () -> view.id() + " as persisted");
                answered.add(view.id());
            }
            List<String> persisted = events.drain().stream().filter(e -> e instanceof BatchEvent.Persisted)
                    .map(e -> ((BatchEvent.Persisted) e).id()).toList();
            assertEquals(answered, new HashSet<>(persisted));
            assertEquals(answered.size(), persisted.size(), "one Persisted event a batch");
        }
    }
}
