package dev.batchyard.app.common;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One read shared by the parts of a window that poll the same thing: the status bar, the charts
 * and the cockpit's tiles each ask the store's counts once a second, and each ask is a pass over
 * every stored batch. Asked again within {@code fresh} of the last answer, it gives that answer; asked
 * while a read is running, it waits for that read instead of starting a second one beside it. So
 * one pass a second serves them all, instead of two or three running at once on a 2-core machine,
 * beside the FX thread and the renderer, at the very moment of the window's once-a-second pulse.
 *
 * <p>A read that fails is not kept: the next ask reads again. Thread-safe (asked on the executor's
 * threads).
 *
 * @param <T> what is read
 */
public final class SharedRead<T> implements Supplier<T> {
    private final Supplier<T> read;
    private final long freshNanos;
    private final LongSupplier nanoTime;
    private T last;
    private long readAt;

    /**
     * @param fresh    how old an answer may be and still be given again: under the pollers' period
     * @param nanoTime {@code System::nanoTime}, or a test's clock
     */
    public SharedRead(Supplier<T> read, Duration fresh, LongSupplier nanoTime) {
        this.read = Objects.requireNonNull(read, "read");
        this.freshNanos = fresh.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The last answer if it is fresh, else a new read (one at a time: a second asker waits for it). */
    @Override
    public synchronized T get() {
        if (last != null && nanoTime.getAsLong() - readAt < freshNanos) {
            return last;
        }
        last = null;
        T answer = read.get();
        last = answer;
        readAt = nanoTime.getAsLong();
        return answer;
    }
}
