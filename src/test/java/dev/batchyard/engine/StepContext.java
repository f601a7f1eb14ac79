package dev.batchyard.engine;

import dev.batchyard.model.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One workload thread's view: the engine, the ledger, its random source, and the batches it owns
 * (only it changes them, so each batch has at most one change under way). Ids say their owner
 * ({@code <round>-t<thread>-<n>}), so the batches found at a reopen go back to their threads.
 */
final class StepContext {
    /** The sinks batches go to; all of them configured, none of them ever sent to. */
    static final List<String> SINKS = List.of("loki", "elasticsearch", "splunk");

    final BatchPersistence engine;
    final Ledger ledger;
    final Random random;
    final int thread;
    final List<String> owned = new ArrayList<>();
    private final String prefix;
    private int counter;

    StepContext(BatchPersistence engine, Ledger ledger, Random random, int thread, String prefix) {
        this.engine = engine;
        this.ledger = ledger;
        this.random = random;
        this.thread = thread;
        this.prefix = prefix;
    }

    /** Whether {@code id} belongs to thread {@code thread} of a workload of any round. */
    static boolean ownedBy(String id, int thread) {
        return id.contains("-t" + thread + "-");
    }

    /** Whether {@code id} was persisted as already older than the TTL (only its cleanup removes it). */
    static boolean old(String id) {
        return id.endsWith("-old");
    }

    String newId(boolean old) {
        return prefix + "-t" + thread + "-" + counter++ + (old ? "-old" : "");
    }

    /** A unique operator, so each action's audit line can be found. */
    Actor actor() {
        return new Actor(prefix + "-t" + thread + "-op" + counter++);
    }

    /** One of this thread's batches, or null when it has none. */
    String anyOwned() {
        return owned.isEmpty() ? null : owned.get(random.nextInt(owned.size()));
    }

    String anySink() {
        return SINKS.get(random.nextInt(SINKS.size()));
    }
}
