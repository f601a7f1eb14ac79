package dev.batchyard.engine;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The engine's retention policy, one pass at a time:
 * <ul>
 *   <li>a live batch ({@code PENDING}, {@code RETRY_WAIT}) older than {@code batch_ttl} is removed
 *       (the Go agent's policy);</li>
 *   <li>a kept batch ({@code DEAD}, {@code HELD}) is never removed by {@code batch_ttl}: only by
 *       {@code dead_batch_ttl} when one is set (counted from its last attempt, or its creation if it
 *       never had one), and a {@code DEAD} one by the {@code max_dead_batches} cap: when there are
 *       more, the pass removes those that died longest ago down to the cap ({@code HELD} batches
 *       are never capped: they are a configuration problem, not a verdict on the batch);</li>
 *   <li>a discarded batch is purged once {@code discard_grace} has passed since its discard (and
 *       never by the other rules: it is restored as it was, or purged);</li>
 * </ul>
 * One {@code Expired} event per batch, a {@code CleanupPass} summary, and, when anything was
 * removed, one audit line for the whole pass ({@code expire} by {@code policy:cleanup}, each id
 * with the rule that removed it). A batch in flight is left for the next pass, so an answer on
 * its way is not lost. Scheduled by {@link Upkeep}; run by an operator through
 * {@link BatchPersistence#runCleanupNow}. Thread-safe (one pass at a time).
 */
final class CleanupLoop {
    static final Actor POLICY = Actor.policy("cleanup");
    private final LogStore store;
    private final BatchLifecycle lifecycle;
    private final InFlight inFlight;
    private final PersistenceConfig config;
    private final EventBus events;
    private final AuditTrail audit;
    private final Clock clock;

    CleanupLoop(LogStore store, BatchLifecycle lifecycle, InFlight inFlight, PersistenceConfig config, EventBus events,
                AuditTrail audit) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.inFlight = inFlight;
        this.config = config;
        this.events = events;
        this.audit = audit;
        this.clock = lifecycle.clock();
    }

    synchronized CleanupReport pass() {
        Instant started = clock.instant();
        Instant cutoff = started.minus(config.batchTtl());
        Instant deadCutoff = config.deadBatchesExpire() ? started.minus(config.deadBatchTtl()) : Instant.MIN;
        List<ActionResult> removed = new ArrayList<>();
        List<StoredBatch> dead = new ArrayList<>();
        for (StoredBatch b : List.copyOf(store.all())) {
            if (inFlight.contains(b.id())) {
                continue;
            }
            if (b.meta().discarded()) {
                if (!started.isBefore(b.meta().discard().at().plus(config.discardGrace()))) {
                    purge(b, removed);
                }
            } else if (!kept(b)) {
                if (b.createdAt().toInstant().isBefore(cutoff)) {
                    expire(b, ExpiryRule.BATCH_TTL, removed);
                }
            } else if (since(b).isBefore(deadCutoff)) {
                expire(b, ExpiryRule.DEAD_BATCH_TTL, removed);
            } else if (b.meta().state() == BatchState.DEAD) {
                dead.add(b);
            }
        }
        if (config.deadBatchesCapped() && dead.size() > config.maxDeadBatches()) {
            dead.sort(Comparator.comparing(CleanupLoop::since).thenComparing(StoredBatch::id));
            for (StoredBatch b : dead.subList(0, dead.size() - config.maxDeadBatches())) {
                expire(b, ExpiryRule.MAX_DEAD_BATCHES, removed);
            }
        }
        if (!removed.isEmpty()) {
            audit.record(clock.instant(), POLICY, "expire", rules(), removed);
        }
        Duration took = Duration.between(started, clock.instant());
        events.publish(new BatchEvent.CleanupPass(clock.instant(), removed.size(), took));
        return new CleanupReport(removed.stream().map(ActionResult::id).toList(), took);
    }

    /** Kept like a dead letter: out of {@code batch_ttl}'s reach. */
    static boolean kept(StoredBatch b) {
        return b.meta().state() == BatchState.DEAD
                || b.meta().state() == BatchState.HELD;
    }

    /** When a kept batch became what it is: its last attempt, or its creation. */
    private static Instant since(StoredBatch b) {
        return b.meta().lastAttempt() != null ? b.meta().lastAttempt().toInstant() : b.createdAt().toInstant();
    }

    private void expire(StoredBatch b, ExpiryRule rule, List<ActionResult> removed) {
        try {
            lifecycle.expire(b.id(), rule.describe(config));
            removed.add(ActionResult.of(b.id(), ActionResult.Reason.EXPIRED, rule.key()));
        } catch (UnknownBatchException gone) {
            // delivered or discarded meanwhile: nothing to remove
        }
    }

    private void purge(StoredBatch b, List<ActionResult> removed) {
        try {
            lifecycle.purge(b.id(), ExpiryRule.DISCARD_GRACE.describe(config));
            removed.add(ActionResult.of(b.id(), ActionResult.Reason.EXPIRED, ExpiryRule.DISCARD_GRACE.key()));
        } catch (UnknownBatchException gone) {
            // gone meanwhile
        }
    }

    private String rules() {
        return "batch_ttl " + config.batchTtl() + ", dead_batch_ttl "
                + (config.deadBatchesExpire() ? config.deadBatchTtl() : "keep") + ", max_dead_batches "
                + (config.deadBatchesCapped() ? config.maxDeadBatches() : "none");
    }

    /** Which setting removed a batch. */
    enum ExpiryRule {
        BATCH_TTL, DEAD_BATCH_TTL, MAX_DEAD_BATCHES, DISCARD_GRACE;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        String describe(PersistenceConfig config) {
            return switch (this) {
                case BATCH_TTL -> "older than batch_ttl " + config.batchTtl();
                case DEAD_BATCH_TTL -> "dead for longer than dead_batch_ttl " + config.deadBatchTtl();
                case MAX_DEAD_BATCHES -> "among the oldest over max_dead_batches " + config.maxDeadBatches();
                case DISCARD_GRACE -> "discarded longer ago than discard_grace " + config.discardGrace();
            };
        }
    }
}
