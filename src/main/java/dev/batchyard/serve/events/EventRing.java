package dev.batchyard.serve.events;

import dev.batchyard.engine.events.BatchEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's recent events, each numbered with an id one greater than the one before: what
 * {@code GET /api/v1/events} streams, and where a client that reconnects with {@code Last-Event-ID}
 * picks up. Only the last {@code capacity} events are kept; a reader asking for events that have
 * left the ring is told how many it missed ({@link Catchup#missed()}) and goes on from the oldest
 * kept, so a slow client costs the server no memory beyond the ring.
 *
 * <p>Ids start at the clock's epoch milliseconds times 1000 when the ring is made, so the ids of a
 * later run of the server are greater than any of an earlier one (unless a run published more than
 * a million events a second throughout): an id from before a restart is recognised as such, and its
 * reader told that an unknown number of events was missed.
 *
 * <p>Thread-safe: one writer ({@link #add}) and any number of readers, who wait on the ring.
 * Nothing is written to disk; a restart empties it.
 */
public final class EventRing implements AutoCloseable {
    /** At most this many events come back from one {@link #after} call, so each send stays small. */
    static final int MAX_BATCH = 256;

    /** One event and its id. */
    public record Numbered(long id, BatchEvent event) {
    }

    /**
     * What a reader gets after the id it last saw.
     *
     * @param missed  how many events it can no longer have before {@code events}: 0 when none,
     *                {@link #UNKNOWN} when its id is not one this ring gave (a restart came between)
     * @param resumeAt the id the reader has reached once it has read {@code events} (the last one's id,
     *                 or, when there are none, the id just before what comes next)
     * @param events  oldest first, at most {@value #MAX_BATCH}
     * @param closed  whether the ring is closed: no more events will come
     */
    public record Catchup(long missed, long resumeAt, List<Numbered> events, boolean closed) {
        public static final long UNKNOWN = -1;

        public Catchup {
            events = List.copyOf(events);
        }
    }

    private final Numbered[] slots;
    private final long firstId;
    private long lastId;
    private boolean closed;

    /** @param firstId the id the first event gets */
    public EventRing(int capacity, long firstId) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an event ring holds at least 1 event, not " + capacity);
        }
        if (firstId < 1) {
            throw new IllegalArgumentException("event ids start at 1 or more, not " + firstId);
        }
        this.slots = new Numbered[capacity];
        this.firstId = firstId;
        this.lastId = firstId - 1;
    }

    /** A ring whose ids are greater than those of any ring made earlier on {@code clock}. */
    public static EventRing startingNow(int capacity, Clock clock) {
        return new EventRing(capacity, Math.multiplyExact(clock.millis(), 1000L) + 1);
    }

    /** Numbers {@code event} and keeps it, dropping the oldest when full; wakes the readers. */
    public synchronized void add(BatchEvent event) {
        lastId++;
        slots[(int) Math.floorMod(lastId, (long) slots.length)] = new Numbered(lastId, event);
        notifyAll();
    }

    /** The id of the newest event, or the id before the first when none came yet: where a new reader starts. */
    public synchronized long lastId() {
        return lastId;
    }

    /**
     * The events after {@code seen} (an id a reader last had), waiting up to {@code wait} for one when
     * there are none yet. An id this ring never gave (before its first, after its last) is a reader
     * from another run: it gets every event kept, with {@link Catchup#UNKNOWN} missed.
     */
    public synchronized Catchup after(long seen, Duration wait) throws InterruptedException {
        if (seen == lastId && !closed) {
            long deadline = System.nanoTime() + wait.toNanos();
            for (long left = wait.toNanos(); lastId == seen && !closed && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        }
        long oldestKept = Math.max(firstId, lastId - slots.length + 1);
        long missed;
        long from;
        if (seen < firstId - 1 || seen > lastId) {
            missed = Catchup.UNKNOWN;
            from = oldestKept;
        } else if (seen < oldestKept - 1) {
            missed = oldestKept - 1 - seen;
            from = oldestKept;
        } else {
            missed = 0;
            from = seen + 1;
        }
        List<Numbered> events = new ArrayList<>();
        for (long id = from; id <= lastId && events.size() < MAX_BATCH; id++) {
            events.add(slots[(int) Math.floorMod(id, (long) slots.length)]);
        }
        long resumeAt = events.isEmpty() ? from - 1 : events.get(events.size() - 1).id();
        return new Catchup(missed, resumeAt, events, closed);
    }

    /** Wakes every reader and tells it no more events come. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
