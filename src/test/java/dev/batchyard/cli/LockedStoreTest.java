package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.HoldStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        holder = new ProcessBuilder(java, "-cp", childClasspath(), HoldStore.class.getName(), inTest.store.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
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

    /** The test JVM's own class path and module path, flattened, for a child on the class path. */
    static String childClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            for (String part : System.getProperty(key, "").split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    entries.add(part);
                }
            }
        }
        entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        return String.join(File.pathSeparator, entries);
    }
}
