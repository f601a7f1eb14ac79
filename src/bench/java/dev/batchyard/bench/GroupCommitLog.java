package dev.batchyard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ceiling for any durable append design on this disk: bytes appended to one file by one
 * writer thread, one gathering write and one {@code force(false)} per group of whatever queued
 * meanwhile, no framing, no checksums, no index (into a growing file, or one pre-written with zeros); producers wait on their own condition, so each
 * group wakes them once and an append wakes only the writer. Thread-safe.
 */
final class GroupCommitLog implements AutoCloseable {
    private final FileChannel channel;
    private final Thread writer;
    private final List<ByteBuffer> queue = new ArrayList<>();
    /** Answers to run once their group is forced, in the order appended (HandOffProbe's asynchronous pushes). */
    private final List<Runnable> answers = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** The writer waits here for work; producers never do. */
    private final Condition work = lock.newCondition();
    /** Producers wait here for their group's force; the writer signals once per group. */
    private final Condition forced = lock.newCondition();
    private long appended;
    private long durable;
    private boolean closing;
    private IOException failure;
    private final CommitStats stats;

    GroupCommitLog(Path file) throws IOException {
        this(file, new CommitStats());
    }

    /** As above, telling {@code stats} about each group and force. */
    GroupCommitLog(Path file, CommitStats stats) throws IOException {
        this(file, stats, 0);
    }

    /**
     * As above, into a file first written full of {@code preWrittenBytes} zeros and forced (before the
     * writer starts, so outside any timed run): appends then write over blocks already on disk, and a
     * force has no file size to commit, as in the store's pre-written segments. Past that size it grows.
     */
    GroupCommitLog(Path file, CommitStats stats, long preWrittenBytes) throws IOException {
        this.stats = stats;
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (preWrittenBytes > 0) {
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < preWrittenBytes; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), preWrittenBytes - at));
                while (zeros.hasRemaining()) {
                    at += channel.write(zeros, at);
                }
            }
            channel.force(true);
        }
        writer = new Thread(this::writeLoop, "raw-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Appends {@code bytes} and returns once they are on stable storage. */
    void appendDurably(byte[] bytes) {
        lock.lock();
        try {
            queue.add(ByteBuffer.wrap(bytes));
            long ticket = ++appended;
            work.signal();
            while (durable < ticket && failure == null) {
                forced.awaitUninterruptibly();
            }
            if (failure != null) {
                throw new UncheckedIOException(failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends {@code bytes} and returns at once; the writer thread runs {@code onDurable} once they are
     * on stable storage (never, if the log fails).
     */
    void append(byte[] bytes, Runnable onDurable) {
        lock.lock();
        try {
            queue.add(ByteBuffer.wrap(bytes));
            answers.add(onDurable);
            ++appended;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                ByteBuffer[] group;
                List<Runnable> answered;
                long last;
                lock.lock();
                try {
                    while (queue.isEmpty() && !closing) {
                        work.awaitUninterruptibly();
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    group = queue.toArray(ByteBuffer[]::new);
                    queue.clear();
                    answered = answers.isEmpty() ? List.of() : List.copyOf(answers);
                    answers.clear();
                    last = appended;
                } finally {
                    lock.unlock();
                }
                long remaining = 0;
                for (ByteBuffer b : group) {
                    remaining += b.remaining();
                }
                while (remaining > 0) {
                    remaining -= channel.write(group);
                }
                long forceStart = System.nanoTime();
                channel.force(false);
                stats.synced(System.nanoTime() - forceStart);
                stats.committed(group.length, 0, 0, 0);
                lock.lock();
                try {
                    durable = last;
                    forced.signalAll(); // once per group, and only the producers wake
                } finally {
                    lock.unlock();
                }
                answered.forEach(Runnable::run);
            }
        } catch (IOException e) {
            lock.lock();
            try {
                failure = e;
                forced.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join();
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
