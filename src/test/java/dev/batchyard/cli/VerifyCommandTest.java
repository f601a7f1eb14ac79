package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path tmp;

    CliHarness inTest;

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            for (int i = 0; i < 5; i++) {
                engine.persistBatch("v-" + i, Samples.entries(20), "loki");
            }
        }
    }

    @Test
    void aSoundStoreVerifiesWithExitZero() {
        CliHarness.Run run = inTest.onStore("verify", "--json");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.json().get("ok").asBoolean());
        assertEquals(5, run.json().get("batches").asInt());
        assertEquals(100, run.json().get("entries").asInt());
        assertEquals(0, run.json().get("problems").size());
    }

    @Test
    void aFlippedByteInASegmentIsReportedWithExitOne() throws IOException {
        Path segment = largestSegment();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(segment, bytes);

        CliHarness.Run run = inTest.onStore("verify");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("problem at " + segment), run.out());
    }

    @Test
    void verifyChangesNothingOnDisk() throws IOException {
        Path segment = largestSegment();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(segment, bytes);
        Map<String, Integer> before = contents(inTest.store);

        inTest.onStore("verify");

        assertEquals(before, contents(inTest.store));
    }

    @Test
    void verifyOfAMissingStoreFails() {
        CliHarness.Run run = new CliHarness(tmp.resolve("nowhere")).onStore("verify");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("nowhere"), run.err());
    }

    private Path largestSegment() throws IOException {
        try (Stream<Path> files = Files.walk(inTest.store)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("segments"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                    .orElseThrow(() -> new AssertionError("no segment files under " + inTest.store));
        }
    }

    private static Map<String, Integer> contents(Path dir) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                out.put(dir.relativize(f).toString(), Files.isRegularFile(f) ? Arrays.hashCode(Files.readAllBytes(f)) : -1);
            }
        }
        return out;
    }
}
