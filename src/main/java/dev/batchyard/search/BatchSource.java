package dev.batchyard.search;

import dev.batchyard.engine.Batch;
import java.util.List;
import java.util.Optional;

/** Where a search reads batches from: which ids, in which order, and each batch with its entries. */
public interface BatchSource {

    /** The ids in scope, in the order to read them (the store's own order reads its files front to back). */
    List<String> ids();

    /**
     * The batch with its entries; empty when it is gone since {@link #ids()} was taken.
     *
     * @throws dev.batchyard.engine.store.StoreException when its record cannot be read or decoded
     */
    Optional<Batch> batch(String id);
}
