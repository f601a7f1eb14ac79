package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.failing;
import static dev.batchyard.app.batches.Batches.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class VisibleRowsTest {
    private static final Comparator<BatchView> BY_RETRIES_THEN_ID =
            Comparator.comparingInt(BatchView::retryCount).thenComparing(BatchView::id);
    private static final Predicate<BatchView> FEWER_THAN_SEVEN_RETRIES = v -> v.retryCount() < 7;

    private static List<String> ids(List<BatchView> rows) {
        return rows.stream().map(v -> v.id() + ":" + v.retryCount()).toList();
    }

    @Test
    void aRoundPreparedOffTheUiThreadIsPublishedAsPreparedOrMergedAgainIfTheRowsMovedOn() throws Exception {
        Map<String, BatchView> store = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            store.put("b-" + i, failing("b-" + i, "loki", i % 10, "503"));
        }
        VisibleRows inTest = new VisibleRows();
        inTest.rebuild(store.values(), FEWER_THAN_SEVEN_RETRIES, BY_RETRIES_THEN_ID);

        VisibleRows.Basis first = inTest.basis();
        List<BatchView> round1 = List.of(failing("b-3", "loki", 0, "503"), pending("new-1", "es"));
        var prepared1 = java.util.concurrent.CompletableFuture.supplyAsync(() -> first.prepare(round1, Set.of("b-5"))).get();
        inTest.commit(prepared1, round1, Set.of("b-5"));
        store.put("b-3", round1.get(0));
        store.put("new-1", round1.get(1));
        store.remove("b-5");

        VisibleRows.Basis stale = inTest.basis();
        List<BatchView> round2 = List.of(failing("b-7", "loki", 1, "503"));
        VisibleRows.Prepared prepared2 = stale.prepare(round2, Set.of());
        List<BatchView> meanwhile = List.of(failing("b-8", "loki", 2, "503"));
        inTest.apply(meanwhile, Set.of("b-9")); // another round lands first: prepared2 is stale
        inTest.commit(prepared2, round2, Set.of());
        store.put("b-7", round2.get(0));
        store.put("b-8", meanwhile.get(0));
        store.remove("b-9");

        VisibleRows fresh = new VisibleRows();
        fresh.rebuild(store.values(), FEWER_THAN_SEVEN_RETRIES, BY_RETRIES_THEN_ID);
        assertEquals(ids(fresh.list()), ids(inTest.list()));
    }

    @Test
    void mergingARoundGivesWhatSortingEverythingAgainGives() {
        Random random = new Random(42);
        Map<String, BatchView> store = new LinkedHashMap<>();
        for (int i = 0; i < 3_000; i++) {
            store.put("b-" + i, failing("b-" + i, "loki", random.nextInt(10), "503"));
        }
        VisibleRows inTest = new VisibleRows();
        inTest.rebuild(store.values(), FEWER_THAN_SEVEN_RETRIES, BY_RETRIES_THEN_ID);

        List<BatchView> updated = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 3_500; i++) {
            picks.add(i);
        }
        java.util.Collections.shuffle(picks, random);
        for (int i = 0; i < 700; i++) {
            String id = "b-" + picks.get(i);
            if (random.nextInt(4) == 0) {
                removed.add(id);
                store.remove(id);
            } else {
                BatchView view = failing(id, "loki", random.nextInt(10), "503");
                updated.add(view);
                store.put(id, view);
            }
        }
        inTest.apply(updated, removed);

        VisibleRows fresh = new VisibleRows();
        fresh.rebuild(store.values(), FEWER_THAN_SEVEN_RETRIES, BY_RETRIES_THEN_ID);
        assertEquals(ids(fresh.list()), ids(inTest.list()));
    }

    @Test
    void unsortedRowsChangeInPlaceAndNewOnesComeLast() {
        VisibleRows inTest = new VisibleRows();
        inTest.rebuild(List.of(pending("a", "loki"), pending("b", "loki"), pending("c", "loki")), v -> true, null);

        inTest.apply(List.of(pending("d", "loki"), failing("b", "loki", 2, "503")), Set.of("a"));

        assertEquals(List.of("b:2", "c:0", "d:0"), ids(inTest.list()));
    }

    @Test
    void aRowThatStopsMatchingTheFilterLeaves() {
        VisibleRows inTest = new VisibleRows();
        inTest.rebuild(List.of(failing("a", "loki", 1, "x"), failing("b", "loki", 1, "x")), FEWER_THAN_SEVEN_RETRIES,
                null);

        inTest.apply(List.of(failing("a", "loki", 9, "x")), Set.of());

        assertEquals(List.of("b:1"), ids(inTest.list()));
    }

    @Test
    void aRoundIsPublishedAsOneChange() {
        VisibleRows inTest = new VisibleRows();
        inTest.rebuild(List.of(pending("a", "loki"), pending("b", "loki")), v -> true, BY_RETRIES_THEN_ID);
        int[] changes = {0};
        inTest.list().addListener((ListChangeListener<BatchView>) c -> changes[0]++);

        inTest.apply(List.of(failing("a", "loki", 3, "x"), pending("c", "loki")), Set.of("b"));

        assertEquals(1, changes[0]);
    }
}
