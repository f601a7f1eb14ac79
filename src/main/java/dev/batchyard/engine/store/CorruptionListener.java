package dev.batchyard.engine.store;

import java.nio.file.Path;

/** Told about every damaged region the store finds, and what it did about it. */
@FunctionalInterface
public interface CorruptionListener {
    void found(Path file, long offset, String detail, String action);
}
