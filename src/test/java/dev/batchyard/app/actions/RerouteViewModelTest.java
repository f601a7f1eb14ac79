package dev.batchyard.app.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.QueuedTaskExecutor;
import dev.batchyard.app.detail.GoBatchJson;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RerouteViewModelTest {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private static final List<SinkChoice> CHOICES = List.of(new SinkChoice("archive", SinkHealth.HEALTHY),
            new SinkChoice("lokki", SinkHealth.UNKNOWN));

    @TempDir
    Path dir;
    private TestStore store;
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private ActionTarget target;

    @BeforeEach
    void openStore() {
        store = TestStore.open(dir);
        target = ActionTarget.of(ActionTarget.Scope.SELECTION, List.of(
                store.add("b-1", "loki", 3, 1, "503"), store.add("b-2", "elasticsearch", 4, 10, "400")));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private RerouteViewModel model() {
        ActionsViewModel actions = new ActionsViewModel(BatchOperations.of(store.console(new Actor("ana"))),
                new GoBatchJson(new GoJson()), executor, new Formats(ENGLISH, ZoneOffset.UTC), false);
        executor.runAll(); // the actions' own read of the recovery state
        return new RerouteViewModel(actions, ENGLISH, target, CHOICES);
    }

    @Test
    void theDryRunIsCountedInTheBackgroundAndNamesBatchesEntriesPerSinkAndDead() {
        RerouteViewModel inTest = model();

        inTest.count();
        assertEquals("Counting what the reroute would move\u2026", inTest.dryRunProperty().get());
        assertEquals(1, executor.waiting());
        executor.runAll();

        String dryRun = inTest.dryRunProperty().get();
        assertTrue(dryRun.startsWith("Dry run: 2 batches, 7 entries, "), dryRun);
        assertTrue(dryRun.contains("; 0 in flight, 1 dead."), dryRun);
        assertTrue(dryRun.contains("\u2022 elasticsearch: 1 batch, 4 entries"), dryRun);
        assertTrue(dryRun.contains("\u2022 loki: 1 batch, 3 entries"), dryRun);
    }

    @Test
    void theQuestionNamesTheCountBeforeAndAfterASinkIsChosen() {
        RerouteViewModel inTest = model();

        assertEquals("Pick the sink to send these 2 batches to.", inTest.questionProperty().get());
        inTest.chosenProperty().set(CHOICES.get(0));

        assertEquals("Reroute 2 batches (7 entries) to archive?", inTest.questionProperty().get());
        assertFalse(inTest.cannotConfirmProperty().get());
    }

    @Test
    void aSinkThatIsNotConfiguredCannotBeConfirmed() {
        RerouteViewModel inTest = model();

        assertTrue(inTest.cannotConfirmProperty().get());
        inTest.chosenProperty().set(CHOICES.get(1));

        assertTrue(inTest.cannotConfirmProperty().get());
    }
}
