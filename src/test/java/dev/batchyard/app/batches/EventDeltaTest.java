package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.Actor;
import dev.batchyard.model.DamageKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventDeltaTest {

    @Test
    void aBatchPersistedAndDeliveredInOnePulseIsOnlyRemoved() {
        EventDelta inTest = EventDelta.of(List.of(
                new BatchEvent.Persisted(T0, "a", "loki", 1, 10),
                new BatchEvent.Delivered(T0, "a", "loki", Duration.ofMillis(3))));

        assertEquals(Set.of(), inTest.changed());
        assertEquals(Set.of("a"), inTest.removed());
    }

    @Test
    void manyEventsAboutOneBatchAreOneChange() {
        EventDelta inTest = EventDelta.of(List.of(
                new BatchEvent.DeliveryStarted(T0, "a", "loki", 1),
                new BatchEvent.DeliveryFailed(T0, "a", "loki", "503", 1, T0),
                new BatchEvent.DeliveryStarted(T0, "a", "loki", 2)));

        assertEquals(Set.of("a"), inTest.changed());
    }

    @Test
    void aBatchDiscardedAndRestoredInOnePulseIsReadAgainNotRemoved() {
        EventDelta inTest = EventDelta.of(List.of(
                new BatchEvent.Discarded(T0, "a", "loki", "test", new Actor("ana")),
                new BatchEvent.Restored(T0, "a", "loki", new Actor("ana"))));

        assertEquals(Set.of("a"), inTest.changed());
        assertEquals(Set.of(), inTest.removed());
    }

    @Test
    void aBatchHeldOrReleasedIsReadAgainForItsNewState() {
        EventDelta inTest = EventDelta.of(List.of(
                new BatchEvent.Held(T0, "a", "lokki", "sink 'lokki' is not configured"),
                new BatchEvent.Released(T0, "b", "loki")));

        assertEquals(Set.of("a", "b"), inTest.changed());
    }

    @Test
    void eventsNotAboutABatchChangeNoRow() {
        EventDelta inTest = EventDelta.of(List.of(new BatchEvent.CleanupPass(T0, 0, Duration.ZERO),
                new BatchEvent.SinkHealthChanged(T0, "loki", SinkHealth.OPEN, BatchEvent.SinkHealthChanged.Cause.FAILURES, 5,
                        T0.plusSeconds(30), "refused", "refused")));

        assertTrue(inTest.isEmpty());
    }

    @Test
    void batchesADamageReportNamesAreDamagedNotChanged() {
        EventDelta inTest = EventDelta.of(List.of(new BatchEvent.CorruptionFound(T0, DamageKind.BATCH_QUARANTINED,
                "/s/segments/00000000000000000003.seg", 16, "record of batch 'a' fails its checksum",
                "batch set aside", List.of("a"))));

        assertEquals(Set.of("a"), inTest.damaged());
        assertEquals(Set.of(), inTest.changed());
        assertFalse(inTest.isEmpty());
    }

    @Test
    void lostEventsAskForAFullRefresh() {
        assertTrue(EventDelta.of(List.of(new BatchEvent.Missed(T0, 5))).fullRefresh());
    }
}
