package dev.batchyard.sink;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One configured delivery target. {@link #deliver} must not block its caller: it returns a future
 * that completes with {@link DeliveryOutcome.Delivered}, or with a {@link DeliveryOutcome.Failed}
 * saying whether trying again can help (timeouts, 408/429/5xx, refused connections) or not (other
 * 4xx). The future never completes exceptionally. Implementations are thread-safe; each documents
 * what a repeated delivery of the same batch does, since delivery is at-least-once.
 */
public interface Sink extends AutoCloseable {

    /** The name batches use to address this sink (the key under {@code sinks}). */
    String name();

    /**
     * {@code loki}, {@code elasticsearch}, {@code splunk}, {@code kafka}, {@code local_file}, {@code http} or
     * {@code simulated}.
     */
    String type();

    /** Where batches go, for people: never contains passwords, tokens or auth headers. */
    String describe();

    /**
     * The credentials this sink sends (tokens, passwords, sensitive header values), so that the
     * sink layer can scrub their exact values from every failure reason ({@link FailureReasonScrubber}).
     */
    default List<Secret> secrets() {
        return List.of();
    }

    /** How long one delivery may take before it counts as timed out. */
    Duration timeout();

    CompletableFuture<DeliveryOutcome> deliver(Batch batch);

    /**
     * Lets go of what the sink holds (connections, a client's threads), waiting a little for what
     * is in flight. Called once, by {@link SinkRegistry#close()}; a sink holding nothing has
     * nothing to do.
     */
    @Override
    default void close() {
    }
}
