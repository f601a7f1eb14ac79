package dev.batchyard.engine;

import dev.batchyard.engine.store.StoreLockedException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process of {@link TwoProcessLockTest}: tries to open a store for writing once and says how
 * it went on stdout: {@code OPENED}, or {@code LOCKED <holder pid>}.
 */
public final class TryOpenStore {
    public static void main(String[] args) {
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(Path.of(args[0])),
                Delivery.none(), Clock.systemUTC())) {
            System.out.println("OPENED");
        } catch (StoreLockedException e) {
            System.out.println("LOCKED " + e.holderPid());
        }
        System.out.flush();
    }
}
