package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.store.Disk;
import dev.batchyard.model.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading audit.log back, as its writer wrote it and as a crash or a stranger may have left it. */
class AuditLogTest {
    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private void record(String action, String... ids) throws IOException {
        try (AuditTrail trail = new AuditTrail(dir, Disk.local())) {
            trail.record(AT, new Actor("ana"), action, "why", java.util.Arrays.stream(ids)
                    .map(id -> ActionResult.of(id, ActionResult.Reason.DISCARDED)).toList());
        }
    }

    private void append(String text) throws IOException {
        Files.writeString(dir.resolve(AuditTrail.FILE), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Test
    void whatTheTrailWroteReadsBackWithItsResults() throws IOException {
        record("discard", "b-1", "b-2");

        AuditRecord read = new AuditLog(dir).read(0, 10, r -> true).records().get(0);

        assertEquals(AT, read.at());
        assertEquals("ana", read.actor());
        assertEquals("discard", read.action());
        assertEquals("why", read.detail());
        assertEquals(List.of("b-1", "b-2"), read.ids());
        assertEquals(new AuditRecord.Result("b-1", true, "discarded", "discarded"), read.results().get(0));
    }

    @Test
    void theNextPositionStartsTheNextReadAndStaysValidAtTheEnd() throws IOException {
        record("discard", "b-1");
        record("discard", "b-2");
        AuditLog inTest = new AuditLog(dir);

        AuditLog.Page first = inTest.read(0, 1, r -> true);
        AuditLog.Page second = inTest.read(first.next(), 1, r -> true);
        AuditLog.Page end = inTest.read(second.next(), 1, r -> true);

        assertEquals(List.of("b-2"), second.records().get(0).ids());
        assertTrue(end.atEnd());
        assertEquals(Files.size(dir.resolve(AuditTrail.FILE)), end.next());
    }

    @Test
    void aLineFarOverTheBoundIsShownByItsHeadAndTheReadGoesOnAfterIt() throws IOException {
        append("{\"at\":\"" + "x".repeat(10_000) + "\n");
        record("discard", "b-1");

        List<AuditRecord> read = new AuditLog(dir, 400).read(0, 10, r -> true).records();

        assertEquals(AuditRecord.UNREADABLE, read.get(0).action());
        assertEquals(400, read.get(0).line().length());
        assertTrue(read.get(0).detail().startsWith("a line of 10007 bytes, over the 400"), read.get(0).detail());
        assertEquals("discard", read.get(1).action());
    }

    @Test
    void aPositionInsideALineOrPastTheEndIsRefused() throws IOException {
        record("discard", "b-1");
        AuditLog inTest = new AuditLog(dir);

        assertThrows(IllegalArgumentException.class, () -> inTest.read(3, 10, r -> true));
        assertThrows(IllegalArgumentException.class, () -> inTest.read(1_000_000, 10, r -> true));
        assertThrows(IllegalArgumentException.class, () -> inTest.read(-1, 10, r -> true));
    }
}
