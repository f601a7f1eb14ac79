package dev.batchyard.training.scenario;

import dev.batchyard.time.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of one YAML mapping, read one by one with their rules; {@link #done()} refuses a key
 * nobody read (a typo such as {@code withn: 3m} must not silently mean "no deadline"). Every
 * error names the file, the line and the key path.
 */
final class Fields {
    private final YamlNode node;
    private final ScenarioSource source;
    private final Map<String, YamlNode> fields;
    private final Set<String> read = new LinkedHashSet<>();

    @SuppressWarnings("unchecked")
    Fields(YamlNode node, ScenarioSource source) {
        if (!node.isMap()) {
            throw new ScenarioException(source, node.line(), node.path(), "must be a mapping of keys");
        }
        this.node = node;
        this.source = source;
        this.fields = (Map<String, YamlNode>) node.value();
    }

    YamlNode node() {
        return node;
    }

    Set<String> keys() {
        return fields.keySet();
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    YamlNode required(String key) {
        read.add(key);
        YamlNode value = fields.get(key);
        if (value == null || value.value() == null) {
            throw problem(key, "is required");
        }
        return value;
    }

    Optional<YamlNode> optional(String key) {
        read.add(key);
        return Optional.ofNullable(fields.get(key)).filter(v -> v.value() != null);
    }

    String text(String key) {
        return scalar(required(key));
    }

    Optional<String> optionalText(String key) {
        return optional(key).map(this::scalar);
    }

    Duration duration(String key) {
        return duration(required(key));
    }

    Optional<Duration> optionalDuration(String key) {
        return optional(key).map(this::duration);
    }

    int integer(String key, int min, int max) {
        return integer(required(key), min, max);
    }

    int integer(String key, int min, int max, int orElse) {
        return optional(key).map(v -> integer(v, min, max)).orElse(orElse);
    }

    double fraction(String key) {
        YamlNode v = required(key);
        try {
            double d = Double.parseDouble(scalar(v));
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw error(v, "must be a number from 0 to 1, not '" + v.value() + "'");
    }

    /** A text in both languages: {@code {en: ..., pt: ...}}. */
    Text bilingual(String key) {
        return bilingual(required(key));
    }

    Text bilingual(YamlNode v) {
        Fields both = new Fields(v, source);
        Text text = new Text(both.text("en"), both.text("pt"));
        both.done();
        return text;
    }

    List<YamlNode> list(String key) {
        return optional(key).map(this::items).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> items(YamlNode v) {
        if (!v.isList()) {
            throw error(v, "must be a list");
        }
        return (List<YamlNode>) v.value();
    }

    Fields map(String key) {
        return new Fields(required(key), source);
    }

    /** @throws ScenarioException naming the first key that no rule read */
    void done() {
        List<String> unknown = new ArrayList<>(fields.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            YamlNode first = fields.get(unknown.get(0));
            throw error(first, "is not a key here (known: " + String.join(", ", read) + ")");
        }
    }

    String scalar(YamlNode v) {
        if (!v.isScalar()) {
            throw error(v, "must be a single value, not a " + (v.isMap() ? "mapping" : "list"));
        }
        return (String) v.value();
    }

    Duration duration(YamlNode v) {
        try {
            Duration d = GoDuration.parse(scalar(v));
            if (!d.isNegative()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // worded below
        }
        throw error(v, "must be a duration such as 90s, 3m or 1h30m, not '" + v.value() + "'");
    }

    int integer(YamlNode v, int min, int max) {
        try {
            int i = Integer.parseInt(scalar(v));
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw error(v, "must be a whole number from " + min + " to " + max + ", not '" + v.value() + "'");
    }

    ScenarioException problem(String key, String what) {
        YamlNode v = fields.get(key);
        String path = node.path().isEmpty() ? key : node.path() + "." + key;
        return new ScenarioException(source, v == null ? node.line() : v.line(), path, what);
    }

    ScenarioException error(YamlNode v, String what) {
        return new ScenarioException(source, v.line(), v.path(), what);
    }
}
