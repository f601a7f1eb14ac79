package dev.batchyard.app;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.SinkHealth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A sink layer for app tests: each configured sink is a directory the batch's id is written to
 * on delivery. Every configured sink is held (its breaker open), so the recovery loop leaves
 * batches where they are and only an operator's "retry now" (which asks no admission) sends one.
 */
public final class FileDelivery implements Delivery {
    private final Path root;
    private final Set<String> sinks;

    public FileDelivery(Path root, String... sinks) {
        this.root = root;
        this.sinks = Set.of(sinks);
    }

    @Override
    public Admission admit(String sink) {
        return sinks.contains(sink) ? Admission.hold() : Admission.notConfigured();
    }

    @Override
    public SinkHealth health(String sink) {
        return sinks.contains(sink) ? SinkHealth.OPEN : SinkHealth.NOT_CONFIGURED;
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
