package dev.batchyard.sink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sinks of one {@code config.yaml}, by name, in config order. Built from the raw {@code sinks}
 * section: each key is a sink; {@code enabled: false} (or a type Batchyard cannot deliver to, like
 * {@code kafka}) keeps the name known but not deliverable, and such a disabled sink's other keys
 * are not checked, as the Go agent's sample configs leave them empty. Fallback targets are
 * checked here, where every sink is known. Immutable; closing it closes the runtime it was given.
 */
public final class SinkRegistry implements AutoCloseable {
    private final Map<String, ConfiguredSink> enabled;
    private final Map<String, String> disabled;
    private final SinkRuntime runtime;

    public SinkRegistry(List<ConfiguredSink> sinks, Map<String, String> disabled, SinkRuntime runtime) {
        Map<String, ConfiguredSink> byName = new LinkedHashMap<>();
        for (ConfiguredSink s : sinks) {
            if (byName.put(s.name(), s) != null) {
                throw new ConfigException("sinks." + s.name(), s.name(), "is configured twice");
            }
        }
        this.enabled = byName;
        this.disabled = new LinkedHashMap<>(disabled);
        this.runtime = runtime;
        enabled.values().forEach(this::checkFallback);
    }

    /** Reads the {@code sinks} section ({@code null} or missing: no sinks). */
    public static SinkRegistry fromConfig(JsonNode sinksSection, SinkRuntime runtime) {
        ConfigNode root = new ConfigNode(sinksSection, "sinks");
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

    private void checkFallback(ConfiguredSink s) {
        if (!(s.policy().recovery() instanceof RecoveryStrategy.Fallback)) {
            return;
        }
        String key = "sinks." + s.name() + ".fallback";
        Set<String> seen = new HashSet<>(List.of(s.name()));
        String next = ((RecoveryStrategy.Fallback) s.policy().recovery()).target();
        while (next != null) {
            if (next.equals(s.name())) {
                throw new ConfigException(key, next, "leads back to " + s.name() + " itself; batches would bounce forever");
            }
            ConfiguredSink target = enabled.get(next);
            if (target == null) {
                throw new ConfigException(key, next, disabled.containsKey(next)
                        ? "is not enabled (" + disabled.get(next) + ")" : "is not a configured sink; known: " + enabled.keySet());
            }
            if (!seen.add(next)) {
                return;
            }
            next = target.policy().recovery() instanceof RecoveryStrategy.Fallback f ? f.target() : null;
        }
    }

    public Optional<ConfiguredSink> find(String name) {
        return Optional.ofNullable(enabled.get(name));
    }

    public Optional<Sink> sink(String name) {
        return find(name).map(ConfiguredSink::sink);
    }

    /** A simulated sink by name, for the demo's break/heal controls. */
    public Optional<SimulatedSink> simulated(String name) {
        return sink(name).filter(SimulatedSink.class::isInstance).map(SimulatedSink.class::cast);
    }

    public boolean isEnabled(String name) {
        return enabled.containsKey(name);
    }

    /** Enabled sinks in config order. */
    public List<ConfiguredSink> sinks() {
        return List.copyOf(enabled.values());
    }

    /** Names known but not deliverable, with why. */
    public Map<String, String> disabled() {
        return java.util.Collections.unmodifiableMap(disabled);
    }

    public SinkRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "SinkRegistry[enabled=" + enabled.keySet() + ", disabled=" + disabled.keySet() + "]";
    }
}
