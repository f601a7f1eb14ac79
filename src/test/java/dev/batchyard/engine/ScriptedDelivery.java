package dev.batchyard.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A Delivery double: per-sink scripted answers, recording every batch it was handed. */
public final class ScriptedDelivery implements Delivery {
    private final Map<String, Function<Batch, CompletableFuture<DeliveryOutcome>>> sinks = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    public final List<Batch> received = new CopyOnWriteArrayList<>();
    private volatile Map<String, String> fallbacks = Map.of();

    public ScriptedDelivery sink(String name, Function<Batch, CompletableFuture<DeliveryOutcome>> answer) {
        sinks.put(name, answer);
        gates.put(name, Gate.OPEN);
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

    public void gate(String sink, Gate gate) {
        gates.put(sink, gate);
    }

    public void fallback(String from, String to) {
        fallbacks = Map.of(from, to);
    }

    public Set<String> receivedIds() {
        return Set.copyOf(received.stream().map(Batch::id).toList());
    }

    @Override
    public Gate gate(String sink) {
        return gates.getOrDefault(sink, Gate.UNKNOWN);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        received.add(batch);
        return sinks.get(batch.sink()).apply(batch);
    }

    @Override
    public java.util.Optional<String> fallbackFor(BatchView failed) {
        return java.util.Optional.ofNullable(fallbacks.get(failed.sink()));
    }
}
