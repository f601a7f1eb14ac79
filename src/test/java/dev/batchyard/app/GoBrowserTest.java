package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.legacy.GoImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Open Go directory (read-only): the throwaway copy it opens, without a window. */
class GoBrowserTest {
    @TempDir
    Path dir;
    Path goDir;
    GoBrowser inTest;
    Preferences prefs = MemoryPreferences.node();

    @org.junit.jupiter.api.AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @BeforeEach
    void setUp() throws IOException {
        goDir = Files.createDirectories(dir.resolve("go"));
        try (Stream<Path> samples = Files.list(Path.of("src", "test", "resources", "legacy-go-format"))) {
            for (Path sample : samples.filter(p -> p.getFileName().toString().startsWith("batch_")).toList()) {
                Files.copy(sample, goDir.resolve(sample.getFileName()));
            }
        }
        Files.write(goDir.resolve("batch_empty.json"), new byte[0]);
        Clock clock = Clock.systemDefaultZone();
        inTest = new GoBrowser(StoreOpener.standard(clock), GoImport.standard(), new CurrentThreadTaskExecutor(), clock,
                new Messages(Locale.ENGLISH), prefs, Files.createDirectories(goDir.resolveSibling("copies")));
    }

    @Test
    void opensAReadOnlyCopyWithEveryWholeBatchOfTheGoDirectory() throws IOException {
        GoBrowser.OpenedCopy copy = inTest.copy(goDir);
        try (OpenStore store = copy.store(); Console console = store.console(new Actor("tester"))) {
            assertFalse(console.info().writable());
            List<String> ids = console.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 10).map(v -> v.id()).sorted()
                    .toList();
            assertEquals(List.of("3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11", "batch-1764160000000000000"), ids);
            assertTrue(copy.options().store().getFileName().toString().startsWith("batchyard-go-"));
        } finally {
            GoBrowser.delete(copy.options().store());
        }
    }

    @Test
    void leavesTheGoDirectoryByteForByte() throws IOException {
        List<byte[]> before = contents();

        GoBrowser.OpenedCopy copy = inTest.copy(goDir);
        copy.store().close();
        GoBrowser.delete(copy.options().store());

        List<byte[]> after = contents();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
    }

    @Test
    void deletingTheCopyRemovesItsDirectory() throws IOException {
        GoBrowser.OpenedCopy copy = inTest.copy(goDir);
        copy.store().close();

        GoBrowser.delete(copy.options().store());

        assertFalse(Files.exists(copy.options().store()));
    }

    private List<byte[]> contents() throws IOException {
        try (Stream<Path> files = Files.list(goDir)) {
            return files.sorted().map(f -> {
                try {
                    return (f.getFileName() + "\n" + new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
