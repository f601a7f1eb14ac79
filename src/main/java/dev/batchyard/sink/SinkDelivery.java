package dev.batchyard.sink;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.EventBus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's {@link Delivery} over a {@link SinkRegistry}: one {@link SinkLane} per enabled sink
 * (bounded concurrency, circuit breaker), recovery strategies from the config, and a health
 * snapshot for the UI. Breaker changes go out on the {@link EventBus} the engine also publishes on.
 *
 * <p>{@code fallback_after_open}: while a breaker is open the engine is told HOLD and asks for no
 * fallback, as no attempt fails. Once the breaker has been open that long, the gate says OPEN
 * again; the attempt fails at once without touching the sink, and the engine's failure path asks
 * {@link #fallbackFor} and reroutes the batch.
 */
public final class SinkDelivery implements Delivery {
    private final SinkRegistry registry;
    private final Clock clock;
    private final Map<String, SinkLane> lanes = new LinkedHashMap<>();

    public SinkDelivery(SinkRegistry registry, EventBus events, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (ConfiguredSink s : registry.sinks()) {
            lanes.put(s.name(), new SinkLane(s, events, clock, registry.runtime().io()));
        }
    }

    @Override
    public Gate gate(String sink) {
        SinkLane lane = lanes.get(sink);
        if (lane == null) {
            return Gate.UNKNOWN;
        }
        return lane.gate(FallbackPolicy.openTooLong(lane.configured().policy().recovery(), lane.breaker(), clock.instant()));
    }

    /** Enabled, whatever its breaker says; unlike {@link #gate} this never takes a probe lease. */
    @Override
    public boolean accepts(String sink) {
        return lanes.containsKey(sink);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        SinkLane lane = lanes.get(batch.sink());
        if (lane == null) {
            String why = registry.disabled().getOrDefault(batch.sink(), "not configured");
            return CompletableFuture.completedFuture(DeliveryOutcome.retryable(
                    "sink '" + batch.sink() + "' is " + why + "; batch " + batch.id() + " waits for an operator"));
        }
        return lane.submit(batch);
    }

    @Override
    public Optional<String> fallbackFor(BatchView failed) {
        SinkLane lane = lanes.get(failed.sink());
        if (lane == null) {
            return Optional.empty();
        }
        return FallbackPolicy.decide(failed, lane.configured().policy().recovery(), lane.breaker(), clock.instant())
                .filter(lanes::containsKey);
    }

    /**
     * Closes a sink's breaker at once (an operator knows the sink is back). Returns false for a
     * sink that is not enabled.
     */
    public boolean resetBreaker(String sink) {
        SinkLane lane = lanes.get(sink);
        if (lane == null) {
            return false;
        }
        lane.resetBreaker();
        return true;
    }

    /** Every configured sink, enabled ones first, in config order. */
    public List<SinkHealth> health() {
        List<SinkHealth> out = new ArrayList<>();
        lanes.values().forEach(l -> out.add(l.health()));
        registry.disabled().forEach((name, why) -> out.add(new SinkHealth(name, "", "", false, null, 0, null, null,
                0, 0, 0, 0, why)));
        return out;
    }

    public Optional<SinkHealth> health(String sink) {
        return health().stream().filter(h -> h.sink().equals(sink)).findFirst();
    }

    public SinkRegistry registry() {
        return registry;
    }
}
