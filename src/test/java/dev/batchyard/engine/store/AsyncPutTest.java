package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LogStore#putAsync}: the answer that lets a server go on without parking a thread per write
 * must still never say "stored" before the group commit, and must say why when the log stops.
 */
class AsyncPutTest {
    private static final long SEGMENT = 64 * 1024;

    @TempDir
    Path tmp;

    private final FaultyChannel.Plan plan = new FaultyChannel.Plan();

    private LogStore openFaulty() {
        return StoreOpening.open(tmp, false, SEGMENT, new StoreFiles.Reports(), plan.disk());
    }

    private Set<String> reopenIds() {
        try (LogStore store = LogStore.open(tmp, false, SEGMENT, new StoreFiles.Reports())) {
            return store.all().stream().map(StoredBatch::id).collect(Collectors.toSet());
        }
    }

    @Test
    void theAnswerWaitsForTheGroupCommitThatMakesTheBatchDurable() throws Exception {
        try (LogStore inTest = openFaulty()) {
            inTest.put(StoreFiles.put("first", 100), 100); // the segment exists: the next write is the batch's
            CountDownLatch stall = new CountDownLatch(1);
            plan.stallWrites = stall;
            CompletableFuture<LogStore.Change> answer = inTest.putAsync(StoreFiles.put("b1", 100),
                    StoreLimits.ofBatches(100));

            Thread.sleep(200); // the writer holds the group: the answer must not come
            assertFalse(answer.isDone(), "answered while its group was still being written");
            assertTrue(inTest.get("b1").isPresent(), "decided and in the index at once, as a blocking put is");

            stall.countDown();
            LogStore.Change change = answer.get(10, TimeUnit.SECONDS);
            assertEquals("b1", change.after().id());
        }
        assertEquals(Set.of("first", "b1"), reopenIds());
    }

    @Test
    void aRefusedBatchIsRefusedAtOnceWithNothingAppended() {
        try (LogStore inTest = openFaulty()) {
            inTest.put(StoreFiles.put("b1", 100), 100);
            assertThrows(DuplicateBatchException.class,
                    () -> inTest.putAsync(StoreFiles.put("b1", 100), StoreLimits.ofBatches(100)));
            assertThrows(BackPressureException.class,
                    () -> inTest.putAsync(StoreFiles.put("b2", 100), StoreLimits.ofBatches(1)));
            assertTrue(inTest.get("b2").isEmpty());
        }
        assertEquals(Set.of("b1"), reopenIds());
    }

    @Test
    void aFailingFsyncFailsEveryAnswerNotYetDurableAndNoneThatWas() throws Exception {
        plan.forcesLeft.set(10);
        plan.error = "Input/output error";
        List<CompletableFuture<LogStore.Change>> answers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (LogStore inTest = openFaulty()) {
            for (int i = 0; i < 1000 && inTest.healthy(); i++) {
                try {
                    answers.add(inTest.putAsync(StoreFiles.put("b" + i, 300), StoreLimits.ofBatches(10_000)));
                    ids.add("b" + i);
                } catch (StoreException e) {
                    break; // the log stopped between two puts: refused at once, as a blocking put is
                }
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(10, TimeUnit.SECONDS); // every answer comes, one way or the other
        }
        Set<String> acknowledged = new HashSet<>();
        int failed = 0;
        for (int i = 0; i < answers.size(); i++) {
            try {
                answers.get(i).get();
                acknowledged.add(ids.get(i));
            } catch (ExecutionException e) {
                StoreException cause = assertInstanceOf(StoreException.class, e.getCause());
                assertTrue(cause.getMessage().contains("Input/output error"), cause.getMessage());
                failed++;
            }
        }
        assertTrue(failed > 0, "the fault fired under the async puts");
        assertTrue(reopenIds().containsAll(acknowledged), "every batch answered as durable survives");
    }
}
