package dev.batchyard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.console.Access;
import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.Console;
import dev.batchyard.console.ConsoleContract;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over an engine in this process: the contract, and what is particular to reading files. */
class EmbeddedConsoleTest extends ConsoleContract {
    private static final List<String> SINKS = List.of("loki", "archive");

    @TempDir
    Path dir;

    private final List<OpenStore> opened = new ArrayList<>();
    private OpenStore writable;

    private StoreOpener opener() {
        return new StoreOpener(Clock.systemUTC(), (where, demo) -> new Settings(PersistenceConfig.defaults(where.store()),
                SinkLayer.fixed(new HeldDelivery("loki", "archive"), SINKS)));
    }

    private Path store() {
        return dir.resolve("store");
    }

    @Override
    protected Console console(Actor actor) {
        if (writable == null) {
            writable = open(Mode.window());
        }
        return writable.console(actor);
    }

    @Override
    protected Console readOnlyConsole() {
        return open(Mode.readOnly()).console(ANA);
    }

    private OpenStore open(Mode mode) {
        OpenStore store = opener().open(StoreLocation.of(store()), mode);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(OpenStore::close);
    }

    @Test
    void theLocationIsTheStoreDirectorysAbsolutePath() {
        try (Console inTest = console(ANA)) {
            assertEquals(store().toAbsolutePath().normalize().toString(), inTest.info().location());
        }
    }

    @Test
    void anAuditLineCutShortByACrashWaitsForItsLineBreakAndIsThenShownAsUnreadable() throws IOException {
        try (Console inTest = console(ANA)) {
            inTest.discard(List.of("x"), "before the crash");
            append("{\"at\":\"2026-11-26T12:00:00Z\",\"act"); // the writer died here
            AuditPage before = inTest.audit(AuditQuery.all(), PageRequest.first(10));

            inTest.discard(List.of("y"), "after the restart"); // appended to the cut line
            AuditPage after = inTest.audit(AuditQuery.all(), PageRequest.after(before.nextCursor(), 10));

            assertEquals(List.of("discard"), before.records().stream().map(AuditRecord::action).toList());
            assertTrue(before.atEnd());
            assertEquals(1, after.records().size());
            AuditRecord cut = after.records().get(0);
            assertEquals(AuditRecord.UNREADABLE, cut.action());
            assertTrue(cut.line().startsWith("{\"at\":\"2026-11-26T12:00:00Z\",\"act{"), cut.line());
            assertTrue(cut.line().contains("after the restart"), "nothing of the line is lost: " + cut.line());
            assertTrue(cut.detail().startsWith("not an audit record"), cut.detail());
        }
    }

    @Test
    void anAuditLineThatIsNotARecordIsShownToAFullReadAndToNoFilteredOne() throws IOException {
        try (Console inTest = console(ANA)) {
            append("[1,2,3]\n\u001b[2J\n");
            inTest.discard(List.of("x"), "after");

            List<AuditRecord> all = inTest.audit(AuditQuery.all(), PageRequest.first(10)).records();
            List<AuditRecord> discards = inTest.audit(AuditQuery.all().withAction("discard"), PageRequest.first(10))
                    .records();

            assertEquals(List.of(AuditRecord.UNREADABLE, AuditRecord.UNREADABLE, "discard"),
                    all.stream().map(AuditRecord::action).toList());
            assertEquals("[1,2,3]", all.get(0).line());
            assertEquals(1, discards.size());
        }
    }

    @Test
    void aStoreWithoutAnAuditTrailReadsAsAnEmptyOne() throws IOException {
        try (OpenStore store = opener().open(StoreLocation.of(store()), Mode.window())) {
            store.console(ANA).stats();
        }
        Files.delete(store().resolve("audit.log"));

        try (Console inTest = readOnlyConsole()) {
            AuditPage page = inTest.audit(AuditQuery.all(), PageRequest.first(10));

            assertEquals(List.of(), page.records());
            assertTrue(page.atEnd());
            assertThrows(IllegalArgumentException.class,
                    () -> inTest.audit(AuditQuery.all(), PageRequest.after("a1.10", 10)));
        }
    }

    @Test
    void theDamageTheOpenFoundIsTheConsolesAndIsReadBackFromTheAuditTrail() throws IOException {
        try (Console writer = console(ANA)) {
            persist(writer, "b-1", "loki", 0, 0, 2);
        }
        writable.close();
        Path segment;
        try (var files = Files.list(store().resolve("segments"))) {
            segment = files.filter(p -> p.toString().endsWith(".seg")).sorted().toList().get(0);
        }
        long tornAt = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 0, 99, 7, 7}, StandardOpenOption.APPEND);

        try (Console inTest = open(Mode.window()).console(ANA)) {
            List<dev.batchyard.engine.events.BatchEvent.CorruptionFound> damage = inTest.damage();
            List<AuditRecord> audited = inTest.audit(AuditQuery.all().withAction("damage"), PageRequest.first(10))
                    .records();

            assertEquals(1, damage.size(), damage::toString);
            assertEquals(segment.toString(), damage.get(0).file());
            assertEquals(tornAt, damage.get(0).offset());
            assertEquals(1, audited.size());
            assertEquals("store", audited.get(0).actor());
            assertTrue(audited.get(0).line().contains("\"offset\":" + tornAt), audited.get(0).line());
        }
    }

    @Test
    void aConsoleThatWouldMisstateItsEnginesAccessIsRefused() {
        console(ANA).close(); // creates the store
        try (BatchPersistence readOnly = BatchPersistence.open(PersistenceConfig.defaults(store()), Delivery.none(),
                Clock.systemUTC(), dev.batchyard.engine.EngineOptions.defaults().withReadOnly(true))) {
            assertThrows(IllegalArgumentException.class,
                    () -> new EmbeddedConsole(readOnly, SinkLayer.none(), ANA, new Access.Writable()));
        }
    }

    private void append(String text) throws IOException {
        Files.writeString(store().resolve("audit.log"), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
