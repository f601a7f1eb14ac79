package dev.batchyard.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.PersistenceConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What Batchyard takes from {@code config.yaml}.
 *
 * @param sinks  the raw {@code sinks} section (an empty object when there is none); the sink
 *               layer parses it ({@code dev.batchyard.runtime.ConfigFileSetup} has it do so)
 * @param source the file this came from, or {@code null} for {@link ConfigFile#defaults(Path)}
 * @param serve  the {@code serve} section (its defaults when there is none)
 */
public record AppConfig(PersistenceConfig persistence, JsonNode sinks, Path source, ServeSettings serve) {
    public AppConfig {
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(sinks, "sinks");
        Objects.requireNonNull(serve, "serve");
        sinks = sinks.deepCopy(); // JsonNode is mutable; this record is not
    }

    /** Without a {@code serve} section. */
    public AppConfig(PersistenceConfig persistence, JsonNode sinks, Path source) {
        this(persistence, sinks, source, ServeSettings.defaults());
    }

    @Override
    public JsonNode sinks() {
        return sinks.deepCopy();
    }

    /** The sinks by name only: their settings may hold credentials, which a record would print. */
    @Override
    public String toString() {
        java.util.List<String> names = new java.util.ArrayList<>();
        sinks.fieldNames().forEachRemaining(names::add);
        return "AppConfig[persistence=" + persistence + ", sinks=" + names + ", source=" + source + ", serve=" + serve + "]";
    }
}
