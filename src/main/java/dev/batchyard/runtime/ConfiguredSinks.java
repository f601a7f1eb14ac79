package dev.batchyard.runtime;

import dev.batchyard.console.SinkView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.sink.ConfiguredSink;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The sink layer of a {@link SinkRegistry}: lanes, breakers and fallback through a {@link SinkDelivery}. */
final class ConfiguredSinks implements SinkLayer {
    private final SinkRegistry registry;
    private final Clock clock;
    private volatile SinkDelivery delivery;

    ConfiguredSinks(SinkRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public synchronized Delivery connect(EventBus events) {
        if (delivery != null) {
            throw new IllegalStateException("the sinks of " + registry + " are already connected to an engine");
        }
        delivery = new SinkDelivery(registry, events, clock);
        return delivery;
    }

    @Override
    public List<String> configured() {
        return registry.sinks().stream().map(ConfiguredSink::name).toList();
    }

    @Override
    public List<SinkView> status() {
        SinkDelivery connected = delivery;
        if (connected == null) {
            throw new IllegalStateException("the sinks of " + registry + " are not connected to an engine yet");
        }
        return connected.status().stream().map(ConfiguredSinks::view).toList();
    }

    @Override
    public Optional<SimulatedSinks> simulated() {
        return Optional.of(SimulatedSinks.in(registry));
    }

    @Override
    public void close() {
        registry.close();
    }

    private static SinkView view(SinkStatus s) {
        return new SinkView(s.sink(), s.type(), s.description(), s.health(), s.consecutiveFailures(), s.openSince(),
                s.nextProbeAt(), s.inFlight(), s.queued(), s.delivered(), s.failed(), s.lastFailure());
    }
}
