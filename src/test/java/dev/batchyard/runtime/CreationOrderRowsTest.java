package dev.batchyard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchRow;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.Actor;
import dev.batchyard.model.LogEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first rows by creation kept between reads answer as a pass over every batch would, whatever
 * happens to the store between reads: batches persisted newer and older than those kept (their
 * creation time is the caller's), delivered, discarded and restored, more of them than are kept,
 * and events lost to a full mailbox.
 */
class CreationOrderRowsTest {
    private static final BatchOrder NEWEST = new BatchOrder(BatchOrder.Field.CREATED, BatchOrder.Direction.DESCENDING);
    private static final Actor ANA = new Actor("ana");
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 2, 20, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path store;
    private BatchPersistence engine;
    private final List<String> live = new ArrayList<>();
    private int made;

    @BeforeEach
    void open() {
        engine = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), Clock.systemUTC(),
                EngineOptions.defaults());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void persist(OffsetDateTime created) {
        String id = "b-" + made++;
        engine.persistBatch(new NewBatch(id, List.of(LogEntry.builder().message("m").build()), "loki", created, null, 0,
                "", Map.of()));
        live.add(id);
    }

    /** What a pass over every batch gives: the ids of the first {@code limit} in {@code order}. */
    private List<String> expected(BatchOrder order, int limit) {
        PageSelection<BatchRow> pass = new PageSelection<>(new BatchRowOrder(order), null, limit);
        engine.rows(BatchQuery.all()).forEach(pass::offer);
        return pass.rows().stream().map(BatchRow::id).toList();
    }

    private static List<String> ids(OffsetPage.Result<BatchRow> page) {
        return page.rows().stream().map(BatchRow::id).toList();
    }

    private void assertAsAPass(CreationOrderRows inTest, String when) {
        for (BatchOrder order : List.of(NEWEST, BatchOrder.OLDEST_FIRST)) {
            for (int limit : List.of(1, 5, 11)) {
                OffsetPage.Result<BatchRow> page = inTest.page(order, limit);
                assertEquals(expected(order, limit), ids(page), order + " limit " + limit + " " + when);
                assertEquals(live.size(), page.total(), "the count " + when);
                assertEquals(live.size() > page.rows().size(), page.hasMore(), "more follow " + when);
            }
        }
    }

    @Test
    void everyChangeBetweenReadsIsSeenAsAPassWouldSeeIt() {
        SplittableRandom random = new SplittableRandom(19);
        try (CreationOrderRows inTest = new CreationOrderRows(engine, Clock.systemUTC(), 12, 4096)) {
            assertAsAPass(inTest, "on an empty store");
            for (int step = 0; step < 400; step++) {
                int what = random.nextInt(10);
                if (what < 5 || live.size() < 3) { // newer or older than those kept, or at the same instant
                    persist(T0.plusSeconds(random.nextInt(600)).plusNanos(random.nextInt(3) * 1000));
                } else if (what < 7) {
                    String id = live.remove(random.nextInt(live.size()));
                    engine.markBatchSuccess(id);
                } else if (what < 9) {
                    String id = live.remove(random.nextInt(live.size()));
                    engine.discard(List.of(id), "test", ANA);
                    if (random.nextBoolean()) {
                        engine.restore(List.of(id), ANA);
                        live.add(id);
                    }
                } else {
                    engine.markBatchFailed(live.get(random.nextInt(live.size())), "timeout"); // a change, no move
                }
                if (random.nextInt(4) == 0) {
                    assertAsAPass(inTest, "after step " + step + " (" + live.size() + " stored)");
                }
            }
            assertTrue(live.size() > 40, "more batches than kept: " + live.size());
            assertAsAPass(inTest, "at the end");
        }
    }

    @Test
    void eventsLostToAFullMailboxMakeTheNextReadAPass() {
        try (CreationOrderRows inTest = new CreationOrderRows(engine, Clock.systemUTC(), 12, 2)) {
            for (int i = 0; i < 20; i++) {
                persist(T0.plusSeconds(i));
            }
            assertAsAPass(inTest, "first read");
            for (int i = 0; i < 20; i++) { // 40 events into a mailbox of 2
                persist(T0.plusSeconds(100 + i));
                engine.markBatchSuccess(live.remove(0));
            }
            assertAsAPass(inTest, "after events were lost");
        }
    }

    @Test
    void onlyFirstPagesOfEverythingByCreationAreAnswered() {
        try (CreationOrderRows inTest = new CreationOrderRows(engine, Clock.systemUTC())) {
            assertTrue(inTest.answers(BatchQuery.all(), NEWEST, 0, 230));
            assertTrue(!inTest.answers(BatchQuery.all().withText("x"), NEWEST, 0, 230), "a filter needs a pass");
            assertTrue(!inTest.answers(BatchQuery.all(), NEWEST, 100, 230), "an offset");
            assertTrue(!inTest.answers(BatchQuery.all(),
                    new BatchOrder(BatchOrder.Field.RETRIES, BatchOrder.Direction.DESCENDING), 0, 230), "another order");
            assertTrue(!inTest.answers(BatchQuery.all(), NEWEST, 0, CreationOrderRows.KEPT), "more than kept");
            assertThrows(IllegalArgumentException.class, () -> inTest.page(NEWEST, CreationOrderRows.KEPT));
        }
    }
}
