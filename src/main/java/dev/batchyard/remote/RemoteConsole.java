package dev.batchyard.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.console.Access;
import dev.batchyard.console.ActionPreview;
import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.console.SinkView;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.IndexRanges;
import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.Transfer;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.BatchTooLargeException;
import dev.batchyard.engine.store.DuplicateBatchException;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreReadOnlyException;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.legacy.GoBatchFile;
import dev.batchyard.legacy.GoBatchFormat;
import dev.batchyard.model.LogEntry;
import dev.batchyard.search.SearchHit;
import dev.batchyard.search.SearchListener;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link Console} over the admin API of {@code batchyard serve}: each method is one route (the
 * table below), sent with the endpoint's bearer token, bounded in time and size
 * ({@link RemoteEndpoint}). The server's refusals come back as the console's typed failures:
 * <table>
 *   <caption>the server's answer, and what the caller gets</caption>
 *   <tr><td>401</td><td>{@link TokenRefusedException}</td></tr>
 *   <tr><td>403 (a viewer's change), 409 {@code read_only}</td><td>{@link StoreReadOnlyException}</td></tr>
 *   <tr><td>409 otherwise (a replay under way; {@code changed}: a split or merge of a batch that changed meanwhile)</td><td>{@link IllegalStateException}</td></tr>
 *   <tr><td>409 {@code duplicate}</td><td>{@link DuplicateBatchException}</td></tr>
 *   <tr><td>404 naming a batch (an action on a batch the store does not hold)</td><td>{@link UnknownBatchException}</td></tr>
 *   <tr><td>413 {@code batch_too_large}</td><td>{@link BatchTooLargeException}</td></tr>
 *   <tr><td>429</td><td>{@link BackPressureException} with the server's {@code Retry-After}</td></tr>
 *   <tr><td>400</td><td>{@link IllegalArgumentException} (a cursor the server did not make, a bad value)</td></tr>
 *   <tr><td>unreachable, too slow, 5xx, an answer too large or not the API's JSON</td><td>{@link StoreException}
 *       naming the URL and what went wrong</td></tr>
 * </table>
 * Its {@link #connectionState()} says whether the server answers; while it is known not to
 * (disconnected, or an event stream reconnecting), changes are refused at once without being
 * sent, and reads try again. {@link #subscribe} reads the server's event stream on a thread per
 * subscription that reconnects by itself and resumes where it stopped; a {@link BatchEvent.Missed}
 * of {@value EventStreamReader#UNKNOWN_COUNT} says an unknown number was lost (the server restarted).
 *
 * <p>What is not the same as in-process: {@link #recordTransfer} answers {@code false} (the admin
 * API has no audit line for an import a client made), a search delivers at most the server's page of
 * hits ({@code 1000}), and {@link #persist} takes no per-entry failures.
 */
public final class RemoteConsole implements Console {
    /** Ids sent in one {@code find} request. */
    static final int FIND_CHUNK = 1000;
    /** The server's cap on a search's hits in one answer. */
    static final int SEARCH_PAGE = 1000;

    private final AdminHttp http;
    private final Connection connection;
    private final Clock clock;
    private final StoreInfo info;
    private final String callerName;
    private final String callerRole;
    private final GoJson goJson = new GoJson();
    private final GoBatchFormat goBatches = new GoBatchFormat(goJson);
    private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RemoteConsole(AdminHttp http, Connection connection, Clock clock, JsonNode store) {
        this.http = http;
        this.connection = connection;
        this.clock = clock;
        JsonNode caller = store.path("caller");
        this.callerName = caller.path("name").asText("");
        this.callerRole = caller.path("role").asText("operator");
        this.info = read(store, s -> new StoreInfo(http.location(), access(s), ApiJson.settings(ApiJson.object(s,
                "settings")), ApiJson.texts(s, "configured_sinks")));
    }

    /**
     * Connects: reads the store's description ({@code GET /api/v1/store}), which checks the URL, the
     * TLS trust and the token at once.
     *
     * @throws TokenRefusedException when the server does not know the token
     * @throws StoreException naming the URL when it cannot be reached or is not the admin API
     */
    public static RemoteConsole open(RemoteEndpoint endpoint) {
        return open(endpoint, Clock.systemUTC());
    }

    static RemoteConsole open(RemoteEndpoint endpoint, Clock clock) {
        Connection connection = new Connection(clock);
        AdminHttp http = new AdminHttp(endpoint, connection);
        AdminHttp.Answer store = http.get("/api/v1/store");
        if (store.status() != 200) {
            throw refusal(http, store, "GET /api/v1/store", "");
        }
        return new RemoteConsole(http, connection, clock, store.body());
    }

    // ---- the connection ------------------------------------------------------------------------

    /** Whether the server answers now, and when it last did. */
    public ConnectionState connectionState() {
        return connection.state();
    }

    /**
     * Tells {@code listener} the connection's state now and at every change, on the thread that saw
     * it (never a UI thread: hand it over). Close the handle to stop.
     */
    public ConnectionState.Listening onConnectionChange(Consumer<ConnectionState> listener) {
        return connection.listen(listener);
    }

    // ---- the console: one route per method ---------------------------------------------------------

    @Override
    public StoreInfo info() {
        requireOpen();
        return info;
    }

    @Override
    public BatchPage batches(BatchQuery query, BatchOrder order, PageRequest page) {
        return read(get(new Query().filter(query).order(order).batchPage(page).on("/api/v1/batches")), ApiJson::page);
    }

    @Override
    public List<BatchView> find(Collection<String> ids) {
        requireOpen();
        List<String> all = List.copyOf(ids);
        List<BatchView> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += FIND_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + FIND_CHUNK));
            found.addAll(read(post("/api/v1/batches/find", Map.of("ids", chunk), false),
                    n -> ApiJson.list(n, "batches", ApiJson::batch)));
        }
        return found;
    }

    @Override
    public Optional<Batch> batch(String id) {
        requireOpen();
        String path = "/api/v1/batches/" + Query.encode(id);
        AdminHttp.Answer answer = http.get(path);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(ok(answer, "GET " + path), n -> {
            List<LogEntry> entries = entries(n, "entries");
            return new Batch(ApiJson.batch(n, entries.size()), entries, ApiJson.textOr(n, "legacy_extras", ""));
        }));
    }

    @Override
    public SearchSummary search(SearchRequest request, SearchListener listener) {
        requireOpen();
        request.parsed(); // an unreadable query is refused here, naming its column, as in-process
        JsonNode answer = get(new Query().put("q", request.query()).put("regex", request.regex() ? "true" : null)
                .put("limit", Math.min(request.limit(), SEARCH_PAGE)).filter(request.scope()).on("/api/v1/search"));
        List<SearchHit> hits = read(answer, n -> ApiJson.list(n, "hits", h -> new SearchHit(
                ApiJson.batch(ApiJson.object(h, "batch")), ApiJson.integer(h, "entry_index"), entry(h))));
        SearchSummary summary = read(answer, n -> ApiJson.searchSummary(ApiJson.object(n, "summary"), hits.size()));
        long given = 0;
        for (SearchHit hit : hits) {
            given++;
            if (Thread.currentThread().isInterrupted() || !listener.hit(hit)) {
                return new SearchSummary(new dev.batchyard.search.SearchProgress(summary.progress().batchesTotal(),
                        summary.progress().batchesScanned(), summary.progress().entriesScanned(), given,
                        summary.progress().batchesWithHits()), SearchSummary.Ending.CANCELLED, summary.took(),
                        summary.unreadable(), summary.unreadableCount());
            }
        }
        listener.progress(summary.progress());
        return summary;
    }

    @Override
    public StoreStats stats() {
        return read(get("/api/v1/stats"), ApiJson::stats);
    }

    @Override
    public StoreCapacity capacity() {
        return read(get("/api/v1/capacity"), ApiJson::capacity);
    }

    @Override
    public List<SinkView> sinks() {
        return read(get("/api/v1/sinks"), n -> ApiJson.list(n, "sinks", ApiJson::sink));
    }

    @Override
    public BatchView persist(NewBatch batch) {
        requireOpen();
        requireConnected();
        requireMayAct();
        if (!batch.failures().isEmpty()) {
            throw new IllegalArgumentException("batch '" + batch.id() + "' has per-entry failures, which the admin"
                    + " API's batches_create does not take yet; import it where the store is");
        }
        byte[] body = goBatches.write(new GoBatchFile(batch.id(), batch.entries(), batch.sink(),
                batch.createdAt() == null ? OffsetDateTime.now(clock) : batch.createdAt(), batch.lastAttempt(),
                batch.retryCount(), batch.failureReason(), batch.context(), null, null));
        AdminHttp.Answer answer = http.post("/api/v1/batches", body);
        if (answer.status() == 409 && answer.kind().equals("duplicate")) {
            throw new DuplicateBatchException(batch.id(), info.settings().directory());
        }
        if (answer.status() == 413 && answer.kind().equals("batch_too_large")) {
            throw new BatchTooLargeException(http.location() + ": " + answer.error(), batch.id(), -1,
                    info.settings().maxBatchBytes());
        }
        return read(ok(answer, "POST /api/v1/batches"), ApiJson::batch);
    }

    @Override
    public List<ActionResult> retryNow(Collection<String> ids) {
        return act("retry", ids, null, null);
    }

    @Override
    public List<ActionResult> discard(Collection<String> ids, String reason) {
        return act("discard", ids, "reason", reason);
    }

    @Override
    public List<ActionResult> restore(Collection<String> ids) {
        return act("restore", ids, null, null);
    }

    @Override
    public List<DiscardedBatch> recentlyDiscarded() {
        return read(get("/api/v1/discarded"), n -> ApiJson.list(n, "discarded", ApiJson::discarded));
    }

    @Override
    public List<ActionResult> reroute(Collection<String> ids, String sink) {
        return act("reroute", ids, "sink", sink);
    }

    @Override
    public List<ActionResult> requeue(Collection<String> ids, String sink) {
        return act("requeue", ids, "sink", sink);
    }

    @Override
    public RepairResult split(SplitRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", request.id());
        switch (request.how()) {
            case FAILED -> body.put("failed", true);
            case ENTRIES -> body.put("entries", IndexRanges.format(request.entries()));
            case CHUNKS -> body.put("chunk", request.chunkSize());
        }
        body.put("dry_run", request.dryRun());
        return read(post("/api/v1/actions/split", body, !request.dryRun()), ApiJson::repair);
    }

    @Override
    public RepairResult merge(MergeRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ids", request.ids());
        body.put("dry_run", request.dryRun());
        return read(post("/api/v1/actions/merge", body, !request.dryRun()), ApiJson::repair);
    }

    @Override
    public EditResult edit(EditRequest request) {
        return read(post("/api/v1/actions/edit", EditJson.body(request), true), ApiJson::edited);
    }

    /** Computed where the store is ({@code dry_run}); a token that may not act previews from what it may read. */
    @Override
    public ActionPreview preview(Collection<String> ids) {
        if (!mayAct()) {
            return Console.super.preview(ids);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ids", List.copyOf(ids));
        body.put("dry_run", true);
        return read(post("/api/v1/actions/retry", body, false), ApiJson::preview);
    }

    @Override
    public ActionPreview preview(BatchQuery query) {
        if (!mayAct()) {
            return Console.super.preview(query);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", Query.filterFields(query));
        body.put("dry_run", true);
        return read(post("/api/v1/actions/retry", body, false), ApiJson::preview);
    }

    /** The admin API records no transfer a client made: the transfer happened, unaudited (see {@link Console}). */
    @Override
    public boolean recordTransfer(Transfer transfer) {
        requireOpen();
        return false;
    }

    @Override
    public ReplayStatus startReplay(ReplayRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", request.action().code());
        body.put("ids", request.ids());
        body.put("sink", request.sink());
        body.put("rate", request.rate());
        return read(post("/api/v1/replay", body, true), ApiJson::replay);
    }

    @Override
    public Optional<ReplayStatus> replay() {
        requireOpen();
        AdminHttp.Answer answer = http.get("/api/v1/replay");
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(ok(answer, "GET /api/v1/replay"), ApiJson::replay));
    }

    @Override
    public ReplayStatus controlReplay(ReplayControl control) {
        return read(post("/api/v1/replay/" + control.name().toLowerCase(Locale.ROOT), Map.of(), true),
                ApiJson::replay);
    }

    @Override
    public void setRecoveryPaused(boolean paused) {
        post(paused ? "/api/v1/recovery/pause" : "/api/v1/recovery/resume", Map.of(), true);
    }

    @Override
    public CleanupReport runCleanupNow() {
        return read(post("/api/v1/cleanup", Map.of(), true), ApiJson::cleanup);
    }

    @Override
    public EventSubscription subscribe(int capacity) {
        requireOpen();
        EventBus bus = new EventBus(clock);
        EventStreamReader reader = new EventStreamReader(http, connection, bus, clock);
        EventSubscription[] subscription = new EventSubscription[1];
        subscription[0] = bus.subscribe(capacity, () -> {
            reader.stop();
            subscriptions.remove(subscription[0]);
        });
        subscriptions.add(subscription[0]);
        reader.start();
        return subscription[0];
    }

    @Override
    public AuditPage audit(AuditQuery query, PageRequest page) {
        return read(get(new Query().audit(query).page(page).on("/api/v1/audit")), ApiJson::audit);
    }

    @Override
    public List<BatchEvent.CorruptionFound> damage() {
        return read(get("/api/v1/damage"), n -> ApiJson.list(n, "damage", EventFromJson::corruption));
    }

    @Override
    public void close() {
        closed = true;
        List.copyOf(subscriptions).forEach(EventSubscription::close);
        connection.failed("the console over " + http.location() + " was closed");
    }

    // ---- the exchanges -----------------------------------------------------------------------------

    /** {@code POST /api/v1/actions/{action}} on {@code ids}, with one more field when {@code field} is not null. */
    private List<ActionResult> act(String action, Collection<String> ids, String field, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ids", List.copyOf(ids));
        if (field != null && value != null) {
            body.put(field, value);
        }
        return read(post("/api/v1/actions/" + action, body, true), ApiJson::results);
    }

    private boolean mayAct() {
        return !(info.access() instanceof Access.ReadOnlyToken);
    }

    private JsonNode get(String pathAndQuery) {
        requireOpen();
        return ok(http.get(pathAndQuery), "GET " + pathAndQuery);
    }

    private JsonNode post(String path, Object body, boolean change) {
        requireOpen();
        if (change) {
            requireConnected();
            requireMayAct();
        }
        return ok(http.post(path, body), "POST " + path);
    }

    /**
     * A viewer's change is refused here, as the server would refuse it: the server may answer its
     * 403 and close the connection before reading the body, which the client would see as a broken
     * connection rather than the refusal (seen once in a full build).
     */
    private void requireMayAct() {
        if (!mayAct()) {
            throw new StoreReadOnlyException(http.location(), "the token's role (" + callerRole
                    + ") may not change the store; nothing was sent");
        }
    }

    private JsonNode ok(AdminHttp.Answer answer, String what) {
        if (answer.status() / 100 == 2) {
            return answer.body();
        }
        throw refusal(http, answer, what, callerRole);
    }

    private static RuntimeException refusal(AdminHttp http, AdminHttp.Answer answer, String what, String role) {
        String where = http.location();
        return switch (answer.status()) {
            case 400 -> new IllegalArgumentException(answer.error());
            case 401 -> new TokenRefusedException(where + " refused the token ("
                    + http.endpoint().token().map(BearerToken::source).orElse("none was given") + "): "
                    + answer.error());
            case 403 -> new StoreReadOnlyException(where, "the token's role (" + role + ") may not do this: "
                    + answer.error());
            case 409 -> answer.kind().equals("read_only") ? new StoreReadOnlyException(where, answer.error())
                    : new IllegalStateException(answer.error());
            case 429 -> backPressure(where, answer);
            case 404 -> unknownBatch(answer).orElseGet(() -> new StoreException(what + " answered 404: " + answer.error()));
            default -> new StoreException(what + " answered " + answer.status() + ": " + answer.error());
        };
    }

    /** The server's own words for a batch it does not store ({@link UnknownBatchException}), or empty. */
    private static Optional<RuntimeException> unknownBatch(AdminHttp.Answer answer) {
        java.util.regex.Matcher m = UNKNOWN_BATCH.matcher(answer.error());
        return m.matches() ? Optional.of(new UnknownBatchException(m.group(1))) : Optional.empty();
    }

    private static final java.util.regex.Pattern UNKNOWN_BATCH =
            java.util.regex.Pattern.compile("no batch with id '(.*)' in the store");

    private static BackPressureException backPressure(String where, AdminHttp.Answer answer) {
        Duration retryAfter = null;
        try {
            retryAfter = answer.retryAfter() == null ? null : Duration.ofSeconds(Long.parseLong(answer.retryAfter().strip()));
        } catch (NumberFormatException e) {
            // an HTTP date, or nonsense: no advice
        }
        String key = answer.error().contains("max_pending_bytes") ? "max_pending_bytes" : "max_pending_batches";
        return new BackPressureException(where + ": " + answer.error() + (retryAfter == null ? ""
                : " (try again in " + retryAfter.toSeconds() + " s)"), key, retryAfter);
    }

    /** Reads an answer into a record; one that does not fit is the server's fault, named with the URL. */
    private <T> T read(JsonNode answer, Function<JsonNode, T> reader) {
        try {
            return reader.apply(answer);
        } catch (RuntimeException e) {
            throw http.unreachable(http.location() + " answered JSON this client cannot read (" + Texts.clean(
                    e.getMessage()) + "): is it a batchyard serve of another version?", e);
        }
    }

    private List<LogEntry> entries(JsonNode batch, String field) {
        JsonNode entries = ApiJson.array(batch, field);
        try {
            return goJson.readAll(http.json().writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new ApiJson.Malformed("'" + field + "' cannot be read: " + e.getMessage());
        }
    }

    private LogEntry entry(JsonNode hit) {
        try {
            return goJson.read(http.json().writeValueAsBytes(ApiJson.object(hit, "entry")));
        } catch (IOException e) {
            throw new ApiJson.Malformed("'entry' cannot be read: " + e.getMessage());
        }
    }

    private Access access(JsonNode store) {
        JsonNode access = ApiJson.object(store, "access");
        String kind = ApiJson.text(access, "kind");
        if ("held_elsewhere".equals(kind)) {
            return new Access.HeldElsewhere(access.path("holder_pid").asLong(-1));
        }
        if ("read_only_by_choice".equals(kind)) {
            return new Access.ReadOnlyByChoice();
        }
        if (!"writable".equals(kind)) {
            throw new ApiJson.Malformed("'access.kind' is not writable, read_only_by_choice or held_elsewhere");
        }
        return callerRole.equals("operator") ? new Access.Writable() : new Access.ReadOnlyToken(callerName, callerRole);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the console over " + http.location() + " is closed");
        }
    }

    /** Changes are not sent while the server is known to be away: the operator is told at once. */
    private void requireConnected() {
        ConnectionState state = connection.state();
        if (!state.connected()) {
            String why = state instanceof ConnectionState.Reconnecting r ? r.lastError()
                    : ((ConnectionState.Disconnected) state).lastError();
            throw new StoreException("not connected to " + http.location() + (state.lastSuccess() == null ? ""
                    : " (last answer " + state.lastSuccess() + ")") + ": " + why + "; nothing was sent");
        }
    }
}
