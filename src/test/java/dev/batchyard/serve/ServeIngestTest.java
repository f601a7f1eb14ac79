package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static dev.batchyard.serve.testsupport.ServeFixture.INGEST_TOKEN;
import static dev.batchyard.serve.testsupport.ServeFixture.OPERATOR_TOKEN;
import static dev.batchyard.serve.testsupport.ServeFixture.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.model.LogEntry;
import dev.batchyard.serve.ingest.LokiEntries;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest routes against a real server on loopback and a real store. */
class ServeIngestTest {
    static final String PUSH = """
            {"streams": [
              {"stream": {"job": "api", "env": "prod"},
               "values": [["1700000000000000001", "GET /orders 200"],
                          ["1700000000500000000", "GET /orders 500", {"trace_id": "abc123"}]]},
              {"stream": {"job": "db"}, "values": [["1700000001000000000", "slow query"]]}
            ]}""";

    @TempDir
    Path store;
    private ServeFixture inTest;
    private final Http http = new Http();

    @BeforeEach
    void start() {
        inTest = new ServeFixture(store, ServeFixture.withTokens());
    }

    @AfterEach
    void stop() {
        if (inTest != null) {
            inTest.close();
        }
    }

    private HttpResponse<String> pushJson(byte[] body, String... headers) {
        return http.post(inTest.url("/loki/api/v1/push"), "application/json", body, headers);
    }

    private static String[] with(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aLokiJsonPushIsOneBatchForTheConfiguredSinkStoredBeforeThe204() {
        HttpResponse<String> answer = pushJson(PUSH.getBytes(StandardCharsets.UTF_8), bearer(INGEST_TOKEN));

        assertEquals(204, answer.statusCode(), answer.body());
        List<BatchView> stored = inTest.stored();
        assertEquals(1, stored.size());
        BatchView batch = stored.get(0);
        assertEquals("loki", batch.sink());
        assertEquals(3, batch.entryCount());
        assertTrue(batch.id().startsWith("loki-"), batch.id());
        assertEquals(Map.of("created_by", "batchyard_serve", "ingest", "loki", "pushed_by", "promtail"), batch.context());
    }

    @Test
    void eachLineKeepsItsTimeToTheNanosecondItsLabelsAndItsStructuredMetadata() {
        pushJson(PUSH.getBytes(StandardCharsets.UTF_8), bearer(INGEST_TOKEN));

        Batch batch = inTest.console().batch(inTest.stored().get(0).id()).orElseThrow();
        List<LogEntry> entries = batch.entries();
        assertEquals(OffsetDateTime.of(2023, 11, 14, 22, 13, 20, 1, ZoneOffset.UTC), entries.get(0).timestamp());
        assertEquals("GET /orders 200", entries.get(0).message());
        assertEquals(Map.of("job", "api", "env", "prod"), entries.get(0).labels());
        assertEquals(null, entries.get(0).fields());
        assertEquals(Map.of(LokiEntries.STRUCTURED_METADATA, Map.of("trace_id", "abc123")), entries.get(1).fields());
        assertEquals(Map.of("job", "db"), entries.get(2).labels());
        assertEquals("loki", entries.get(2).sourceType());
    }

    @Test
    void anAcknowledgedPushIsThereAfterTheStoreIsReopened() {
        assertEquals(204, pushJson(PUSH.getBytes(StandardCharsets.UTF_8), bearer(INGEST_TOKEN)).statusCode());
        String id = inTest.stored().get(0).id();
        inTest.close();
        inTest = null;

        try (BatchPersistence reopened = BatchPersistence.open(dev.batchyard.engine.PersistenceConfig.defaults(store),
                Delivery.none(), Clock.systemUTC())) {
            assertEquals(3, reopened.batch(id).orElseThrow().entries().size());
        }
    }

    @Test
    void aProtobufSnappyPushAsPromtailSendsItIsStored() {
        byte[] body = new dev.batchyard.serve.ingest.LokiProtoBodiesAccess().promtailLike();

        HttpResponse<String> answer = http.post(inTest.url("/loki/api/v1/push"), "application/x-protobuf", body,
                bearer(INGEST_TOKEN));

        assertEquals(204, answer.statusCode(), answer.body());
        Batch batch = inTest.console().batch(inTest.stored().get(0).id()).orElseThrow();
        assertEquals(2, batch.entries().size());
        assertEquals(Map.of("job", "varlogs", "filename", "/var/log/syslog"), batch.entries().get(0).labels());
        assertEquals("Nov 14 22:13:20 host sshd[42]: session opened", batch.entries().get(0).message());
        assertEquals(Map.of(LokiEntries.STRUCTURED_METADATA, Map.of("pod", "api-7")), batch.entries().get(1).fields());
    }

    @Test
    void aGzipJsonPushIsStored() throws Exception {
        HttpResponse<String> answer = pushJson(gzip(PUSH.getBytes(StandardCharsets.UTF_8)),
                with(bearer(INGEST_TOKEN), "Content-Encoding", "gzip"));

        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(3, inTest.stored().get(0).entryCount());
    }

    @Test
    void aPushWithoutEntriesStoresNothingAndIsAnswered204() {
        HttpResponse<String> answer = pushJson("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[]}]}"
                .getBytes(StandardCharsets.UTF_8), bearer(INGEST_TOKEN));

        assertEquals(204, answer.statusCode());
        assertEquals(List.of(), inTest.stored());
    }

    @Test
    void aPushForAListedTenantGoesToItsSink() {
        HttpResponse<String> answer = pushJson(PUSH.getBytes(StandardCharsets.UTF_8),
                with(bearer(INGEST_TOKEN), "X-Scope-OrgID", "team-a"));

        assertEquals(204, answer.statusCode(), answer.body());
        BatchView batch = inTest.stored().get(0);
        assertEquals("loki_a", batch.sink());
        assertEquals("team-a", batch.context().get("tenant"));
    }

    @Test
    void aPushForATenantNotListedIsRefusedAndNothingIsStored() {
        HttpResponse<String> answer = pushJson(PUSH.getBytes(StandardCharsets.UTF_8),
                with(bearer(INGEST_TOKEN), "X-Scope-OrgID", "team-b"));

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("tenant 'team-b' (X-Scope-OrgID) is not in serve.ingest.loki.tenants"),
                answer.body());
        assertEquals(List.of(), inTest.stored());
    }

