package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.T0;
import static dev.batchyard.app.batches.Batches.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

class FailureGroupsViewModelTest {
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryBatchSource store = new InMemoryBatchSource(clock);
    private final SimpleIntegerProperty changes = new SimpleIntegerProperty();
    private BatchQuery query = BatchQuery.all();
    private final List<Throwable> failures = new ArrayList<>();
    private final FailureGroupsViewModel inTest = new FailureGroupsViewModel(store, () -> query, changes,
            new CurrentThreadTaskExecutor(), new FailureGroups(new FailureReasonNormaliser()), clock,
            Duration.ofSeconds(2), failures::add);

    {
        store.put(failing("a", "loki", 1, "503"), failing("b", "loki", 1, "502"));
    }

    @Test
    void groupsAreNotComputedWhileHidden() {
        inTest.pulse();

        assertEquals(0, inTest.groups().size());
    }

    @Test
    void showingTheGroupsComputesThemFromEveryMatchInTheStore() {
        inTest.activeProperty().set(true);

        assertEquals(1, inTest.groups().size());
        assertEquals(2, inTest.groups().get(0).count());
    }

    @Test
    void changedMatchesRegroupAtAPulseNoSoonerThanTheInterval() {
        inTest.activeProperty().set(true);
        store.put(failing("c", "loki", 1, "mapping error"));
        changes.set(1);

        inTest.pulse();
        assertEquals(1, inTest.groups().size(), "within the interval of the last walk");
        clock.advance(Duration.ofSeconds(2));
        inTest.pulse();

        assertEquals(2, inTest.groups().size());
    }

    @Test
    void theGroupsAreOfTheTablesFilter() {
        store.put(failing("c", "kafka", 1, "mapping error"));
        query = BatchQuery.all().withSinks("kafka");

        inTest.activeProperty().set(true);

        assertEquals(List.of("c"), inTest.groups().get(0).ids());
        assertTrue(failures.isEmpty());
    }
}
