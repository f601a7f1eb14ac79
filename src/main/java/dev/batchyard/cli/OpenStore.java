package dev.batchyard.cli;

import dev.batchyard.engine.BatchPersistence;

/** An engine opened for one command, and the sinks to close after it. */
record OpenStore(BatchPersistence engine, EngineSettings settings) implements AutoCloseable {
    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            settings.close();
        }
    }
}
