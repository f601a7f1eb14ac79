package dev.batchyard.app;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A sink layer for app tests: each configured sink is a directory the batch's id is written to
 * on delivery. Every configured sink is held (its breaker "open"), so the recovery loop leaves
 * batches where they are and only an operator's "retry now" (which bypasses the gate) sends one.
 */
public final class FileDelivery implements Delivery {
    private final Path root;
    private final Map<String, Gate> gates;

    public FileDelivery(Path root, String... sinks) {
        this.root = root;
        Map<String, Gate> held = new java.util.HashMap<>();
        for (String sink : sinks) {
            held.put(sink, Gate.HOLD);
        }
        this.gates = Map.copyOf(held);
    }

    @Override
    public Gate gate(String sink) {
        return gates.getOrDefault(sink, Gate.UNKNOWN);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        try {
            Path dir = Files.createDirectories(root.resolve(batch.sink()));
            Files.writeString(dir.resolve(batch.id()), batch.entries().size() + " entries", StandardCharsets.UTF_8);
            return CompletableFuture.completedFuture(DeliveryOutcome.delivered());
        } catch (IOException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.retryable(e.toString()));
        }
    }

    /** Whether {@code id} reached {@code sink}. */
    public boolean delivered(String sink, String id) {
        return Files.exists(root.resolve(sink).resolve(id));
    }
}
