package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static dev.batchyard.serve.testsupport.ServeFixture.OPERATOR_TOKEN;
import static dev.batchyard.serve.testsupport.ServeFixture.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.model.LogEntry;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/actions/split} and {@code /merge} against a real server and store. */
class SplitMergeRoutesTest {
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

    private void persist(String id, String sink, int n) {
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(LogEntry.builder().message(id + " line " + i).build());
        }
        inTest.console().persist(NewBatch.of(id, entries, sink));
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return http.post(inTest.url(path), "application/json", body.getBytes(StandardCharsets.UTF_8), bearer(token));
    }

    @Test
    void splitByEntriesThenMergeBackAnswerWhatWasMade() throws Exception {
        persist("b-1", "loki", 6);

        HttpResponse<String> dry = post("/api/v1/actions/split", OPERATOR_TOKEN,
                "{\"id\": \"b-1\", \"entries\": \"1,3-4\", \"dry_run\": true}");
        assertEquals(200, dry.statusCode(), dry::body);
        assertFalse(JSON.readTree(dry.body()).get("applied").asBoolean());
        assertTrue(inTest.console().find("b-1").isPresent(), "a dry run changes nothing");

        HttpResponse<String> split = post("/api/v1/actions/split", OPERATOR_TOKEN, "{\"id\": \"b-1\", \"entries\": \"1,3-4\"}");
        assertEquals(200, split.statusCode(), split::body);
        JsonNode made = JSON.readTree(split.body()).get("made");
        assertEquals("b-1.1", made.get(0).get("id").asText());
        assertEquals(3, made.get(0).get("entries").asInt());
        assertEquals("1,3-4", made.get(0).get("from").get(0).get("entries").asText());
        assertEquals("0,2,5", made.get(1).get("from").get(0).get("entries").asText());

        HttpResponse<String> merge = post("/api/v1/actions/merge", OPERATOR_TOKEN, "{\"ids\": [\"b-1.2\", \"b-1.1\"]}");
        assertEquals(200, merge.statusCode(), merge::body);
        assertEquals(6, JSON.readTree(merge.body()).get("made").get(0).get("entries").asInt());
        assertEquals(1, inTest.console().batches(dev.batchyard.engine.BatchQuery.all(),
                dev.batchyard.console.BatchOrder.OLDEST_FIRST, dev.batchyard.console.PageRequest.first(10)).rows().size());
    }

    @Test
    void badRequestsAnswer400Or404Or403AndChangeNothing() {
        persist("one", "loki", 1);
        persist("two", "es", 2);

        assertEquals(400, post("/api/v1/actions/split", OPERATOR_TOKEN, "{\"id\": \"one\", \"chunk\": 1}").statusCode());
        assertEquals(400, post("/api/v1/actions/split", OPERATOR_TOKEN, "{\"id\": \"two\", \"entries\": \"7\"}").statusCode());
        assertEquals(400, post("/api/v1/actions/split", OPERATOR_TOKEN,
                "{\"id\": \"two\", \"chunk\": 1, \"failed\": true}").statusCode());
        assertEquals(400, post("/api/v1/actions/merge", OPERATOR_TOKEN, "{\"ids\": [\"one\", \"two\"]}").statusCode());
        assertEquals(404, post("/api/v1/actions/split", OPERATOR_TOKEN, "{\"id\": \"nope\", \"chunk\": 1}").statusCode());
        assertEquals(403, post("/api/v1/actions/split", VIEWER_TOKEN, "{\"id\": \"two\", \"chunk\": 1}").statusCode());

        assertTrue(inTest.console().find("one").isPresent());
        assertTrue(inTest.console().find("two").isPresent());
    }
}
