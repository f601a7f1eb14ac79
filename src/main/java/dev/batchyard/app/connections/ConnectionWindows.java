package dev.batchyard.app.connections;

import dev.batchyard.connections.Connection;

/**
 * Opens a connection in a window of its own, beside the windows already open, or brings its window
 * to the front when it is open already. Called on the UI thread; the opening itself (a store's
 * replay, a server's first answer) runs in the background.
 */
@FunctionalInterface
public interface ConnectionWindows {
    void open(Connection connection);
}
