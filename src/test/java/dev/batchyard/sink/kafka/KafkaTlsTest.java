package dev.batchyard.sink.kafka;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka sink against a broker that speaks TLS only, with a certificate from a test CA, and
 * wants a client certificate from the same CA: {@code ca_file}, {@code cert_file} and
 * {@code key_file} are PEM files that the sink reads itself.
 */
class KafkaTlsTest {
    @TempDir
    static Path dir;
    static KafkaBroker broker;
    static String topic;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(dir, KafkaBroker.Security.SSL);
        topic = new KafkaTopics(broker).create("tls", 1, Map.of());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static KafkaSink sink(String tls) {
        return KafkaSinks.read("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic + "\ntimeout: 5s\ntls: " + tls);
    }

    static String files(Path ca) {
        return "ca_file: " + ca + ", cert_file: " + broker.ca().clientCertPem() + ", key_file: " + broker.ca().clientKeyPem();
    }

    @Test
    void theTestCaAndAClientCertificateFromPemFilesDeliver() throws Exception {
        try (KafkaSink inTest = sink("{enabled: true, " + files(broker.ca().caPem()) + "}")) {
            DeliveryOutcome outcome = KafkaSinks.deliver(inTest, TestBatches.batch("t", "kafka", 3));

            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
            assertTrue(inTest.describe().endsWith(", TLS"), inTest.describe());
        }
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsARetryableTlsFailure() throws Exception {
        try (KafkaSink inTest = sink("{enabled: true, " + files(broker.ca().strangerCaPem()) + "}")) {
            DeliveryOutcome outcome = KafkaSinks.deliver(inTest, TestBatches.batch("x", "kafka", 3));

            DeliveryOutcome.Failed failed = assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(failed.retryable());
            assertTrue(failed.reason().startsWith("all 3 records failed: TLS handshake with " + broker.bootstrap() + " failed"),
                    failed.reason());
        }
    }

    @Test
    void verifyCertificateFalseTrustsAnyBrokerAndSaysSoInTheDescription() throws Exception {
        try (KafkaSink inTest = sink("{enabled: true, verify_certificate: false, cert_file: " + broker.ca().clientCertPem()
                + ", key_file: " + broker.ca().clientKeyPem() + "}")) {
            DeliveryOutcome outcome = KafkaSinks.deliver(inTest, TestBatches.batch("v", "kafka", 3));

            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
            assertTrue(inTest.describe().contains("TLS NOT VERIFIED"), inTest.describe());
        }
    }

    @Test
    void withoutAClientCertificateTheBrokerRefusesTheHandshake() throws Exception {
        try (KafkaSink inTest = sink("{enabled: true, ca_file: " + broker.ca().caPem() + "}")) {
            DeliveryOutcome outcome = KafkaSinks.deliver(inTest, TestBatches.batch("c", "kafka", 3));

            DeliveryOutcome.Failed failed = assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(failed.retryable());
            assertTrue(failed.reason().contains("TLS handshake with " + broker.bootstrap() + " failed"), failed.reason());
        }
    }
}
