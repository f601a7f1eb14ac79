package dev.batchyard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the power-loss workload was told, per batch: the state of the last change acknowledged
 * (its call returned, so it is durable) and the change under way when the power went (its call
 * never returned: it may or may not have reached the disk). After a cut, a reopened store must
 * hold, for every batch, either the acknowledged state or that state with the change under way
 * applied; and nothing else. Operator actions acknowledged must each have their line in
 * {@code audit.log}.
 *
 * <p>Thread-safe for the workload's use: each batch is changed by the one thread that owns it.
 */
final class Ledger {
    private static final class Expected {
        volatile BatchFacts acknowledged;
        volatile BatchFacts.Change underWay;
    }

    private final Map<String, Expected> batches = new ConcurrentHashMap<>();
    private final Set<String> auditLines = ConcurrentHashMap.newKeySet();
    private final AtomicLong acknowledgedChanges = new AtomicLong();

    /** Before a call: {@code change} may happen to {@code id} from now on. */
    void intend(String id, BatchFacts.Change change) {
        batches.computeIfAbsent(id, x -> new Expected()).underWay = change;
    }

    /** The call returned having made the change: it is durable. */
    void acknowledge(String id) {
        Expected e = batches.get(id);
        e.acknowledged = e.underWay.apply(e.acknowledged);
        e.underWay = null;
        acknowledgedChanges.incrementAndGet();
    }

    /** The call returned without making the change (nothing to do): the batch is as acknowledged before. */
    void withdraw(String id) {
        batches.get(id).underWay = null;
    }

    /** The state acknowledged last (null: absent). */
    BatchFacts acknowledged(String id) {
        Expected e = batches.get(id);
        return e == null ? null : e.acknowledged;
    }

    /** An operator action returned: its audit line, by its unique actor, is durable. */
    void audited(String actor, String action) {
        auditLines.add(actor + " " + action);
        acknowledgedChanges.incrementAndGet();
    }

    /** Audit lines ({@code actor action}) that must be in {@code audit.log}. */
    Set<String> auditLines() {
        return Set.copyOf(auditLines);
    }

    /** How many changes and audit lines were acknowledged since the last call. */
    long takeAcknowledged() {
        return acknowledgedChanges.getAndSet(0);
    }

    /** What is wrong with {@code actual} (id to facts, as reopened), or an empty list. */
    List<String> problems(Map<String, BatchFacts> actual) {
        List<String> problems = new ArrayList<>();
        batches.forEach((id, e) -> {
            BatchFacts now = actual.get(id);
            BatchFacts acked = e.acknowledged;
            BatchFacts.Change underWay = e.underWay;
            if (Objects.equals(now, acked) || (underWay != null && Objects.equals(now, underWay.apply(acked)))) {
                return;
            }
            String was = "acknowledged " + (acked == null ? "absent" : acked)
                    + (underWay == null ? "" : ", then " + underWay.name() + " under way");
            problems.add(now == null ? "batch " + id + " is gone: " + was
                    : "batch " + id + " is " + now + ": " + was);
        });
        actual.keySet().stream().filter(id -> !batches.containsKey(id))
                .forEach(id -> problems.add("batch " + id + " was never written, yet is there: " + actual.get(id)));
        return problems;
    }

    /** After a check: what the store holds is the new acknowledged state, nothing under way. */
    void reset(Map<String, BatchFacts> actual) {
        batches.clear();
        actual.forEach((id, facts) -> batches.computeIfAbsent(id, x -> new Expected()).acknowledged = facts);
    }
}
