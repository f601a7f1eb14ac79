package dev.batchyard.engine.store;

/**
 * Told about every damaged region, record or file the store finds (at open, during compaction,
 * when a batch is read), and what it did about it. Called on the thread that found it; must not
 * call back into the store.
 */
@FunctionalInterface
public interface CorruptionListener {
    void found(StoreDamage damage);
}
