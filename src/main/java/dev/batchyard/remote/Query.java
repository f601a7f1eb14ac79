package dev.batchyard.remote;

import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.model.BatchState;
import dev.batchyard.time.GoDuration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A query string of the admin API, and the console's arguments written as its parameters: the batch
 * filter ({@code state}, {@code sink}, {@code older_than}, {@code min_retries}, {@code text}), the
 * order ({@code -retries}), the page ({@code limit}, {@code cursor}) and the audit filter. Not
 * thread-safe; one per request.
 */
final class Query {
    private final Map<String, String> values = new LinkedHashMap<>();

    Query put(String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            values.put(name, value.toString());
        }
        return this;
    }

    /** The batch filter's parameters, as {@code GET /api/v1/batches} and an action's {@code filter} take them. */
    static Map<String, Object> filterFields(BatchQuery q) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (!q.states().isEmpty()) {
            f.put("state", q.states().stream().map(BatchState::name).sorted().collect(Collectors.joining(",")));
        }
        if (!q.sinks().isEmpty()) {
            f.put("sink", q.sinks().stream().sorted().collect(Collectors.joining(",")));
        }
        if (q.olderThan() != null) {
            f.put("older_than", GoDuration.format(q.olderThan()));
        }
        if (q.minRetries() != null) {
            f.put("min_retries", q.minRetries());
        }
        if (!q.text().isEmpty()) {
            f.put("text", q.text());
        }
        return f;
    }

    Query filter(BatchQuery q) {
        filterFields(q).forEach(this::put);
        return this;
    }

    Query order(BatchOrder order) {
        String field = order.field().name().toLowerCase(Locale.ROOT);
        return put("order", order.direction() == BatchOrder.Direction.DESCENDING ? "-" + field : field);
    }

    Query page(PageRequest page) {
        return put("limit", page.limit()).put("cursor", page.cursor());
    }

    /** A page of batches, which may also start {@code offset} rows after its cursor (a table's scrollbar). */
    Query batchPage(PageRequest page) {
        return page(page).put("offset", page.offset() > 0 ? page.offset() : null);
    }

    Query audit(AuditQuery q) {
        return put("action", q.action()).put("actor", q.actor()).put("batch_id", q.batchId())
                .put("since", q.since() == null ? null : q.since().toString());
    }

    /** {@code path} with this query, each value percent-encoded. */
    String on(String path) {
        if (values.isEmpty()) {
            return path;
        }
        return path + "?" + values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** One value or path segment, percent-encoded (a space as {@code %20}, valid in a path too). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
