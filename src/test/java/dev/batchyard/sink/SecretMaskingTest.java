package dev.batchyard.sink;

import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.http.HttpSettings;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {
    private static final String PASSWORD = "pa55-w0rd-xyz";
    private static final String TOKEN = "tok-abcdef-987";

    private static SinkRegistry load(String yaml) {
        return SinkConfig.read(sinks(yaml), SinkRuntime.create(Clock.systemUTC(), 1));
    }

    @Test
    void secretPrintsAsStars() {
        assertTrue(Secret.of(PASSWORD).toString().equals("****"));
        assertTrue(Secret.of(PASSWORD).redactFrom("x " + PASSWORD + " y").equals("x **** y"));
    }

    @Test
    void httpSettingsToStringHidesPasswordTokenAndAuthHeaders() {
        ConfigNode node = new ConfigNode(sinks("""
                sinks:
                  loki:
                    url: "http://user:%s@loki:3100"
                    headers: {Authorization: "Bearer %s", X-Api-Key: "%s", X-Team: platform}
                    auth: {type: basic, username: bob, password: "%s"}
                """.formatted(PASSWORD, TOKEN, TOKEN, PASSWORD)).get("loki"), "sinks.loki");

        String shown = HttpSettings.read(node).toString();

        assertFalse(shown.contains(PASSWORD), shown);
        assertFalse(shown.contains(TOKEN), shown);
        assertTrue(shown.contains("platform"), shown);
        assertTrue(shown.contains("bob"), shown);
    }

    @Test
    void describeHidesCredentialsInTheUrl() {
        try (SinkRegistry reg = load("sinks:\n  loki: {enabled: true, url: \"http://user:" + PASSWORD + "@loki:3100\"}\n")) {
            String described = reg.sink("loki").orElseThrow().describe();
            assertFalse(described.contains(PASSWORD), described);
            assertTrue(described.contains("loki:3100"), described);
        }
    }

    @Test
    void configErrorNeverQuotesAPassword() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(
                "sinks:\n  loki: {enabled: true, url: \"ftp://user:" + PASSWORD + "@loki\"}\n").close());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertTrue(e.getMessage().contains("sinks.loki.url"), e.getMessage());
    }

    @Test
    void bearerAuthToStringHidesTheToken() {
        ConfigNode node = new ConfigNode(sinks("sinks:\n  http: {url: \"http://h\", auth: {type: bearer, token: \""
                + TOKEN + "\"}}\n").get("http"), "sinks.http");
        assertFalse(HttpSettings.read(node).auth().toString().contains(TOKEN));
    }
}
