package dev.batchyard.serve;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.SinkBacklog;
import dev.batchyard.engine.events.EventSubscription;
import java.util.List;

/**
 * What {@code serve} needs of the store it serves: persisting (durable on return), its health,
 * what waits per sink, and its events. The engine itself in tests and today; the runtime's
 * service mode once it exists.
 */
public interface ServedStore {
    BatchView persist(NewBatch batch);

    /** Why the store does not accept writes, or empty when it does. */
    String healthProblem();

    List<SinkBacklog> backlog();

    EventSubscription subscribe(int capacity);

    /** The engine, opened by the caller (who closes it). */
    static ServedStore of(BatchPersistence engine) {
        return new ServedStore() {
            @Override
            public BatchView persist(NewBatch batch) {
                return engine.persistBatch(batch);
            }

            @Override
            public String healthProblem() {
                return engine.healthProblem();
            }

            @Override
            public List<SinkBacklog> backlog() {
                return engine.backlog();
            }

            @Override
            public EventSubscription subscribe(int capacity) {
                return engine.subscribe(capacity);
            }
        };
    }
}
