package dev.batchyard.engine;

import java.nio.file.Path;
import java.time.Clock;

/** Child process of {@link TwoProcessLockTest}: opens a store, says so, and keeps it open. */
public final class HoldStore {
    public static void main(String[] args) throws Exception {
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(Path.of(args[0])),
                Delivery.none(), Clock.systemUTC())) {
            System.out.println("READY");
            Thread.sleep(60_000);
        }
    }
}
