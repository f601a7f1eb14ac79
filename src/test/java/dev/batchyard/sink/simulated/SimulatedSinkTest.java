package dev.batchyard.sink.simulated;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.testsupport.TestBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedSinkTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private SimulatedSink sink(double failureRate) {
        return new SimulatedSink("sim", Duration.ofMillis(1), failureRate, false, scheduler, new Random(7));
    }

    private DeliveryOutcome send(SimulatedSink s, String id) throws Exception {
        return s.deliver(batch(id, "sim", 2)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void outageFailsEveryDeliveryRetryablyUntilHealed() throws Exception {
        SimulatedSink inTest = sink(0);
        inTest.setOutage(true);

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(inTest, "b-1"));
        inTest.setOutage(false);

        assertTrue(f.retryable());
        assertInstanceOf(DeliveryOutcome.Delivered.class, send(inTest, "b-1"));
    }

    @Test
    void aBatchHoldingAPoisonedEntryIsRefusedForGoodEvenByAHealthySink() throws Exception {
        SimulatedSink inTest = sink(0);
        List<LogEntry> entries = new ArrayList<>(TestBatches.entries(2));
        entries.set(1, entries.get(1).toBuilder().labels(Map.of(SimulatedSink.POISON_LABEL, "true")).build());

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                inTest.deliver(batch("p-1", "sim", entries)).get(5, TimeUnit.SECONDS));

        assertFalse(f.retryable());
        assertInstanceOf(DeliveryOutcome.Delivered.class, send(inTest, "b-1"));
    }

    @Test
    void countsDuplicateDeliveriesOfTheSameBatch() throws Exception {
        SimulatedSink inTest = sink(0);

        send(inTest, "b-1");
        send(inTest, "b-1");
        send(inTest, "b-2");

        SimulatedCounts c = inTest.counts();
        assertEquals(3, c.attempts());
        assertEquals(2, c.distinctBatches());
        assertEquals(1, c.duplicateBatches());
        assertEquals(6, c.acceptedEntries());
        assertEquals(2, c.acceptedByBatch().get("b-1"));
    }

    @Test
    void failureRateFailsAboutThatShareOfDeliveries() throws Exception {
        SimulatedSink inTest = sink(0.3);

        for (int i = 0; i < 400; i++) {
            send(inTest, "b-" + i);
        }

        double share = inTest.counts().failures() / 400.0;
        assertTrue(share > 0.2 && share < 0.4, "failure share " + share);
    }

    @Test
    void failureRateCanBeChangedAtRunTime() throws Exception {
        SimulatedSink inTest = sink(1);
        assertInstanceOf(DeliveryOutcome.Failed.class, send(inTest, "b-1"));

        inTest.setFailureRate(0);

        assertInstanceOf(DeliveryOutcome.Delivered.class, send(inTest, "b-1"));
    }

    @Test
    void refusesAFailureRateAboveOne() {
        assertThrows(IllegalArgumentException.class, () -> sink(0).setFailureRate(1.2));
    }
}
