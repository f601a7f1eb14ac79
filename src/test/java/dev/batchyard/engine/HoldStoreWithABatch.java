package dev.batchyard.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Child process of {@link ReadOnlyBesideAWriterTest}: opens a store, persists one batch, says so, and keeps it open. */
public final class HoldStoreWithABatch {
    public static void main(String[] args) throws Exception {
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(Path.of(args[0])),
                Delivery.none(), Clock.systemUTC())) {
            engine.persistBatch("held-1", List.of(), "loki");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
