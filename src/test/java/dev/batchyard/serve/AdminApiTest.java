package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static dev.batchyard.serve.testsupport.ServeFixture.INGEST_TOKEN;
import static dev.batchyard.serve.testsupport.ServeFixture.OPERATOR_TOKEN;
import static dev.batchyard.serve.testsupport.ServeFixture.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over the console, against a real server on loopback and a real store. */
class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        inTest.close();
    }

    private void persist(String id, String sink) {
        LogEntry entry = LogEntry.builder().message("line of " + id)
                .timestamp(OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 123_456_789, ZoneOffset.ofHours(2)))
                .labels(Map.of("app", "orders")).build();
        inTest.console().persist(NewBatch.of(id, List.of(entry), sink));
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> answer = http.get(inTest.url(path), bearer(token));
        assertEquals(200, answer.statusCode(), answer::body);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return http.post(inTest.url(path), "application/json", body.getBytes(StandardCharsets.UTF_8), bearer(token));
    }

    @Test
    void withoutATokenTheBatchesAre401() {
        persist("b-1", "loki");

        HttpResponse<String> answer = http.get(inTest.url("/api/v1/batches"));

        assertEquals(401, answer.statusCode());
        assertFalse(answer.body().contains("b-1"));
    }

    @Test
    void aViewersDiscardIs403AndDiscardsNothing() {
        persist("b-1", "loki");

        HttpResponse<String> answer = post("/api/v1/actions/discard", VIEWER_TOKEN,
                "{\"ids\": [\"b-1\"], \"reason\": \"spam\"}");

        assertEquals(403, answer.statusCode());
        assertTrue(inTest.console().find("b-1").isPresent());
    }

    @Test
    void anIngestTokenCannotRead() {
        assertEquals(403, http.get(inTest.url("/api/v1/batches"), bearer(INGEST_TOKEN)).statusCode());
    }

    @Test
    void pagingFollowsNextCursorToTheEndSeeingEachBatchOnce() throws Exception {
        for (int i = 0; i < 25; i++) {
            persist(String.format("b-%02d", i), i % 2 == 0 ? "loki" : "loki_a");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/batches?order=-id&limit=10"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), VIEWER_TOKEN);
            assertEquals(25, page.get("total").asInt());
            page.get("batches").forEach(b -> seen.add(b.get("id").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        List<String> expected = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            expected.add(String.format("b-%02d", i));
        }
        assertEquals(expected, seen);
    }

    @Test
    void anOffsetPageIsRowsKToKPlusNOfTheOrder() throws Exception {
        for (int i = 0; i < 25; i++) {
            persist(String.format("b-%02d", i), i % 2 == 0 ? "loki" : "loki_a");
        }

        JsonNode page = get("/api/v1/batches?order=-id&limit=3&offset=20", VIEWER_TOKEN);
        JsonNode past = get("/api/v1/batches?order=-id&limit=3&offset=30", VIEWER_TOKEN);

        List<String> ids = new ArrayList<>();
        page.get("batches").forEach(b -> ids.add(b.get("id").asText()));
        assertEquals(List.of("b-04", "b-03", "b-02"), ids);
        assertEquals(25, page.get("total").asInt());
        assertEquals(0, past.get("batches").size());
        assertEquals(25, past.get("total").asInt(), "past the end: no rows, and still the total");
        HttpResponse<String> negative = http.get(inTest.url("/api/v1/batches?offset=-1"), bearer(VIEWER_TOKEN));
        assertEquals(400, negative.statusCode());
        assertTrue(negative.body().contains("offset"), negative.body());
    }

    @Test
    void theFilterSelectsBySinkAndState() throws Exception {
        persist("a-1", "loki");
        persist("a-2", "loki_a");

        JsonNode page = get("/api/v1/batches?sink=loki_a&state=pending,dead", VIEWER_TOKEN);

        assertEquals(1, page.get("total").asInt());
        assertEquals("a-2", page.get("batches").get(0).get("id").asText());
        assertEquals("PENDING", page.get("batches").get(0).get("state").asText());
    }

    @Test
    void aViewerSearchesTheEntriesAndGetsEachHitWithItsBatchAndIndex() throws Exception {
        persist("a-1", "loki");
        persist("a-2", "loki_a");
        persist("a-3", "loki");

        JsonNode found = get("/api/v1/search?sink=loki&q=" + URLEncoder.encode("app=orders \"line of\"",
                StandardCharsets.UTF_8), VIEWER_TOKEN);

        assertEquals(2, found.get("hits").size());
        assertEquals("a-1", found.get("hits").get(0).get("batch_id").asText());
        assertEquals(0, found.get("hits").get(0).get("entry_index").asInt());
        assertEquals("line of a-3", found.get("hits").get(1).get("entry").get("message").asText());
        assertEquals("complete", found.get("summary").get("ending").asText());
        assertEquals(2, found.get("summary").get("batches_total").asInt());
    }

    @Test
    void aSearchQueryThatCannotBeReadIs400NamingTheColumn() {
        HttpResponse<String> answer = http.get(inTest.url("/api/v1/search?q=" + URLEncoder.encode("level:\"error",
                StandardCharsets.UTF_8)), bearer(VIEWER_TOKEN));

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("column 7"), answer.body());
        assertEquals(400, http.get(inTest.url("/api/v1/search?q=x&limit=1001"), bearer(VIEWER_TOKEN)).statusCode());
        assertEquals(401, http.get(inTest.url("/api/v1/search?q=x")).statusCode());
    }

    @Test
    void theServerCapsALimitOverItsMaximum() throws Exception {
        inTest.close();
        PersistenceConfig d = PersistenceConfig.defaults(store);
        inTest = new ServeFixture(new PersistenceConfig(true, store, 2000, d.batchTimeout(), d.maxRecoveryRetries(),
                d.recoveryBackoffBase(), d.recoveryBackoffMax(), d.cleanupInterval(), d.batchTtl(), d.maxBatchBytes(),
                d.maxPendingBytes()), ServeFixture.withTokens());
        for (int i = 0; i < 1001; i++) {
            persist("c-" + i, "loki");
        }

        JsonNode page = get("/api/v1/batches?limit=5000", VIEWER_TOKEN);

        assertEquals(1000, page.get("batches").size());
        assertEquals(1001, page.get("total").asInt());
        assertFalse(page.get("next_cursor").isNull());
    }

    @Test
    void badParametersAre400NamingTheParameterAndWhatItTakes() {
        Map<String, List<String>> cases = Map.of(
                "/api/v1/batches?state=SENT", List.of("state", "PENDING, IN_FLIGHT, RETRY_WAIT, DEAD"),
                "/api/v1/batches?order=age", List.of("order", "created", "next_attempt"),
                "/api/v1/batches?limit=0", List.of("limit", "whole number"),
                "/api/v1/batches?min_retries=-1", List.of("min_retries", "whole number"),
                "/api/v1/batches?older_than=yesterday", List.of("older_than", "1h30m"),
                "/api/v1/batches?cursor=not-a-cursor", List.of("cursor"),
                "/api/v1/audit?since=monday", List.of("since", "ISO-8601"));
        cases.forEach((path, words) -> {
            HttpResponse<String> answer = http.get(inTest.url(path), bearer(VIEWER_TOKEN));
            assertEquals(400, answer.statusCode(), path + " " + answer.body());
            words.forEach(w -> assertTrue(answer.body().contains(w), path + " should say " + w + ": " + answer.body()));
        });
    }

    @Test
    void aBatchComesWithItsEntriesAsTheGoAgentWritesThem() throws Exception {
        persist("b-1", "loki");

        JsonNode batch = get("/api/v1/batches/b-1", VIEWER_TOKEN);

        assertEquals("b-1", batch.get("id").asText());
        assertEquals("PENDING", batch.get("state").asText());
        LogEntry stored = inTest.console().batch("b-1").orElseThrow().entries().get(0);
        assertEquals(JSON.readTree(new GoJson().write(stored, false)), batch.get("entries").get(0));
    }

    @Test
    void anUnknownBatchIs404AndAnActionOnItIsAResult() throws Exception {
        assertEquals(404, http.get(inTest.url("/api/v1/batches/nope"), bearer(VIEWER_TOKEN)).statusCode());

        HttpResponse<String> answer = post("/api/v1/actions/retry", OPERATOR_TOKEN, "{\"ids\": [\"nope\"]}");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode results = JSON.readTree(answer.body());
        assertEquals(1, results.get("failed").asInt());
        assertEquals("nope", results.get("results").get(0).get("id").asText());
        assertFalse(results.get("results").get(0).get("ok").asBoolean());
    }

    @Test
    void findAnswersTheStoredOnesInTheOrderAsked() throws Exception {
        persist("b-1", "loki");
        persist("b-2", "loki");

        HttpResponse<String> answer = post("/api/v1/batches/find", VIEWER_TOKEN, "{\"ids\": [\"b-2\", \"gone\", \"b-1\"]}");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode batches = JSON.readTree(answer.body()).get("batches");
        assertEquals(2, batches.size());
        assertEquals("b-2", batches.get(0).get("id").asText());
        assertEquals("b-1", batches.get(1).get("id").asText());
    }

    @Test
    void aDryRunAnswersThePreviewAndChangesNothing() throws Exception {
        persist("b-1", "loki");
        persist("b-2", "loki_a");
        int auditLines = audit().size();

        HttpResponse<String> answer = post("/api/v1/actions/discard", OPERATOR_TOKEN,
                "{\"filter\": {\"state\": [\"PENDING\"]}, \"reason\": \"spam\", \"dry_run\": true}");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode preview = JSON.readTree(answer.body());
        assertTrue(preview.get("dry_run").asBoolean());
        assertEquals(2, preview.get("batches").asInt());
        assertEquals(1, preview.get("per_sink").get("loki_a").get("batches").asInt());
        assertEquals(List.of("b-1", "b-2"), inTest.stored().stream().map(b -> b.id()).toList());
        assertEquals(auditLines, audit().size());
    }

    @Test
    void aDiscardIsAuditedWithTheTokensName() throws Exception {
        persist("b-1", "loki");

        HttpResponse<String> answer = post("/api/v1/actions/discard", OPERATOR_TOKEN,
                "{\"ids\": [\"b-1\"], \"reason\": \"spam\"}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(1, JSON.readTree(answer.body()).get("done").asInt());
        assertTrue(inTest.console().find("b-1").isEmpty());
        AuditRecord line = audit().stream().filter(r -> r.action().equals("discard")).findFirst().orElseThrow();
        assertEquals("ops", line.actor());
        JsonNode page = get("/api/v1/audit?action=discard", VIEWER_TOKEN);
        assertEquals("ops", page.get("records").get(0).get("actor").asText());
        assertEquals("spam", page.get("records").get(0).get("detail").asText());
    }

    @Test
    void aRerouteByFilterMovesTheMatchingBatches() throws Exception {
        persist("b-1", "loki");
        persist("b-2", "loki_a");

        HttpResponse<String> answer = post("/api/v1/actions/reroute", OPERATOR_TOKEN,
                "{\"filter\": {\"sink\": \"loki_a\"}, \"sink\": \"archive\"}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("archive", inTest.console().find("b-2").orElseThrow().sink());
        assertEquals("loki", inTest.console().find("b-1").orElseThrow().sink());
    }

    @Test
    void anActionRequestIsRefusedNamingWhatIsWrong() {
        Map<String, String> cases = Map.of(
                "{\"ids\": [\"b-1\"]}", "reason",
                "{\"reason\": \"x\"}", "ids",
                "{\"ids\": [\"b-1\"], \"filter\": {}, \"reason\": \"x\"}", "exactly one",
                "{\"ids\": [\"b-1\"], \"reason\": \"x\", \"dryrun\": true}", "dryrun",
                "{\"filter\": {\"state\": \"GONE\"}, \"reason\": \"x\"}", "RETRY_WAIT",
                "[1, 2]", "JSON object");
        persist("b-1", "loki");
        cases.forEach((body, word) -> {
            HttpResponse<String> answer = post("/api/v1/actions/discard", OPERATOR_TOKEN, body);
            assertEquals(400, answer.statusCode(), body + " " + answer.body());
            assertTrue(answer.body().contains(word), body + " should say " + word + ": " + answer.body());
        });
        assertTrue(inTest.console().find("b-1").isPresent());
    }

    @Test
    void pauseResumeAndCleanupAnswerTheirState() throws Exception {
        JsonNode paused = JSON.readTree(post("/api/v1/recovery/pause", OPERATOR_TOKEN, "").body());
        assertTrue(paused.get("recovery_paused").asBoolean());
        assertTrue(get("/api/v1/stats", VIEWER_TOKEN).get("recovery_paused").asBoolean());

        JsonNode resumed = JSON.readTree(post("/api/v1/recovery/resume", OPERATOR_TOKEN, "").body());
        assertFalse(resumed.get("recovery_paused").asBoolean());

        HttpResponse<String> cleanup = post("/api/v1/cleanup", OPERATOR_TOKEN, "");
        assertEquals(200, cleanup.statusCode(), cleanup.body());
        assertEquals(0, JSON.readTree(cleanup.body()).get("expired").asInt());
        assertEquals(Set.of("ops"), audit().stream().filter(r -> r.action().endsWith("-recovery"))
                .map(AuditRecord::actor).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theStoreSinksStatsAndDamageAreRead() throws Exception {
        persist("b-1", "loki");

        JsonNode info = get("/api/v1/store", VIEWER_TOKEN);
        assertTrue(info.get("writable").asBoolean());
        assertEquals("writable", info.get("access").get("kind").asText());
        assertEquals(ServeFixture.SINKS.size(), info.get("configured_sinks").size());
        assertEquals(1000, info.get("settings").get("max_pending_batches").asInt());

        JsonNode stats = get("/api/v1/stats", VIEWER_TOKEN);
        assertEquals(1, stats.get("batches").asInt());
        assertEquals(1, stats.get("by_state").get(BatchState.PENDING.name()).asInt());

        Set<String> sinks = new HashSet<>();
        get("/api/v1/sinks", VIEWER_TOKEN).get("sinks").forEach(s -> sinks.add(s.get("name").asText()));
        assertEquals(Set.copyOf(ServeFixture.SINKS), sinks);

        assertEquals(0, get("/api/v1/damage", VIEWER_TOKEN).get("damage").size());
    }

    @Test
    void theCapacityIsReadWithTheCliNames() throws Exception {
        persist("b-1", "loki");

        JsonNode capacity = get("/api/v1/capacity", VIEWER_TOKEN);

        assertEquals(1, capacity.get("batches").asInt());
        assertEquals(1000, capacity.get("max_pending_batches").asInt());
        assertTrue(capacity.get("live_bytes").asLong() > 0);
        assertEquals(1, capacity.get("recent_batches").asInt());
        assertTrue(capacity.get("segments").size() >= 1);
        assertTrue(capacity.has("seconds_to_full"));
    }

    @Test
    void theRecentlyDiscardedAreListedWithWhoDiscardedThemAndWhy() throws Exception {
        persist("b-1", "loki");
        post("/api/v1/actions/discard", OPERATOR_TOKEN, "{\"ids\": [\"b-1\"], \"reason\": \"spam\"}");

        JsonNode discarded = get("/api/v1/discarded", VIEWER_TOKEN).get("discarded");

        assertEquals(1, discarded.size());
        assertEquals("b-1", discarded.get(0).get("id").asText());
        assertEquals("ops", discarded.get(0).get("discarded_by").asText());
        assertEquals("spam", discarded.get(0).get("discard_reason").asText());
        assertFalse(discarded.get(0).get("restorable_until").isNull());
    }

    @Test
    void aRestoreBringsBackADiscardedBatchAuditedWithTheTokensName() throws Exception {
        persist("b-1", "loki");
        post("/api/v1/actions/discard", OPERATOR_TOKEN, "{\"ids\": [\"b-1\"], \"reason\": \"spam\"}");

        HttpResponse<String> answer = post("/api/v1/actions/restore", OPERATOR_TOKEN, "{\"ids\": [\"b-1\", \"nope\"]}");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode results = JSON.readTree(answer.body());
        assertEquals(1, results.get("done").asInt());
        assertEquals("restored", results.get("results").get(0).get("reason").asText());
        assertFalse(results.get("results").get(1).get("ok").asBoolean());
        assertTrue(inTest.console().find("b-1").isPresent());
        assertEquals("ops", audit().stream().filter(r -> r.action().equals("restore")).findFirst().orElseThrow().actor());
    }

    @Test
    void aRestoreByFilterPicksAmongTheDiscardedOnes() throws Exception {
        persist("b-1", "loki");
        persist("b-2", "loki_a");
        persist("b-3", "loki_a");
        post("/api/v1/actions/discard", OPERATOR_TOKEN, "{\"ids\": [\"b-1\", \"b-2\"], \"reason\": \"spam\"}");

        HttpResponse<String> answer = post("/api/v1/actions/restore", OPERATOR_TOKEN, "{\"filter\": {\"sink\": \"loki_a\"}}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(1, JSON.readTree(answer.body()).get("done").asInt());
        assertTrue(inTest.console().find("b-2").isPresent());
        assertTrue(inTest.console().find("b-1").isEmpty());
    }

    @Test
    void aRestoreDryRunCountsTheRestorableOnesAndChangesNothing() throws Exception {
        persist("b-1", "loki");
        persist("b-2", "loki");
        post("/api/v1/actions/discard", OPERATOR_TOKEN, "{\"ids\": [\"b-1\"], \"reason\": \"spam\"}");

        HttpResponse<String> answer = post("/api/v1/actions/restore", OPERATOR_TOKEN,
                "{\"ids\": [\"b-1\", \"b-2\"], \"dry_run\": true}");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode preview = JSON.readTree(answer.body());
        assertEquals(1, preview.get("batches").asInt());
        assertEquals("b-2", preview.get("not_stored").get(0).asText());
        assertTrue(inTest.console().find("b-1").isEmpty());
    }

    @Test
    void aViewersRestoreIs403AndRestoresNothing() {
        persist("b-1", "loki");
        post("/api/v1/actions/discard", OPERATOR_TOKEN, "{\"ids\": [\"b-1\"], \"reason\": \"spam\"}");

        assertEquals(403, post("/api/v1/actions/restore", VIEWER_TOKEN, "{\"ids\": [\"b-1\"]}").statusCode());
        assertTrue(inTest.console().find("b-1").isEmpty());
    }

    private List<AuditRecord> audit() {
        return inTest.console().audit(AuditQuery.all(), PageRequest.first(1000)).records();
    }
}
