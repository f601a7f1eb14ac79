package dev.batchyard.sink.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.FailureReasonScrubber;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkStatus;
import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kafka sink against a broker that wants SASL (SCRAM-SHA-256, SCRAM-SHA-512 or PLAIN) and
 * checks ACLs: {@code alice} may write the topic, {@code bob} may not.
 */
class KafkaSaslTest {
    @TempDir
    static Path dir;
    static KafkaBroker broker;
    static KafkaTopics topics;
    static String topic;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(dir, KafkaBroker.Security.SASL);
        topics = new KafkaTopics(broker);
        topic = topics.create("secured", 1, Map.of());
        try (Admin admin = topics.admin()) {
            ResourcePattern onTopic = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            admin.createAcls(List.of(
                    new AclBinding(onTopic, new AccessControlEntry("User:" + KafkaBroker.WRITER, "*", AclOperation.WRITE,
                            AclPermissionType.ALLOW)),
                    new AclBinding(onTopic, new AccessControlEntry("User:" + KafkaBroker.WRITER, "*", AclOperation.DESCRIBE,
                            AclPermissionType.ALLOW)))).all().get(60, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static KafkaSink sink(String mechanism, String user, String password) {
        return KafkaSinks.read("brokers: [" + broker.bootstrap() + "]\ntopic: " + topic + "\ntimeout: 5s\n"
                + "auth: {mechanism: " + mechanism + ", username: " + user + ", password: \"" + password + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN"})
    void eachMechanismDeliversWithTheRightPassword(String mechanism) throws Exception {
        try (KafkaSink inTest = sink(mechanism, KafkaBroker.WRITER, KafkaBroker.WRITER_PASSWORD)) {
            DeliveryOutcome outcome = KafkaSinks.deliver(inTest, TestBatches.batch("s-" + mechanism, "kafka", 3));

            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome, outcome.toString());
        }
    }

    @Test
    void aWrongPasswordIsARetryableAuthenticationFailureThatNeverShowsThePassword() throws Exception {
        try (KafkaSink inTest = sink("SCRAM-SHA-256", KafkaBroker.WRITER, "not-alices-password")) {
            DeliveryOutcome outcome = KafkaSinks.deliver(inTest, TestBatches.batch("w", "kafka", 10));
            String shown = new FailureReasonScrubber(inTest.secrets()).scrub(outcome).toString();

            DeliveryOutcome.Failed failed = assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(failed.retryable(), "a wrong password must not send the backlog DEAD");
            assertTrue(failed.reason().startsWith("all 10 records failed: authentication failed at " + broker.bootstrap()
                    + " (SASL SCRAM-SHA-256 as 'alice')"), failed.reason());
            assertFalse(shown.contains("not-alices-password"), shown);
        }
    }

    @Test
    void aUserWithoutWriteAccessGetsARetryableNotAuthorizedFailure() throws Exception {
        try (KafkaSink inTest = sink("SCRAM-SHA-512", KafkaBroker.STRANGER, KafkaBroker.STRANGER_PASSWORD)) {
            DeliveryOutcome outcome = KafkaSinks.deliver(inTest, TestBatches.batch("n", "kafka", 10));

            DeliveryOutcome.Failed failed = assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(failed.retryable());
            assertEquals("all 10 records failed: not authorized to write to topic '" + topic + "' as 'bob': grant it WRITE"
                    + " (and DESCRIBE) on the topic", failed.reason());
        }
    }

    @Test
    void theSinksHealthShowsAuthenticationAndAuthorizationFailuresEachWorded() throws Exception {
        String base = "brokers: [" + broker.bootstrap() + "]\ntopic: " + topic + "\ntimeout: 5s\n";
        SinkDelivery wrongPassword = KafkaSinks.delivery(base + "auth: {mechanism: SCRAM-SHA-256, username: alice,"
                + " password: wrong}");
        SinkDelivery stranger = KafkaSinks.delivery(base + "auth: {mechanism: SCRAM-SHA-256, username: bob, password: "
                + KafkaBroker.STRANGER_PASSWORD + "}");
        try {
            SinkStatus unauthenticated = KafkaSinks.statusAfter(wrongPassword, TestBatches.batch("a-1", "kafka", 2));
            SinkStatus unauthorized = KafkaSinks.statusAfter(stranger, TestBatches.batch("a-2", "kafka", 2));

            assertTrue(unauthenticated.lastFailure().contains("authentication failed at"), unauthenticated.lastFailure());
            assertTrue(unauthorized.lastFailure().contains("not authorized to write to topic"), unauthorized.lastFailure());
        } finally {
            wrongPassword.registry().close();
            stranger.registry().close();
        }
    }
}