    @Test
    void aMalformedPushIs400NamingThePlace() {
        HttpResponse<String> answer = pushJson("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[1,\"x\"]]}]}"
                .getBytes(StandardCharsets.UTF_8), bearer(INGEST_TOKEN));

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().startsWith("{\"error\":\"streams[0].values[0][0]: expected the time as a string"),
                answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void anotherContentTypeIs415() {
        HttpResponse<String> answer = http.post(inTest.url("/loki/api/v1/push"), "text/plain",
                PUSH.getBytes(StandardCharsets.UTF_8), bearer(INGEST_TOKEN));

        assertEquals(415, answer.statusCode());
        assertTrue(answer.body().contains("Content-Type 'text/plain' is not a Loki push"), answer.body());
    }

    @Test
    void anotherContentEncodingIs415() {
        HttpResponse<String> answer = pushJson(PUSH.getBytes(StandardCharsets.UTF_8),
                with(bearer(INGEST_TOKEN), "Content-Encoding", "br"));

        assertEquals(415, answer.statusCode());
    }

    @Test
    void aPersistedBatchIsStoredLosslesslyAndAnswered201WithItsLocation() throws Exception {
        byte[] body = java.nio.file.Files.readAllBytes(Path.of(
                "src/test/resources/legacy-go-format/batch_batch-1764160000000000000.json"));

        HttpResponse<String> answer = http.post(inTest.url("/api/v1/batches"), "application/json", body,
                bearer(INGEST_TOKEN));

        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals("/api/v1/batches/batch-1764160000000000000", answer.headers().firstValue("Location").orElse(""));
        // the stored batch's metadata as GET /api/v1/batches lists it (a remote console's persist answers it)
        com.fasterxml.jackson.databind.JsonNode created = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
        assertEquals("batch-1764160000000000000", created.get("id").asText());
        assertEquals("elasticsearch", created.get("sink").asText());
        assertEquals(1, created.get("entries").asInt());
        assertEquals("RETRY_WAIT", created.get("state").asText());
        assertEquals(3, created.get("retry_count").asInt());
        assertEquals("2026-11-26T15:11:12.000000789-03:00", created.get("created_at").asText());
        assertTrue(created.get("bytes").asLong() > 0);
        BatchView stored = inTest.console().find("batch-1764160000000000000").orElseThrow();
        assertEquals(3, stored.retryCount());
        assertEquals(OffsetDateTime.parse("2026-11-26T15:11:12.000000789-03:00"), stored.createdAt());
        assertEquals("container restarted", inTest.console().batch(stored.id()).orElseThrow().entries().get(0).message());
    }

    @Test
    void aPersistedBatchWhoseIdIsStoredAlreadyIs409() throws Exception {
        byte[] body = java.nio.file.Files.readAllBytes(Path.of(
                "src/test/resources/legacy-go-format/batch_batch-1764160000000000000.json"));
        http.post(inTest.url("/api/v1/batches"), "application/json", body, bearer(INGEST_TOKEN));

        HttpResponse<String> again = http.post(inTest.url("/api/v1/batches"), "application/json", body,
                bearer(INGEST_TOKEN));

        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("batch 'batch-1764160000000000000' is already in the store"), again.body());
    }

    @Test
    void aPersistedBatchWithAnIdThatCouldEscapeAFileNameIs400() {
        String body = "{\"id\":\"../../etc/passwd\",\"entries\":[],\"sink_type\":\"loki\","
                + "\"created_at\":\"2026-11-26T15:11:12Z\",\"last_attempt\":\"0001-01-01T00:00:00Z\",\"retry_count\":0}";

        HttpResponse<String> answer = http.post(inTest.url("/api/v1/batches"), "application/json",
                body.getBytes(StandardCharsets.UTF_8), bearer(INGEST_TOKEN));

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("may only contain ASCII letters"), answer.body());
    }

    @Test
    void notAPersistedBatchIs400() {
        HttpResponse<String> answer = http.post(inTest.url("/api/v1/batches"), "application/json",
                "{\"id\": 5}".getBytes(StandardCharsets.UTF_8), bearer(INGEST_TOKEN));

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().startsWith("{\"error\":\"not a PersistedBatch: at /id"), answer.body());
    }

    @Test
    void anOperatorMayPushToo() {
        assertEquals(204, pushJson(PUSH.getBytes(StandardCharsets.UTF_8), bearer(OPERATOR_TOKEN)).statusCode());
    }

    @Test
    void aViewerMayNotPush() {
        HttpResponse<String> answer = pushJson(PUSH.getBytes(StandardCharsets.UTF_8), bearer(VIEWER_TOKEN));

        assertEquals(403, answer.statusCode());
        assertEquals("{\"error\":\"the token 'grafana' (viewer) may not push batches\"}", answer.body());
        assertEquals(List.of(), inTest.stored());
    }

    static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
