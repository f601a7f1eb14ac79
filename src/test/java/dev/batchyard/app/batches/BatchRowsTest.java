package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.failing;
import static dev.batchyard.app.batches.Batches.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchRowsTest {

    private static List<String> ids(BatchRows rows) {
        return rows.all().stream().map(v -> v.id() + ":" + v.state()).toList();
    }

    @Test
    void changedRowsKeepTheirPlaceAndNewOnesGoLast() {
        BatchRows inTest = new BatchRows();
        inTest.replaceAll(List.of(pending("a", "loki"), pending("b", "loki"), pending("c", "loki")));

        inTest.apply(List.of(pending("d", "loki"), failing("b", "loki", 1, "503")), Set.of("a"));

        assertEquals(List.of("b:RETRY_WAIT", "c:PENDING", "d:PENDING"), ids(inTest));
    }

    @Test
    void aRowReadAndRemovedInOneRoundIsGone() {
        BatchRows inTest = new BatchRows();
        inTest.replaceAll(List.of(pending("a", "loki")));

        inTest.apply(List.<BatchView>of(failing("a", "loki", 1, "503")), Set.of("a"));

        assertEquals(0, inTest.size());
    }
}
