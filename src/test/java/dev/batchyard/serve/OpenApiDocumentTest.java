package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static dev.batchyard.serve.testsupport.ServeFixture.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.console.Console;
import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.http.Route;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document in the repository is the API: every route the service answers is in it
 * under its method and path, with the route's name as its operation id and the role its access
 * needs, and nothing else is.
 */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path IN_REPOSITORY = Path.of("src/main/resources/dev/batchyard/serve/openapi.json");

    @TempDir
    Path store;
    private ServeFixture inTest;

    @BeforeEach
    void start() {
        inTest = new ServeFixture(store, ServeFixture.withTokens());
    }

    @AfterEach
    void stop() {
        inTest.close();
    }

    private static JsonNode document() throws Exception {
        return JSON.readTree(Files.readAllBytes(IN_REPOSITORY));
    }

    /** "GET /api/v1/events" -> the operation in the document. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }
        return out;
    }

    private Map<String, Route> routes() {
        Map<String, Route> out = new TreeMap<>();
        inTest.service().routes().forEach(r -> out.put(r.method() + " " + r.pattern(), r));
        return out;
    }

    @Test
    void everyRouteIsDocumentedAndNothingElse() throws Exception {
        assertEquals(routes().keySet(), operations(document()).keySet());
    }

    /**
     * Each method of {@link Console} and the routes that serve it (by name); a method served by no
     * route names why instead. A method added to the console without an entry here fails
     * {@link #everyConsoleMethodHasARoute}: the admin API is the console across the network.
     */
    private static final Map<String, List<String>> ROUTES_OF_CONSOLE_METHODS = Map.ofEntries(
            Map.entry("info", List.of("store_info")),
            Map.entry("batches", List.of("batches_list")),
            Map.entry("each", List.of("batches_list")), // the client walks the pages
            Map.entry("find", List.of("batches_find")),
            Map.entry("batch", List.of("batch_get")),
            Map.entry("stats", List.of("stats")),
            Map.entry("capacity", List.of("capacity")),
            Map.entry("sinks", List.of("sinks")),
            Map.entry("persist", List.of("batches_create", "loki_push")),
            Map.entry("persistAsync", List.of("batches_create", "loki_push")), // what those two routes call
            Map.entry("retryNow", List.of("actions_retry")),
            Map.entry("discard", List.of("actions_discard")),
            Map.entry("restore", List.of("actions_restore")),
            Map.entry("recentlyDiscarded", List.of("discarded_list")),
            Map.entry("reroute", List.of("actions_reroute")),
            Map.entry("preview", List.of("actions_retry", "actions_discard", "actions_reroute", "actions_restore", "actions_requeue")), // dry_run
            Map.entry("setRecoveryPaused", List.of("recovery_pause", "recovery_resume")),
            Map.entry("runCleanupNow", List.of("cleanup")),
            Map.entry("subscribe", List.of("events")),
            Map.entry("audit", List.of("audit")),
            Map.entry("damage", List.of("damage")),
            Map.entry("search", List.of("search")),
            Map.entry("requeue", List.of("actions_requeue")),
            Map.entry("split", List.of("actions_split")),
            Map.entry("merge", List.of("actions_merge")),
            Map.entry("edit", List.of("actions_edit")),
            Map.entry("startReplay", List.of("replay_start")),
            Map.entry("replay", List.of("replay")),
            Map.entry("controlReplay", List.of("replay_pause", "replay_resume", "replay_cancel")),
            Map.entry("recordTransfer", List.of()), // the admin API has no import or export: nothing to record
            Map.entry("close", List.of())); // a request's console lives as long as its token: nothing to close

    @Test
    void everyConsoleMethodHasARoute() {
        Set<String> names = new TreeSet<>();
        routes().values().forEach(r -> names.add(r.name()));
        for (Method method : Console.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            List<String> served = ROUTES_OF_CONSOLE_METHODS.get(method.getName());
            assertNotNull(served, "Console." + method.getName() + " has no admin route: add one (and its entry here)");
            served.forEach(name -> assertTrue(names.contains(name), "Console." + method.getName() + ": no route " + name));
        }
    }

    @Test
    void eachOperationIdIsItsRoutesName() throws Exception {
        Map<String, JsonNode> ops = operations(document());
        routes().forEach((key, route) -> assertEquals(route.name(), ops.get(key).path("operationId").asText(), key));
        Set<String> ids = new HashSet<>();
        ops.values().forEach(op -> assertTrue(ids.add(op.get("operationId").asText()), "operation id twice: " + op));
    }

    @Test
    void eachOperationSaysTheRoleItsRouteNeedsAndOnlyTheOpenOneNeedsNoToken() throws Exception {
        Map<String, JsonNode> ops = operations(document());
        Map<Access, String> role = Map.of(Access.READ, "viewer", Access.INGEST, "ingest", Access.CHANGE, "operator");
        routes().forEach((key, route) -> {
            JsonNode op = ops.get(key);
            if (route.access() == Access.NONE) {
                assertTrue(op.has("security") && op.get("security").isEmpty(), key + " needs no token: security []");
                assertTrue(op.path("x-batchyard-role").isMissingNode(), key);
            } else {
                assertTrue(op.path("security").isMissingNode(), key + " takes the document's bearer security");
                assertEquals(role.get(route.access()), op.path("x-batchyard-role").asText(), key);
                assertTrue(op.path("responses").has("401"), key + " documents its 401");
            }
        });
    }

    @Test
    void everyReferenceResolves() throws Exception {
        JsonNode document = document();
        Set<String> refs = new TreeSet<>();
        collectRefs(document, refs);
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertTrue(!document.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) {
                    refs.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    @Test
    void theServerServesTheDocumentInTheRepository() throws Exception {
        HttpResponse<String> answer = new Http().get(inTest.url("/api/v1/openapi.json"), bearer(VIEWER_TOKEN));

        assertEquals(200, answer.statusCode());
        assertEquals(document(), JSON.readTree(answer.body()));
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void theDocumentIsOpenApi3() throws Exception {
        assertTrue(document().get("openapi").asText().startsWith("3."));
        assertEquals(List.of("bearer"), List.copyOf(iterable(document().get("components").get("securitySchemes").fieldNames())));
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
