package dev.batchyard.sink;

import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.sink.config.SinkConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkRegistryConfigTest {

    private static SinkRegistry load(String yaml) {
        return SinkConfig.read(sinks(yaml), SinkRuntime.create(Clock.systemUTC(), 1));
    }

    private static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml).close());
    }

    @Test
    void readsTheGoAgentsSinksSection() {
        try (SinkRegistry inTest = load("""
                sinks:
                  loki:
                    enabled: true
                    url: "http://loki:3100"
                    push_endpoint: "/loki/api/v1/push"
                    tenant_id: ""
                    timeout: "120s"
                    batch_size: 500
                    queue_size: 25000
                    headers:
                      "User-Agent": "ssw-logs-capture/v0.0.2"
                      "Content-Type": "application/json"
                    auth: {type: "none", username: "", password: "", token: ""}
                    tls: {enabled: false, verify_certificate: true, ca_file: "", cert_file: "", key_file: ""}
                  local_file:
                    enabled: true
                    directory: "/tmp/batchyard-out"
                    filename_pattern: "logs-{date}-{hour}.log"
                  elasticsearch: {enabled: false, urls: [], index: "", username: "", password: ""}
                  splunk: {enabled: false, url: "", token: "", index: ""}
                  kafka: {enabled: true, brokers: ["kafka:9092"], topic: "logs", compression: "snappy", batch_size: 1000,
                          queue_size: 25000, required_acks: 1}
                """)) {
            // kafka was "not supported" before issue 20; the Go agent's kafka block now makes a kafka sink
            assertEquals(List.of("loki", "local_file", "kafka"), inTest.sinks().stream().map(ConfiguredSink::name).toList());
            assertEquals(Duration.ofSeconds(120), inTest.sink("loki").orElseThrow().timeout());
            assertEquals(List.of("elasticsearch", "splunk"), List.copyOf(inTest.disabled().keySet()));
            assertTrue(inTest.sink("kafka").orElseThrow().describe().startsWith("Kafka topic logs at kafka:9092, snappy"),
                    inTest.sink("kafka").orElseThrow().describe());
        }
    }

    @Test
    void appliesDeliveryPolicyDefaults() {
        try (SinkRegistry inTest = load("sinks:\n  s:\n    enabled: true\n    type: simulated\n")) {
            SinkPolicy p = inTest.find("s").orElseThrow().policy();
            assertEquals(4, p.maxConcurrency());
            assertEquals(5, p.failureThreshold());
            assertEquals(Duration.ofSeconds(30), p.coolDown());
            assertInstanceOf(RecoveryStrategy.DeadLetter.class, p.recovery());
        }
    }

    @Test
    void invalidUrlNamesItsKey() {
        ConfigException e = refused("sinks:\n  loki:\n    enabled: true\n    url: \"loki:3100\"\n");
        assertEquals("sinks.loki.url", e.key());
    }

    @Test
    void missingUrlNamesItsKey() {
        assertEquals("sinks.loki.url", refused("sinks:\n  loki:\n    enabled: true\n").key());
    }

    @Test
    void invalidTimeoutNamesItsKeyAndTheGoSyntax() {
        ConfigException e = refused("sinks:\n  loki:\n    enabled: true\n    url: http://l:3100\n    timeout: 30\n");
        assertEquals("sinks.loki.timeout", e.key());
        assertTrue(e.getMessage().contains("Go duration"), e.getMessage());
    }

    @Test
    void unknownAuthTypeNamesItsKey() {
        assertEquals("sinks.loki.auth.type", refused("""
                sinks:
                  loki: {enabled: true, url: "http://l:3100", auth: {type: digest}}
                """).key());
    }

    @Test
    void elasticsearchWithoutIndexIsRefused() {
        assertEquals("sinks.elasticsearch.index",
                refused("sinks:\n  elasticsearch: {enabled: true, urls: [\"http://es:9200\"]}\n").key());
    }

    @Test
    void splunkWithoutTokenIsRefused() {
        assertEquals("sinks.splunk.token", refused("sinks:\n  splunk: {enabled: true, url: \"http://s:8088\"}\n").key());
    }

    @Test
    void sinkOfUnknownTypeIsRefused() {
        ConfigException e = refused("sinks:\n  archive: {enabled: true}\n");
        assertEquals("sinks.archive.type", e.key());
    }

    @Test
    void failureRateOutsideZeroToOneIsRefused() {
        assertEquals("sinks.s.failure_rate",
                refused("sinks:\n  s: {enabled: true, type: simulated, failure_rate: 1.5}\n").key());
    }

    @Test
    void fallbackToUnknownSinkIsRefused() {
        ConfigException e = refused("sinks:\n  a: {enabled: true, type: simulated, fallback: nowhere}\n");
        assertEquals("sinks.a.fallback", e.key());
    }

    @Test
    void fallbackToDisabledSinkIsRefused() {
        ConfigException e = refused("""
                sinks:
                  a: {enabled: true, type: simulated, fallback: b}
                  b: {enabled: false, type: simulated}
                """);
        assertTrue(e.getMessage().contains("not enabled"), e.getMessage());
    }

    @Test
    void fallbackToItselfIsRefused() {
        assertEquals("sinks.a.fallback", refused("sinks:\n  a: {enabled: true, type: simulated, fallback: a}\n").key());
    }

    @Test
    void fallbackCycleIsRefused() {
        ConfigException e = refused("""
                sinks:
                  a: {enabled: true, type: simulated, fallback: b}
                  b: {enabled: true, type: simulated, fallback: a}
                """);
        assertTrue(e.getMessage().contains("leads back"), e.getMessage());
    }

    @Test
    void onFailureFallbackWithoutTargetIsRefused() {
        assertEquals("sinks.a.fallback", refused("sinks:\n  a: {enabled: true, type: simulated, on_failure: fallback}\n").key());
    }

    @Test
    void restrictedHeaderIsRefused() {
        assertEquals("sinks.http.headers.Host", refused("""
                sinks:
                  http: {enabled: true, url: "http://h:80", headers: {Host: evil}}
                """).key());
    }

    @Test
    void unknownOrDisabledSinkIsNotConfigured() {
        try (SinkRegistry reg = load("sinks:\n  s: {enabled: true, type: simulated}\n  off: {enabled: false}\n")) {
            SinkDelivery inTest = new SinkDelivery(reg, new EventBus(Clock.systemUTC()), Clock.systemUTC());
            assertEquals(Admission.notConfigured(), inTest.admit("elasticsearch"));
            assertEquals(Admission.notConfigured(), inTest.admit("off"));
            assertEquals(Admission.send(), inTest.admit("s"));
            assertFalse(inTest.health("off").configured());
            assertEquals(SinkHealth.NOT_CONFIGURED, inTest.health("elasticsearch"));
            assertEquals(SinkHealth.CLOSED, inTest.health("s"));
        }
    }

    @Test
    void missingSinksSectionMeansNoSinks() {
        try (SinkRegistry inTest = SinkConfig.read(null, SinkRuntime.create(Clock.systemUTC(), 1))) {
            assertTrue(inTest.sinks().isEmpty());
        }
    }
}
