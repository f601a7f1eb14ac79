package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchView;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class FailureGroupsViewModelTest {
    private final ObservableList<BatchView> rows = FXCollections.observableArrayList(
            failing("a", "loki", 1, "503"), failing("b", "loki", 1, "502"));
    private final FailureGroupsViewModel inTest =
            new FailureGroupsViewModel(rows, new FailureGroups(new FailureReasonNormaliser()));

    @Test
    void groupsAreNotComputedWhileHidden() {
        inTest.pulse();

        assertEquals(0, inTest.groups().size());
    }

    @Test
    void showingTheGroupsComputesThem() {
        inTest.activeProperty().set(true);

        assertEquals(1, inTest.groups().size());
        assertEquals(2, inTest.groups().get(0).count());
    }

    @Test
    void changedRowsRegroupOnTheNextPulse() {
        inTest.activeProperty().set(true);
        rows.add(failing("c", "loki", 1, "mapping error"));
        assertEquals(1, inTest.groups().size());

        inTest.pulse();

        assertEquals(2, inTest.groups().size());
    }
}
