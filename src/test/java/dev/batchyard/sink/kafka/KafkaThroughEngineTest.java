package dev.batchyard.sink.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DeliveryReceipt;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka sink through the real engine and sink layer, on one broker: backlogs rerouted into
 * Kafka, receipts kept in the batch's history, and (last, as it kills the broker) a broker killed
 * ({@code kill -9}) in the middle of a backlog and started again: every batch is retried until it
 * is delivered, no entry is lost, and the copies the retries made are told apart by their headers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaThroughEngineTest {
    static final int BATCHES = 200;
    static final int ENTRIES = 20;
    @TempDir
    static Path dir;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(dir.resolve("broker"), KafkaBroker.Security.PLAINTEXT);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static String kafkaBlock(String topic) {
        return "  kafka:\n    enabled: true\n    brokers: [" + broker.bootstrap() + "]\n    topic: " + topic
                + "\n    timeout: 5s\n    circuit_breaker: {failure_threshold: 1000, cool_down: 1s}\n";
    }

    @Test
    @Order(1)
    void deadBatchesOfABrokenSinkRerouteIntoKafkaAndArriveWhole() throws Exception {
        KafkaTopics topics = new KafkaTopics(broker);
        String topic = topics.create("rerouted", 1, Map.of());
        try (KafkaEngine k = new KafkaEngine(dir.resolve("store-reroute"), "sinks:\n" + kafkaBlock(topic)
                + "  loki:\n    enabled: true\n    type: simulated\n    failure_rate: 1\n    latency: 1ms\n"
                + "    circuit_breaker: {failure_threshold: 1000}\n", 2)) {
            for (int b = 0; b < 20; b++) {
                k.engine.persistBatch("dead-" + b, TestBatches.entries(10), "loki");
            }
            KafkaEngine.await("every batch dead on loki", Duration.ofSeconds(60),
                    () -> k.engine.stats().count(BatchState.DEAD) == 20);
            List<String> dead = k.engine.query(BatchQuery.all().withStates(BatchState.DEAD)).stream()
                    .map(BatchView::id).toList();

            List<ActionResult> results = k.engine.reroute(dead, "kafka", new Actor("ops"));

            assertTrue(results.stream().allMatch(ActionResult::ok), results.toString());
            KafkaEngine.await("the rerouted backlog delivered", Duration.ofSeconds(60), () -> k.engine.stats().total() == 0);
            assertEquals(200, topics.readAll(topic, 200).size());
        }
    }

    @Test
    @Order(2)
    void aPartlyDeliveredBatchKeepsWhereItsAcknowledgedRecordsWentInItsHistory() throws Exception {
        KafkaTopics topics = new KafkaTopics(broker);
        String topic = topics.create("partly", 1, Map.of());
        List<LogEntry> entries = new ArrayList<>(TestBatches.entries(10));
        entries.set(7, entries.get(7).toBuilder().message("x".repeat(4000)).build());
        try (KafkaEngine k = new KafkaEngine(dir.resolve("store-partly"), "sinks:\n" + kafkaBlock(topic)
                + "    max_message_bytes: 2000\n")) {
            k.engine.persistBatch("partly", entries, "kafka");
            KafkaEngine.await("the batch dead", Duration.ofSeconds(60),
                    () -> k.engine.stats().count(BatchState.DEAD) == 1);

            Attempt attempt = k.engine.find("partly").orElseThrow().attempts().get(0);
            assertEquals(Attempt.Outcome.FAILED, attempt.outcome());
            assertTrue(attempt.error().startsWith("1 of 10 records failed: entry 7: record too large"), attempt.error());
            assertEquals(new DeliveryReceipt(List.of(new DeliveryReceipt.Placement(topic, 0, 0, 8, 9))), attempt.receipt());
        }
        try (KafkaEngine reopened = new KafkaEngine(dir.resolve("store-partly"), "sinks: {}\n")) {
            assertEquals(topic + "/0 @0-8 (9)",
                    reopened.engine.find("partly").orElseThrow().attempts().get(0).receipt().toString(), "kept on disk");
        }
    }

    @Test
    @Order(3)
    void theDeliveredEventSaysWhereTheBatchWent() throws Exception {
        KafkaTopics topics = new KafkaTopics(broker);
        String topic = topics.create("event", 1, Map.of());
        try (KafkaEngine k = new KafkaEngine(dir.resolve("store-event"), "sinks:\n" + kafkaBlock(topic))) {
            List<BatchEvent> seen = new ArrayList<>();
            try (EventSubscription subscription = k.bus.subscribe(1000)) {
                k.engine.persistBatch("e-1", TestBatches.entries(4), "kafka");
                KafkaEngine.await("delivered", Duration.ofSeconds(60), () -> {
                    seen.addAll(subscription.drain());
                    return seen.stream().anyMatch(e -> e instanceof BatchEvent.Delivered);
                });
            }
            BatchEvent.Delivered delivered = seen.stream().filter(BatchEvent.Delivered.class::isInstance)
                    .map(BatchEvent.Delivered.class::cast).findFirst().orElseThrow();
            assertEquals(topic + "/0 @0-3 (4)", delivered.receipt().toString());
        }
    }

    @Test
    @Order(4)
    void aBrokerKilledMidDeliveryLosesNothingAndTheRetriesCopiesCarryTheSameBatchAndIndex() throws Exception {
        KafkaTopics topics = new KafkaTopics(broker);
        String topic = topics.create("restart", 2, Map.of());
        try (KafkaEngine k = new KafkaEngine(dir.resolve("store"), "sinks:\n" + kafkaBlock(topic))) {
            for (int b = 0; b < BATCHES; b++) {
                k.engine.persistBatch("batch-" + b, TestBatches.entries(ENTRIES), "kafka");
            }
            KafkaEngine.await("a first part delivered", Duration.ofSeconds(60),
                    () -> k.engine.stats().total() < BATCHES * 3 / 4);
            broker.kill();
            int leftWhenKilled = k.engine.stats().total();
            Thread.sleep(3000); // attempts fail meanwhile: no broker
            broker.restart();
            KafkaEngine.await("the whole backlog delivered", Duration.ofSeconds(180), () -> k.engine.stats().total() == 0);

            List<ConsumerRecord<byte[], byte[]>> read = topics.readAll(topic, BATCHES * ENTRIES);
            Map<String, Integer> copies = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : read) {
                copies.merge(KafkaTopics.header(r, "batchyard.batch_id") + "#" + KafkaTopics.header(r, "batchyard.entry_index"),
                        1, Integer::sum);
            }
            assertTrue(leftWhenKilled > 0, "the broker was killed with batches still to deliver");
            assertEquals(BATCHES * ENTRIES, copies.size(), "every entry of every batch is in the topic");
            assertEquals(read.size() - BATCHES * ENTRIES, copies.values().stream().mapToInt(n -> n - 1).sum(),
                    "every record beyond the first of its (batch, entry) is a copy the headers identify");
        }
    }
}
