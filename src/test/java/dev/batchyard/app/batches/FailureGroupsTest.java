package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.T0;
import static dev.batchyard.app.batches.Batches.pending;
import static dev.batchyard.app.batches.Batches.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.model.BatchState;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureGroupsTest {
    private final FailureGroups inTest = new FailureGroups(new FailureReasonNormaliser());

    @Test
    void batchesFailingTheSameWayFormOneGroupWithTheirIdsAndEntries() {
        List<ReasonGroup> groups = inTest.of(List.of(
                view("a", "loki", BatchState.RETRY_WAIT, 1, "dial tcp 10.0.0.1:3100: refused", T0),
                view("b", "loki", BatchState.RETRY_WAIT, 2, "dial tcp 10.0.0.2:3100: refused", T0),
                view("c", "es", BatchState.DEAD, 9, "mapping error on field 'x'", T0),
                pending("d", "loki")));

        ReasonGroup first = groups.get(0);
        assertEquals("dial tcp <addr>: refused", first.reason());
        assertEquals(List.of("a", "b"), first.ids());
        assertEquals(20, first.entries());
        assertEquals(3, groups.size());
    }

    @Test
    void firstAndLastSeenSpanTheGroupsFailures() {
        List<ReasonGroup> groups = inTest.of(List.of(
                view("a", "loki", BatchState.RETRY_WAIT, 1, "timeout 1", T0),
                view("b", "loki", BatchState.RETRY_WAIT, 5, "timeout 2", T0.plusSeconds(300))));

        assertEquals(T0.plusSeconds(10), groups.get(0).firstSeen());
        assertEquals(T0.plusSeconds(350), groups.get(0).lastSeen());
    }

    @Test
    void theLargestGroupComesFirst() {
        List<ReasonGroup> groups = inTest.of(List.of(
                view("a", "loki", BatchState.RETRY_WAIT, 1, "x", T0),
                view("b", "loki", BatchState.RETRY_WAIT, 1, "y", T0),
                view("c", "loki", BatchState.RETRY_WAIT, 1, "y", T0)));

        assertEquals(List.of("y", "x"), groups.stream().map(ReasonGroup::reason).toList());
    }
}
