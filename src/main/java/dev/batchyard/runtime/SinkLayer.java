package dev.batchyard.runtime;

import dev.batchyard.console.SinkView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.sink.SinkRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The sinks one open store delivers through, as the runtime needs them: the engine's
 * {@link Delivery} (made once the engine's event bus exists, as the sinks publish on it), the
 * enabled sinks' names, and every sink's state for a console. The production layer is the
 * configured sinks ({@link ConfigFileSetup}); tests hand in their own ({@link #fixed}). Closing it
 * stops whatever the sinks hold (threads, connections); the runtime does that after the engine.
 */
public interface SinkLayer extends AutoCloseable {

    /** The delivery the engine uses, publishing on {@code events}. Called once, before the engine opens. */
    Delivery connect(EventBus events);

    /** The enabled sinks, in config order. */
    List<String> configured();

    /** Every sink the layer knows, enabled ones first, read without side effects. After {@link #connect}. */
    List<SinkView> status();

    /** The simulated sinks' controls, when this layer has any (demo mode). */
    default Optional<SimulatedSinks> simulated() {
        return Optional.empty();
    }

    @Override
    void close();

    /** The sinks of {@code registry}, through the sink layer's lanes, breakers and fallback; closing closes it. */
    static SinkLayer configured(SinkRegistry registry, Clock clock) {
        return new ConfiguredSinks(registry, clock);
    }

    /** No sinks: batches are browsed and changed by hand only. */
    static SinkLayer none() {
        return fixed(Delivery.none(), List.of());
    }

    /**
     * A delivery that needs no bus and holds nothing (tests), with {@code sinks} as the names it
     * delivers to; their state is their health only.
     */
    static SinkLayer fixed(Delivery delivery, List<String> sinks) {
        List<String> names = List.copyOf(sinks);
        return new SinkLayer() {
            @Override
            public Delivery connect(EventBus events) {
                return delivery;
            }

            @Override
            public List<String> configured() {
                return names;
            }

            @Override
            public List<SinkView> status() {
                return names.stream().map(name -> SinkView.of(name, delivery.health(name))).toList();
            }

            @Override
            public void close() {
            }
        };
    }
}
