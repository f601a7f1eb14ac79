package dev.batchyard.app.discarded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.console.Console;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscardedViewModelTest {
    @TempDir
    Path dir;
    private TestStore store;
    private Console console;
    private final List<List<String>> restored = new ArrayList<>();

    @BeforeEach
    void openStore() {
        store = TestStore.open(dir);
        console = store.console(new Actor("ana"));
        store.add("b-1", "loki", 3, 1, "503");
        store.add("b-2", "elasticsearch", 4, 1, "503");
        store.add("b-3", "loki", 5, 1, "503");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private DiscardedViewModel model(boolean writable) {
        return new DiscardedViewModel(console::recentlyDiscarded, restored::add, new CurrentThreadTaskExecutor(),
                Instant.now(), writable, new EngineTexts(Language.ENGLISH));
    }

    @Test
    void openingListsTheDiscardedBatchesWithWhoDiscardedThemAndWhy() {
        console.discard(List.of("b-1", "b-2"), "wrong tenant");
        DiscardedViewModel inTest = model(true);

        inTest.open();

        assertEquals(List.of("b-1", "b-2"), inTest.rows().stream().map(d -> d.batch().id()).sorted().toList());
        DiscardedBatch first = inTest.rows().get(0);
        assertEquals("ana", first.actor());
        assertEquals("wrong tenant", first.reason());
    }

    @Test
    void theTimeLeftIsTheGraceLessWhatHasPassed() {
        console.discard(List.of("b-1"), "");
        DiscardedViewModel inTest = model(true);
        inTest.open();
        DiscardedBatch row = inTest.rows().get(0);

        inTest.tick(row.discardedAt().plus(Duration.ofMinutes(5)));

        assertEquals(PersistenceConfig.DEFAULT_DISCARD_GRACE.minusMinutes(5), inTest.timeLeft(row));
    }

    @Test
    void aRowLeavesWhenItsGraceRunsOut() {
        console.discard(List.of("b-1"), "");
        DiscardedViewModel inTest = model(true);
        inTest.open();
        DiscardedBatch row = inTest.rows().get(0);

        inTest.tick(row.restorableUntil().minusMillis(1));
        assertEquals(1, inTest.rows().size());
        inTest.tick(row.restorableUntil());

        assertTrue(inTest.rows().isEmpty());
    }

    @Test
    void aDiscardElsewhereIsListedAtTheNextTick() {
        DiscardedViewModel inTest = model(true);
        inTest.open();
        console.discard(List.of("b-3"), "");

        inTest.onEvents(List.of(new BatchEvent.Discarded(Instant.now(), "b-3", "loki", "", new Actor("bob"))));
        inTest.tick(Instant.now());

        assertEquals(1, inTest.rows().size());
        assertEquals("b-3", inTest.rows().get(0).batch().id());
    }

    @Test
    void restoreHandsTheChosenIdsToTheRestorer() {
        DiscardedViewModel inTest = model(true);

        inTest.restore(List.of("b-1", "b-2"));

        assertEquals(List.of(List.of("b-1", "b-2")), restored);
    }

    @Test
    void aReadOnlyWindowListsButDoesNotRestore() {
        DiscardedViewModel inTest = model(false);

        inTest.restore(List.of("b-1"));

        assertFalse(inTest.canRestoreProperty().get());
        assertTrue(restored.isEmpty());
    }

    @Test
    void restoreIsOffWhileTheWindowsChangesAreLockedAndBackOnceUnlocked() {
        DiscardedViewModel inTest = model(true);
        javafx.beans.property.SimpleBooleanProperty readOnly = new javafx.beans.property.SimpleBooleanProperty(true);
        inTest.followReadOnly(readOnly);

        inTest.restore(List.of("b-1"));
        assertFalse(inTest.canRestoreProperty().get());
        assertTrue(restored.isEmpty());

        readOnly.set(false);
        inTest.restore(List.of("b-1"));
        assertTrue(inTest.canRestoreProperty().get());
        assertEquals(List.of(List.of("b-1")), restored);

        DiscardedViewModel readOnlyStore = model(false);
        readOnlyStore.followReadOnly(new javafx.beans.property.SimpleBooleanProperty(false));
        assertFalse(readOnlyStore.canRestoreProperty().get());
    }
}
