package dev.batchyard.bench;

/**
 * One way of keeping pending batches durably. Every method returns once its change is as durable
 * as the design makes it. Implementations are thread-safe.
 */
interface Design extends AutoCloseable {

    void persist(String id, Sample batch);

    void succeed(String id);

    void fail(String id, String reason);

    @Override
    void close();

    /** Opens a fresh instance of a design on an empty directory. */
    interface Factory {
        String name();

        Design open(java.nio.file.Path directory) throws Exception;
    }
}
