package dev.batchyard.sink.http;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LoopbackServer.Reply;
import dev.batchyard.sink.testsupport.LoopbackServer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials in an HTTP sink's config: refused at load when the HTTP client could not send them
 * (its exception would quote them), and never shown, by the rule of {@code Redaction}.
 */
class HttpCredentialsTest {
    private static final String SECRET = "s3cr3t-Value-42";
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SinkRegistry load(String yaml) {
        return SinkConfig.read(sinks(yaml), SinkRuntime.create(Clock.systemUTC(), 1));
    }

    private static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml).close());
    }

    private DeliveryOutcome.Failed failedDelivery(String sinkYaml, String sink) throws Exception {
        try (SinkRegistry registry = load(sinkYaml)) {
            return assertInstanceOf(DeliveryOutcome.Failed.class,
                    registry.sink(sink).orElseThrow().deliver(batch("b-1", sink, 1)).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSplunkTokenWithALineBreakIsRefusedAtLoadNamingTheKeyButNotTheValue() {
        ConfigException e = refused("""
                sinks:
                  splunk: {enabled: true, url: "http://splunk:8088", token: "abc\\n%s"}
                """.formatted(SECRET));

        assertEquals("sinks.splunk.token", e.key());
        assertEquals(ConfigNode.HIDDEN, e.value());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("abc"), e.getMessage());
        assertTrue(e.getMessage().contains("U+000A"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tök€n-SECRETX", "SECRETX\\tinside", "SECRETX\\e[31m", " SECRETX"})
    void aBearerTokenTheHttpClientCannotSendIsRefusedAtLoad(String token) {
        ConfigException e = refused("""
                sinks:
                  loki: {enabled: true, url: "http://loki:3100", auth: {type: bearer, token: "%s"}}
                """.formatted(token));

        assertEquals("sinks.loki.auth.token", e.key());
        assertFalse(e.getMessage().contains("SECRETX"), e.getMessage());
    }

    @Test
    void aBasicPasswordWithALineBreakIsRefusedAtLoad() {
        ConfigException e = refused("""
                sinks:
                  elasticsearch: {enabled: true, urls: ["http://es:9200"], index: logs, username: elastic,
                                  password: "%s\\n"}
                """.formatted(SECRET));

        assertEquals("sinks.elasticsearch.password", e.key());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedAtLoadAndASensitiveOneIsNotQuoted() {
        ConfigException e = refused("""
                sinks:
                  http: {enabled: true, url: "http://h", headers: {X-Auth: "%s\\nInjected: 1"}}
                """.formatted(SECRET));

        assertEquals("sinks.http.headers.X-Auth", e.key());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aHeaderNameThatIsNotAnHttpTokenIsRefusedAtLoad() {
        ConfigException e = refused("""
                sinks:
                  http: {enabled: true, url: "http://h", headers: {"X Team": platform}}
                """);

        assertEquals("sinks.http.headers.X Team", e.key());
    }

    @Test
    void describeHidesAnApiKeyInTheUrlQuery() {
        try (SinkRegistry registry = load("""
                sinks:
                  loki: {enabled: true, url: "http://loki:3100?api_key=%s&org=acme"}
                """.formatted(SECRET))) {
            String described = registry.sink("loki").orElseThrow().describe();

            assertFalse(described.contains(SECRET), described);
            assertTrue(described.contains("api_key=****"), described);
            assertTrue(described.contains("org=acme"), described);
        }
    }

    @Test
    void aQueryOnTheBaseUrlStaysAfterThePushPath() throws Exception {
        try (SinkRegistry registry = load("""
                sinks:
                  loki: {enabled: true, url: "%s?api_key=%s"}
                """.formatted(server.uri(), SECRET))) {
            registry.sink("loki").orElseThrow().deliver(batch("b-1", "loki", 1)).get(10, TimeUnit.SECONDS);
        }

        assertEquals("/loki/api/v1/push", server.onlyRequest().path());
        assertEquals("api_key=" + SECRET, server.onlyRequest().query());
    }

    @Test
    void aQueryCredentialStaysOutOfTheReasonWhenTheServerIsUnreachable() throws Exception {
        String url = server.uri() + "/?access_token=" + SECRET;
        server.close();

        DeliveryOutcome.Failed f = failedDelivery("""
                sinks:
                  http: {enabled: true, url: "%s", timeout: 5s}
                """.formatted(url), "http");

        assertFalse(f.reason().contains(SECRET), f.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Auth", "Authentication", "X-Session", "X-Credentials"})
    void aSensitiveHeaderEchoedByTheServerNeverReachesTheReason(String header) throws Exception {
        server.answer(r -> Reply.of(400, "{\"error\":\"bad\",\"you_sent\":\"" + r.header(header) + "\"}"));

        DeliveryOutcome.Failed f = failedDelivery("""
                sinks:
                  http: {enabled: true, url: "%s", headers: {%s: "%s"}}
                """.formatted(server.uri(), header, SECRET), "http");

        assertEquals(SECRET, server.onlyRequest().header(header));
        assertFalse(f.reason().contains(SECRET), f.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Auth", "Authentication", "X-Custom"})
    void settingsToStringHidesSensitiveHeadersByNameOrByTheirValuesShape(String header) {
        String value = header.equals("X-Custom") ? "Bearer " + SECRET : SECRET;
        ConfigNode node = new ConfigNode(sinks("""
                sinks:
                  http: {url: "http://h", headers: {%s: "%s", X-Team: platform}}
                """.formatted(header, value)).get("http"), "sinks.http");

        String shown = HttpSettings.read(node).toString();

        assertFalse(shown.contains(SECRET), shown);
        assertTrue(shown.contains("platform"), shown);
    }
}
