package dev.batchyard.sink.http;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.Secret;
import dev.batchyard.sink.Sink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A generic HTTP endpoint: {@code POST {url}} with the batch's entries as one JSON array and the
 * batch id in {@code X-Batchyard-Batch-Id}.
 *
 * <p><b>Redelivery:</b> at-least-once. A batch sent again carries the same
 * {@code X-Batchyard-Batch-Id}; a receiver that remembers the ids it has taken can drop the copy,
 * one that does not stores the entries twice.
 */
public final class JsonArraySink implements Sink {
    public static final String BATCH_ID_HEADER = "X-Batchyard-Batch-Id";
    private final String name;
    private final HttpPoster poster;
    private final EntryJson json;

    public JsonArraySink(String name, HttpPoster poster, EntryJson json) {
        this.name = name;
        this.poster = poster;
        this.json = json;
    }

    public static JsonArraySink read(String name, ConfigNode node, EntryJson json) {
        return new JsonArraySink(name, new HttpPoster(HttpSettings.read(node), node.path()), json);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        return poster.post(poster.settings().url(), "application/json",
                json.array(batch.entries()), Map.of(BATCH_ID_HEADER, batch.id()),
                (target, answer) -> DeliveryOutcome.delivered());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "http";
    }

    @Override
    public String describe() {
        return "HTTP POST (JSON array) to " + poster.settings().redactedUrl() + poster.settings().tlsNote();
    }

    @Override
    public List<Secret> secrets() {
        return poster.secrets();
    }

    @Override
    public Duration timeout() {
        return poster.settings().timeout();
    }

    @Override
    public String toString() {
        return "JsonArraySink[" + name + ", " + describe() + "]";
    }
}
