package dev.batchyard.app.connections;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.ConnectionBook;
import dev.batchyard.connections.ConnectionFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's saved connections and recent stores, shared by every window: the book as the windows
 * see it now, and the connections file behind it, read and written off the UI thread. Each change
 * answers a new book at once (the menus follow it) and is written in the background; writes are kept
 * in order, so an older book never lands over a newer one. A file that could not be read, or one that
 * cannot be written, is said in {@link #problemProperty()} (the windows show it). UI thread only.
 */
public final class SavedConnections {
    private static final Logger LOG = LoggerFactory.getLogger(SavedConnections.class);

    private final ConnectionFile file;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<ConnectionBook> book = new ReadOnlyObjectWrapper<>(ConnectionBook.empty());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Object writing = new Object();
    private long changes;
    private long written;

    public SavedConnections(ConnectionFile file, TaskExecutor executor) {
        this.file = file;
        this.executor = executor;
    }

    /** Where the book is kept. */
    public Path path() {
        return file.path();
    }

    /** Reads the file in the background; {@code then} runs on the UI thread once the book is in. */
    public void load(Runnable then) {
        executor.submit(file::load, loaded -> {
            book.set(loaded.book());
            loaded.problem().ifPresent(problem::set);
            then.run();
        }, failure -> {
            problem.set(failure.getMessage());
            then.run();
        });
    }

    public ReadOnlyObjectProperty<ConnectionBook> bookProperty() {
        return book.getReadOnlyProperty();
    }

    public ConnectionBook book() {
        return book.get();
    }

    /** Why the file was set aside or could not be written, empty while all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Saves {@code connection} (in place of the one named {@code replaces}, else at the end) and
     * writes the file; {@code written} runs on the UI thread once it is on disk, {@code failed} with
     * why the book refused it (a taken name) or the file could not be written.
     */
    public void save(Connection connection, Optional<String> replaces, Runnable written, Consumer<String> failed) {
        ConnectionBook next;
        try {
            next = book.get().saving(connection, replaces);
        } catch (IllegalArgumentException e) {
            failed.accept(e.getMessage());
            return;
        }
        change(next, written, failed);
    }

    /** Removes the connection named {@code name} and writes the file. */
    public void remove(String name) {
        change(book.get().removing(name), () -> { }, problem::set);
    }

    /** Puts {@code store} first among the recent stores and writes the file. */
    public void opened(Path store) {
        change(book.get().opened(store), () -> { }, problem::set);
    }

    private void change(ConnectionBook next, Runnable done, Consumer<String> failed) {
        book.set(next);
        long version = ++changes;
        executor.submit(() -> write(next, version), ignored -> done.run(), failure -> {
            LOG.warn("the connections file {} cannot be written: {}", file.path(), failure.toString());
            failed.accept(file.path() + ": " + failure.getMessage());
        });
    }

    /** Writes {@code next} unless a newer book was written already (the writes run on a pool). */
    private Void write(ConnectionBook next, long version) throws IOException {
        synchronized (writing) {
            if (version > written) {
                file.write(next);
                written = version;
            }
        }
        return null;
    }
}
