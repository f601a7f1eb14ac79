package dev.batchyard.engine.store;

/** A file or a directory of a {@link PowerCutDisk}. */
sealed interface SimulatedNode permits SimulatedFile, SimulatedDirectory {
}
