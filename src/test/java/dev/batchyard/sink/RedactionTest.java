package dev.batchyard.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented rule of what is never shown, example by example. */
class RedactionTest {

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "X-Auth", "Authentication", "Proxy-Authorization", "X-Api-Key", "api_key",
        "apikey", "access_token", "X-Secret", "password", "passwd", "pwd", "Cookie", "X-Session-Id",
        "X-Credentials", "X-Amz-Signature"})
    void theseNamesAreSensitive(String name) {
        assertTrue(Redaction.isSensitiveName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Team", "X-Scope-OrgID", "Content-Type", "index", "org", "User-Agent"})
    void theseNamesAreNot(String name) {
        assertFalse(Redaction.isSensitiveName(name));
    }

    @Test
    void aHeaderWhoseValueStartsWithAnAuthSchemeIsSensitiveWhateverItsName() {
        assertTrue(Redaction.isSensitiveHeader("X-Forward", "Bearer abc"));
        assertTrue(Redaction.isSensitiveHeader("X-Forward", "basic dXNlcjpwYXNz"));
        assertFalse(Redaction.isSensitiveHeader("X-Forward", "platform"));
    }

    @Test
    void aUrlLosesItsUserInfoAndSensitiveQueryValuesOnly() {
        assertEquals("https://****@h:1/p?org=acme&api_key=****&x=1#f",
                Redaction.url("https://bob:pw@h:1/p?org=acme&api_key=k1&x=1#f"));
        assertEquals("http://h/p?api%5Fkey=****", Redaction.url("http://h/p?api%5Fkey=k1"));
    }

    @Test
    void freeTextLosesUrlsCredentialsPairsAndSchemeCredentials() {
        String shown = Redaction.text("POST http://u:p@h/x?token=t1 failed: password=hunter2, \"secret\": \"s3\","
                + " sent Authorization: Bearer eyJhbGciOi.xyz and Basic dXNlcjpwYXNz; index=logs");

        for (String hidden : new String[] {"u:p", "t1", "hunter2", "s3\"", "eyJhbGciOi", "dXNlcjpwYXNz"}) {
            assertFalse(shown.contains(hidden), hidden + " in " + shown);
        }
        assertTrue(shown.contains("index=logs"), shown);
    }

    @Test
    void proseAfterASchemeWordStays() {
        assertEquals("Basic authentication required", Redaction.text("Basic authentication required"));
    }

    @Test
    void aLongRunOfWordCharactersIsScannedInLinearTime() {
        String hostile = "x".repeat(200_000) + "=" + "y".repeat(200_000) + "://" + "z".repeat(100_000);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Redaction.text(hostile));
    }
}
