package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.runtime.ConfigFileSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability suite, hostile input at the command line: a {@code --store} that is not a store and a
 * {@code --config} that is wrong. Each fails with exit code 1 and one line on stderr naming the
 * path (and key, line) at fault; nothing is created where no store was.
 */
class HostileStoreAndConfigCliTest {
    @TempDir
    Path tmp;

    CliHarness inTest;

    @BeforeEach
    void realConfigFiles() {
        inTest = new CliHarness(tmp.resolve("store"));
        inTest.setup = new ConfigFileSetup(inTest.clock);
    }

    private CliHarness.Run list(Path store) {
        return inTest.run("list", "--store", store.toString());
    }

    /** Exit 1, and exactly one line on stderr, {@code batchyard: <expected>}. */
    private static void assertFailsWithOneLine(CliHarness.Run run, String expected) {
        assertEquals(1, run.code(), run::toString);
        assertEquals(List.of("batchyard: " + expected), run.err().lines().toList(), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    /**
     * Exit 1, nothing on stdout, and on stderr the operator's headline, {@code batchyard: <headline>},
     * then the English detail indented on one more line; no stack trace.
     */
    private static void assertFails(CliHarness.Run run, String headline, String detail) {
        assertEquals(1, run.code(), run::toString);
        assertEquals(List.of("batchyard: " + headline, "  " + detail), run.err().lines().toList(), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void listOnAFileSaysItIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");

        assertFailsWithOneLine(list(file), "no store at " + file + ": it is a file, not a directory");
    }

    @Test
    void listOnAMissingDirectorySaysItDoesNotExistAndCreatesNothing() {
        Path missing = tmp.resolve("no/such/store");

        assertFailsWithOneLine(list(missing), "no store at " + missing + ": the directory does not exist");
        assertFalse(Files.exists(tmp.resolve("no")));
    }

    @Test
    void listOnADirectoryThatIsNoStoreLeavesItUntouched() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("todo.txt"), "x");

        assertFailsWithOneLine(list(home), "no store at " + home
                + ": the directory has no segments/ (is it a Batchyard store?)");
        assertEquals(List.of(home.resolve("todo.txt")), contents(home), "no segments/, store.lock or audit.log left");
    }

    @Test
    void exportAndVerifyRefuseADirectoryThatIsNoStoreToo() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));

        assertEquals(1, inTest.run("export", "--all", "--go-dir", tmp.resolve("out").toString(), "--store",
                home.toString()).code());
        assertEquals(1, inTest.run("verify", "--store", home.toString()).code());
        assertEquals(List.of(), contents(home));
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void importIntoAStoreBelowAFileNamesTheFileInTheWay() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        Path store = file.resolve("store");

        CliHarness.Run run = inTest.run("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--store",
                store.toString());

        assertFails(run, "The store reported a problem.", "cannot open store " + store + ": cannot create " + store
                + ": " + file + " is a file, not a directory");
    }

    /** /proc refuses new directories even to root, so this holds in a root CI container too. */
    @Test
    void importIntoAStoreTheKernelWillNotCreateSaysWhere() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux /proc");
        Path store = Path.of("/proc/self/fdinfo/store");

        CliHarness.Run run = inTest.run("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--store",
                store.toString());

        assertEquals(1, run.code(), run::toString);
        assertEquals(2, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("\n  cannot open store " + store + ": "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void importCreatesMissingParentsOfANewStore() {
        Path store = tmp.resolve("a/b/c/store");

        CliHarness.Run run = inTest.run("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--store",
                store.toString());

        assertEquals(0, run.code(), run::toString);
        assertEquals(0, list(store).code());
    }

    @Test
    void aConfigSyntaxErrorNamesTheFileLineAndColumnOnOneLine() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.yaml"), "persistence:\n  directory: ./store\n\tbatch_ttl: 1h\n");

        CliHarness.Run run = inTest.run("list", "--config", config.toString());

        assertEquals(1, run.code(), run::toString);
        assertEquals(2, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("batchyard: " + config.toAbsolutePath() + ": The configuration cannot be used."
                + "\n  line 3, column 1: not valid YAML"), run.err());
    }

    @Test
    void anUnknownPersistenceKeyNamesTheFileOnceAndTheKey() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.yaml"), "persistence:\n  batch_tll: 24h\n");

        CliHarness.Run run = inTest.run("list", "--config", config.toString());

        assertFails(run, config.toAbsolutePath() + ": Invalid value for persistence.batch_tll: '24h'",
                "is not a persistence key; allowed: batch_timeout, batch_ttl, cleanup_interval, dead_batch_ttl, directory,"
                + " discard_grace, enabled, max_batch_bytes, max_dead_batches, max_pending_batches, max_pending_bytes,"
                + " max_recovery_retries, recovery_backoff_base, recovery_backoff_max,"
                + " requeue_loop_limit");
    }

    @Test
    void aBadSinkValueNamesTheFileAndTheSinksKey() throws IOException {
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(1), "loki");
        }
        Path config = Files.writeString(tmp.resolve("config.yaml"), """
                persistence:
                  directory: ./store
                sinks:
                  loki:
                    enabled: true
                    url: http://127.0.0.1:3100
                    max_concurrency: 0
                """);

        CliHarness.Run run = inTest.run("retry", "a-1", "--config", config.toString());

        assertEquals(1, run.code(), run::toString);
        assertEquals(List.of("batchyard: " + config.toAbsolutePath() + ": Invalid value for sinks.loki.max_concurrency: '0'",
                "  must be a whole number >= 1"), run.err().lines().toList(), run::toString);
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path config = tmp.resolve("nowhere.yaml");

        CliHarness.Run run = inTest.run("list", "--config", config.toString());

        assertEquals(1, run.code(), run::toString);
        assertEquals(List.of("batchyard: " + config.toAbsolutePath() + ": The configuration cannot be used.",
                "  no such file"), run.err().lines().toList(), run::toString);
    }
}
