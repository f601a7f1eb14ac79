package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.ChildJvm;
import dev.batchyard.console.Access;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreOpener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability suite, hostile input: a second app on a store the first app (another process) is
 * writing to. The second opens it read-only, knowing who holds it, changes nothing (not even the
 * holder's half-written tail), and when the holder closes every batch it acknowledged is there.
 */
class HostileSecondWindowTest {
    @TempDir
    Path dir;

    private Process holder;

    @AfterEach
    void stopHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private LaunchOptions options(Path store) {
        return LaunchOptions.parse(List.of("--store", store.toString()), Map.of(), dir);
    }

    /** As the window opens a store. */
    private OpenStore open(StoreOpener opener, Path store) {
        return opener.open(options(store).location(), options(store).mode());
    }

    private static Set<String> ids(Console console) {
        return console.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 100).map(BatchView::id)
                .collect(Collectors.toSet());
    }

    @Test
    void aSecondAppOpensAStoreBeingWrittenReadOnlyNamingTheHolderAndLosesNothing() throws Exception {
        Path store = dir.resolve("store");
        holder = ChildJvm.of(WritingHolder.class, store.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("READY", out.readLine());
        Set<String> acknowledged = new HashSet<>();
        while (acknowledged.size() < 20) {
            acknowledged.add(out.readLine().substring(2)); // the holder is writing while we open
        }
        StoreOpener inTest = StoreOpener.standard(Clock.systemUTC());

        StoreLockedException locked = assertThrows(StoreLockedException.class, () -> open(inTest, store));
        assertEquals(holder.pid(), locked.holderPid());
        assertTrue(locked.getMessage().contains("another process (pid " + holder.pid() + ")"), locked.getMessage());

        Set<String> seen;
        try (OpenStore second = inTest.open(options(store).location(), Mode.readOnly(locked));
             Console console = second.console(new Actor("x"))) {
            assertFalse(console.info().writable());
            assertEquals(new Access.HeldElsewhere(holder.pid()), console.info().access(),
                    "the window can say who holds the store");
            seen = ids(console);
            assertTrue(seen.containsAll(acknowledged), "everything acknowledged before the open is shown");
            StoreException refused = assertThrows(StoreException.class,
                    () -> console.discard(List.of("held-0"), "operator in the wrong window"));
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
        }

        try (Writer stop = new java.io.OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
            stop.write("STOP\n");
        }
        for (String line = out.readLine(); !"CLOSED".equals(line); line = out.readLine()) {
            acknowledged.add(line.substring(2));
        }
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));

        try (OpenStore after = open(inTest, store); Console console = after.console(new Actor("x"))) {
            Set<String> stored = ids(console);
            assertEquals(acknowledged, stored, "every acknowledged batch, and nothing else");
            assertEquals(List.of(), console.damage(), "the read-only open cut nothing");
            assertTrue(seen.size() >= 20);
        }
        try (Stream<Path> quarantine = Files.list(store.resolve("quarantine"))) {
            assertEquals(List.of(), quarantine.toList());
        }
    }

    @Test
    void aSecondWindowInTheSameProcessIsToldItIsThisProcessAndCanBrowse() throws IOException {
        Path store = dir.resolve("store");
        StoreOpener inTest = StoreOpener.standard(Clock.systemUTC());
        try (OpenStore first = open(inTest, store); Console console = first.console(new Actor("x"))) {
            console.persist(NewBatch.of("a-1", List.of(), "loki"));

            StoreLockedException locked = assertThrows(StoreLockedException.class, () -> open(inTest, store));
            assertTrue(locked.getMessage().contains("already open in this process"), locked.getMessage());
            try (OpenStore second = inTest.open(options(store).location(), Mode.readOnly(locked));
                 Console browsing = second.console(new Actor("y"))) {
                assertFalse(browsing.info().writable());
                assertTrue(browsing.find("a-1").isPresent());
            }
            console.persist(NewBatch.of("a-2", List.of(), "loki"));
            assertTrue(console.stats().healthy(), "the first window's store is untouched by the second");
        }
        try (OpenStore reopened = open(inTest, store); Console console = reopened.console(new Actor("x"))) {
            assertEquals(2, console.stats().total());
        }
    }
}
