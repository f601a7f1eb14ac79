package dev.batchyard.sink.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.model.Actor;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's benchmark: a backlog of {@code kafka.bench.batches} (10,000) batches of 100 entries,
 * waiting for a sink that is not configured, is rerouted into Kafka and delivered by the engine's
 * real recovery loop; its entries per second are set against a plain {@code kafka-clients}
 * producer sending the same records (same JSON values, same headers, same producer settings) to
 * the same broker in the same run. Pairs alternate (plain, engine, plain, engine) so both see the
 * same machine; each pair's ratio is reported, and written to {@code target/kafka-bench.txt}.
 *
 * <p>{@code ./mvnw -B -o test -Dtest=KafkaRerouteBench -Dkafka.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "kafka.bench", matches = "true")
class KafkaRerouteBench {
    static final int BATCHES = Integer.getInteger("kafka.bench.batches", 10_000);
    static final int ENTRIES = 100;
    static final int PAIRS = Integer.getInteger("kafka.bench.pairs", 2);
    static final String SINK_SETTINGS = "    max_concurrency: " + Integer.getInteger("kafka.bench.concurrency", 64) + "\n";
    @TempDir
    Path dir;

    @Test
    void rerouteABacklogIntoKafkaAgainstAPlainProducer() throws Exception {
        List<LogEntry> entries = TestBatches.entries(ENTRIES);
        StringBuilder report = new StringBuilder();
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"), KafkaBroker.Security.PLAINTEXT)) {
            KafkaTopics topics = new KafkaTopics(broker);
            for (int pair = 1; pair <= PAIRS; pair++) {
                double plain = plain(broker, topics.create("plain", 1, Map.of()), entries);
                double engine = engine(broker, topics.create("engine", 1, Map.of()), entries, pair);
                String line = String.format(Locale.ROOT, "pair %d: plain producer %,.0f entries/s, engine reroute %,.0f"
                        + " entries/s, ratio %.2f", pair, plain, engine, engine / plain);
                System.out.println(line);
                report.append(line).append('\n');
            }
        }
        Files.writeString(Path.of("target", "kafka-bench.txt"), "batches " + BATCHES + " x " + ENTRIES + " entries, "
                + SINK_SETTINGS.strip() + "\n" + report);
    }

    private static double plain(KafkaBroker broker, String topic, List<LogEntry> entries) throws Exception {
        KafkaSettings settings = KafkaSinks.read("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic).settings();
        EntryJson json = new EntryJson();
        List<byte[]> values = new ArrayList<>();
        entries.forEach(e -> values.add(json.line(e).getBytes(StandardCharsets.UTF_8)));
        byte[] count = Integer.toString(ENTRIES).getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ProducerProperties.of("plain", settings))) {
            for (int b = 0; b < BATCHES; b++) {
                byte[] id = ("batch-" + b).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < ENTRIES; i++) {
                    List<Header> headers = List.of(new RecordHeader(BatchRecords.BATCH_ID, id),
                            new RecordHeader(BatchRecords.ENTRY_INDEX, Integer.toString(i).getBytes(StandardCharsets.US_ASCII)),
                            new RecordHeader(BatchRecords.ENTRY_COUNT, count));
                    producer.send(new ProducerRecord<>(topic, null, null, entries.get(i).sourceId().getBytes(StandardCharsets.UTF_8),
                            values.get(i), headers));
                }
            }
            producer.flush();
        }
        return BATCHES * (double) ENTRIES / ((System.nanoTime() - start) / 1e9);
    }

    private double engine(KafkaBroker broker, String topic, List<LogEntry> entries, int pair) throws Exception {
        try (KafkaEngine k = new KafkaEngine(dir.resolve("store-" + pair), "sinks:\n  kafka:\n    enabled: true\n"
                + "    brokers: [" + broker.bootstrap() + "]\n    topic: " + topic + "\n" + SINK_SETTINGS, 10,
                EngineOptions.defaults())) { // the app's recovery loop, its 250 ms tick included
            long persisting = System.nanoTime();
            for (int b = 0; b < BATCHES; b++) {
                k.engine.persistBatch("batch-" + b, entries, "parked"); // a sink not configured: the backlog waits
            }
            System.out.printf(Locale.ROOT, "persisted %d batches in %.1f s%n", BATCHES, (System.nanoTime() - persisting) / 1e9);
            List<String> ids = k.engine.query(BatchQuery.all()).stream().map(BatchView::id).toList();
            long start = System.nanoTime();
            k.engine.reroute(ids, "kafka", new Actor("bench"));
            System.out.printf(Locale.ROOT, "rerouted %d batches in %.1f s%n", ids.size(), (System.nanoTime() - start) / 1e9);
            KafkaEngine.await("the backlog delivered", Duration.ofMinutes(30), () -> k.engine.stats().total() == 0);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(0, k.engine.stats().total());
            return BATCHES * (double) ENTRIES / seconds;
        }
    }
}
