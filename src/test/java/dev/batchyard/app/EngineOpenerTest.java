package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.store.StoreLockedException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineOpenerTest {
    @TempDir
    Path dir;

    private LaunchOptions options(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--store", dir.resolve("store").toString()));
        args.addAll(List.of(extra));
        return LaunchOptions.parse(args, Map.of(), dir);
    }

    @Test
    void aStoreHeldByAnotherOpenerIsReportedAsLocked() {
        EngineOpener inTest = new EngineOpener(Clock.systemUTC());
        try (OpenedStore first = inTest.open(options())) {
            assertThrows(StoreLockedException.class, () -> inTest.open(options()));
        }
    }

    @Test
    void aLockedStoreCanBeBrowsedReadOnly() {
        EngineOpener inTest = new EngineOpener(Clock.systemUTC());
        try (OpenedStore first = inTest.open(options())) {
            first.engine().persistBatch("kept", List.of(), "loki");

            try (OpenedStore browsing = inTest.openReadOnly(options())) {
                assertTrue(browsing.engine().isReadOnly());
                assertEquals(1, browsing.engine().stats().total());
            }
        }
    }

    @Test
    void demoModeConfiguresTheSimulatedSinks() {
        try (OpenedStore inTest = new EngineOpener(Clock.systemUTC()).open(options("--demo"))) {
            assertEquals(dev.batchyard.demo.DemoSinks.names(), inTest.sinkNames());
            assertTrue(inTest.delivery().health(dev.batchyard.demo.DemoSinks.LOKI).configured());
        }
    }
}
