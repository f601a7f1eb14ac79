package dev.batchyard.app.goimport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.model.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Import Go batches without a toolkit: the real import into a real store, then the summary. */
class GoImportViewModelTest {
    static final Path SAMPLES = Path.of("src", "test", "resources", "legacy-go-format");
    static final String UUID_ID = "3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11";
    static final String NANO_ID = "batch-1764160000000000000";

    @TempDir
    Path dir;
    Path goDir;
    TestStore store;
    Messages messages = new Messages(Locale.ENGLISH);
    GoImportViewModel inTest;

    @BeforeEach
    void setUp() throws IOException {
        goDir = goDirectoryWithTwoBrokenFiles(dir);
        store = TestStore.open(dir);
        inTest = new GoImportViewModel(store.console(new Actor("tester")), GoImport.standard(), new CurrentThreadTaskExecutor(), messages);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** The two Go samples, a file cut short mid-write and an empty one. */
    static Path goDirectoryWithTwoBrokenFiles(Path parent) throws IOException {
        Path go = Files.createDirectories(parent.resolve("go"));
        try (Stream<Path> samples = Files.list(SAMPLES)) {
            for (Path sample : samples.filter(p -> p.getFileName().toString().startsWith("batch_")).toList()) {
                Files.copy(sample, go.resolve(sample.getFileName()));
            }
        }
        byte[] whole = Files.readAllBytes(go.resolve("batch_" + UUID_ID + ".json"));
        Files.write(go.resolve("batch_cut.json"), Arrays.copyOf(whole, whole.length / 2));
        Files.write(go.resolve("batch_empty.json"), new byte[0]);
        return go;
    }

    private GoImportSummary importNow() {
        AtomicReference<GoImportSummary> summary = new AtomicReference<>();
        inTest.importFrom(goDir, summary::set, failure -> {
            throw new AssertionError(failure);
        });
        return summary.get();
    }

    @Test
    void importsEveryWholeFileAndCountsTheBrokenOnesAsSkipped() {
        GoImportSummary summary = importNow();

        assertEquals(2, summary.imported());
        assertEquals(2, summary.skipped());
        assertTrue(store.engine.find(UUID_ID).isPresent());
        assertTrue(store.engine.find(NANO_ID).isPresent());
        assertEquals(messages.format("goImport.summary", 2, 2), summary.headline());
    }

    @Test
    void namesEachSkippedFileWithItsReason() {
        List<String> skipped = importNow().skippedFiles();

        assertEquals(2, skipped.size());
        assertTrue(skipped.get(0).startsWith("batch_cut.json: " + messages.text("goImport.skip.cutShort")), skipped.get(0));
        assertEquals("batch_empty.json: " + messages.text("goImport.skip.empty") + " (0 bytes)", skipped.get(1));
    }

    @Test
    void aSecondImportSkipsEveryBatchAsAlreadyPresent() {
        importNow();

        GoImportSummary again = importNow();

        assertEquals(0, again.imported());
        assertEquals(4, again.skipped());
        String present = messages.text("goImport.skip.present");
        assertEquals(2, again.skippedFiles().stream().filter(line -> line.contains(present)).count());
    }

    @Test
    void importLeavesTheGoFilesByteForByte() throws IOException {
        List<byte[]> before = contents(goDir);

        importNow();

        List<byte[]> after = contents(goDir);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
    }

    @Test
    void isNotRunningOnceTheSummaryIsBack() {
        importNow();

        assertFalse(inTest.runningProperty().get());
    }

    @Test
    void aMissingDirectoryIsReportedAsAFailureNamingIt() {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        inTest.importFrom(dir.resolve("nowhere"), summary -> {
            throw new AssertionError("imported from a missing directory: " + summary);
        }, failed::set);

        assertTrue(String.valueOf(failed.get().getMessage()).contains("nowhere"), String.valueOf(failed.get()));
        assertFalse(inTest.runningProperty().get());
    }

    static List<byte[]> contents(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                out.add(Files.readAllBytes(f));
                out.add(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
