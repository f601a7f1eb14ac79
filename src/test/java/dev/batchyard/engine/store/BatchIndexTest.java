package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BatchIndexTest {
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6, ZoneOffset.UTC);
    private static final BatchMeta META = new BatchMeta("loki", BatchState.PENDING, 0, null, "", null, List.of());

    private static StoredBatch batch(String id, long segment) {
        return batch(id, segment, META);
    }

    private static StoredBatch batch(String id, long segment, BatchMeta meta) {
        return new StoredBatch(id, CREATED, Map.of(), 1, meta, new Location(segment, 16, 100));
    }

    @Test
    void behavesLikeAMapUnderRandomPutsReplacesAndRemovesAndCountsEachState() {
        BatchIndex inTest = new BatchIndex(4); // small: many resizes and tombstones on the way
        Map<String, StoredBatch> model = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            String id = "b-" + random.nextInt(3000);
            if (random.nextInt(3) == 0) {
                assertSame(model.remove(id), inTest.remove(id), id);
            } else {
                BatchState state = List.of(BatchState.PENDING, BatchState.RETRY_WAIT, BatchState.DEAD).get(random.nextInt(3));
                StoredBatch b = batch(id, step, META.withState(state, null));
                assertSame(model.put(id, b), inTest.put(b), id);
            }
            assertEquals(model.size(), inTest.size());
            if (step % 1000 == 0) {
                for (BatchState state : BatchState.values()) {
                    assertEquals(model.values().stream().filter(x -> x.meta().state() == state).count(),
                            inTest.count(state), state + " at step " + step);
                }
            }
        }
        for (int i = 0; i < 3000; i++) {
            assertSame(model.get("b-" + i), inTest.get("b-" + i));
        }
        Set<StoredBatch> listed = new HashSet<>(inTest.values());
        assertEquals(new HashSet<>(model.values()), listed);
        assertEquals(model.size(), inTest.values().stream().count());
    }

    @Test
    void aRemovedIdIsGoneAndCanComeBack() {
        BatchIndex inTest = new BatchIndex(16);
        inTest.put(batch("a", 1));
        inTest.remove("a");
        assertNull(inTest.get("a"));
        assertTrue(inTest.values().isEmpty());
        StoredBatch again = batch("a", 2);
        inTest.put(again);
        assertSame(again, inTest.get("a"));
        assertEquals(1, inTest.size());
    }

    @Test
    void readersNeverMissABatchThatStaysWhileTheWriterChurnsAndResizes() throws Exception {
        BatchIndex inTest = new BatchIndex(8);
        int stable = 2000;
        for (int i = 0; i < stable; i++) {
            inTest.put(batch("stable-" + i, 0));
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            Random random = new Random(7);
            while (!done.get() && problem.get() == null) {
                String id = "stable-" + random.nextInt(stable);
                StoredBatch b = inTest.get(id);
                if (b == null || !b.id().equals(id)) {
                    problem.set("lost " + id);
                }
                long seen = inTest.values().stream().filter(x -> x.id().startsWith("stable-")).count();
                if (seen != stable) {
                    problem.set("iteration saw " + seen + " stable batches");
                }
            }
        });
        reader.start();
        for (int round = 0; round < 200 && problem.get() == null; round++) {
            for (int i = 0; i < 500; i++) {
                inTest.put(batch("churn-" + round + "-" + i, round));
            }
            for (int i = 0; i < stable; i += 7) {
                inTest.put(batch("stable-" + i, round)); // replaced in place
            }
            for (int i = 0; i < 500; i++) {
                inTest.remove("churn-" + round + "-" + i);
            }
        }
        done.set(true);
        reader.join();
        assertNull(problem.get(), problem.get());
        assertEquals(stable, inTest.size());
    }

    /**
     * What the statistics read without a pass (batches per sink, entries, the oldest creation time) against a pass
     * over a model, under random puts, in-place changes (state, sink, entries, discards) and removals, with
     * creation times that go back and forth (an imported batch is older than the rest).
     */
    @Test
    void keepsTheStatisticsAPassWouldFind() {
        BatchIndex inTest = new BatchIndex(4);
        Map<String, StoredBatch> model = new HashMap<>();
        Random random = new Random(7);
        List<String> sinks = List.of("loki", "es", "kafka");
        for (int step = 0; step < 100_000; step++) {
            String id = "b-" + random.nextInt(500);
            int op = random.nextInt(10);
            StoredBatch current = model.get(id);
            if (op < 3) {
                model.remove(id);
                inTest.remove(id);
            } else if (op < 6 && current != null) {
                // the same batch changed in place: its state, its sink (a reroute), or a discard
                BatchMeta meta = switch (random.nextInt(3)) {
                    case 0 -> current.meta().withState(BatchState.RETRY_WAIT, null);
                    case 1 -> new BatchMeta(sinks.get(random.nextInt(3)), current.meta().state(), 0, null, "", null,
                            List.of());
                    default -> current.meta().withDiscard(new BatchMeta.Discard(CREATED.toInstant(), "test", "ana"));
                };
                StoredBatch changed = current.withMeta(meta);
                model.put(id, changed);
                inTest.put(changed);
            } else {
                OffsetDateTime created = CREATED.plusSeconds(random.nextInt(10_000)).plusNanos(random.nextInt(3));
                BatchMeta meta = new BatchMeta(sinks.get(random.nextInt(3)), BatchState.PENDING, 0, null, "", null,
                        List.of());
                StoredBatch b = new StoredBatch(id, created, Map.of(), 1 + random.nextInt(100), meta,
                        new Location(1, 16, 100));
                model.put(id, b);
                inTest.put(b);
            }
            if (step % 97 == 0) {
                List<StoredBatch> live = model.values().stream().filter(b -> !b.meta().discarded()).toList();
                Map<String, Integer> bySink = new HashMap<>();
                live.forEach(b -> bySink.merge(b.meta().sink(), 1, Integer::sum));
                assertEquals(bySink, inTest.countBySink(), "per sink at step " + step);
                assertEquals(live.stream().mapToLong(StoredBatch::entryCount).sum(), inTest.liveEntries(),
                        "entries at step " + step);
                OffsetDateTime oldest = live.stream().map(StoredBatch::createdAt).min(OffsetDateTime::compareTo)
                        .orElse(null);
                assertEquals(oldest, inTest.oldestCreated(), "oldest at step " + step);
                assertEquals(oldest, inTest.oldestCreated(), "kept, read again at step " + step);
            }
        }
    }
}
