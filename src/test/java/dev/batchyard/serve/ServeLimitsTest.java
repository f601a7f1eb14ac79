package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static dev.batchyard.serve.testsupport.ServeFixture.INGEST_TOKEN;
import static dev.batchyard.serve.testsupport.ServeFixture.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Size limits, timeouts and back-pressure, against a real server on loopback. */
class ServeLimitsTest {
    private static final byte[] PUSH = ServeIngestTest.PUSH.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private ServeFixture inTest;
    private final Http http = new Http();

    @AfterEach
    void stop() {
        if (inTest != null) {
            inTest.close();
        }
    }

    private void start(ServeSettings.Limits limits, int maxPendingBatches) {
        ServeSettings t = ServeFixture.withTokens();
        PersistenceConfig d = PersistenceConfig.defaults(dir.resolve("store"));
        inTest = new ServeFixture(new PersistenceConfig(true, d.directory(), maxPendingBatches, d.batchTimeout(),
                d.maxRecoveryRetries(), d.recoveryBackoffBase(), d.recoveryBackoffMax(), d.cleanupInterval(), d.batchTtl()),
                new ServeSettings(t.listen(), Optional.empty(), t.tokens(), t.lokiSink(), t.lokiTenants(), limits,
                        Duration.ofSeconds(7), Optional.empty()));
    }

    @Test
    void aBodyOverTheLimitIs413NamingTheKeyAndNothingIsStored() {
        start(new ServeSettings.Limits(4096, 8192, Duration.ofSeconds(60), Duration.ofSeconds(30)), 1000);

        HttpResponse<String> answer = http.post(inTest.url("/loki/api/v1/push"), "application/json", new byte[5000],
                bearer(INGEST_TOKEN));

        assertEquals(413, answer.statusCode());
        assertEquals("{\"error\":\"the body is 5000 bytes, over the limit of 4096 bytes (serve.limits.max_body_bytes)\"}",
                answer.body());
        assertEquals(List.of(), inTest.engine().pendingBatches());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() throws Exception {
        start(new ServeSettings.Limits(4096, 8192, Duration.ofSeconds(60), Duration.ofSeconds(30)), 1000);
        String chunk = "x".repeat(3000);

        String answer = raw(inTest.port(), "POST /loki/api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + INGEST_TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("over 4096 bytes"), answer);
    }

    @Test
    void aGzipBodyThatInflatesPastTheDecodedLimitIs413() throws Exception {
        start(new ServeSettings.Limits(64 * 1024, 1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(30)), 1000);
        byte[] bomb = ServeIngestTest.gzip(new byte[50 * 1024 * 1024]); // 50 MiB of zeros in about 50 KiB

        HttpResponse<String> answer = http.post(inTest.url("/loki/api/v1/push"), "application/json", bomb,
                "Authorization", "Bearer " + INGEST_TOKEN, "Content-Encoding", "gzip");

        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("(serve.limits.max_decoded_bytes)"), answer.body());
    }

    @Test
    void aBodyThatTricklesPastTheRequestTimeoutIs408AndNothingIsStored() throws Exception {
        start(new ServeSettings.Limits(1024 * 1024, 1024 * 1024, Duration.ofMillis(600), Duration.ofSeconds(30)), 1000);

        try (Socket s = new Socket("127.0.0.1", inTest.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /loki/api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + INGEST_TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + PUSH.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            for (int i = 0; i < 20 && in.available() == 0; i++) { // a byte every 150 ms: never idle long, always slow
                out.write(PUSH[i]);
                out.flush();
                Thread.sleep(150);
            }
            String answer = new String(in.readNBytes(200), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        }
        assertEquals(List.of(), inTest.engine().pendingBatches());
    }

    @Test
    void aFullStoreAnswers429WithRetryAfterAndKeepsWhatItHas() {
        start(ServeSettings.Limits.DEFAULTS, 1);
        assertEquals(204, http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH, bearer(INGEST_TOKEN))
                .statusCode());

        HttpResponse<String> answer = http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH,
                bearer(INGEST_TOKEN));

        assertEquals(429, answer.statusCode());
        assertEquals("7", answer.headers().firstValue("Retry-After").orElse(""));
        assertTrue(answer.body().contains("the limit (max_pending_batches) is 1"), answer.body());
        assertEquals(1, inTest.engine().pendingBatches().size());
    }

    @Test
    void metricsCountRequestsByRouteAndCodeAndShowTheBacklog() {
        start(ServeSettings.Limits.DEFAULTS, 1);
        http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH, bearer(INGEST_TOKEN));
        http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH, bearer(INGEST_TOKEN));
        http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH);

        String metrics = http.get(inTest.url("/metrics"), bearer(VIEWER_TOKEN)).body();

        assertTrue(metrics.contains("batchyard_http_requests_total{code=\"204\",route=\"loki_push\"} 1.0"), metrics);
        assertTrue(metrics.contains("batchyard_http_requests_total{code=\"429\",route=\"loki_push\"} 1.0"), metrics);
        assertTrue(metrics.contains("batchyard_http_requests_total{code=\"401\",route=\"loki_push\"} 1.0"), metrics);
        assertTrue(metrics.contains("batchyard_batches{sink=\"loki\",state=\"pending\"} 1.0"), metrics);
        assertTrue(metrics.contains("batchyard_batch_bytes{sink=\"loki\",state=\"pending\"}"), metrics);
        assertTrue(metrics.contains("batchyard_oldest_batch_age_seconds{sink=\"loki\"}"), metrics);
        assertTrue(metrics.contains("batchyard_store_fsync_seconds_count"), metrics);
        assertTrue(metrics.contains("batchyard_store_group_commit_seconds_bucket"), metrics);
        assertTrue(metrics.contains("batchyard_store_healthy 1.0"), metrics);
    }

    private static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
