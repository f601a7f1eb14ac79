package dev.batchyard.training.run;

import dev.batchyard.console.Console;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What became of the scenario's batches, from the store's events: where each delivered batch
 * went, which were discarded or expired. The store forgets a batch once it is gone, so the run
 * keeps this account; a subscription that lost events ({@code Missed}) is counted, so a check
 * never passes on an account with holes. Thread-safe.
 */
final class StoreLedger implements AutoCloseable {
    /** Far above what a scenario makes between two drains. */
    private static final int CAPACITY = 1 << 16;
    private final Map<String, String> deliveredTo = new ConcurrentHashMap<>();
    private final Set<String> discarded = ConcurrentHashMap.newKeySet();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private volatile long missed;
    private volatile EventSubscription subscription;

    /** Follows {@code console}'s store from now on (again after a restart). */
    void follow(Console console) {
        drain();
        close();
        subscription = console.subscribe(CAPACITY);
    }

    synchronized void drain() {
        EventSubscription s = subscription;
        if (s == null || s.isClosed()) {
            return;
        }
        for (BatchEvent e : s.drain()) {
            if (e instanceof BatchEvent.Delivered d) {
                deliveredTo.put(d.id(), d.sink());
            } else if (e instanceof BatchEvent.Discarded d) {
                discarded.add(d.id());
            } else if (e instanceof BatchEvent.Expired x) {
                expired.add(x.id());
            } else if (e instanceof BatchEvent.Missed m) {
                missed += m.count();
            }
        }
    }

    Optional<String> deliveredTo(String id) {
        return Optional.ofNullable(deliveredTo.get(id));
    }

    boolean lost(String id) {
        return discarded.contains(id) || expired.contains(id);
    }

    long missed() {
        return missed;
    }

    @Override
    public void close() {
        EventSubscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
