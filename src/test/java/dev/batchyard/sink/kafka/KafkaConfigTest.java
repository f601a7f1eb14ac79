package dev.batchyard.sink.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kafka block of config.yaml, read without a broker: what is accepted, what is refused and how it is said. */
class KafkaConfigTest {
    static final String MINIMAL = "brokers: [kafka-1:9092, kafka-2:9092]\ntopic: logs\n";
    @TempDir
    Path tmp;

    static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> KafkaSinks.read(yaml).close());
    }

    static Map<String, Object> producer(String yaml) {
        try (KafkaSink sink = KafkaSinks.read(yaml)) {
            return ProducerProperties.of("kafka", sink.settings());
        }
    }

    @Test
    void theDefaultsAreAnIdempotentProducerWaitingForAllReplicas() {
        Map<String, Object> p = producer(MINIMAL);

        assertEquals("kafka-1:9092,kafka-2:9092", p.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("all", p.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("none", p.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertEquals(30_000L, p.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
        assertEquals(30_000, p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    }

    @Test
    void requiredAcksOfOneTurnsIdempotenceOffAndTheDescriptionSaysSo() {
        try (KafkaSink inTest = KafkaSinks.read(MINIMAL + "required_acks: 1")) {
            assertEquals(false, ProducerProperties.of("kafka", inTest.settings()).get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
            assertTrue(inTest.describe().contains("NOT idempotent"), inTest.describe());
        }
    }

    @Test
    void anUnknownKeyIsRefusedNamingItAndTheKeysAllowed() {
        ConfigException e = refused(MINIMAL + "compresion: gzip");

        assertEquals("sinks.kafka.compresion", e.key());
        assertTrue(e.getMessage().contains("allowed: auth, backpressure_config, batch_size"), e.getMessage());
    }

    @Test
    void anUnknownKeyInsideAuthIsRefusedWithoutShowingItsValue() {
        ConfigException e = refused(MINIMAL + "auth: {mechanism: PLAIN, username: u, password: p, pasword: hunter2}");

        assertEquals("sinks.kafka.auth.pasword", e.key());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void theGoAgentsQueueingKeysAreAcceptedAndIgnored() {
        try (KafkaSink inTest = KafkaSinks.read(MINIMAL + "batch_size: 1000\nbatch_timeout: 5s\nqueue_size: 25000\n"
                + "dlq_config: {enabled: false}\nbackpressure_config: {enabled: true}\npartitioning: {enabled: true}")) {
            assertEquals("kafka", inTest.type());
        }
    }

    @Test
    void eachBadValueNamesItsKey() {
        assertEquals("sinks.kafka.brokers", refused("topic: logs").key());
        assertEquals("sinks.kafka.brokers", refused("brokers: [\"http://kafka:9092\"]\ntopic: logs").key());
        assertEquals("sinks.kafka.topic", refused("brokers: [k:9092]\ntopic: \"logs with spaces\"").key());
        assertEquals("sinks.kafka.compression", refused(MINIMAL + "compression: brotli").key());
        assertEquals("sinks.kafka.required_acks", refused(MINIMAL + "required_acks: 2").key());
        assertEquals("sinks.kafka.retry_max", refused(MINIMAL + "retry_max: -1").key());
        assertEquals("sinks.kafka.max_message_bytes", refused(MINIMAL + "max_message_bytes: 0").key());
        assertEquals("sinks.kafka.partitioning.strategy", refused(MINIMAL + "partitioning: {strategy: manual}").key());
        assertEquals("sinks.kafka.auth.mechanism", refused(MINIMAL + "auth: {mechanism: GSSAPI, username: u, password: p}").key());
        assertEquals("sinks.kafka.auth.password", refused(MINIMAL + "auth: {mechanism: PLAIN, username: u}").key());
    }

    @Test
    void aPasswordWithALineBreakIsRefusedWithoutShowingIt() {
        ConfigException e = refused(MINIMAL + "auth: {mechanism: SCRAM-SHA-256, username: u, password: \"top\\nsecret\"}");

        assertEquals("sinks.kafka.auth.password", e.key());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aPasswordWithAQuoteCannotAddOptionsToTheJaasLine() {
        Map<String, Object> p = producer(MINIMAL + "auth: {mechanism: PLAIN, username: u, password: 'x\" debug=\"true'}");

        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
                + " password=\"x\\\" debug=\\\"true\";", p.get(SaslConfigs.SASL_JAAS_CONFIG));
    }

    @Test
    void theDescriptionNamesMechanismAndUserButNeverThePassword() {
        try (KafkaSink inTest = KafkaSinks.read(MINIMAL + "auth: {mechanism: scram-sha-512, username: alice, password: s3cr3t}")) {
            assertTrue(inTest.describe().contains("SASL SCRAM-SHA-512 as 'alice'"), inTest.describe());
            assertFalse(inTest.toString().contains("s3cr3t"), inTest.toString());
            assertFalse(inTest.settings().toString().contains("s3cr3t"), inTest.settings().toString());
            assertEquals("s3cr3t", inTest.secrets().get(0).reveal());
        }
    }

    @Test
    void aClientCertificateWithoutItsKeyIsRefused() throws Exception {
        Path cert = Files.writeString(tmp.resolve("cert.pem"), "x");
        ConfigException e = refused(MINIMAL + "tls: {enabled: true, cert_file: " + cert + "}");

        assertEquals("sinks.kafka.tls.key_file", e.key());
    }

    @Test
    void aMissingCaFileIsRefusedNamingIt() {
        ConfigException e = refused(MINIMAL + "tls: {enabled: true, ca_file: " + tmp.resolve("nope.pem") + "}");

        assertEquals("sinks.kafka.tls.ca_file", e.key());
    }

    @Test
    void aCaFileWithoutACertificateIsRefused() throws Exception {
        Path ca = Files.writeString(tmp.resolve("ca.pem"), "not a certificate\n");
        ConfigException e = refused(MINIMAL + "tls: {enabled: true, ca_file: " + ca + "}");

        assertEquals("sinks.kafka.tls.ca_file", e.key());
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        TestCa own = TestCa.selfSigned(tmp, "client");
        Path rsa = Files.writeString(tmp.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        ConfigException e = refused(MINIMAL + "tls: {enabled: true, cert_file: " + own.clientCertPem() + ", key_file: " + rsa + "}");

        assertEquals("sinks.kafka.tls.key_file", e.key());
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() throws Exception {
        TestCa own = TestCa.selfSigned(tmp, "client");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        Path otherKey = Files.writeString(tmp.resolve("other-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ec.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        ConfigException e = refused(MINIMAL + "tls: {enabled: true, cert_file: " + own.clientCertPem()
                + ", key_file: " + otherKey + "}");

        assertEquals("sinks.kafka.tls.key_file", e.key());
        assertTrue(e.getMessage().contains("is not the key of the certificate"), e.getMessage());
    }

    @Test
    void aMatchingCertificateAndKeyAreAccepted() throws Exception {
        TestCa own = TestCa.selfSigned(tmp, "client");
        try (KafkaSink inTest = KafkaSinks.read(MINIMAL + "tls: {enabled: true, cert_file: " + own.clientCertPem()
                + ", key_file: " + own.clientKeyPem() + "}")) {
            assertTrue(inTest.settings().tls().enabled());
        }
    }
}
