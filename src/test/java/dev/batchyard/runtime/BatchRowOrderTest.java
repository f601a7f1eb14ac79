package dev.batchyard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.console.Access;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's pass compares each stored batch's row with keys without making its key
 * ({@link BatchRowOrder}): in every order, both directions, walking the pages gives exactly the
 * stored batches sorted by their views' sort keys (ties on the field broken by id, a missing next
 * attempt last).
 */
class BatchRowOrderTest {
    @TempDir
    Path store;
    private BatchPersistence engine;
    private EmbeddedConsole inTest;

    @BeforeEach
    void open() {
        engine = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), Clock.systemUTC(),
                EngineOptions.defaults());
        inTest = new EmbeddedConsole(engine, SinkLayer.none(), new Actor("ana"), new Access.Writable());
        List<String> sinks = List.of("loki", "archive", "splunk");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(16));
        for (int i : order) {
            List<LogEntry> entries = new ArrayList<>();
            for (int e = 0; e <= i % 3; e++) {
                entries.add(LogEntry.builder().message("line " + e + " of " + i).labels(Map.of("app", "x")).build());
            }
            // four batches a second, some at the same nanosecond (the id decides), in two offsets
            OffsetDateTime created = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(i / 4)
                    .plusNanos(i % 4 == 3 || i % 5 == 0 ? 0 : i * 13L).withOffsetSameInstant(ZoneOffset.ofHours(i % 2));
            engine.persistBatch(new NewBatch("b-%02d".formatted(i), entries, sinks.get(i % 3), created, null,
                    i % 4, "", Map.of()));
        }
        for (int i = 0; i < 40; i += 3) {
            engine.markBatchFailed("b-%02d".formatted(i), "down"); // a next attempt; the others have none
        }
    }

    @AfterEach
    void close() {
        inTest.close();
        engine.close();
    }

    @Test
    void everyOrderWalksTheBatchesSortedByTheirViewsKeys() {
        for (BatchOrder.Field field : BatchOrder.Field.values()) {
            for (BatchOrder.Direction direction : BatchOrder.Direction.values()) {
                BatchOrder order = new BatchOrder(field, direction);
                List<BatchView> all = new ArrayList<>(inTest.batches(BatchQuery.all(), order, PageRequest.first(1000)).rows());
                all.sort((a, b) -> SortKey.comparator(order).compare(SortKey.of(field, a), SortKey.of(field, b)));
                List<String> expected = all.stream().map(BatchView::id).toList();

                List<String> walked = new ArrayList<>();
                BatchPage page = inTest.batches(BatchQuery.all(), order, PageRequest.first(3));
                walked.addAll(page.rows().stream().map(BatchView::id).toList());
                while (page.nextCursor() != null) {
                    page = inTest.batches(BatchQuery.all(), order, new PageRequest(page.nextCursor(), 3));
                    walked.addAll(page.rows().stream().map(BatchView::id).toList());
                }

                assertEquals(40, expected.size(), order.toString());
                assertEquals(expected, walked, order.toString());
            }
        }
    }
}
