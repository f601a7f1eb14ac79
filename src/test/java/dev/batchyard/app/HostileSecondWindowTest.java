package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.ChildJvm;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.model.Actor;
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
        EngineOpener inTest = new EngineOpener(Clock.systemUTC());

        StoreLockedException locked = assertThrows(StoreLockedException.class, () -> inTest.open(options(store)));
        assertEquals(holder.pid(), locked.holderPid());
        assertTrue(locked.getMessage().contains("another process (pid " + holder.pid() + ")"), locked.getMessage());

        Set<String> seen;
        try (OpenedStore second = inTest.openReadOnly(options(store), locked)) {
            assertTrue(second.engine().isReadOnly());
            assertEquals(holder.pid(), second.lockHolderPid(), "the window can say who holds the store");
            seen = second.engine().query(BatchQuery.all()).stream().map(BatchView::id).collect(Collectors.toSet());
            assertTrue(seen.containsAll(acknowledged), "everything acknowledged before the open is shown");
            StoreException refused = assertThrows(StoreException.class,
                    () -> second.engine().discard(List.of("held-0"), "operator in the wrong window", new Actor("x")));
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
        }

        try (Writer stop = new java.io.OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
            stop.write("STOP\n");
        }
        for (String line = out.readLine(); !"CLOSED".equals(line); line = out.readLine()) {
            acknowledged.add(line.substring(2));
        }
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));

        try (OpenedStore after = inTest.open(options(store))) {
            Set<String> stored = after.engine().query(BatchQuery.all()).stream().map(BatchView::id)
                    .collect(Collectors.toSet());
            assertEquals(acknowledged, stored, "every acknowledged batch, and nothing else");
            assertEquals(List.of(), after.engine().damageFoundAtOpen(), "the read-only open cut nothing");
            assertTrue(seen.size() >= 20);
        }
        try (Stream<Path> quarantine = Files.list(store.resolve("quarantine"))) {
            assertEquals(List.of(), quarantine.toList());
        }
    }

    @Test
    void aSecondWindowInTheSameProcessIsToldItIsThisProcessAndCanBrowse() throws IOException {
        Path store = dir.resolve("store");
        EngineOpener inTest = new EngineOpener(Clock.systemUTC());
        try (OpenedStore first = inTest.open(options(store))) {
            first.engine().persistBatch("a-1", List.of(), "loki");

            StoreLockedException locked = assertThrows(StoreLockedException.class, () -> inTest.open(options(store)));
            assertTrue(locked.getMessage().contains("already open in this process"), locked.getMessage());
            try (OpenedStore second = inTest.openReadOnly(options(store), locked)) {
                assertTrue(second.engine().isReadOnly());
                assertTrue(second.engine().find("a-1").isPresent());
            }
            first.engine().persistBatch("a-2", List.of(), "loki");
            assertTrue(first.engine().isHealthy(), "the first window's store is untouched by the second");
        }
        try (OpenedStore reopened = inTest.open(options(store))) {
            assertEquals(2, reopened.engine().stats().total());
        }
    }
}
