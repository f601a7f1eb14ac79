package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.console.Console;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.EntryRejection;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.sink.testsupport.LoopbackServer;
import dev.batchyard.sink.testsupport.LoopbackServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Elasticsearch sink from config.yaml, against a loopback {@code _bulk} that refuses 2 of 10
 * documents (one echoing the sink's password): the refused entries and their scrubbed reasons reach
 * the store, {@code show} and {@code show --json} name them, and {@code split --failed} sets them apart.
 */
class EntryRejectionsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    /** Refuses the documents of orders 3 and 8, as a mapping error would. */
    private static Reply bulk(LoopbackServer.Request r) {
        String[] lines = r.body().split("\n");
        ObjectNode answer = JSON.createObjectNode().put("took", 3).put("errors", true);
        ArrayNode items = answer.putArray("items");
        try {
            for (int i = 0; i + 1 < lines.length; i += 2) {
                String id = JSON.readTree(lines[i]).get("index").get("_id").asText();
                String message = JSON.readTree(lines[i + 1]).get("message").asText();
                ObjectNode item = items.addObject().putObject("index").put("_id", id);
                if (message.equals("GET /api/orders/3 200") || message.equals("GET /api/orders/8 200")) {
                    item.put("status", 400).putObject("error").put("type", "mapper_parsing_exception")
                            .put("reason", "failed to parse field [fields.count] of type [long] (auth s3cret-pw)");
                } else {
                    item.put("status", 201);
                }
            }
        } catch (Exception e) {
            return Reply.of(500, e.toString());
        }
        return Reply.of(200, answer.toString());
    }

    @Test
    void refusedEntriesReachTheStoreAndShowAndShowJson() throws Exception {
        Path store = tmp.resolve("store");
        Path config = tmp.resolve("config.yaml");
        try (LoopbackServer es = new LoopbackServer().answer(EntryRejectionsEndToEndTest::bulk)) {
            Files.writeString(config, """
                    persistence:
                      directory: %s
                      max_recovery_retries: 3
                    sinks:
                      elasticsearch:
                        enabled: true
                        url: "%s"
                        index: logs
                        username: elastic
                        password: s3cret-pw
                        timeout: 3s
                    """.formatted(store, es.uri()));
            try (OpenStore open = StoreOpener.standard(Clock.systemUTC())
                    .open(new StoreLocation(store, config), Mode.window())) {
                Console console = open.console(new Actor("tester"));
                console.persist(NewBatch.of("es-1", Samples.entries(10), "elasticsearch"));
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (console.find("es-1").map(b -> b.state() != BatchState.DEAD).orElse(true)
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                Attempt last = console.find("es-1").orElseThrow().attempts().get(0);
                assertEquals(List.of(3, 8), last.rejections().stream().map(EntryRejection::index).toList());
                assertEquals("400 mapper_parsing_exception: failed to parse field [fields.count] of type [long] (auth ****)",
                        last.rejections().get(0).reason(), "scrubbed");
                assertEquals("2 of 10 entries rejected: " + last.rejections().get(0).reason(),
                        console.find("es-1").orElseThrow().failureReason());
            }
        }

        CliHarness cli = new CliHarness(store);
        CliHarness.Run text = cli.onStore("show", "es-1");
        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().contains("2 of 10 entries rejected by elasticsearch"), text.out());
        assertTrue(text.out().contains("REJECTED BY THE SINK"), text.out());

        CliHarness.Run json = cli.onStore("show", "es-1", "--json");
        assertEquals(0, json.code(), json::toString);
        JsonNode rejections = json.json().get("entry_rejections");
        assertEquals("elasticsearch", rejections.get("sink").asText());
        assertEquals(10, rejections.get("entry_count").asInt());
        assertEquals(3, rejections.get("entries").get(0).get("entry_index").asInt());
        assertEquals(8, rejections.get("entries").get(1).get("entry_index").asInt());
        assertTrue(rejections.get("entries").get(1).get("reason").asText().contains("mapper_parsing_exception"));
        assertTrue(!json.out().contains("s3cret-pw"), json.out());

        CliHarness.Run split = cli.onStore("split", "es-1", "--failed");
        assertEquals(0, split.code(), split::toString);
        assertTrue(split.out().contains("es-1.1: 2 entries, DEAD, from es-1 [3,8]"), split.out());
        assertTrue(split.out().contains("es-1.2: 8 entries, PENDING, from es-1 [0-2,4-7,9]"), split.out());
        JsonNode poison = cli.onStore("show", "es-1.1", "--json").json();
        assertEquals(List.of(0, 1), List.of(poison.get("entry_rejections").get("entries").get(0).get("entry_index").asInt(),
                poison.get("entry_rejections").get("entries").get(1).get("entry_index").asInt()));
        assertEquals("GET /api/orders/3 200", poison.get("entries").get(0).get("message").asText());
    }
}
