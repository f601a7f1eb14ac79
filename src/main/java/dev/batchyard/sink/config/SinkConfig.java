package dev.batchyard.sink.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.ConfiguredSink;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the raw {@code sinks} section of {@code config.yaml} into a {@link SinkRegistry}: each key
 * is a sink; {@code enabled: false} (or a type Batchyard cannot deliver to) keeps the name known
 * but not deliverable, and such a disabled sink's other keys are not checked,
 * as the Go agent's sample configs leave them empty. This package is the one place that names the
 * concrete sinks, above both them and the delivery machinery in {@code dev.batchyard.sink}.
 * A bad value throws {@link ConfigException} naming its key ({@code sinks.loki.timeout}).
 */
public final class SinkConfig {
    private SinkConfig() {
    }

    /**
     * The sinks of a {@code sinks} section not read from a file (demo sinks, tests): a relative {@code *_file} path
     * is taken from the working directory.
     */
    public static SinkRegistry read(JsonNode sinksSection, SinkRuntime runtime) {
        return read(sinksSection, runtime, Path.of(""));
    }

    /**
     * The sinks of the {@code sinks} section ({@code null} or missing: no sinks), sharing {@code runtime}.
     *
     * @param baseDir the config file's folder: relative {@code *_file} paths ({@code tls.ca_file}) are taken from it
     */
    public static SinkRegistry read(JsonNode sinksSection, SinkRuntime runtime, Path baseDir) {
        ConfigNode root = new ConfigNode(sinksSection, "sinks", baseDir);
        if (sinksSection != null && !sinksSection.isNull() && !sinksSection.isMissingNode() && !root.isObject()) {
            throw new ConfigException("sinks", sinksSection.asText(), "must be a mapping of sink names to settings");
        }
        SinkFactory factory = new SinkFactory(new EntryJson(), runtime);
        List<ConfiguredSink> sinks = new ArrayList<>();
        Map<String, String> disabled = new LinkedHashMap<>();
        for (String name : root.fieldNames()) {
            ConfigNode node = root.child(name);
            if (!node.bool("enabled", false)) {
                disabled.put(name, "disabled in config.yaml");
                continue;
            }
            String type = SinkFactory.typeOf(name, node);
            if (SinkFactory.UNSUPPORTED.contains(type)) {
                disabled.put(name, type + " sinks are not supported by Batchyard");
                continue;
            }
            sinks.add(new ConfiguredSink(factory.create(name, type, node), PolicyReader.read(node)));
        }
        return new SinkRegistry(sinks, disabled, runtime);
    }
}
