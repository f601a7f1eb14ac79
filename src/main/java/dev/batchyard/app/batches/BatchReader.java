package dev.batchyard.app.batches;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.util.List;
import java.util.Optional;

/**
 * What the batches table reads from the store: a full snapshot, and one batch's current metadata.
 * Both are called off the UI thread.
 */
public interface BatchReader {

    List<BatchView> snapshot();

    Optional<BatchView> find(String id);

    /** The table's store: every batch, oldest first, in as few pages as the console allows. */
    static BatchReader of(Console console) {
        return new BatchReader() {
            @Override
            public List<BatchView> snapshot() {
                return console.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, Integer.MAX_VALUE).toList();
            }

            @Override
            public Optional<BatchView> find(String id) {
                return console.find(id);
            }
        };
    }
}
