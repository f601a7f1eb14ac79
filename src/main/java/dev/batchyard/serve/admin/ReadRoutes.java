package dev.batchyard.serve.admin;

import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.auth.Caller;
import dev.batchyard.serve.events.EventJson;
import dev.batchyard.serve.http.Exchange;
import dev.batchyard.serve.http.JsonBodies;
import dev.batchyard.serve.http.Route;
import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.IngestBodies;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The admin API's reading routes, one per reading method of {@link Console}, each through the
 * calling token's console (a viewer's or an operator's):
 * {@code GET /api/v1/store} ({@code info}), {@code GET /api/v1/batches} ({@code batches}: filter,
 * order, cursor or offset paging), {@code POST /api/v1/batches/find} ({@code find}),
 * {@code GET /api/v1/batches/{id}} ({@code batch}: 404 when not stored, as the console answers
 * empty), {@code GET /api/v1/stats}, {@code GET /api/v1/capacity}, {@code GET /api/v1/discarded}
 * ({@code recentlyDiscarded}: what a restore can still take back), {@code GET /api/v1/sinks}, {@code GET /api/v1/audit}
 * ({@code audit}: cursor paging and the audit query's filters), {@code GET /api/v1/damage},
 * {@code GET /api/v1/search} ({@code search}: the first hits, bounded, with the batch filter's scope).
 */
public final class ReadRoutes {
    static final int SEARCH_LIMIT = 1000;
    private final Function<Caller, Console> consoles;
    private final JsonBodies json;
    private final BodyLimits limits;
    private final GoJson goJson = new GoJson();

    public ReadRoutes(Function<Caller, Console> consoles, JsonBodies json, BodyLimits limits) {
        this.consoles = consoles;
        this.json = json;
        this.limits = limits;
    }

    public List<Route> routes() {
        return List.of(
                get("/api/v1/store", "store_info", (c, x) -> StoreJson.info(c.info(), x.caller())),
                get("/api/v1/batches", "batches_list", this::page),
                new Route("POST", "/api/v1/batches/find", Access.READ, "batches_find", x -> {
                    JsonRequest body = JsonRequest.read(IngestBodies.json(x.header("Content-Type"),
                            x.header("Content-Encoding"), x.body(), limits), Set.of("ids"));
                    List<String> ids = body.texts("ids");
                    if (ids == null) {
                        throw new BadParameterException("ids", null, "must be an array of batch ids");
                    }
                    return json.answer(200, Map.of("batches",
                            consoles.apply(x.caller()).find(ids).stream().map(AdminJson::batch).toList()));
                }),
                get("/api/v1/batches/{id}", "batch_get", this::batch),
                get("/api/v1/stats", "stats", (c, x) -> AdminJson.stats(c.stats())),
                get("/api/v1/capacity", "capacity", (c, x) -> StoreJson.capacity(c.capacity())),
                get("/api/v1/discarded", "discarded_list", (c, x) -> Map.of("discarded",
                        c.recentlyDiscarded().stream().map(AdminJson::discarded).toList())),
                get("/api/v1/sinks", "sinks", (c, x) -> Map.of("sinks", c.sinks().stream().map(StoreJson::sink).toList())),
                get("/api/v1/audit", "audit", this::audit),
                get("/api/v1/search", "search", this::search),
                get("/api/v1/damage", "damage", (c, x) -> Map.of("damage",
                        c.damage().stream().map(EventJson::data).toList())));
    }

    private Object page(Console console, Exchange x) {
        BatchQuery query = BatchFilter.read(x::query);
        BatchOrder order = PageParameters.order(x.query("order"));
        PageRequest page = PageParameters.batchPage(x::query);
        BatchPage read;
        try {
            read = console.batches(query, order, page);
        } catch (IllegalArgumentException e) {
            throw page.cursor() == null ? e : new IllegalArgumentException("cursor: " + e.getMessage(), e);
        }
        return AdminJson.page(read);
    }

    private Object batch(Console console, Exchange x) {
        String id = x.pathParameters().get("id");
        Batch batch = console.batch(id).orElseThrow(() -> new UnknownBatchException(id));
        return AdminJson.batch(batch, goJson.writeAll(batch.entries(), false));
    }

    private Object audit(Console console, Exchange x) {
        AuditQuery query = AuditQuery.all().withAction(blankAsNull(x.query("action")))
                .withActor(blankAsNull(x.query("actor"))).withBatchId(blankAsNull(x.query("batch_id")))
                .withSince(since(x.query("since")));
        PageRequest page = PageParameters.page(x::query);
        try {
            return StoreJson.audit(console.audit(query, page));
        } catch (IllegalArgumentException e) {
            throw page.cursor() == null ? e : new IllegalArgumentException("cursor: " + e.getMessage(), e);
        }
    }

    /**
     * {@code search}: at most {@value #SEARCH_LIMIT} hits in one answer, the store's order, each with its batch's
     * id, sink and state, its index and the entry in the Go agent's JSON; the summary says whether there may be more.
     */
    private Object search(Console console, Exchange x) {
        String q = x.query("q");
        if (q == null || q.isBlank()) {
            throw new BadParameterException("q", q, "must be a search query such as level:error \"timeout\"");
        }
        String limitText = x.query("limit");
        int limit = limitText == null || limitText.isBlank() ? 100 : Numbers.wholeNumber("limit", limitText, 1, SEARCH_LIMIT);
        List<Map<String, Object>> hits = new ArrayList<>();
        SearchSummary summary = console.search(new SearchRequest(q, "true".equals(x.query("regex")),
                BatchFilter.read(x::query), limit), hit -> hits.add(AdminJson.hit(hit, goJson.write(hit.entry(), false))));
        return AdminJson.search(hits, summary);
    }

    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameterException("since", text, "must be an ISO-8601 instant such as 2026-12-02T04:00:00Z");
        }
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** What a reading route does with the caller's console and the request. */
    @FunctionalInterface
    private interface Read {
        Object answer(Console console, Exchange exchange) throws Exception;
    }

    private Route get(String pattern, String name, Read read) {
        return new Route("GET", pattern, Access.READ, name,
                x -> json.answer(200, read.answer(consoles.apply(x.caller()), x)));
    }
}
