package dev.batchyard.cli;

import dev.batchyard.console.Console;
import dev.batchyard.runtime.OpenStore;

/**
 * A store opened for one command and the console the command works through; closing closes both,
 * after saying on stderr the damage the command's own reads found ({@code damage} is null when
 * the command reports damage itself).
 */
record CommandConsole(OpenStore store, Console console, DamageLines damage) implements AutoCloseable {
    @Override
    public void close() {
        try {
            if (damage != null) {
                damage.printNew(console);
            }
            console.close();
        } finally {
            store.close();
        }
    }
}
