package dev.batchyard.sink;

import dev.batchyard.engine.ConfigException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The sinks of one {@code config.yaml}, by name, in config order: the enabled ones, and the names
 * known but not deliverable ({@code enabled: false}) with why. Read from the {@code sinks} section by
 * {@code dev.batchyard.sink.config.SinkConfig}; this package names no concrete sink. Fallback
 * targets are checked here, where every sink is known: each leads, without coming back to its
 * sink, to enabled sinks. Immutable; closing it closes the runtime it was given.
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

    /** Closes every sink (a Kafka producer waits a little for records in flight), then the runtime. */
    @Override
    public void close() {
        for (ConfiguredSink s : enabled.values()) {
            try {
                s.sink().close();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(SinkRegistry.class).warn("sink '{}' did not close cleanly: {}", s.name(), e.toString());
            }
        }
        runtime.close();
    }

    @Override
    public String toString() {
        return "SinkRegistry[enabled=" + enabled.keySet() + ", disabled=" + disabled.keySet() + "]";
    }
}
