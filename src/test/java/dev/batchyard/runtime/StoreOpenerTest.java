package dev.batchyard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.console.SinkView;
import dev.batchyard.demo.DemoSinks;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.engine.store.StoreReadOnlyException;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mode the runtime opens a store in, with config.yaml's sinks (simulated ones, answering at once). */
class StoreOpenerTest {
    private static final Actor ANA = new Actor("ana");
    /** The store's checkpoint of its index (engine.store.Checkpoint). */
    private static final String CHECKPOINT = "index.ckpt";
    private static final String SINKS = """
            sinks:
              fast:
                enabled: true
                type: simulated
                latency: 0s
              kafka:
                enabled: false
            """;

    @TempDir
    Path dir;

    private final StoreOpener inTest = StoreOpener.standard(Clock.systemUTC());

    private StoreLocation location() throws IOException {
        Path config = dir.resolve("config.yaml");
        if (!Files.exists(config)) {
            Files.writeString(config, SINKS);
        }
        return new StoreLocation(dir.resolve("store"), config);
    }

    /** A store that exists, holding one batch due now at {@code fast}, written while nothing sends it. */
    private StoreLocation storeWithADueBatch() throws IOException {
        StoreLocation where = location();
        try (OpenStore seed = inTest.open(where, Mode.importing()); Console console = seed.console(ANA)) {
            console.persist(NewBatch.of("due-1", List.of(), "fast"));
        }
        return where;
    }

    // ---- window ------------------------------------------------------------------------------

    @Test
    void aStoreHeldByAnotherOpenerIsReportedAsLocked() throws IOException {
        try (OpenStore first = inTest.open(location(), Mode.window())) {
            assertThrows(StoreLockedException.class, () -> inTest.open(location(), Mode.window()));
        }
    }

    @Test
    void aWindowIsWritableWithTheConfiguredSinksAndItsLoopsSendTheBacklog() throws Exception {
        StoreLocation where = storeWithADueBatch();

        try (OpenStore store = inTest.open(where, Mode.window()); Console console = store.console(ANA)) {
            assertEquals(new Access.Writable(), console.info().access());
            assertEquals(List.of("fast"), console.info().configuredSinks());
            assertEquals(List.of("fast", "kafka"), console.sinks().stream().map(SinkView::name).toList());
            assertTrue(console.stats().nextCleanupAt() != null, "the cleanup loop is scheduled");
            eventually(() -> console.find("due-1").isEmpty(), "the recovery loop delivered the due batch");
        }
    }

    @Test
    void aWindowCreatesAStoreThatIsNotThereYet() throws IOException {
        try (OpenStore store = inTest.open(location(), Mode.window())) {
            assertTrue(store.access().writable());
        }
        assertTrue(Files.isDirectory(dir.resolve("store").resolve("segments")));
    }

    // ---- read-only ---------------------------------------------------------------------------

    @Test
    void aLockedStoreCanBeBrowsedReadOnly() throws IOException {
        try (OpenStore first = inTest.open(location(), Mode.window()); Console writing = first.console(ANA)) {
            writing.persist(NewBatch.of("kept", List.of(), "loki"));

            try (OpenStore browsing = inTest.open(location(), Mode.readOnly()); Console console = browsing.console(ANA)) {
                assertFalse(console.info().writable());
                assertEquals(1, console.stats().total());
            }
        }
    }

    @Test
    void readOnlyByChoiceTakesNoLockRunsNoLoopsAndRefusesEveryChange() throws IOException {
        StoreLocation where = storeWithADueBatch();

        try (OpenStore store = inTest.open(where, Mode.readOnly()); Console console = store.console(ANA)) {
            assertEquals(new Access.ReadOnlyByChoice(), console.info().access());
            assertNull(console.stats().nextCleanupAt(), "no cleanup loop");
            try (OpenStore writer = inTest.open(where, Mode.window())) {
                assertTrue(writer.access().writable(), "the lock was left free");
            }
            assertThrows(StoreReadOnlyException.class, () -> console.persist(NewBatch.of("new-1", List.of(), "fast")));
            assertThrows(StoreReadOnlyException.class, () -> console.discard(List.of("due-1"), "no"));
            assertThrows(StoreReadOnlyException.class, () -> console.setRecoveryPaused(true));
            assertThrows(StoreReadOnlyException.class, console::runCleanupNow);
        }
    }

    @Test
    void readOnlyBecauseHeldNamesTheHolder() throws IOException {
        try (OpenStore first = inTest.open(location(), Mode.window())) {
            StoreLockedException locked = assertThrows(StoreLockedException.class,
                    () -> inTest.open(location(), Mode.window()));

            try (OpenStore second = inTest.open(location(), Mode.readOnly(locked))) {
                assertEquals(new Access.HeldElsewhere(ProcessHandle.current().pid()), second.access());
            }
        }
    }

    @Test
    void readOnlyCreatesNothing() throws IOException {
        NoStoreException refused = assertThrows(NoStoreException.class, () -> inTest.open(location(), Mode.readOnly()));

        assertEquals(NoStoreException.Problem.MISSING, refused.problem());
        assertFalse(Files.exists(dir.resolve("store")));
    }

