package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that opens a store says on stderr, one line each, the damage the engine found. */
class DamageOnStderrTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    Path segment;
    long tornAt;

    @BeforeEach
    void aStoreWithATornLastWrite() throws IOException {
        inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("d-1", Samples.entries(5), "loki");
        }
        try (Stream<Path> files = Files.list(inTest.store.resolve("segments"))) {
            segment = files.filter(p -> p.toString().endsWith(".seg")).sorted().toList().get(0);
        }
        tornAt = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 0, 99, 7, 7}, StandardOpenOption.APPEND);
    }

    private List<String> damageLines(CliHarness.Run run) {
        return run.err().lines().filter(l -> l.startsWith("batchyard: damage in ")).toList();
    }

    @Test
    void listSaysWhatTheOpenCutOnStderrAndKeepsStdoutForItsAnswer() {
        CliHarness.Run run = inTest.onStore("list", "--json");

        assertEquals(0, run.code(), run::toString);
        assertEquals(1, run.json().size(), "stdout is still the JSON answer");
        assertEquals(List.of("batchyard: damage in " + segment + " at offset " + tornAt + ": torn write at the end: "
                + "record header cut short (6 bytes) (6 bytes) (cut off; the bytes are kept in "
                + inTest.store.resolve("quarantine").resolve(segment.getFileName() + ".tail-" + tornAt) + ")"),
                damageLines(run), run::toString);
    }

    @Test
    void aWritingCommandSaysItToo() {
        CliHarness.Run run = inTest.onStore("discard", "d-1", "--reason", "test");

        assertEquals(0, run.code(), run::toString);
        assertEquals(1, damageLines(run).size(), run::toString);
    }

    @Test
    void verifyKeepsReportingOnStdoutAndSaysNothingTwice() {
        CliHarness.Run run = inTest.onStore("verify");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("problem at " + segment + "@" + tornAt), run.out());
        assertEquals(List.of(), damageLines(run), run::toString);
    }
}
