package dev.batchyard.cli;

import dev.batchyard.console.Console;
import dev.batchyard.runtime.OpenStore;

/** A store opened for one command and the console the command works through; closing closes both. */
record CommandConsole(OpenStore store, Console console) implements AutoCloseable {
    @Override
    public void close() {
        try {
            console.close();
        } finally {
            store.close();
        }
    }
}
