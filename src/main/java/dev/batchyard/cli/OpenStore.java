package dev.batchyard.cli;

import dev.batchyard.engine.BatchPersistence;

/**
 * An engine opened for one command, and the sinks to close after it. Damage the command's own
 * reads found is said on stderr as it closes ({@code damage} is null when the command reports damage itself).
 */
record OpenStore(BatchPersistence engine, EngineSettings settings, DamageLines damage) implements AutoCloseable {
    @Override
    public void close() {
        try {
            if (damage != null) {
                damage.printNew(engine);
            }
            engine.close();
        } finally {
            settings.close();
        }
    }
}
