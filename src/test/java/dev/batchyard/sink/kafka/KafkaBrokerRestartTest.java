package dev.batchyard.sink.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is killed ({@code kill -9}) in the middle of delivering a backlog through the engine,
 * and started again: every batch is retried until it is delivered, no entry is lost, and the
 * copies the retries made are told apart by their headers. Its own broker, as it kills it.
 */
class KafkaBrokerRestartTest {
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

    @Test
    void aBrokerKilledMidDeliveryLosesNothingAndTheRetriesCopiesCarryTheSameBatchAndIndex() throws Exception {
        KafkaTopics topics = new KafkaTopics(broker);
        String topic = topics.create("restart", 2, Map.of());
        try (KafkaEngine k = new KafkaEngine(dir.resolve("store"), "sinks:\n  kafka:\n    enabled: true\n    brokers: ["
                + broker.bootstrap() + "]\n    topic: " + topic + "\n    timeout: 5s\n"
                + "    circuit_breaker: {failure_threshold: 1000, cool_down: 1s}\n")) {
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
