package dev.batchyard.sink.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.DeliveryReceipt;
import dev.batchyard.model.LogEntry;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkStatus;
import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kafka sink against a real broker on loopback (plain text), shared by the tests of this class. */
class KafkaSinkTest {
    @TempDir
    static Path dir;
    static KafkaBroker broker;
    static KafkaTopics topics;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(dir, KafkaBroker.Security.PLAINTEXT);
        topics = new KafkaTopics(broker);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static KafkaSink sink(String yaml) {
        return KafkaSinks.read(yaml);
    }

    static DeliveryOutcome deliver(KafkaSink sink, Batch batch) throws Exception {
        return KafkaSinks.deliver(sink, batch);
    }

    @Test
    void everyEntryIsOneRecordReadBackWithItsBatchAndIndexHeaders() throws Exception {
        String topic = topics.create("logs", 1, Map.of());
        try (KafkaSink inTest = sink("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic)) {
            Batch batch = TestBatches.batch("b-1", "kafka", 5);
            DeliveryOutcome outcome = deliver(inTest, batch);

            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
            List<ConsumerRecord<byte[], byte[]>> read = topics.readAll(topic, 5);
            assertEquals(5, read.size());
            for (int i = 0; i < 5; i++) {
                ConsumerRecord<byte[], byte[]> r = read.get(i);
                assertEquals("b-1", KafkaTopics.header(r, "batchyard.batch_id"));
                assertEquals(Integer.toString(i), KafkaTopics.header(r, "batchyard.entry_index"));
                assertEquals("5", KafkaTopics.header(r, "batchyard.entry_count"));
                LogEntry back = new GoJson().read(r.value());
                assertEquals(batch.entries().get(i), back);
            }
        }
    }

    @Test
    void theReceiptNamesTopicPartitionAndOffsetRange() throws Exception {
        String topic = topics.create("receipt", 1, Map.of());
        try (KafkaSink inTest = sink("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic)) {
            deliver(inTest, TestBatches.batch("first", "kafka", 3));
            DeliveryOutcome second = deliver(inTest, TestBatches.batch("second", "kafka", 4));

            assertEquals(new DeliveryReceipt(List.of(new DeliveryReceipt.Placement(topic, 0, 3, 6, 4))), second.receipt());
        }
    }

    @Test
    void everyCompressionCodecDeliversAndReadsBack() throws Exception {
        for (String codec : List.of("gzip", "snappy", "lz4", "zstd", "none")) {
            String topic = topics.create("codec-" + codec, 1, Map.of());
            try (KafkaSink inTest = sink("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic + "\ncompression: " + codec)) {
                DeliveryOutcome outcome = deliver(inTest, TestBatches.batch("c-" + codec, "kafka", 20));

                assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, codec + ": " + outcome);
                assertEquals(20, topics.readAll(topic, 20).size(), codec);
            }
        }
    }

    @Test
    void hashPartitioningKeepsOneKeyInOnePartitionAndTheReceiptListsEachPartition() throws Exception {
        String topic = topics.create("hash", 3, Map.of());
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(TestBatches.entry(i, Map.of("tenant", "t" + (i % 3))));
        }
        try (KafkaSink inTest = sink("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic
                + "\npartitioning: {strategy: hash, key_field: tenant}")) {
            DeliveryOutcome outcome = deliver(inTest, TestBatches.batch("h", "kafka", entries));

            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
            Map<String, Integer> partitionOfKey = new java.util.HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : topics.readAll(topic, 30)) {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                assertEquals(partitionOfKey.computeIfAbsent(key, k -> r.partition()), r.partition(), key);
            }
            assertEquals(30, outcome.receipt().placements().stream().mapToInt(DeliveryReceipt.Placement::count).sum());
        }
    }

    @Test
    void aRecordOverMaxMessageBytesFailsThatEntryForGoodAndTheOthersAreAcknowledged() throws Exception {
        String topic = topics.create("large", 1, Map.of());
        List<LogEntry> entries = new ArrayList<>(TestBatches.entries(4));
        entries.set(2, entries.get(2).toBuilder().message("x".repeat(5000)).build());
        try (KafkaSink inTest = sink("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic + "\nmax_message_bytes: 2000")) {
            DeliveryOutcome outcome = deliver(inTest, TestBatches.batch("big", "kafka", entries));

            DeliveryOutcome.Failed failed = assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertFalse(failed.retryable(), failed.reason());
            assertTrue(failed.reason().startsWith("1 of 4 records failed: entry 2: record too large"), failed.reason());
            assertTrue(failed.reason().contains("max_message_bytes 2000"), failed.reason());
            assertEquals(3, failed.receipt().placements().get(0).count());
            assertEquals(3, topics.readAll(topic, 3).size());
        }
    }

    @Test
    void aMissingTopicIsARetryableFailureThatSaysSo() throws Exception {
        try (KafkaSink inTest = sink("brokers: [" + broker.bootstrap() + "]\ntopic: no-such-topic\ntimeout: 3s")) {
            DeliveryOutcome outcome = deliver(inTest, TestBatches.batch("m", "kafka", 50));

            DeliveryOutcome.Failed failed = assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(failed.retryable());
            assertTrue(failed.reason().contains("topic 'no-such-topic' does not exist at " + broker.bootstrap()),
                    failed.reason());
            assertFalse(topics.topics().contains("no-such-topic"));
        }
    }

    @Test
    void anUnreachableBrokerIsARetryableFailureThatSaysSo() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (KafkaSink inTest = sink("brokers: [127.0.0.1:" + closed + "]\ntopic: logs\ntimeout: 2s")) {
            long start = System.nanoTime();
            DeliveryOutcome outcome = deliver(inTest, TestBatches.batch("u", "kafka", 100));
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            DeliveryOutcome.Failed failed = assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(failed.retryable());
            assertTrue(failed.reason().startsWith("all 100 records failed: no broker reachable at 127.0.0.1:" + closed),
                    failed.reason());
            assertTrue(tookMs < 10_000, "one metadata wait for the whole batch, not one per record: " + tookMs + " ms");
        }
    }

    @Test
    void theSinksHealthShowsAMissingTopicAndARecordTooLargeEachWorded() throws Exception {
        String topic = topics.create("health", 1, Map.of());
        SinkDelivery missing = KafkaSinks.delivery("brokers: [" + broker.bootstrap() + "]\ntopic: absent-topic\ntimeout: 3s");
        SinkDelivery large = KafkaSinks.delivery("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic
                + "\nmax_message_bytes: 1000");
        try {
            SinkStatus noTopic = KafkaSinks.statusAfter(missing, TestBatches.batch("h-1", "kafka", 2));
            List<LogEntry> entries = new ArrayList<>(TestBatches.entries(2));
            entries.set(1, entries.get(1).toBuilder().message("y".repeat(3000)).build());
            SinkStatus tooLarge = KafkaSinks.statusAfter(large, TestBatches.batch("h-2", "kafka", entries));

            assertTrue(noTopic.lastFailure().contains("topic 'absent-topic' does not exist"), noTopic.lastFailure());
            assertTrue(tooLarge.lastRefusal().contains("entry 1: record too large"), tooLarge.lastRefusal());
            assertEquals(SinkHealth.CLOSED, tooLarge.health(), "a record too large is the batch's fault, not the sink's");
        } finally {
            missing.registry().close();
            large.registry().close();
        }
    }
}
