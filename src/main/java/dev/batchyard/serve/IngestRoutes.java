package dev.batchyard.serve;

import dev.batchyard.engine.BatchView;
import dev.batchyard.serve.admin.AdminJson;
import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.auth.Caller;
import dev.batchyard.serve.http.Answer;
import dev.batchyard.serve.http.Exchange;
import dev.batchyard.serve.http.JsonBodies;
import dev.batchyard.serve.http.Route;
import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.IngestBodies;
import dev.batchyard.serve.ingest.IngestTarget;
import dev.batchyard.serve.ingest.LokiIngest;
import dev.batchyard.serve.ingest.PersistedBatchIngest;
import java.util.List;
import java.util.function.Function;

/**
 * The two doors batches come in by, each answering only once the batch is durable, and neither
 * holding a thread while it waits for that ({@link Route#later}):
 * <ul>
 *   <li>{@code POST /loki/api/v1/push} ({@code loki_push}): Loki's push API, JSON or protobuf +
 *       snappy, gzip allowed; one push is one batch; 204, as Loki answers;</li>
 *   <li>{@code POST /api/v1/batches} ({@code batches_create}): one batch in the Go agent's
 *       {@code PersistedBatch} JSON; 201 with the batch's id, sink and entry count.</li>
 * </ul>
 */
final class IngestRoutes {
    private IngestRoutes() {
    }

    /** @param targets where each caller's batches go: its console */
    static List<Route> of(Function<Caller, IngestTarget> targets, LokiIngest loki, PersistedBatchIngest batches,
                          BodyLimits limits, JsonBodies json) {
        return List.of(
                Route.later("POST", "/loki/api/v1/push", Access.INGEST, "loki_push", exchange -> {
                    var entries = loki.entries(exchange.header("Content-Type"), exchange.header("Content-Encoding"),
                            exchange.body());
                    return loki.push(targets.apply(exchange.caller()), entries, exchange.header("X-Scope-OrgID"),
                            exchange.caller().name()).thenApply(stored -> Answer.noContent());
                }),
                Route.later("POST", "/api/v1/batches", Access.INGEST, "batches_create", exchange ->
                        batches.persist(targets.apply(exchange.caller()), IngestBodies.json(
                                exchange.header("Content-Type"), exchange.header("Content-Encoding"), exchange.body(),
                                limits)).thenApply(stored -> created(stored, json))));
    }

    /** The stored batch's metadata as {@code GET /api/v1/batches} lists it: a remote console's {@code persist} answers it. */
    private static Answer created(BatchView stored, JsonBodies json) {
        return json.answer(201, AdminJson.batch(stored)).with("Location", "/api/v1/batches/" + stored.id());
    }
}
