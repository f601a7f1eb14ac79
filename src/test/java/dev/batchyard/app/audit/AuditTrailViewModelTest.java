package dev.batchyard.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.QueuedTaskExecutor;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final TrailOnAList trail = new TrailOnAList();

    private AuditTrailViewModel model(TaskExecutor executor) {
        return new AuditTrailViewModel(trail, executor, Clock.fixed(NOW, ZoneOffset.UTC),
                new EngineTexts(Language.ENGLISH));
    }

    private static List<BatchEvent> aDiscard() {
        return List.of(new BatchEvent.Discarded(NOW, "b-9", "loki", "test", new Actor("ana")));
    }

    @Test
    void openingReadsOnePageAndLoadMoreReadsTheNext() {
        trail.add(250, "retry", "b-1");
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());

        inTest.open();
        assertEquals(AuditTrailViewModel.PAGE, inTest.records().size());
        assertTrue(inTest.moreProperty().get());
        inTest.loadMore();

        assertEquals(250, inTest.records().size());
        assertFalse(inTest.moreProperty().get());
        assertEquals(2, trail.reads.get());
    }

    @Test
    void filteringByActionReadsAgainFromTheFirstPage() {
        trail.add(3, "retry", "b-1");
        trail.add(2, "discard", "b-2");
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.open();

        inTest.actionProperty().set("discard");

        assertEquals(2, inTest.records().size());
        assertTrue(inTest.records().stream().allMatch(r -> r.action().equals("discard")));
    }

    @Test
    void filteringByBatchIdKeepsOnlyTheLinesAboutIt() {
        trail.add(3, "retry", "b-1");
        trail.add(2, "retry", "b-2");
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.open();

        inTest.batchIdProperty().set(" b-2 ");

        assertEquals(2, inTest.records().size());
        assertEquals(List.of("b-2"), inTest.records().get(0).ids());
    }

    @Test
    void aLineWrittenAfterAnEventIsAppendedAtTheNextTick() {
        trail.add(2, "retry", "b-1");
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.open();
        trail.add(1, "discard", "b-9");

        inTest.onEvents(aDiscard());
        inTest.tick(NOW.plusMillis(1));

        assertEquals(3, inTest.records().size());
        assertEquals("discard", inTest.records().get(2).action());
    }

    @Test
    void withoutEventsTheTrailIsPolledOnlyOnceThePollIsDue() {
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.open();
        trail.add(1, "discard", "b-9");

        inTest.tick(NOW.plus(AuditTrailViewModel.POLL).minusMillis(1));
        assertEquals(0, inTest.records().size());
        inTest.tick(NOW.plus(AuditTrailViewModel.POLL));

        assertEquals(1, inTest.records().size());
    }

    @Test
    void manyEventsWhileAReadIsUnderWayCostOneReadAtATime() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        AuditTrailViewModel inTest = model(executor);
        inTest.open();
        executor.runAll();
        trail.add(5, "discard", "b-9");

        for (int i = 0; i < 5; i++) {
            inTest.onEvents(aDiscard());
            inTest.tick(NOW.plusSeconds(i));
        }

        assertEquals(1, executor.waiting());
        executor.runAll();
        assertEquals(5, inTest.records().size());
    }

    @Test
    void aClosedViewReadsNothing() {
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.open();
        inTest.close();
        int reads = trail.reads.get();

        inTest.onEvents(aDiscard());
        inTest.tick(NOW.plus(Duration.ofMinutes(1)));
        inTest.actionProperty().set("retry");

        assertEquals(reads, trail.reads.get());
    }

    @Test
    void anAnswerToTheFilterBeforeIsDropped() {
        trail.add(3, "retry", "b-1");
        trail.add(1, "discard", "b-2");
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        AuditTrailViewModel inTest = model(executor);
        inTest.open();
        inTest.actionProperty().set("discard");

        executor.runOldest();
        assertEquals(0, inTest.records().size());
        executor.runAll();

        assertEquals(1, inTest.records().size());
    }

    @Test
    void aFilterTypedWhileAReadIsUnderWayIsReadOnceThatReadEnds() {
        trail.add(3, "retry", "b-1");
        trail.add(2, "retry", "b-22");
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        AuditTrailViewModel inTest = model(executor);
        inTest.open();

        for (String typed : List.of("b", "b-", "b-2", "b-22")) {
            inTest.batchIdProperty().set(typed);
        }
        assertEquals(1, executor.waiting());
        executor.runAll();

        assertEquals(2, trail.reads.get());
        assertEquals(2, inTest.records().size());
        assertFalse(inTest.readingProperty().get());
    }

    @Test
    void theLastHourTakesInOnlyLinesWrittenSinceAnHourBeforeNow() {
        trail.add(1, "retry", "b-1"); // 10:00, two hours before NOW
        trail.lines.add(new AuditRecord(NOW.minusSeconds(60), "ana", "discard", "", List.of("b-2"), List.of(),
                "{}"));
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.open();

        inTest.periodProperty().set(AuditPeriod.LAST_HOUR);

        assertEquals(1, inTest.records().size());
        assertEquals("discard", inTest.records().get(0).action());
    }

    @Test
    void exportWritesEveryMatchingRecordNotOnlyThePagesShownAsJsonLinesForTheOwnerOnly(@TempDir Path dir)
            throws Exception {
        trail.add(450, "retry", "b-1");
        trail.lines.add(AuditRecord.unreadable("{\"at\":\"2026-12-01T1", "a crash cut it short"));
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.open();
        Path file = dir.resolve("audit.jsonl");
        AtomicInteger exported = new AtomicInteger();

        inTest.export(file, exported::set, why -> {
            throw new AssertionError(why);
        });

        List<String> lines = Files.readAllLines(file);
        assertEquals(451, exported.get());
        assertEquals(451, lines.size());
        assertEquals(trail.lines.get(0).line(), lines.get(0));
        assertEquals("{\"action\":\"unreadable\",\"problem\":\"a crash cut it short\","
                + "\"line\":\"{\\\"at\\\":\\\"2026-12-01T1\"}", lines.get(450));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(AuditTrailViewModel.PAGE, inTest.records().size());
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhyAndLeavesNoFile(@TempDir Path dir) {
        trail.add(2, "retry", "b-1");
        AuditTrailViewModel inTest = model(new CurrentThreadTaskExecutor());
        Path file = dir.resolve("no-such-dir").resolve("audit.jsonl");
        StringBuilder why = new StringBuilder();

        inTest.export(file, n -> {
            throw new AssertionError("exported " + n);
        }, why::append);

        assertFalse(why.isEmpty());
        assertFalse(Files.exists(file));
    }
}
