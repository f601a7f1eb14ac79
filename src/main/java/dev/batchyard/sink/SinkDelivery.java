package dev.batchyard.sink;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's {@link Delivery} over a {@link SinkRegistry}: one {@link SinkLane} per enabled sink
 * (bounded concurrency, circuit breaker) and the sinks' {@link FallbackPolicy}, answering the
 * engine with types it applies. Breaker changes go out on the {@link EventBus} the engine also
 * publishes on.
 *
 * <p>{@link #admit} is the recovery loop's alone: it may take a breaker's probe lease. Everything
 * else ({@link #health}, {@link #status}, {@link #resetBreaker}) may be called from any thread;
 * the reads never touch a lease, so the status bar can poll them every second. Thread-safe.
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

    /**
     * Send when the lane has a free slot and the breaker lets a batch pass (after a cool-down: the
     * one probe); reroute at once when the breaker has been open longer than
     * {@code fallback_after_open}; otherwise hold.
     */
    @Override
    public Admission admit(String sink) {
        SinkLane lane = lanes.get(sink);
        if (lane == null) {
            return Admission.notConfigured();
        }
        if (lane.admits()) {
            return Admission.send();
        }
        return FallbackPolicy.whileHeld(lane.configured(), lane.breaker(), clock.instant()).orElseGet(Admission::hold);
    }

    /** The sink's answer, or a reroute when its fallback policy says this failure was one too many. */
    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        SinkLane lane = lanes.get(batch.sink());
        if (lane == null) {
            String why = registry.disabled().getOrDefault(batch.sink(), "not configured");
            return CompletableFuture.completedFuture(DeliveryOutcome.retryable(
                    "sink '" + batch.sink() + "' is " + why + "; batch " + batch.id() + " waits for an operator"));
        }
        return lane.submit(batch).thenApply(outcome ->
                FallbackPolicy.afterAttempt(lane.configured(), batch, outcome, lane.breaker(), clock.instant()));
    }

    @Override
    public SinkHealth health(String sink) {
        SinkLane lane = lanes.get(sink);
        return lane == null ? SinkHealth.NOT_CONFIGURED : lane.health();
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
    public List<SinkStatus> status() {
        List<SinkStatus> out = new ArrayList<>();
        lanes.values().forEach(l -> out.add(l.status()));
        registry.disabled().forEach((name, why) -> out.add(new SinkStatus(name, "", "", SinkHealth.NOT_CONFIGURED,
                0, null, null, 0, 0, 0, 0, why, null)));
        return out;
    }

    public Optional<SinkStatus> status(String sink) {
        return status().stream().filter(h -> h.sink().equals(sink)).findFirst();
    }

    public SinkRegistry registry() {
        return registry;
    }
}
