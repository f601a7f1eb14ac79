package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.ChildJvm;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.HoldStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process (a child JVM) holds the store's lock. */
class LockedStoreTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    Process holder;

    @BeforeEach
    void lockByAnotherProcess() throws Exception {
        inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(3), "loki");
        }
        holder = ChildJvm.of(HoldStore.class, inTest.store.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("READY", out.readLine(), "the holder opened the store");
    }

    @AfterEach
    void release() throws InterruptedException {
        holder.destroyForcibly();
        holder.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void aReadingCommandFallsBackToReadOnlyAndSaysSo() {
        CliHarness.Run run = inTest.onStore("list", "--json");

        assertEquals(0, run.code(), run::toString);
        assertEquals(List.of("a-1"), ListCommandTest.ids(run));
        assertTrue(run.err().contains("read-only") && run.err().contains(Long.toString(holder.pid())), run.err());
    }

    @Test
    void aWritingCommandFailsWithTheLockHoldersPid() {
        CliHarness.Run run = inTest.onStore("discard", "a-1", "--reason", "x");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("pid " + holder.pid()), run.err());
    }

    @Test
    void aWritingCommandInPortugueseSaysTheStoreIsInUseInPortuguese() {
        CliHarness.Run run = inTest.onStore("discard", "a-1", "--reason", "x", "--lang", "pt-BR");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("batchyard: O armazenamento " + inTest.store
                + " está em uso por outro processo (pid " + holder.pid() + ")."), run.err());
    }

    @Test
    void verifyWorksWithoutTheLock() {
        CliHarness.Run run = inTest.onStore("verify");

        assertEquals(0, run.code(), run::toString);
    }
}
