package dev.batchyard.app.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.actions.SinkCatalog;
import dev.batchyard.app.actions.SinkChoice;
import dev.batchyard.app.actions.SinkHealth;
import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.console.Console;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusViewModelTest {
    @TempDir
    Path dir;
    private TestStore store;

    private StatusViewModel model() {
        Console console = store.console(new Actor("tester"));
        return new StatusViewModel(console::stats, new SinkCatalog(console::sinks, List.of(TestStore.SINKS), List::of),
                new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aTickReadsTheCountsByState() {
        store = TestStore.open(dir);
        store.add("a", "loki", 2, 0, "");
        store.add("b", "loki", 2, 1, "503");
        store.add("c", "loki", 2, 10, "503");
        StatusViewModel inTest = model();

        inTest.tick(Instant.now());

        assertEquals(1, inTest.pendingProperty().get());
        assertEquals(1, inTest.retryingProperty().get());
        assertEquals(1, inTest.deadProperty().get());
        assertTrue(inTest.diskBytesProperty().get() > 0);
        assertEquals(store.find("a").orElseThrow().createdAt(), inTest.oldestProperty().get());
        assertEquals(store.engine.nextCleanupAt(), inTest.nextCleanupProperty().get());
    }

    @Test
    void theStoreIsReadAtMostOnceASecond() {
        store = TestStore.open(dir);
        StatusViewModel inTest = model();
        Instant now = Instant.now();
        inTest.tick(now);
        store.add("a", "loki", 2, 0, "");

        inTest.tick(now.plusMillis(500));
        assertEquals(0, inTest.pendingProperty().get());

        inTest.tick(now.plusMillis(1_000));
        assertEquals(1, inTest.pendingProperty().get());
    }

    @Test
    void everyConfiguredSinkHasAHealthDot() {
        store = TestStore.open(dir);
        StatusViewModel inTest = model();

        inTest.tick(Instant.now());

        assertEquals(List.of(new SinkChoice("archive", SinkHealth.DEGRADED),
                new SinkChoice("elasticsearch", SinkHealth.DEGRADED), new SinkChoice("loki", SinkHealth.DEGRADED)),
                inTest.sinkHealth());
    }

    @Test
    void aHealthEventShowsBeforeTheNextPoll() {
        store = TestStore.open(dir);
        StatusViewModel inTest = model();
        inTest.tick(Instant.now());

        inTest.onEvents(List.of(new BatchEvent.SinkHealthChanged(Instant.now(), "loki",
                dev.batchyard.engine.events.SinkHealth.CLOSED,
                BatchEvent.SinkHealthChanged.Cause.ANSWERED, 0, null, "", "breaker closed")));

        assertEquals(new SinkChoice("loki", SinkHealth.HEALTHY), inTest.sinkHealth().get(2));
    }

    @Test
    void aRecoveryToggleShowsAtOnce() {
        store = TestStore.open(dir);
        StatusViewModel inTest = model();

        inTest.onEvents(List.of(new BatchEvent.RecoveryToggled(Instant.now(), true, new Actor("ana"))));

        assertTrue(inTest.recoveryPausedProperty().get());
    }
}
