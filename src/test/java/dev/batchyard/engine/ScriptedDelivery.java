package dev.batchyard.engine;

import dev.batchyard.engine.events.SinkHealth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Delivery double: per-sink scripted answers and admissions, recording every batch it was
 * handed. A sink given a fallback answers its failures as a reroute there, as the sink layer's
 * fallback policy would.
 */
public final class ScriptedDelivery implements Delivery {
    private final Map<String, Function<Batch, CompletableFuture<DeliveryOutcome>>> sinks = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Admission>> admissions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    public final List<Batch> received = new CopyOnWriteArrayList<>();
    private volatile Map<String, String> fallbacks = Map.of();

    public ScriptedDelivery sink(String name, Function<Batch, CompletableFuture<DeliveryOutcome>> answer) {
        sinks.put(name, answer);
        admission(name, Admission.send());
        return this;
    }

    public ScriptedDelivery succeeding(String... names) {
        for (String n : names) {
            sink(n, b -> CompletableFuture.completedFuture(DeliveryOutcome.delivered()));
        }
        return this;
    }

    public ScriptedDelivery failing(String name, String reason) {
        return sink(name, b -> CompletableFuture.completedFuture(DeliveryOutcome.retryable(reason)));
    }

    public ScriptedDelivery hanging(String name) {
        return sink(name, b -> new CompletableFuture<>());
    }

    public void admission(String sink, Admission admission) {
        admission(sink, () -> admission);
    }

    /** {@code sink}'s admission as {@code answer} gives it, asked anew each time (on the recovery loop's thread). */
    public void admission(String sink, Supplier<Admission> answer) {
        admissions.put(sink, answer);
    }

    public void fallback(String from, String to) {
        fallbacks = Map.of(from, to);
    }

    /** How many times the engine asked to send to {@code sink} ({@link #admit}): once per recovery pass with its batches due. */
    public int admissionsAsked(String sink) {
        AtomicInteger count = asked.get(sink);
        return count == null ? 0 : count.get();
    }

    public Set<String> receivedIds() {
        return Set.copyOf(received.stream().map(Batch::id).toList());
    }

    @Override
    public Admission admit(String sink) {
        asked.computeIfAbsent(sink, s -> new AtomicInteger()).incrementAndGet();
        Supplier<Admission> answer = admissions.get(sink);
        return answer == null ? Admission.notConfigured() : answer.get();
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        received.add(batch);
        String fallback = fallbacks.get(batch.sink());
        CompletableFuture<DeliveryOutcome> answer = sinks.get(batch.sink()).apply(batch);
        return fallback == null ? answer : answer.thenApply(o -> o instanceof DeliveryOutcome.Failed f
                ? new DeliveryOutcome.Reroute(fallback, f.reason()) : o);
    }

    @Override
    public SinkHealth health(String sink) {
        return sinks.containsKey(sink) ? SinkHealth.CLOSED : SinkHealth.NOT_CONFIGURED;
    }
}