    // ---- demo --------------------------------------------------------------------------------

    @Test
    void demoModeConfiguresTheSimulatedSinks() throws IOException {
        try (OpenStore store = inTest.open(location(), Mode.demo()); Console console = store.console(ANA)) {
            assertEquals(DemoSinks.names(), console.info().configuredSinks());
            assertTrue(console.sinks().stream().filter(s -> s.name().equals(DemoSinks.LOKI)).findFirst().orElseThrow()
                    .health().configured());
            assertEquals(DemoSinks.names(), store.simulatedSinks().orElseThrow().names());
        }
    }

    @Test
    void theDemosSinkControlsBreakASimulatedSink() throws IOException {
        try (OpenStore store = inTest.open(location(), Mode.demo())) {
            SimulatedSinks sinks = store.simulatedSinks().orElseThrow();

            sinks.setOutage(DemoSinks.LOKI, true);

            assertTrue(sinks.isOutage(DemoSinks.LOKI));
            assertThrows(IllegalArgumentException.class, () -> sinks.setOutage("fast", true));
        }
    }

    @Test
    void closingWithoutACheckpointLeavesTheLogToReplayAndLosesNothing() throws IOException {
        StoreLocation where = storeWithADueBatch(); // closed normally: a checkpoint of its index
        Path checkpoint = where.store().resolve(CHECKPOINT);
        Files.delete(checkpoint);
        try (OpenStore store = inTest.open(where, Mode.importing()); Console console = store.console(ANA)) {
            console.persist(NewBatch.of("after-1", List.of(), "fast"));
            store.closeWithoutCheckpoint();
        }
        assertFalse(Files.exists(checkpoint), "a crash writes no checkpoint");
        try (OpenStore store = inTest.open(where, Mode.reading()); Console console = store.console(ANA)) {
            assertEquals(List.of("due-1", "after-1"), console.find(List.of("due-1", "after-1")).stream().map(BatchView::id).toList());
        }
    }

    @Test
    void theDemosSinkControlsSetASimulatedSinksLatency() throws IOException {
        try (OpenStore store = inTest.open(location(), Mode.demo())) {
            SimulatedSinks sinks = store.simulatedSinks().orElseThrow();

            sinks.setLatency(DemoSinks.LOKI, Duration.ofSeconds(2));

            assertEquals(Duration.ofSeconds(2), sinks.latency(DemoSinks.LOKI));
        }
    }

