package dev.batchyard.app.health;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.store.StoreChangedException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A read-only window beside a process writing the same store goes out of date: once the writer
 * compacts, a batch this view lists may be in a segment that is gone, and reading it answers
 * {@link StoreChangedException}. This says so once it happens, whichever read met it, and offers to
 * reopen the view. Every read the window makes goes through one {@link TaskExecutor}; the one
 * {@link #watching} returns notices the answer on its way back to the UI thread.
 *
 * <p>Not thread-safe: UI thread only (or one test thread).
 */
public final class StoreChangedViewModel {
    private final Runnable reopen;
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");

    /** @param reopen closes this window's view of the store and opens it again, read-only, as it is now */
    public StoreChangedViewModel(Runnable reopen) {
        this.reopen = reopen;
    }

    /** {@code executor}, noticing when a task fails because the store changed under the view. */
    public TaskExecutor watching(TaskExecutor executor) {
        return new StoreChangeWatch(executor, this::noticed);
    }

    /** Marks the view out of date when {@code failure} is, or was caused by, the store changing under it. */
    public void noticed(Throwable failure) {
        for (Throwable f = failure; f != null; f = f.getCause()) {
            if (f instanceof StoreChangedException) {
                changed.set(true);
                return;
            }
        }
    }

    /** Opens the view again. */
    public void reload() {
        reopen.run();
    }

    /** Whether the store changed under this view since it was opened, as far as a read has found. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }
}
