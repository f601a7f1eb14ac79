package dev.batchyard.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.time.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object of the raw {@code sinks} config with its dotted path, so every typed read that fails
 * throws a {@link ConfigException} naming the full key ({@code sinks.loki.timeout}). Keys the
 * Go agent has but Batchyard does not use (queue sizes, batching) are ignored, as Go ignores them.
 */
public final class ConfigNode {
    /** What an error shows in place of a credential's value. */
    public static final String HIDDEN = "(hidden)";
    private final JsonNode node;
    private final String path;
    private final Path baseDir;

    /** A node whose relative file paths are resolved against the working directory (a config not read from a file). */
    public ConfigNode(JsonNode node, String path) {
        this(node, path, Path.of(""));
    }

    /** @param baseDir the config file's folder: a relative {@link #optionalFile file} path is resolved against it */
    public ConfigNode(JsonNode node, String path, Path baseDir) {
        this.node = node == null || node.isNull() ? MissingNode.getInstance() : node;
        this.path = path;
        this.baseDir = baseDir;
    }

    public String path() {
        return path;
    }

    public String key(String name) {
        return path + "." + name;
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    public boolean isObject() {
        return node.isObject();
    }

    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public ConfigNode child(String name) {
        JsonNode v = node.get(name);
        if (v != null && !v.isNull() && !v.isObject()) {
            throw new ConfigException(key(name), v.asText(), "must be a mapping of keys to values");
        }
        return new ConfigNode(v, key(name), baseDir);
    }

    public Optional<String> optionalText(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            throw new ConfigException(key(name), v.toString(), "must be a single value");
        }
        return Optional.of(v.asText());
    }

    public String text(String name, String fallback) {
        return optionalText(name).orElse(fallback);
    }

    /**
     * A file the config names ({@code ca_file}): a relative path is taken from the config file's folder, as every
     * {@code *_file} of the config is, so the same config works whatever directory the process starts in.
     * Empty or absent: none. Whether the file is readable is the caller's check, which words the error.
     */
    public Optional<Path> optionalFile(String name) {
        return optionalText(name).map(String::strip).filter(s -> !s.isEmpty()).map(s -> baseDir.resolve(s).normalize());
    }

    /**
     * A credential that is sent encoded (a basic-auth password): one line of printable text
     * ({@link Secret#problem}). An error names the key and never the value.
     */
    public Secret secret(String name) {
        return checkedSecret(name, false);
    }

    /**
     * A credential sent as HTTP header text (a bearer or Splunk token): also Latin-1 only, no space
     * at either end ({@link Secret#headerProblem}). An error names the key and never the value.
     */
    public Secret headerSecret(String name) {
        return checkedSecret(name, true);
    }

    private Secret checkedSecret(String name, boolean header) {
        JsonNode v = node.get(name);
        if (v != null && !v.isNull() && !v.isValueNode()) {
            throw new ConfigException(key(name), HIDDEN, "must be a single value");
        }
        String text = v == null || v.isNull() ? "" : v.asText();
        String problem = header ? Secret.headerProblem(text) : Secret.problem(text);
        if (problem != null) {
            throw new ConfigException(key(name), HIDDEN, problem);
        }
        return Secret.of(text);
    }

    public boolean bool(String name, boolean fallback) {
        String t = optionalText(name).orElse(null);
        if (t == null) {
            return fallback;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new ConfigException(key(name), t, "must be true or false");
    }

    public int integer(String name, int fallback, int min) {
        String t = optionalText(name).orElse(null);
        if (t == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(t.strip());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new ConfigException(key(name), t, "must be a whole number >= " + min);
    }

    public double fraction(String name, double fallback) {
        String t = optionalText(name).orElse(null);
        if (t == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(t.strip());
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new ConfigException(key(name), t, "must be a number from 0 to 1");
    }

    /** A Go duration; {@code positive} refuses zero and negative values. */
    public Duration duration(String name, Duration fallback, boolean positive) {
        String t = optionalText(name).orElse(null);
        if (t == null) {
            return fallback;
        }
        Duration d;
        try {
            d = GoDuration.parse(t.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key(name), t, "must be a Go duration such as 500ms, 30s, 1m30s or 2h");
        }
        if (d.isNegative() || (positive && d.isZero())) {
            throw new ConfigException(key(name), t, positive ? "must be a positive Go duration such as 30s"
                    : "must not be negative");
        }
        return d;
    }

    public Map<String, String> stringMap(String name) {
        ConfigNode m = child(name);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : m.fieldNames()) {
            out.put(k, m.optionalText(k).orElse(""));
        }
        return out;
    }

    public List<String> textList(String name) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigException(key(name), v.asText(), "must be a list");
        }
        v.forEach(item -> out.add(item.asText()));
        return out;
    }

    public ConfigException invalid(String name, String value, String allowed) {
        return new ConfigException(key(name), value, allowed);
    }
}
