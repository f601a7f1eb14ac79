package dev.batchyard.sink.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the tests do on a {@link KafkaBroker} as an operator or a consumer would: make topics, read them back. */
final class KafkaTopics {
    private final Map<String, Object> client;

    KafkaTopics(KafkaBroker broker) {
        client = new HashMap<>();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        if (broker.security() == KafkaBroker.Security.SASL) {
            client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            client.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-256");
            client.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"" + KafkaBroker.ADMIN + "\" password=\"" + KafkaBroker.ADMIN_PASSWORD + "\";");
        }
        if (broker.security() == KafkaBroker.Security.SSL) {
            client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
            client.put("ssl.truststore.type", "PEM");
            client.put("ssl.truststore.location", broker.ca().caPem().toString());
            client.put("ssl.keystore.type", "PEM");
            client.put("ssl.keystore.certificate.chain", read(broker.ca().clientCertPem()));
            client.put("ssl.keystore.key", read(broker.ca().clientKeyPem()));
        }
    }

    /** A new topic with a fresh name. */
    String create(String prefix, int partitions, Map<String, String> config) throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config)))
                    .all().get(60, TimeUnit.SECONDS);
        }
        return name;
    }

    Admin admin() {
        return Admin.create(client);
    }

    /** Every record of the topic from the start, waiting until at least {@code atLeast} have come. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast) {
        Map<String, Object> c = new HashMap<>(client);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
                boolean atEnd = parts.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                if (out.size() >= atLeast && atEnd) {
                    break;
                }
            }
        }
        return out;
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    Set<String> topics() throws Exception {
        try (Admin admin = Admin.create(client)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static String read(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
