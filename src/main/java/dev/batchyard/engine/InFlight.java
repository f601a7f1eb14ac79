package dev.batchyard.engine;

import dev.batchyard.model.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Batches handed to a sink and not yet answered, in memory only (after a crash they are simply
 * due again). Each attempt gets a token; an outcome is accepted only with the current token, so a
 * late answer after {@code batch_timeout} or a discard is ignored. Thread-safe.
 */
final class InFlight {
    /**
     * One attempt under way; {@code settled} is set by whoever records its outcome first;
     * {@code manual} for an operator's "retry now", whose failure does not count against the
     * batch's retry budget; {@code operatorChange} for an operator's change holding the batch
     * ({@link #hold}), not an attempt at a sink.
     */
    record Attempt(long token, String sink, Instant startedAt, AtomicBoolean settled, boolean manual,
                   boolean operatorChange) {
        /** Handed to a sink, and nobody has begun recording its outcome: what views show as {@code IN_FLIGHT}. */
        boolean beingSent() {
            return !settled.get();
        }
    }

    /** The longest an operator's action waits for an outcome being written ({@link #awaitSettled}). */
    static final Duration SETTLING = Duration.ofSeconds(2);

    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    /** Marks {@code id} in flight; empty if it already is. */
    Optional<Attempt> start(String id, String sink, Instant now, boolean manual) {
        Attempt attempt = new Attempt(tokens.incrementAndGet(), sink, now, new AtomicBoolean(), manual, false);
        return attempts.putIfAbsent(id, attempt) == null ? Optional.of(attempt) : Optional.empty();
    }

    /**
     * Holds {@code id} against every attempt while an operator's change to it (a reroute, a requeue,
     * a split) is written; empty if it is in flight or held. A hold is settled from the start, so
     * neither an answer nor the timeout sweep can claim it; {@link #release} it with its token.
     */
    Optional<Long> hold(String id, Instant now) {
        Attempt hold = new Attempt(tokens.incrementAndGet(), "", now, new AtomicBoolean(true), true, true);
        return attempts.putIfAbsent(id, hold) == null ? Optional.of(hold.token()) : Optional.empty();
    }

    /**
     * Claims the right to record the outcome of attempt {@code token}: true once, for the first of
     * the answer and the timeout. The batch stays marked in flight until {@link #release}, so it is
     * not sent again while its outcome is being written.
     */
    boolean claim(String id, long token) {
        Attempt current = attempts.get(id);
        return current != null && current.token() == token && current.settled().compareAndSet(false, true);
    }

    /** Ends attempt {@code token} after its outcome is recorded. */
    void release(String id, long token) {
        attempts.computeIfPresent(id, (key, current) -> current.token() == token ? null : current);
    }

    void forget(String id) {
        attempts.remove(id);
    }

    boolean contains(String id) {
        // a page's pass asks this of every stored batch; most of the time none is in flight, and
        // isEmpty() answers without hashing the id (a cache miss per batch on a million of them)
        return !attempts.isEmpty() && attempts.containsKey(id);
    }

    /**
     * Whether {@code id} is being sent: an attempt is under way and nobody has begun recording its
     * outcome. What views show as {@code IN_FLIGHT}. Narrower than {@link #contains}, which the loops
     * ask before taking a batch: once an outcome (or an operator's change) is being written, the
     * batch is shown as stored, so a reader woken by the event that write publishes reads the state
     * the event announced, not "in flight" until the attempt is released a moment later.
     */
    boolean sending(String id) {
        if (attempts.isEmpty()) {
            return false;
        }
        Attempt current = attempts.get(id);
        return current != null && current.beingSent();
    }

    /**
     * Waits while {@code id} is held by an attempt whose outcome is being written, up to
     * {@link #SETTLING}: views already show such a batch as the write leaves it ({@link #sending}), so
     * an operator acting on what a view shows finds it free a moment later rather than being told it
     * is in flight when no view says so. Returns at once when the batch is free, is being sent, or is
     * held by another operator's change (two changes claiming overlapping batches in opposite orders
     * would otherwise each wait for the other).
     */
    void awaitSettled(String id) {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        for (Attempt a = attempts.get(id); a != null && !a.beingSent() && !a.operatorChange(); a = attempts.get(id)) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return;
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /** The ids {@link #sending} now (a copy). */
    List<String> sendingIds() {
        return attempts.entrySet().stream().filter(e -> e.getValue().beingSent()).map(Map.Entry::getKey).toList();
    }

    int size() {
        return attempts.size();
    }

    /** Attempts started before {@code deadline}. */
    List<Map.Entry<String, Attempt>> startedBefore(Instant deadline) {
        return attempts.entrySet().stream()
                .filter(e -> e.getValue().startedAt().isBefore(deadline) && !e.getValue().settled().get())
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }
}
