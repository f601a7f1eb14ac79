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
 * Grafana Loki: {@code POST {url}{push_endpoint}} (default {@code /loki/api/v1/push}) with a JSON
 * push body, {@code X-Scope-OrgID} when {@code tenant_id} is set.
 *
 * <p><b>Redelivery:</b> at-least-once. Loki drops a line whose stream, timestamp and text equal one
 * it already has, so sending the same batch again (after a timeout whose request did arrive, or a
 * crash before the success was recorded) normally stores nothing new. Entries of one batch with
 * the same timestamp and text are also collapsed by that rule.
 *
 * <p><b>Refused entries:</b> Loki writes what it takes of a push and answers 400 (429 for a stream
 * over its rate limit) for the rest, naming each refused entry's stream; {@link LokiRefusal} reads
 * which entries those are and why.
 */
public final class LokiSink implements Sink {
    public static final String DEFAULT_PUSH_ENDPOINT = "/loki/api/v1/push";
    /**
     * The key of an entry's {@code fields} holding Loki structured metadata (name to text), sent
     * with the line; {@code serve} puts a pushed line's metadata there.
     */
    public static final String STRUCTURED_METADATA = "structured_metadata";
    private final String name;
    private final HttpPoster poster;
    private final URI pushUri;
    private final String tenant;
    private final Map<String, String> defaultLabels;
    private final EntryJson json;

    public LokiSink(String name, HttpPoster poster, String pushEndpoint, String tenant,
                    Map<String, String> defaultLabels, EntryJson json) {
        this.name = name;
        this.poster = poster;
        this.pushUri = Endpoints.join(poster.settings().url(), pushEndpoint);
        this.tenant = tenant;
        this.defaultLabels = Map.copyOf(defaultLabels);
        this.json = json;
    }

    public static LokiSink read(String name, ConfigNode node, EntryJson json) {
        HttpSettings settings = HttpSettings.read(node);
        String tenant = node.text("tenant_id", "").strip();
        String problem = Secret.headerProblem(tenant);
        if (problem != null) {
            throw node.invalid("tenant_id", tenant, problem + " (it is sent as the X-Scope-OrgID header)");
        }
        return new LokiSink(name, new HttpPoster(settings, node.path()),
                node.text("push_endpoint", DEFAULT_PUSH_ENDPOINT), tenant, node.stringMap("default_labels"), json);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        byte[] body = LokiPushBody.of(batch, defaultLabels, json.mapper()).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = tenant.isEmpty() ? Map.of() : Map.of("X-Scope-OrgID", tenant);
        LokiRefusal refusal = new LokiRefusal(batch, defaultLabels);
        return poster.post(pushUri, "application/json", body, headers, BulkAnswer.limitFor(batch.entries().size()),
                (target, answer) -> DeliveryOutcome.delivered(), (target, status, answer) -> refusal.read(status, answer));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "loki";
    }

    @Override
    public String describe() {
        return "Loki push to " + HttpSettings.redact(pushUri.toString()) + (tenant.isEmpty() ? "" : " (tenant " + tenant + ")")
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
        return "LokiSink[" + name + ", " + describe() + "]";
    }
}
