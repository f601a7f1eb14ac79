package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.ChildJvm;
import dev.batchyard.engine.store.StoreLockedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoProcessLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondProcessIsToldWhichPidHoldsTheStoreAndGetsItOnceThatProcessDies() throws Exception {
        Path store = tmp.resolve("store");
        Process holder = ChildJvm.of(HoldStore.class, store.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertEquals("READY", out.readLine());
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> BatchPersistence.open(
                    PersistenceConfig.defaults(store), Delivery.none(), Clock.systemUTC()));
            assertEquals(holder.pid(), e.holderPid());
            assertTrue(e.getMessage().contains("pid " + holder.pid()) && e.getMessage().contains(store.toString()), e.getMessage());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), Clock.systemUTC())) {
            assertTrue(engine.isHealthy(), "the OS released the dead holder's lock");
        }
    }

    @Test
    void aRefusedSecondOpenInThisProcessLeavesTheLockHeldAgainstOtherProcesses() throws Exception {
        Path store = tmp.resolve("store");
        try (BatchPersistence inTest = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(),
                Clock.systemUTC())) {
            assertThrows(StoreLockedException.class, () -> BatchPersistence.open(PersistenceConfig.defaults(store),
                    Delivery.none(), Clock.systemUTC()));

            Process other = ChildJvm.of(TryOpenStore.class, store.toString()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream()))) {
                assertEquals("LOCKED " + ProcessHandle.current().pid(), out.readLine(),
                        "another process must still find the store locked by this one");
            } finally {
                assertTrue(other.waitFor(60, TimeUnit.SECONDS));
            }
            assertTrue(inTest.isHealthy());
        }
    }
}
