package dev.batchyard.engine.store;

/**
 * Told how long the write-ahead log's durable writes take, for metrics. Called on the log's writer
 * thread right after each group commit, outside the store's lock: an implementation must be quick
 * and must not call back into the store. One that throws is logged and then ignored; it can never
 * stop or slow down a commit beyond its own running time. The store knows no metrics library.
 */
public interface StoreObserver {
    /** Observes nothing. */
    StoreObserver NONE = new StoreObserver() {
    };

    /** One {@code force} (fdatasync) of a segment file took {@code nanos}. */
    default void synced(long nanos) {
    }

    /**
     * A group commit made {@code frames} records ({@code bytes} in all) durable; its oldest record
     * had waited {@code oldestWaitNanos} since it was appended, its newest {@code newestWaitNanos}.
     * Every caller of that group waited between the two.
     */
    default void committed(int frames, long bytes, long oldestWaitNanos, long newestWaitNanos) {
    }
}
