package dev.batchyard.sink.file;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.engine.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSinkTest {
    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T13:45:00Z"));

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private LocalFileSink sink(String pattern) {
        return new LocalFileSink("file", dir.resolve("out"), pattern, new EntryJson(), clock, io);
    }

    @Test
    void readsBackEveryEntryAsOneJsonLine() throws Exception {
        LocalFileSink inTest = sink("logs-{date}.log");

        DeliveryOutcome outcome = inTest.deliver(batch("b-1", "file", 3)).get(5, TimeUnit.SECONDS);

        assertInstanceOf(DeliveryOutcome.Delivered.class, outcome);
        List<String> lines = Files.readAllLines(dir.resolve("out/logs-2026-11-26.log"), StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            assertEquals("trace-" + i, json.readTree(lines.get(i)).get("trace_id").asText());
            assertEquals("GET /api/orders/" + i + " 200", json.readTree(lines.get(i)).get("message").asText());
        }
    }

    @Test
    void linesAreExactlyTheGoAgentsJsonForEachEntry() throws Exception {
        LocalFileSink inTest = sink("logs.log");
        var batch = batch("b-1", "file", 2);

        inTest.deliver(batch).get(5, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(dir.resolve("out/logs.log"), StandardCharsets.UTF_8);
        GoJson go = new GoJson();
        assertEquals(List.of(go.toJson(batch.entries().get(0), false), go.toJson(batch.entries().get(1), false)), lines);
    }

    @Test
    void appendsLaterBatchesAfterEarlierOnes() throws Exception {
        LocalFileSink inTest = sink("logs.log");

        inTest.deliver(batch("b-1", "file", 2)).get(5, TimeUnit.SECONDS);
        inTest.deliver(batch("b-2", "file", 1)).get(5, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(dir.resolve("out/logs.log"));
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).contains("\"trace-0\""));
    }

    @Test
    void fileNameFollowsTheClocksDateAndHour() throws Exception {
        LocalFileSink inTest = sink("logs-{date}-{hour}.log");

        inTest.deliver(batch("b-1", "file", 1)).get(5, TimeUnit.SECONDS);
        clock.advance(Duration.ofHours(11));
        inTest.deliver(batch("b-2", "file", 1)).get(5, TimeUnit.SECONDS);

        assertTrue(Files.exists(dir.resolve("out/logs-2026-11-26-13.log")));
        assertTrue(Files.exists(dir.resolve("out/logs-2026-11-27-00.log")));
    }

    @Test
    void unwritableDirectoryIsARetryableFailureNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("out"), "a file where the directory should be");
        LocalFileSink inTest = sink("logs.log");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                inTest.deliver(batch("b-1", "file", 1)).get(5, TimeUnit.SECONDS));

        assertTrue(f.retryable());
        assertTrue(f.reason().contains("b-1") && f.reason().contains("logs.log"), f.reason());
        assertFalse(Files.isDirectory(dir.resolve("out")));
    }

    @Test
    void aNewFileIsTheOwnersOnlyAndSoIsANewDirectory() throws Exception {
        LocalFileSink inTest = sink("logs-{date}.log");

        inTest.deliver(batch("b-1", "file", 1)).get(5, TimeUnit.SECONDS);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("out"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("out/logs-2026-11-26.log"))));
    }

    @Test
    void anExistingFileAndDirectoryKeepTheModeTheOperatorGaveThem() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-x---"));
        Path file = Files.createFile(out.resolve("logs.log"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        sink("logs.log").deliver(batch("b-1", "file", 1)).get(5, TimeUnit.SECONDS);

        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
