package dev.batchyard.sink.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer config for a kafka sink's settings. What is chosen and why:
 * <ul>
 *   <li>{@code enable.idempotence} whenever the settings allow it ({@code required_acks: -1} and
 *       {@code retry_max} at least 1): the producer's own retries then never write a record twice.
 *       A redelivery of a whole batch by Batchyard still can: its headers tell them apart.</li>
 *   <li>{@code timeout} bounds one attempt: {@code delivery.timeout.ms} (send to ack, retries
 *       included) and {@code max.block.ms} (waiting for the topic's metadata, which is where an
 *       unreachable broker or a missing topic shows) are both the sink's timeout, so the producer
 *       answers before the delivery layer gives up on it.</li>
 *   <li>{@code max_message_bytes} is {@code max.request.size}: a bigger record fails at once, on
 *       this side, with {@code RecordTooLargeException}.</li>
 *   <li>Keys and values are bytes: the sink writes the entry's Go JSON itself.</li>
 * </ul>
 */
final class ProducerProperties {
    /** The producer waits this long to fill a batch (Kafka 4's default); small next to any timeout. */
    private static final int LINGER_MS = 5;
    private static final long MIN_REQUEST_TIMEOUT_MS = 1_000;

    private ProducerProperties() {
    }

    static Map<String, Object> of(String sinkName, KafkaSettings s) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", s.brokers()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "batchyard-" + sinkName);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, s.requiredAcks() == -1 ? "all" : Integer.toString(s.requiredAcks()));
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, s.idempotent());
        p.put(ProducerConfig.RETRIES_CONFIG, s.retryMax());
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, s.compression().kafkaName());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, s.maxMessageBytes());
        p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        long timeout = s.timeout().toMillis();
        long request = Math.max(MIN_REQUEST_TIMEOUT_MS, Math.min(Duration.ofSeconds(30).toMillis(), timeout - LINGER_MS));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, request + LINGER_MS));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        switch (s.partitioning().strategy()) {
            case ROUND_ROBIN -> p.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, RoundRobinPartitioner.class);
            case RANDOM -> p.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, RandomPartitioner.class);
            case HASH -> { } // Kafka's default: the key's murmur2 hash, sticky for records without a key
        }
        security(p, s);
        return p;
    }

    private static void security(Map<String, Object> p, KafkaSettings s) {
        boolean sasl = s.auth().enabled();
        boolean tls = s.tls().enabled();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                sasl && tls ? "SASL_SSL" : sasl ? "SASL_PLAINTEXT" : tls ? "SSL" : "PLAINTEXT");
        if (sasl) {
            p.put(SaslConfigs.SASL_MECHANISM, s.auth().mechanism());
            p.put(SaslConfigs.SASL_JAAS_CONFIG, s.auth().jaasConfig());
        }
        if (tls) {
            p.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, TlsEngineFactory.class);
            p.put(TlsEngineFactory.CONTEXT, s.tls().context());
            p.put(TlsEngineFactory.VERIFY, s.tls().verifyCertificate());
        }
    }
}
