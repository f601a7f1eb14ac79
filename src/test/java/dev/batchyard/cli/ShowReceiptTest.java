package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.DeliveryReceipt;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show} names where a partly delivered attempt's records went (issue 20: topic, partition, offsets). */
class ShowReceiptTest {
    @TempDir
    Path tmp;

    /** A sink that took 9 of 10 entries at partition 0 of topic logs, offsets 1200 to 1208, and refused one for good. */
    static final class PartlyTaking implements Delivery {
        @Override
        public Admission admit(String sink) {
            return Admission.send();
        }

        @Override
        public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
            return CompletableFuture.completedFuture(new DeliveryOutcome.Failed("1 of 10 records failed: entry 7: record too"
                    + " large", false, new DeliveryReceipt(List.of(new DeliveryReceipt.Placement("logs", 0, 1200, 1208, 9)))));
        }

        @Override
        public SinkHealth health(String sink) {
            return SinkHealth.CLOSED;
        }
    }

    @Test
    void showListsTheReceiptOfEachAttempt() throws Exception {
        CliHarness inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(inTest.store), new PartlyTaking(),
                inTest.clock)) {
            engine.persistBatch("k-1", Samples.entries(10), "kafka");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (engine.find("k-1").orElseThrow().attempts().isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
        }

        CliHarness.Run run = inTest.onStore("show", "k-1");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("DELIVERED TO"), run.out());
        assertTrue(run.out().contains("logs/0 @1200-1208 (9)"), run.out());
    }
}