    @Test
    void outsideTheDemoThereAreNoSimulatedSinkControls() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "sinks:\n  kafka:\n    enabled: false\n");
        try (OpenStore store = inTest.open(location(), Mode.window())) {
            assertTrue(store.simulatedSinks().isEmpty());
        }
    }

    // ---- commands ----------------------------------------------------------------------------

    @Test
    void aReadingCommandTakesTheLockWhenItIsFree() throws IOException {
        StoreLocation where = storeWithADueBatch();

        try (OpenStore store = inTest.open(where, Mode.reading())) {
            assertEquals(new Access.Writable(), store.access());
            assertThrows(StoreLockedException.class, () -> inTest.open(where, Mode.window()));
        }
    }

    @Test
    void aReadingCommandFallsBackToReadOnlyNamingTheHolder() throws IOException {
        StoreLocation where = storeWithADueBatch();

        try (OpenStore holder = inTest.open(where, Mode.window());
             OpenStore store = inTest.open(where, Mode.reading());
             Console console = store.console(ANA)) {
            assertEquals(new Access.HeldElsewhere(ProcessHandle.current().pid()), console.info().access());
            assertEquals(1, console.stats().total());
        }
    }

    @Test
    void aCommandsEngineHoldsTheBacklogAndSendsOnlyWhatIsRetried() throws Exception {
        StoreLocation where = storeWithADueBatch();

        try (OpenStore store = inTest.open(where, Mode.changing()); Console console = store.console(ANA)) {
            Thread.sleep(1000); // four recovery ticks: a loop that sent the backlog would have sent due-1
            assertEquals(BatchState.PENDING, console.find("due-1").orElseThrow().state());
            assertEquals(0, console.sinks().get(0).delivered());

            assertTrue(console.retryNow(List.of("due-1")).get(0).ok());
            eventually(() -> console.find("due-1").isEmpty(), "the retried batch was delivered");
        }
    }

    @Test
    void commandsThatMayNotCreateRefuseWhatIsNotAStoreAndLeaveNothingBehind() throws IOException {
        Path store = dir.resolve("store");
        for (Mode mode : List.of(Mode.reading(), Mode.changing(), Mode.readOnly())) {
            assertEquals(NoStoreException.Problem.MISSING,
                    assertThrows(NoStoreException.class, () -> inTest.open(location(), mode)).problem());
            assertFalse(Files.exists(store), mode + " created the store");
        }
        Files.createDirectories(store);
        assertEquals(NoStoreException.Problem.NOT_A_STORE,
                assertThrows(NoStoreException.class, () -> inTest.open(location(), Mode.reading())).problem());
        assertFalse(Files.exists(store.resolve("segments")), "no segments/ left behind");
        Files.delete(store);
        Files.writeString(store, "a file");
        NoStoreException file = assertThrows(NoStoreException.class, () -> inTest.open(location(), Mode.changing()));
        assertEquals(NoStoreException.Problem.NOT_A_DIRECTORY, file.problem());
        assertEquals(store, file.directory());
    }

    @Test
    void aChangingCommandNeedsTheLock() throws IOException {
        StoreLocation where = storeWithADueBatch();
        try (OpenStore holder = inTest.open(where, Mode.window())) {
            StoreLockedException locked = assertThrows(StoreLockedException.class,
                    () -> inTest.open(where, Mode.changing()));
            assertEquals(ProcessHandle.current().pid(), locked.holderPid());
        }
    }

    @Test
    void anImportMayCreateTheStoreAndHoldsItsBacklog() throws Exception {
        try (OpenStore store = inTest.open(location(), Mode.importing()); Console console = store.console(ANA)) {
            assertTrue(console.info().writable());
            console.persist(NewBatch.of("imported-1", List.of(), "fast"));
            Thread.sleep(1000);
            assertTrue(console.find("imported-1").isPresent(), "an import does not send what it brought in");
        }
    }

    // ---- service -----------------------------------------------------------------------------

    @Test
    void theServiceIsWritableNeedsTheLockAndSendsTheBacklog() throws Exception {
        StoreLocation where = storeWithADueBatch();

        try (OpenStore service = inTest.open(where, Mode.service()); Console console = service.console(ANA)) {
            assertEquals(new Access.Writable(), console.info().access());
            assertEquals(List.of("fast"), console.info().configuredSinks());
            assertThrows(StoreLockedException.class, () -> inTest.open(where, Mode.service()));
            eventually(() -> console.find("due-1").isEmpty(), "the service's recovery loop delivered the due batch");
        }
    }

    // ---- opening and closing -----------------------------------------------------------------

    @Test
    void aFailedOpenClosesTheSinkLayer() throws IOException {
        RecordingSinks sinks = new RecordingSinks(null);
        StoreOpener opener = new StoreOpener(Clock.systemUTC(), (where, demo) ->
                new Settings(dev.batchyard.engine.PersistenceConfig.defaults(where.store()), sinks));

        assertThrows(NoStoreException.class, () -> opener.open(StoreLocation.of(dir.resolve("none")), Mode.reading()));
        assertEquals(1, sinks.closed, "the sinks of a store that is not there");

        try (OpenStore holder = inTest.open(location(), Mode.window())) {
            assertThrows(StoreLockedException.class, () -> opener.open(StoreLocation.of(dir.resolve("store")),
                    Mode.window()));
        }
        assertEquals(2, sinks.closed, "the sinks of a store another opener holds");
    }

    @Test
    void closingClosesTheEngineFirstAndThenTheSinks() throws IOException {
        Path store = dir.resolve("store");
        RecordingSinks sinks = new RecordingSinks(() -> {
            try (OpenStore again = inTest.open(StoreLocation.of(store), Mode.changing())) {
                return again.access().writable(); // the lock is free again: the engine closed before the sinks
            }
        });
        StoreOpener opener = new StoreOpener(Clock.systemUTC(), (where, demo) ->
                new Settings(dev.batchyard.engine.PersistenceConfig.defaults(where.store()), sinks));
        OpenStore opened = opener.open(StoreLocation.of(store), Mode.window());

        opened.close();
        opened.close();

        assertEquals(1, sinks.closed, "closed once");
        assertTrue(sinks.engineWasClosedFirst);
    }

    @Test
    void aConsoleClosedLeavesTheStoreOpenForTheOthers() throws IOException {
        try (OpenStore store = inTest.open(location(), Mode.window())) {
            Console first = store.console(ANA);
            Console second = store.console(new Actor("ben"));

            first.close();

            assertThrows(IllegalStateException.class, first::stats);
            assertEquals(0, second.stats().total());
            second.close();
        }
    }

    @Test
    void aClosedStoreMakesNoMoreConsoles() throws IOException {
        OpenStore store = inTest.open(location(), Mode.window());

        store.close();

        assertThrows(IllegalStateException.class, () -> store.console(ANA));
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A sink layer that knows no sinks and counts its closes, asking {@code atClose} what it finds then. */
    private static final class RecordingSinks implements SinkLayer {
        private final BooleanSupplier atClose;
        int closed;
        boolean engineWasClosedFirst;

        RecordingSinks(BooleanSupplier atClose) {
            this.atClose = atClose;
        }

        @Override
        public dev.batchyard.engine.Delivery connect(dev.batchyard.engine.events.EventBus events) {
            return dev.batchyard.engine.Delivery.none();
        }

        @Override
        public List<String> configured() {
            return List.of();
        }

        @Override
        public List<SinkView> status() {
            return List.of();
        }

        @Override
        public void close() {
            closed++;
            if (atClose != null) {
                engineWasClosedFirst = atClose.getAsBoolean();
            }
        }
    }
}
