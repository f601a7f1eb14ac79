package dev.batchyard.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.store.StoreChangedException;
import dev.batchyard.engine.store.StoreException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StoreChangedViewModelTest {
    private final AtomicInteger reopened = new AtomicInteger();
    private final StoreChangedViewModel inTest = new StoreChangedViewModel(reopened::incrementAndGet);
    private final TaskExecutor executor = inTest.watching(new CurrentThreadTaskExecutor());

    private static StoreChangedException changed() {
        return new StoreChangedException("the store /s changed under this read-only view: batch 'c-0' was in "
                + "segment 1, which the writer compacted away; open the view again", Path.of("/s"));
    }

    @Test
    void aReadThatMeetsAStoreThatChangedMarksTheViewOutOfDate() {
        executor.submit(() -> {
            throw changed();
        }, result -> { }, failure -> { });

        assertTrue(inTest.changedProperty().get());
    }

    @Test
    void theTasksOwnFailureHandlerStillHearsOfIt() {
        AtomicReference<Throwable> heard = new AtomicReference<>();
        StoreChangedException failure = changed();

        executor.submit(() -> {
            throw failure;
        }, result -> { }, heard::set);

        assertSame(failure, heard.get());
    }

    @Test
    void aStoreThatChangedIsFoundInsideAWrapper() {
        inTest.noticed(new CompletionException(changed()));

        assertTrue(inTest.changedProperty().get());
    }

    @Test
    void otherFailuresAndSuccessesLeaveTheViewCurrent() {
        executor.submit(() -> {
            throw new StoreException("record at offset 12 of segment 3 fails its checksum");
        }, result -> { }, failure -> { });
        executor.submit(() -> "ok", result -> { }, failure -> { });

        assertFalse(inTest.changedProperty().get());
    }

    @Test
    void reloadReopensTheView() {
        inTest.reload();

        assertEquals(1, reopened.get());
    }
}
