package dev.batchyard.engine.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Clock;

/**
 * One subscriber's bounded mailbox. The engine offers events without ever waiting; when the
 * mailbox is full the event is counted as missed, and the subscriber's next read starts with a
 * {@link BatchEvent.Missed} saying how many it lost. Safe for one reader and many writers.
 */
public final class EventSubscription implements AutoCloseable {
    private final BlockingQueue<BatchEvent> mailbox;
    private final AtomicLong missed = new AtomicLong();
    private final Runnable onClose;
    private final Clock clock;
    private volatile boolean closed;

    EventSubscription(int capacity, Clock clock, Runnable onClose) {
        this.mailbox = new ArrayBlockingQueue<>(capacity);
        this.clock = clock;
        this.onClose = onClose;
    }

    void offer(BatchEvent event) {
        if (!closed && !mailbox.offer(event)) {
            missed.incrementAndGet();
        }
    }

    /** Everything waiting now, oldest first, preceded by a {@code Missed} if any were lost. */
    public List<BatchEvent> drain() {
        List<BatchEvent> out = new ArrayList<>();
        addMissed(out);
        mailbox.drainTo(out);
        return out;
    }

    /** Waits up to {@code timeout} for at least one event, then drains. */
    public List<BatchEvent> await(long timeout, TimeUnit unit) throws InterruptedException {
        List<BatchEvent> out = new ArrayList<>();
        addMissed(out);
        if (out.isEmpty()) {
            BatchEvent first = mailbox.poll(timeout, unit);
            if (first == null) {
                return out;
            }
            addMissed(out);
            out.add(first);
        }
        mailbox.drainTo(out);
        return out;
    }

    private void addMissed(List<BatchEvent> out) {
        long lost = missed.getAndSet(0);
        if (lost > 0) {
            out.add(new BatchEvent.Missed(clock.instant(), lost));
        }
    }

    /** Whether it was closed: nothing reaches it any more. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        onClose.run();
    }
}
