package dev.batchyard.sink.kafka;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.Secret;
import dev.batchyard.sink.Sink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, through the official producer: one record per entry ({@link BatchRecords}: the entry's Go
 * JSON, keyed for {@code partitioning}, with headers naming the batch and the entry). A batch is
 * delivered when every record is acknowledged; otherwise the attempt fails saying which records
 * failed and why ({@link BatchAcks}, {@link KafkaFailures}), and the receipt of either says where
 * the acknowledged records went (topic, partition, offsets).
 *
 * <p><b>Redelivery:</b> at-least-once. The producer is idempotent (with {@code required_acks: -1},
 * the default), so its own retries never write a record twice; but a batch Batchyard sends again
 * (a partial failure, a crash before the success was stored, an answer after the timeout) is
 * written again whole. Consumers drop the copies by the headers {@code batchyard.batch_id} and
 * {@code batchyard.entry_index}.
 *
 * <p>The producer is made on the first delivery (making it resolves the brokers' names, which must
 * not stop the app from starting while DNS is down) and remade when that failed. Records are handed
 * to it on the sink runtime's I/O threads, as {@code send} may block waiting for the topic's
 * metadata. Thread-safe.
 */
public final class KafkaSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final KafkaSettings settings;
    private final BatchRecords records;
    private final KafkaFailures failures;
    private final ProducerSource producers;
    private final Executor io;
    private Producer<byte[], byte[]> producer;

    /** Makes the producer; a test may hand in its own. */
    @FunctionalInterface
    interface ProducerSource {
        Producer<byte[], byte[]> open();
    }

    KafkaSink(String name, KafkaSettings settings, EntryJson json, Executor io, ProducerSource producers) {
        this.name = name;
        this.settings = settings;
        this.records = new BatchRecords(settings.topic(), settings.partitioning(), json);
        this.failures = new KafkaFailures(settings);
        this.io = io;
        this.producers = producers;
    }

    public static KafkaSink read(String name, ConfigNode node, EntryJson json, Executor io) {
        KafkaSettings settings = KafkaSettings.read(node);
        if (settings.tls().enabled() && !settings.tls().verifyCertificate()) {
            LOG.warn("sink '{}': TLS certificates are NOT verified (verify_certificate: false)", name);
        }
        if (!settings.idempotent()) {
            LOG.warn("sink '{}': required_acks {} / retry_max {} turn the producer's idempotence off", name,
                    settings.requiredAcks(), settings.retryMax());
        }
        return new KafkaSink(name, settings, json, io,
                () -> new KafkaProducer<>(ProducerProperties.of(name, settings)));
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = producers.open();
        }
        return producer;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        if (batch.entries().isEmpty()) {
            return CompletableFuture.completedFuture(DeliveryOutcome.delivered());
        }
        BatchAcks acks = new BatchAcks(settings.topic(), batch.entries().size());
        try {
            io.execute(() -> send(batch, acks));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.retryable("sink '" + name + "' is shut down"));
        }
        return acks.outcome();
    }

    private void send(Batch batch, BatchAcks acks) {
        List<ProducerRecord<byte[], byte[]>> out = records.of(batch);
        Producer<byte[], byte[]> p;
        try {
            p = producer();
        } catch (KafkaException e) {
            KafkaFailures.Worded why = new KafkaFailures.Worded("cannot make a Kafka producer for " + settings.brokers()
                    + ": " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"),
                    true, true);
            for (int i = 0; i < out.size(); i++) {
                acks.failed(i, why);
            }
            return;
        }
        KafkaFailures.Worded stop = null;
        for (int i = 0; i < out.size(); i++) {
            int entry = i;
            ProducerRecord<byte[], byte[]> r = out.get(i);
            if (stop != null) {
                acks.failed(entry, stop); // not sent: the batch as a whole cannot go now
                continue;
            }
            try {
                p.send(r, (meta, error) -> {
                    if (error == null) {
                        acks.acked(entry, meta);
                    } else {
                        acks.failed(entry, failures.word(error, size(r), this::connected));
                    }
                });
            } catch (KafkaException | IllegalStateException e) {
                stop = failures.word(e, size(r), this::connected);
                acks.failed(entry, stop);
            }
            if (stop == null) {
                stop = acks.wholeBatchFailure();
            }
        }
    }

    /** Whether the producer is connected to any broker now: its {@code connection-count} metric. */
    private boolean connected() {
        Producer<byte[], byte[]> p;
        synchronized (this) {
            p = producer;
        }
        return p != null && p.metrics().entrySet().stream()
                .anyMatch(m -> m.getKey().name().equals("connection-count") && m.getKey().group().equals("producer-metrics")
                        && m.getValue().metricValue() instanceof Double d && d > 0);
    }

    private static int size(ProducerRecord<byte[], byte[]> r) {
        int bytes = r.value().length + (r.key() == null ? 0 : r.key().length);
        for (var h : r.headers()) {
            bytes += h.key().length() + h.value().length;
        }
        return bytes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public List<Secret> secrets() {
        return settings.auth().enabled() ? List.of(settings.auth().password()) : List.of();
    }

    @Override
    public Duration timeout() {
        return settings.timeout();
    }

    public KafkaSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        Producer<byte[], byte[]> p;
        synchronized (this) {
            p = producer;
            producer = null;
        }
        if (p != null) {
            p.close(CLOSE_WAIT);
        }
    }

    @Override
    public String toString() {
        return "KafkaSink[" + name + ", " + describe() + "]";
    }
}
