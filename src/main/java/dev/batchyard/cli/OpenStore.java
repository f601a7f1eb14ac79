package dev.batchyard.cli;

import dev.batchyard.engine.BatchPersistence;

/** An engine opened for one command, and the sink resources to close after it. */
record OpenStore(BatchPersistence engine, EngineSettings settings) implements AutoCloseable {
    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            try {
                settings.resources().close();
            } catch (Exception e) {
                throw new CliException("closing the sinks failed: " + e.getMessage(), e);
            }
        }
    }
}
