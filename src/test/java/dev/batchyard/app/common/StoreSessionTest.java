package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.batchyard.app.TestStore;
import dev.batchyard.console.Console;
import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's seam over a store that may be opened again under it (a training scenario's crash). */
class StoreSessionTest {
    private static final Actor OPERATOR = new Actor("operator");

    @TempDir
    Path tmp;

    @Test
    void aFollowingConsoleReachesWhicheverConsoleIsCurrentAtEachCall() {
        try (TestStore first = TestStore.open(tmp.resolve("first")); TestStore second = TestStore.open(tmp.resolve("second"))) {
            first.add("only-in-first", "loki", 1, 1, "down");
            second.add("in-second-1", "loki", 1, 1, "down");
            second.add("in-second-2", "loki", 1, 1, "down");
            AtomicReference<Console> current = new AtomicReference<>(first.console(OPERATOR));
            Console followed = StoreSession.following(current::get).console();

            assertEquals(1, followed.find(List.of("only-in-first", "in-second-1")).size());
            current.set(second.console(OPERATOR));

            assertEquals(List.of("in-second-1"), followed.find(List.of("only-in-first", "in-second-1")).stream()
                    .map(b -> b.id()).toList());
            assertEquals(2, followed.stats().byState().values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void aFixedSessionHandsOutTheConsoleItself() {
        try (TestStore store = TestStore.open(tmp)) {
            Console console = store.console(OPERATOR);
            assertSame(console, StoreSession.of(console).console());
        }
    }

    @Test
    void reopenedTellsEveryListenerInTheOrderAdded() {
        try (TestStore store = TestStore.open(tmp)) {
            StoreSession session = StoreSession.of(store.console(OPERATOR));
            List<String> told = new ArrayList<>();
            session.onReopened(() -> told.add("bridge"));
            session.onReopened(() -> told.add("table"));

            session.reopened();
            session.reopened();

            assertEquals(List.of("bridge", "table", "bridge", "table"), told);
        }
    }
}
