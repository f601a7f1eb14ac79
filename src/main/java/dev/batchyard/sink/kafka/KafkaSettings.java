package dev.batchyard.sink.kafka;

import dev.batchyard.sink.ConfigNode;
import dev.batchyard.time.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A kafka sink's settings, in the Go agent's shape ({@code sinks.kafka}): {@code brokers},
 * {@code topic}, {@code compression}, {@code required_acks}, {@code timeout}, {@code retry_max},
 * {@code max_message_bytes}, {@code partitioning}, {@code auth}, {@code tls}. Unlike the other
 * sinks, an unknown key is refused, naming the keys allowed: the Go agent's keys that Batchyard
 * does not use (its own queueing and batching: {@code batch_size}, {@code batch_timeout},
 * {@code queue_size}, {@code dlq_config}, {@code backpressure_config}) are accepted and ignored.
 *
 * @param requiredAcks    0 (no answer), 1 (the leader) or -1 (all in-sync replicas, the default)
 * @param retryMax        how often the producer itself resends a record before the attempt fails
 * @param maxMessageBytes the largest record (entry JSON, key and headers) the producer sends
 */
public record KafkaSettings(List<String> brokers, String topic, Compression compression, int requiredAcks,
                            Duration timeout, int retryMax, int maxMessageBytes, Partitioning partitioning,
                            SaslAuth auth, KafkaTls tls) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRY_MAX = 3;
    /** Kafka's own default of the broker's {@code message.max.bytes}, a little under 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
    /** Kafka's rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern BROKER = Pattern.compile("[^\\s:/]+:\\d{1,5}|\\[[0-9a-fA-F:.]+]:\\d{1,5}");
    private static final Set<String> KEYS = Set.of("enabled", "type", "brokers", "topic", "compression",
            "required_acks", "timeout", "retry_max", "max_message_bytes", "partitioning", "auth", "tls",
            // the delivery policy every sink takes
            "max_concurrency", "circuit_breaker", "on_failure", "fallback", "fallback_after_attempts", "fallback_after_open",
            // the Go agent's own queueing and batching; Batchyard sends each stored batch as it is
            "batch_size", "batch_timeout", "queue_size", "dlq_config", "backpressure_config");

    public KafkaSettings {
        brokers = List.copyOf(brokers);
    }

    /** The codecs {@code compression} may name; {@code none} is the default. */
    public enum Compression {
        NONE, GZIP, SNAPPY, LZ4, ZSTD;

        String kafkaName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static KafkaSettings read(ConfigNode node) {
        Keys.refuseUnknown(node, KEYS);
        return new KafkaSettings(brokers(node), topic(node), compression(node), acks(node),
                node.duration("timeout", DEFAULT_TIMEOUT, true), node.integer("retry_max", DEFAULT_RETRY_MAX, 0),
                node.integer("max_message_bytes", DEFAULT_MAX_MESSAGE_BYTES, 1), Partitioning.read(node),
                SaslAuth.read(node), KafkaTls.read(node));
    }

    /** Whether the producer is idempotent: it needs every replica's ack and at least one retry. */
    public boolean idempotent() {
        return requiredAcks == -1 && retryMax > 0;
    }

    private static List<String> brokers(ConfigNode node) {
        List<String> brokers = new ArrayList<>();
        for (String b : node.textList("brokers")) {
            String broker = b.strip();
            if (!BROKER.matcher(broker).matches()) {
                throw node.invalid("brokers", b, "must list host:port addresses, e.g. [kafka-1:9092, kafka-2:9092]");
            }
            brokers.add(broker);
        }
        if (brokers.isEmpty()) {
            throw node.invalid("brokers", "", "must list at least one host:port address, e.g. [kafka:9092]");
        }
        return brokers;
    }

    private static String topic(ConfigNode node) {
        String topic = node.text("topic", "");
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw node.invalid("topic", topic, "must be a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ -");
        }
        return topic;
    }

    private static Compression compression(ConfigNode node) {
        String c = node.text("compression", "none").strip();
        try {
            return c.isEmpty() ? Compression.NONE : Compression.valueOf(c.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.invalid("compression", c, "must be one of gzip, snappy, lz4, zstd, none");
        }
    }

    private static int acks(ConfigNode node) {
        String a = node.text("required_acks", "-1").strip();
        return switch (a) {
            case "0" -> 0;
            case "1" -> 1;
            case "-1" -> -1;
            default -> throw node.invalid("required_acks", a,
                    "must be 0 (no answer), 1 (the leader) or -1 (all in-sync replicas)");
        };
    }

    /** For people: where batches go and how; never a password. */
    public String describe() {
        return "Kafka topic " + topic + " at " + String.join(",", brokers)
                + (compression == Compression.NONE ? "" : ", " + compression.kafkaName())
                + ", acks " + (requiredAcks == -1 ? "all" : requiredAcks)
                + (idempotent() ? ", idempotent" : ", NOT idempotent (a producer retry may write a record twice)")
                + auth.note() + tls.note();
    }

    @Override
    public String toString() {
        return "KafkaSettings[" + describe() + ", timeout=" + GoDuration.format(timeout) + ", retry_max=" + retryMax
                + ", max_message_bytes=" + maxMessageBytes + ", " + partitioning + "]";
    }
}
