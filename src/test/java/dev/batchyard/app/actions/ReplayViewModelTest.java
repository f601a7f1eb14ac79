package dev.batchyard.app.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.QueuedTaskExecutor;
import dev.batchyard.console.Console;
import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay strip's state, without a window: what it shows, when it reads, and its controls reaching the store. */
class ReplayViewModelTest {
    private static final Formats ENGLISH = new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private TestStore store;
    private Console console;
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final HandClock clock = new HandClock();
    private List<String> ids;

    /** A clock the test moves. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T11:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @BeforeEach
    void openStore() {
        store = TestStore.open(dir);
        console = store.console(new Actor("ana"));
        ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            store.add("d-" + i, "loki", 2, 10, "503");
            ids.add("d-" + i);
        }
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private ReplayViewModel model(boolean readOnly) {
        return new ReplayViewModel(BatchOperations.of(console), executor, clock, ENGLISH, readOnly);
    }

    /** A requeue replay at 1 a second, paused at once: what the window finds when it opens. */
    private ReplayStatus pausedReplay() {
        console.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, 1));
        return console.controlReplay(ReplayControl.PAUSE);
    }

    @Test
    void aStoreWithNoReplayShowsNoStrip() {
        ReplayViewModel inTest = model(false);

        inTest.load();
        executor.runAll();

        assertFalse(inTest.shownProperty().get());
    }

    @Test
    void theReplaysControlsAreOffWhileTheWindowsChangesAreLocked() {
        pausedReplay();
        ReplayViewModel inTest = model(false);
        javafx.beans.property.SimpleBooleanProperty locked = new javafx.beans.property.SimpleBooleanProperty(true);
        inTest.lockChanges(locked);

        inTest.load();
        executor.runAll();
        assertTrue(inTest.shownProperty().get());
        assertFalse(inTest.canResumeProperty().get());
        assertFalse(inTest.canCancelProperty().get());
        inTest.resume();
        executor.runAll();
        assertEquals(ReplayStatus.State.PAUSED, console.replay().orElseThrow().state(), "a locked window resumed");

        locked.set(false);
        assertTrue(inTest.canResumeProperty().get());
        assertTrue(inTest.canCancelProperty().get());
    }

    @Test
    void anUnfinishedReplayIsShownWhenTheWindowOpensAndPauseResumeCancelReachTheStore() {
        ReplayStatus paused = pausedReplay();
        ReplayViewModel inTest = model(false);

        inTest.load();
        executor.runAll();

        assertTrue(inTest.shownProperty().get());
        assertEquals("Throttled requeue, started by ana", inTest.titleProperty().get());
        assertEquals("Paused \u00b7 " + paused.taken() + " of 40 taken \u00b7 at most 1 a second",
                inTest.lineProperty().get());
        assertTrue(inTest.canResumeProperty().get());
        assertFalse(inTest.canPauseProperty().get());

        inTest.resume();
        assertFalse(inTest.canCancelProperty().get(), "one control at a time");
        executor.runAll();
        assertEquals(ReplayStatus.State.RUNNING, console.replay().orElseThrow().state());
        assertTrue(inTest.canPauseProperty().get());
        assertTrue(inTest.lineProperty().get().startsWith("Running \u00b7 "), inTest.lineProperty().get());
        assertTrue(inTest.lineProperty().get().contains(" left"), inTest.lineProperty().get());

        inTest.pause();
        executor.runAll();
        assertEquals(ReplayStatus.State.PAUSED, console.replay().orElseThrow().state());

        inTest.cancel();
        executor.runAll();
        assertEquals(ReplayStatus.State.CANCELLED, console.replay().orElseThrow().state());
        assertTrue(inTest.shownProperty().get(), "ended while watched: stays until dismissed");
        assertTrue(inTest.endedProperty().get());
        assertFalse(inTest.canCancelProperty().get());

        inTest.dismiss();
        assertFalse(inTest.shownProperty().get());
    }

    @Test
    void aReplayThatEndedBeforeTheWindowOpenedIsNotShown() {
        pausedReplay();
        console.controlReplay(ReplayControl.CANCEL);
        ReplayViewModel inTest = model(false);

        inTest.load();
        executor.runAll();

        assertFalse(inTest.shownProperty().get());
    }

    @Test
    void whileOpenItIsReadAtMostOnceASecondWithOneReadInFlightAndRarelyWhenThereIsNone() {
        ReplayViewModel inTest = model(false);
        inTest.load();
        executor.runAll();

        clock.advance(Duration.ofSeconds(1));
        inTest.tick(clock.instant());
        assertEquals(0, executor.waiting(), "no replay: read every 5 s, not every second");
        clock.advance(Duration.ofSeconds(4));
        inTest.tick(clock.instant());
        assertEquals(1, executor.waiting());
        pausedReplay(); // the CLI starts one meanwhile
        executor.runAll();
        assertTrue(inTest.shownProperty().get(), "picked up by the idle poll");

        clock.advance(Duration.ofSeconds(1));
        inTest.tick(clock.instant());
        clock.advance(Duration.ofSeconds(1));
        inTest.tick(clock.instant());
        assertEquals(1, executor.waiting(), "open: read each second, never two at once");
    }

    @Test
    void theMeasuredPaceAndTimeLeftComeFromTheReadsOfTheLastSeconds() throws Exception {
        console.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, 20));
        ReplayViewModel inTest = model(false);
        inTest.load();
        executor.runAll();
        assertTrue(inTest.lineProperty().get().contains("at most 20 a second"), inTest.lineProperty().get());

        Thread.sleep(1_000); // the store takes about twenty meanwhile
        clock.advance(Duration.ofSeconds(1));
        inTest.tick(clock.instant());
        executor.runAll();

        ReplayStatus now = inTest.statusProperty().get();
        String line = inTest.lineProperty().get();
        assertTrue(line.matches("Running \u00b7 \\d+ of 40 taken \u00b7 \\d+\\.\\d a second \\(at most 20\\) \u00b7 about \\d+ s left"),
                line);
        assertTrue(now.taken() > 0);
        console.controlReplay(ReplayControl.CANCEL);
    }

    @Test
    void overFewerThanTenStepsTheAskedPaceIsShownNotAMeasureThatCountsWholeBatches() throws Exception {
        console.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, 1));
        ReplayViewModel inTest = model(false);
        inTest.load();
        executor.runAll();

        Thread.sleep(1_500); // one or two more taken: 1.4 a second if measured
        clock.advance(Duration.ofMillis(1_500));
        inTest.tick(clock.instant());
        executor.runAll();

        assertTrue(inTest.lineProperty().get().contains(" \u00b7 at most 1 a second \u00b7 about "),
                inTest.lineProperty().get());
        console.controlReplay(ReplayControl.CANCEL);
    }

    @Test
    void aReadOnlyWindowShowsTheReplayButCannotControlIt() {
        pausedReplay();
        ReplayViewModel inTest = model(true);

        inTest.load();
        executor.runAll();
        inTest.resume();

        assertTrue(inTest.shownProperty().get());
        assertFalse(inTest.canResumeProperty().get());
        assertFalse(inTest.canCancelProperty().get());
        assertEquals(0, executor.waiting(), "nothing sent");
        assertEquals(ReplayStatus.State.PAUSED, console.replay().orElseThrow().state());
    }

    @Test
    void whileTheServerIsAwayTheControlsAreOffAndAResumeIsRefusedWithAMessage() {
        pausedReplay();
        ReplayViewModel inTest = model(false);
        inTest.load();
        executor.runAll();

        inTest.setConnected(false);
        assertFalse(inTest.canResumeProperty().get());
        assertFalse(inTest.canCancelProperty().get());
        inTest.resume();
        executor.runAll();

        assertEquals(ReplayStatus.State.PAUSED, console.replay().orElseThrow().state());
        assertEquals("Not connected to the server: nothing was sent. Changes are possible again once it answers.",
                inTest.noticeProperty().get());
        inTest.setConnected(true);
        assertTrue(inTest.canResumeProperty().get());
    }
}
