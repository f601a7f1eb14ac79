package dev.batchyard.sink.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.Secret;
import dev.batchyard.sink.Sink;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Splunk HTTP Event Collector: {@code POST {url}/services/collector/event} with
 * {@code Authorization: Splunk <token>}, one JSON event object per entry, stacked one per line.
 * {@code time} is epoch seconds with the fraction, {@code source}/{@code sourcetype} come from the
 * entry, {@code index} from the config when set, {@code event} is the whole entry.
 *
 * <p><b>Redelivery:</b> at-least-once, and HEC does not deduplicate: a batch sent again is indexed
 * again. Searches can drop the copies with {@code | dedup trace_id, timestamp}.
 */
public final class SplunkSink implements Sink {
    private final String name;
    private final HttpPoster poster;
    private final URI eventUri;
    private final Secret token;
    private final String index;
    private final EntryJson json;

    public SplunkSink(String name, HttpPoster poster, Secret token, String index, EntryJson json) {
        this.name = name;
        this.poster = poster;
        this.eventUri = Endpoints.join(poster.settings().url(), "/services/collector/event");
        this.token = token;
        this.index = index;
        this.json = json;
    }

    public static SplunkSink read(String name, ConfigNode node, EntryJson json) {
        Secret token = node.headerSecret("token");
        if (token.isEmpty()) {
            throw node.invalid("token", "", "must be the HTTP Event Collector token");
        }
        HttpSettings settings = HttpSettings.read(node);
        return new SplunkSink(name, new HttpPoster(settings, node.path(), List.of(token)), token,
                node.text("index", "").strip(), json);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        StringBuilder body = new StringBuilder();
        for (LogEntry e : batch.entries()) {
            body.append(json.write(event(e, batch.meta().createdAt()))).append('\n');
        }
        Map<String, String> auth = Map.of("Authorization", "Splunk " + token.reveal());
        return poster.post(eventUri, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), auth,
                (target, answer) -> DeliveryOutcome.delivered());
    }

    private ObjectNode event(LogEntry e, OffsetDateTime fallback) {
        ObjectNode ev = json.mapper().createObjectNode();
        OffsetDateTime t = e.timestamp() != null ? e.timestamp() : fallback;
        if (t != null) {
            ev.put("time", BigDecimal.valueOf(t.toEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)));
        }
        ev.put("source", e.sourceId().isEmpty() ? "batchyard" : e.sourceId());
        ev.put("sourcetype", e.sourceType().isEmpty() ? "_json" : e.sourceType());
        if (!index.isEmpty()) {
            ev.put("index", index);
        }
        ev.putRawValue("event", json.raw(e));
        return ev;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "splunk";
    }

    @Override
    public String describe() {
        return "Splunk HEC at " + HttpSettings.redact(eventUri.toString()) + (index.isEmpty() ? "" : ", index " + index)
                + poster.settings().tlsNote();
    }

    @Override
    public List<Secret> secrets() {
        List<Secret> all = new java.util.ArrayList<>(poster.secrets());
        all.add(token);
        return all;
    }

    @Override
    public Duration timeout() {
        return poster.settings().timeout();
    }

    @Override
    public String toString() {
        return "SplunkSink[" + name + ", " + describe() + "]";
    }
}
