package dev.batchyard.engine;

import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The child process of {@link SoftDiscardTest}: stores two batches, discards one, says
 * {@code DISCARDED} once the discard returned (so it is durable), and waits to be killed.
 */
public final class DiscardingChild {
    public static void main(String[] args) throws Exception {
        BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(Path.of(args[0])), Delivery.none(),
                Clock.systemUTC());
        engine.persistBatch("kept", Entries.sample("k", 2), "loki");
        engine.persistBatch("thrown", Entries.sample("t", 3), "loki");
        engine.discard(List.of("thrown"), "wrong tenant", new Actor("ana"));
        System.out.println("DISCARDED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // killed with SIGKILL here: no close, no checkpoint
    }
}
