package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's reroute racing the recovery loop's dispatch of the same batch: a batch the reroute
 * answered REROUTED goes only to its new sink, and its delivery is recorded there. (A scenario run
 * once saw one of 30 rerouted batches delivered under its old sink's name: the loop had read the
 * old sink, the reroute had found it not yet in flight, and the attempt started between the two.)
 * The same race with what the loop decides before sending: a hold for an unconfigured sink, and
 * the sink layer's reroute by policy, each written after the operator had moved the batch
 * ({@code KafkaRerouteBench} once waited forever on four batches HELD at Kafka, "sink 'parked' is
 * not configured").
 */
class RerouteRaceTest {
    private static final int BATCHES = 1500;
    private static final Actor ANA = new Actor("ana");

    @TempDir
    Path tmp;

    @Test
    void aReroutedBatchIsDeliveredOnlyToItsNewSink() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki", "es");
        Set<String> rerouted = new HashSet<>();
        Map<String, String> deliveredTo = new HashMap<>();
        try (BatchPersistence inTest = fx.open(sinks)) {
            EventSubscription events = inTest.subscribe(1 << 16);
            for (int i = 0; i < BATCHES; i++) {
                String id = "r-" + i;
                inTest.persistBatch(id, Entries.sample(id, 1), "loki");
                for (int spin = ThreadLocalRandom.current().nextInt(20_000); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
                ActionResult result = inTest.reroute(List.of(id), "es", ANA).get(0);
                if (result.reason() == ActionResult.Reason.REROUTED) {
                    rerouted.add(id);
                }
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!inTest.pendingBatches().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(inTest.pendingBatches().isEmpty(), "every batch is delivered");
            // the index drops a delivered batch before its removal is durable, the Delivered event comes after:
            // read the events until every delivery is in (or the deadline passes)
            do {
                for (BatchEvent e : events.drain()) {
                    if (e instanceof BatchEvent.Delivered d) {
                        deliveredTo.put(d.id(), d.sink());
                    }
                }
            } while (deliveredTo.size() < BATCHES && System.nanoTime() < deadline && sleep(20));
        }
        assertEquals(BATCHES, deliveredTo.size(), "one delivery each");
        assertTrue(!rerouted.isEmpty(), "some reroutes came before the loop's send");
        for (String id : rerouted) {
            assertEquals("es", deliveredTo.get(id), () -> id + " was rerouted to es");
        }
        for (Batch b : sinks.received) {
            if (rerouted.contains(b.id())) {
                assertEquals("es", b.sink(), () -> b.id() + " was rerouted to es but handed to " + b.sink());
            }
        }
    }

    @Test
    void aHoldForAnUnconfiguredSinkIsNotWrittenOverAnOperatorsReroute() throws Exception {
        assertTheOperatorsRerouteStands(Admission.notConfigured());
    }

    @Test
    void aRerouteByPolicyIsNotWrittenOverAnOperatorsReroute() throws Exception {
        assertTheOperatorsRerouteStands(new Admission.Reroute("es", "parked is closed, fallback es"));
    }

    /**
     * The loop reads batch "b" at sink "parked" and asks the sink layer about "parked"; while it asks,
     * the operator reroutes "b" to "loki"; then the sink layer answers {@code aboutParked}. Whatever
     * the loop decided for "parked" must not be written: "b" is delivered to "loki".
     */
    private void assertTheOperatorsRerouteStands(Admission aboutParked) throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki", "es");
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch moved = new CountDownLatch(1);
        sinks.admission("parked", () -> {
            asked.countDown();
            try {
                moved.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return aboutParked;
        });
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b", Entries.sample("b", 1), "parked");
            assertTrue(asked.await(10, TimeUnit.SECONDS), "the loop asked about parked");
            assertEquals(ActionResult.Reason.REROUTED, inTest.reroute(List.of("b"), "loki", ANA).get(0).reason());
            moved.countDown();

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (inTest.find("b").isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(inTest.find("b").isEmpty(), () -> "b is delivered, not left " + inTest.find("b").map(
                    v -> v.state() + " at " + v.sink() + ": " + v.failureReason()).orElse(""));
            assertEquals(Set.of("loki"), Set.copyOf(sinks.received.stream().map(Batch::sink).toList()));
            assertTrue(inTest.find("b").map(v -> v.state() != BatchState.HELD).orElse(true));
        }
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }
}
