package dev.batchyard.sink.http;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.Secret;
import dev.batchyard.sink.Sink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Elasticsearch: {@code POST {url}/_bulk} NDJSON into {@code index}, each entry as a document whose
 * {@code _id} is {@code <batch id>-<entry index>}. Takes {@code url} or the Go agent's {@code urls}
 * (the first one is used) and its top-level {@code username}/{@code password}.
 *
 * <p><b>Redelivery:</b> at-least-once, without duplicates: the {@code index} action with a fixed
 * {@code _id} replaces a document already stored, so a batch sent twice leaves one document per
 * entry (the version number goes up). A partial failure is retried as a whole for that reason; the
 * refused entries are named with their reasons ({@link BulkAnswer}).
 */
public final class ElasticsearchSink implements Sink {
    private final String name;
    private final HttpPoster poster;
    private final URI bulkUri;
    private final String index;
    private final EntryJson json;

    public ElasticsearchSink(String name, HttpPoster poster, String index, EntryJson json) {
        this.name = name;
        this.poster = poster;
        this.bulkUri = Endpoints.join(poster.settings().url(), "/_bulk");
        this.index = index;
        this.json = json;
    }

    public static ElasticsearchSink read(String name, ConfigNode node, EntryJson json) {
        HttpSettings settings = HttpSettings.read(node);
        String index = node.text("index", "").strip();
        if (index.isEmpty() || !index.equals(index.toLowerCase(java.util.Locale.ROOT)) || index.contains(" ")) {
            throw node.invalid("index", index, "must be a lower-case Elasticsearch index name, e.g. logs-batchyard");
        }
        return new ElasticsearchSink(name, new HttpPoster(settings, node.path()), index, json);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        if (batch.entries().isEmpty()) {
            return CompletableFuture.completedFuture(DeliveryOutcome.delivered());
        }
        byte[] body = BulkBody.of(batch, index, json).getBytes(StandardCharsets.UTF_8);
        return poster.post(bulkUri, "application/x-ndjson", body, Map.of(), BulkAnswer.limitFor(batch.entries().size()),
                (target, answer) -> BulkAnswer.read(target, answer, json.mapper(), batch.entries().size()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "elasticsearch";
    }

    @Override
    public String describe() {
        return "Elasticsearch bulk to " + HttpSettings.redact(bulkUri.toString()) + ", index " + index
                + poster.settings().tlsNote();
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
        return "ElasticsearchSink[" + name + ", " + describe() + "]";
    }
}
