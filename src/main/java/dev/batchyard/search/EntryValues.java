package dev.batchyard.search;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.LogEntry;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The values of one log entry a query looks at, by name. Known names: {@code message} ({@code msg}),
 * {@code level}, {@code source} (its id or its type), {@code source_id}, {@code source_type},
 * {@code trace_id}, {@code span_id}, {@code pipeline}, {@code tag}; {@code label.K} and
 * {@code field.K} name one label or field; {@code sink}, {@code batch} ({@code batch_id}) and
 * {@code state} name the batch the entry is in (nothing when it is not known); any other name is a label of that name, else a field
 * ({@code a.b} reaches into a nested field). Field values that are numbers or booleans are tested
 * as their JSON text. A regular expression sees each value through {@link CancellableText}, so a
 * cancelled search stops even inside a runaway expression.
 */
final class EntryValues {
    private final LogEntry entry;
    private final BatchView batch;
    private final BooleanSupplier cancelled;

    /** @param batch the batch {@code entry} is in; {@code null} when not known */
    EntryValues(LogEntry entry, BatchView batch, BooleanSupplier cancelled) {
        this.entry = entry;
        this.batch = batch;
        this.cancelled = cancelled;
    }

    boolean anyMatches(ValueMatch match) {
        if (test(entry.message(), match) || test(entry.level(), match) || test(entry.sourceId(), match)
                || test(entry.sourceType(), match) || test(entry.traceId(), match)) {
            return true;
        }
        for (String tag : listOf(entry.tags())) {
            if (test(tag, match)) {
                return true;
            }
        }
        for (String value : mapOf(entry.labels()).values()) {
            if (test(value, match)) {
                return true;
            }
        }
        return anyIn(mapOf(entry.fields()).values(), match);
    }

    /** Go's nil list or map is kept as {@code null} in the model (it writes {@code null}, not {@code []}). */
    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> mapOf(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    boolean namedMatches(String key, ValueMatch match) {
        return switch (key) {
            case "message", "msg" -> test(entry.message(), match);
            case "level" -> test(entry.level(), match);
            case "source" -> test(entry.sourceId(), match) || test(entry.sourceType(), match);
            case "source_id" -> test(entry.sourceId(), match);
            case "source_type" -> test(entry.sourceType(), match);
            case "trace_id" -> test(entry.traceId(), match);
            case "span_id" -> test(entry.spanId(), match);
            case "pipeline" -> test(entry.pipeline(), match);
            case "tag" -> listOf(entry.tags()).stream().anyMatch(t -> test(t, match));
            case "sink" -> batch != null && test(batch.sink(), match);
            case "batch", "batch_id" -> batch != null && test(batch.id(), match);
            case "state" -> batch != null && test(batch.state().name(), match);
            default -> labelOrField(key, match);
        };
    }

    private boolean labelOrField(String key, ValueMatch match) {
        if (key.startsWith("label.")) {
            return test(mapOf(entry.labels()).get(key.substring("label.".length())), match);
        }
        if (key.startsWith("field.")) {
            return fieldMatches(key.substring("field.".length()), match);
        }
        String label = mapOf(entry.labels()).get(key);
        return label != null ? test(label, match) : fieldMatches(key, match);
    }

    /** The field {@code path} names: a top-level key first (keys may hold dots), then a walk down nested maps. */
    private boolean fieldMatches(String path, ValueMatch match) {
        Map<String, Object> fields = mapOf(entry.fields());
        if (fields.containsKey(path)) {
            return valueMatches(fields.get(path), match);
        }
        Object at = fields;
        for (String part : path.split("\\.", -1)) {
            if (!(at instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return false;
            }
            at = map.get(part);
        }
        return valueMatches(at, match);
    }

    private boolean anyIn(Iterable<?> values, ValueMatch match) {
        for (Object value : values) {
            if (valueMatches(value, match)) {
                return true;
            }
        }
        return false;
    }

    private boolean valueMatches(Object value, ValueMatch match) {
        if (value instanceof Map<?, ?> map) {
            return anyIn(map.values(), match);
        }
        if (value instanceof List<?> list) {
            return anyIn(list, match);
        }
        return value != null && test(value.toString(), match);
    }

    private boolean test(String value, ValueMatch match) {
        if (value == null) {
            return false;
        }
        return match.test(match instanceof ValueMatch.Regex ? new CancellableText(value, cancelled) : value);
    }
}
