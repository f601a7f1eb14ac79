package dev.batchyard.runtime;

import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.time.Duration;
import java.util.List;

/**
 * The demo's break-and-heal controls over the simulated sinks of an open store: not a console
 * operation (a real sink cannot be told to fail), so the runtime hands them to the window
 * separately. Every call sets a value on a sink that is safe to change from any thread.
 */
public final class SimulatedSinks {
    private final SinkRegistry registry;

    private SimulatedSinks(SinkRegistry registry) {
        this.registry = registry;
    }

    /** The simulated sinks among {@code registry}'s enabled ones. */
    public static SimulatedSinks in(SinkRegistry registry) {
        return new SimulatedSinks(registry);
    }

    /** The simulated sinks, in config order. */
    public List<String> names() {
        return registry.sinks().stream().map(s -> s.name()).filter(this::has).toList();
    }

    public boolean has(String sink) {
        return SimulatedSink.in(registry, sink).isPresent();
    }

    /** True while {@code sink} fails every delivery, as if unreachable. */
    public boolean isOutage(String sink) {
        return simulated(sink).isOutage();
    }

    public void setOutage(String sink, boolean down) {
        simulated(sink).setOutage(down);
    }

    /** The share of deliveries {@code sink} fails while up, from 0 to 1. */
    public double failureRate(String sink) {
        return simulated(sink).failureRate();
    }

    public void setFailureRate(String sink, double failureRate) {
        simulated(sink).setFailureRate(failureRate);
    }

    /** How long {@code sink} takes to answer each delivery. */
    public Duration latency(String sink) {
        return simulated(sink).latency();
    }

    public void setLatency(String sink, Duration latency) {
        simulated(sink).setLatency(latency);
    }

    private SimulatedSink simulated(String name) {
        return SimulatedSink.in(registry, name)
                .orElseThrow(() -> new IllegalArgumentException("no simulated sink named '" + name + "' in " + registry));
    }
}
