package dev.batchyard.console;

import dev.batchyard.engine.AuditRecord;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * A filter over the audit trail; every criterion left {@code null} matches all. Build with
 * {@link #all()} and the {@code with…} methods.
 *
 * @param since   at or after this instant
 * @param action  exactly this action ({@code discard}, {@code retry}, {@code reroute},
 *                {@code pause-recovery}, {@code resume-recovery}, {@code damage}, ...)
 * @param actor   exactly this actor's name ({@code ana}, {@code policy:fallback}, {@code store})
 * @param batchId records concerning this batch
 */
public record AuditQuery(Instant since, String action, String actor, String batchId) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }

    public AuditQuery withSince(Instant value) {
        return new AuditQuery(value, action, actor, batchId);
    }

    public AuditQuery withAction(String value) {
        return new AuditQuery(since, value, actor, batchId);
    }

    public AuditQuery withActor(String value) {
        return new AuditQuery(since, action, value, batchId);
    }

    public AuditQuery withBatchId(String value) {
        return new AuditQuery(since, action, actor, value);
    }

    /**
     * What this query means. A line that could not be read (a crash cut it short) has no time,
     * action or actor, so it matches only a query without criteria: nothing hides it from a full read.
     */
    public Predicate<AuditRecord> matcher() {
        return r -> (since == null || r.at() != null && !r.at().isBefore(since))
                && (action == null || action.equals(r.action()))
                && (actor == null || actor.equals(r.actor()))
                && (batchId == null || r.ids().contains(batchId));
    }
}
