package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.failing;
import static dev.batchyard.app.batches.Batches.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchRowsTest {

    private static List<BatchView> pendingBatches(int n) {
        List<BatchView> views = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            views.add(pending("b-" + i, "loki"));
        }
        return views;
    }

    @Test
    void smallAndBulkDeltasGiveTheSameRows() {
        int n = 3_000;
        List<BatchView> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 5 == 0) {
                removed.add("b-" + i);
            } else if (i % 3 == 0) {
                updated.add(failing("b-" + i, "loki", 1, "503"));
            }
        }
        for (int i = 0; i < 3; i++) {
            updated.add(pending("new-" + i, "loki"));
        }
        BatchRows bulk = new BatchRows();
        bulk.replaceAll(pendingBatches(n));
        BatchRows small = new BatchRows();
        small.replaceAll(pendingBatches(n));

        bulk.apply(updated, new HashSet<>(removed));
        for (int from = 0; from < Math.max(updated.size(), removed.size()); from += 100) {
            small.apply(updated.subList(Math.min(from, updated.size()), Math.min(from + 100, updated.size())),
                    new HashSet<>(removed.subList(Math.min(from, removed.size()), Math.min(from + 100, removed.size()))));
        }

        assertEquals(n - n / 5 + 3, bulk.size());
        assertEquals(ids(small), ids(bulk));
    }

    private static List<String> ids(BatchRows rows) {
        return rows.list().stream().map(v -> v.id() + ":" + v.state()).toList();
    }

    @Test
    void aDeltaLargerThanTheThresholdIsOneListChange() {
        BatchRows inTest = new BatchRows();
        inTest.replaceAll(pendingBatches(5_000));
        int[] changes = {0};
        inTest.list().addListener((javafx.collections.ListChangeListener<BatchView>) c -> changes[0]++);

        List<BatchView> updated = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            updated.add(failing("b-" + i, "loki", 1, "503"));
        }
        inTest.apply(updated, Set.of("b-4999"));

        assertEquals(1, changes[0]);
        assertEquals(4_999, inTest.size());
        assertEquals("503", inTest.list().get(1_999).failureReason());
    }

    @Test
    void updatesAfterARemovalLandOnTheRightRows() {
        BatchRows inTest = new BatchRows();
        inTest.replaceAll(pendingBatches(10));

        inTest.apply(List.of(), Set.of("b-0", "b-1"));
        inTest.apply(List.of(failing("b-9", "loki", 2, "timeout")), Set.of());

        assertEquals("b-9", inTest.list().get(7).id());
        assertEquals("timeout", inTest.list().get(7).failureReason());
    }
}
