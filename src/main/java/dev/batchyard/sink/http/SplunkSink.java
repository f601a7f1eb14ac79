package dev.batchyard.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.EntryRejection;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.Secret;
import dev.batchyard.sink.Sink;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                HttpPoster.REASON_BODY_LIMIT, (target, answer) -> DeliveryOutcome.delivered(),
                (target, status, answer) -> invalidEvent(batch, status, answer));
    }

    /**
     * HEC answers a 400 naming the first event it could not take ({@code "invalid-event-number": 2},
     * counting from 0, with {@code text} and {@code code}): that entry is the one rejected. HEC
     * reads no further than it, so the batch fails as a whole; split the entry out and the rest goes.
     */
    private Optional<DeliveryOutcome> invalidEvent(Batch batch, int status, ResponseBody answer) {
        if (status != 400) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.mapper().readTree(answer.text());
            JsonNode number = node == null ? null : node.get("invalid-event-number");
            if (number == null || !number.canConvertToInt() || number.asInt() < 0
                    || number.asInt() >= batch.entries().size()) {
                return Optional.empty();
            }
            String why = node.path("text").asText("invalid event") + " (HEC code " + node.path("code").asText("?") + ")";
            return Optional.of(DeliveryOutcome.Failed.rejected(List.of(new EntryRejection(number.asInt(), why)),
                    batch.entries().size(), false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not HEC's JSON: the status says it
        }
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
