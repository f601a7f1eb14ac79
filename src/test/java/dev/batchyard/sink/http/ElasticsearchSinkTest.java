package dev.batchyard.sink.http;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.EntryRejection;
import dev.batchyard.sink.Sink;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LoopbackServer.Reply;
import dev.batchyard.sink.testsupport.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private LoopbackServer server;
    private SinkRegistry registry;
    private Sink inTest;
    /** The documents the fake cluster holds, by _id: what a real index would keep. */
    private final Map<String, JsonNode> index = new ConcurrentHashMap<>();
    private final List<Integer> bulkIndexCalls = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer().answer(r -> bulk(r, 201));
        registry = SinkConfig.read(sinks("""
                sinks:
                  elasticsearch:
                    enabled: true
                    urls: ["%s"]
                    index: logs-batchyard
                    username: elastic
                    password: s3cret-pw
                    timeout: 3s
                """.formatted(server.uri())), SinkRuntime.create(Clock.systemUTC(), 1));
        inTest = registry.sink("elasticsearch").orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private Reply bulk(LoopbackServer.Request r, int itemStatus) {
        return bulk(r, i -> itemStatus);
    }

    /** Parses the NDJSON, stores each accepted document under its _id and answers like _bulk does. */
    private Reply bulk(LoopbackServer.Request r, java.util.function.IntUnaryOperator statusOfItem) {
        String[] lines = r.body().split("\n");
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putArray("items");
        boolean errors = false;
        try {
            for (int i = 0; i + 1 < lines.length; i += 2) {
                int itemStatus = statusOfItem.applyAsInt(i / 2);
                errors |= itemStatus >= 300;
                JsonNode action = JSON.readTree(lines[i]).get("index");
                String id = action.get("_id").asText();
                if (itemStatus < 300) {
                    index.put(id, JSON.readTree(lines[i + 1]));
                }
                ObjectNode item = items.addObject().putObject("index");
                item.put("_index", action.get("_index").asText()).put("_id", id).put("status", itemStatus);
                if (itemStatus >= 300) {
                    item.putObject("error").put("type", itemStatus == 429 ? "es_rejected_execution_exception"
                            : "mapper_parsing_exception").put("reason", "failed to parse field [fields.status]");
                }
            }
        } catch (Exception e) {
            return Reply.of(400, "bad ndjson: " + e.getMessage());
        }
        answer.put("errors", errors);
        return Reply.of(200, answer.toString());
    }

    private DeliveryOutcome send(Batch b) throws Exception {
        return inTest.deliver(b).get(5, TimeUnit.SECONDS);
    }

    @Test
    void sendsBulkNdjsonWithOneDocumentPerEntryUnderDeterministicIds() throws Exception {
        assertInstanceOf(DeliveryOutcome.Delivered.class, send(batch("b-42", "elasticsearch", 3)));

        LoopbackServer.Request req = server.onlyRequest();
        assertEquals("/_bulk", req.path());
        assertEquals("application/x-ndjson", req.header("Content-Type"));
        assertTrue(req.body().endsWith("\n"));
        assertEquals(Map.of("b-42-0", "trace-0", "b-42-1", "trace-1", "b-42-2", "trace-2"),
                Map.of("b-42-0", index.get("b-42-0").get("trace_id").asText(),
                        "b-42-1", index.get("b-42-1").get("trace_id").asText(),
                        "b-42-2", index.get("b-42-2").get("trace_id").asText()));
    }

    @Test
    void redeliveredBatchOverwritesInsteadOfDuplicating() throws Exception {
        Batch b = batch("b-7", "elasticsearch", 5);

        send(b);
        send(b);

        assertEquals(2, server.requests().size());
        assertEquals(5, index.size());
        List<String> ids = new ArrayList<>();
        for (LoopbackServer.Request r : server.requests()) {
            for (String line : r.body().split("\n")) {
                JsonNode action = JSON.readTree(line).get("index");
                if (action != null) {
                    ids.add(action.get("_id").asText());
                }
            }
        }
        assertEquals(ids.subList(0, 5), ids.subList(5, 10));
    }

    @Test
    void sendsBasicAuthFromTopLevelUsernameAndPassword() throws Exception {
        send(batch("b-1", "elasticsearch", 1));

        String expected = "Basic " + Base64.getEncoder().encodeToString("elastic:s3cret-pw".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, server.onlyRequest().header("Authorization"));
    }

    @Test
    void okAnswerWithRejectedItemsUnderLoadIsRetryable() throws Exception {
        server.answer(r -> bulk(r, 429));

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(batch("b-1", "elasticsearch", 2)));

        assertTrue(f.retryable());
        assertTrue(f.reason().startsWith("2 of 2 entries rejected: 429 es_rejected_execution_exception"), f.reason());
    }

    @Test
    void partialFailureUnderLoadIsRetryableAndTheRetryFillsTheGapWithoutDuplicates() throws Exception {
        server.answer(r -> bulk(r, i -> i % 2 == 0 ? 201 : 429));
        Batch b = batch("b-3", "elasticsearch", 4);

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(b));
        assertTrue(f.retryable(), f.reason());
        assertTrue(f.reason().startsWith("2 of 4 entries rejected"), f.reason());
        assertEquals(2, index.size());

        server.answer(r -> bulk(r, 201));
        assertInstanceOf(DeliveryOutcome.Delivered.class, send(b));
        assertEquals(java.util.Set.of("b-3-0", "b-3-1", "b-3-2", "b-3-3"), index.keySet());
    }

    @Test
    void partialFailureWithAMappingErrorIsPermanent() throws Exception {
        server.answer(r -> bulk(r, i -> i == 1 ? 400 : i == 2 ? 429 : 201));

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(batch("b-4", "elasticsearch", 3)));

        assertFalse(f.retryable(), f.reason());
        assertEquals(List.of(new EntryRejection(1, "400 mapper_parsing_exception: failed to parse field [fields.status]"),
                new EntryRejection(2, "429 es_rejected_execution_exception: failed to parse field [fields.status]")),
                f.rejections());
    }

    @Test
    void eachRefusedItemIsNamedWithItsReasonAndTheBatchReasonSaysHowManyOfHowMany() throws Exception {
        server.answer(r -> bulk(r, i -> i == 3 || i == 5 || i == 6 ? 400 : 201));

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(batch("b-9", "elasticsearch", 10)));

        assertEquals(List.of(3, 5, 6), f.rejections().stream().map(EntryRejection::index).toList());
        assertEquals("3 of 10 entries rejected: 400 mapper_parsing_exception: failed to parse field [fields.status]",
                f.reason());
        assertEquals(7, index.size(), "the other entries were indexed");
    }

    @Test
    void okAnswerWithMappingErrorsIsPermanent() throws Exception {
        server.answer(r -> bulk(r, 400));

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(batch("b-1", "elasticsearch", 2)));

        assertFalse(f.retryable());
        assertTrue(f.reason().contains("mapper_parsing_exception"), f.reason());
        assertEquals(List.of(0, 1), f.rejections().stream().map(EntryRejection::index).toList());
    }

    @Test
    void serviceUnavailableIsRetryable() throws Exception {
        server.answer(503, "{\"error\":\"cluster_block_exception\"}");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(batch("b-1", "elasticsearch", 1)));

        assertTrue(f.retryable());
    }
}
